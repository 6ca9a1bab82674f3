import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The service's TIME_ZONE (from GET /app-info when it answers), in which every time is shown. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
let zone = DEFAULT_TIME_ZONE;

export function setTimeZone(timeZone: string): void {
  try {
    dayjs().tz(timeZone);
    zone = timeZone;
  } catch {
    zone = DEFAULT_TIME_ZONE;
  }
}

export function timeZone(): string {
  return zone;
}

export function setDayjsLocale(locale: string): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

/** An ISO time from the API as `2026-12-02 09:30` in the service's zone; '' for null. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  return dayjs(iso)
    .tz(zone)
    .format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).tz(zone).format('YYYY-MM-DD');
}

/** A time typed in the service's zone (`YYYY-MM-DD HH:mm`) as the ISO UTC instant the API takes. */
export function toInstant(local: string): string {
  return dayjs.tz(local, zone).toISOString();
}
