import { getCurrentScope, onScopeDispose } from 'vue';
import { useStream, type IssueStreamEvent } from '@/api/stream';

/** At most one re-read per this long: a burst of events (a routing, then its notifications) costs two at most. */
export const LIVE_INTERVAL_MS = 400;

/**
 * `fn` at once on the first call, then at most once per `ms`: calls inside that time make one more call at its
 * end. A change shows as soon as it is heard; a burst does not re-read the list once per event. `cancel` drops a
 * pending call.
 */
export function throttle(fn: () => void, ms: number): { (): void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const cool = () => {
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        pending = false;
        fn();
        cool();
      }
    }, ms);
  };
  const run = () => {
    if (timer !== null) {
      pending = true;
      return;
    }
    fn();
    cool();
  };
  run.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = false;
  };
  return run;
}

/**
 * Re-read a list when the stream says one of its issues changed (`relevant`), and after every resync (a
 * reconnect, or each poll while the API has no stream), throttled.
 */
export function useLiveRefresh(
  refresh: () => void,
  relevant: (event: IssueStreamEvent) => boolean = () => true,
  ms = LIVE_INTERVAL_MS,
): void {
  const later = throttle(refresh, ms);
  useStream((message) => {
    if (message.kind === 'resync' || (message.kind === 'issue' && relevant(message.data))) later();
  });
  if (getCurrentScope()) onScopeDispose(later.cancel);
}
