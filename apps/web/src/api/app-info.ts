import { api, call } from './client';
import type { AppInfo } from './types';
import { setTimeZone } from '@/utils/time';

let answer: Promise<AppInfo | null> | null = null;

/**
 * GET /app-info once per page load: the service's time zone and, on a demo, its accounts. Null when the API
 * does not have it (404) or cannot answer: the app then shows times in Asia/Shanghai and no demo list.
 */
export function loadAppInfo(): Promise<AppInfo | null> {
  answer ??= call(api.GET('/app-info'))
    .then((info) => {
      if (info?.timeZone) setTimeZone(info.timeZone);
      return info ?? null;
    })
    .catch(() => null);
  return answer;
}
