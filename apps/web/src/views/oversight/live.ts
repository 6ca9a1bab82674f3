import { getCurrentScope, onScopeDispose } from 'vue';
import { useStream, type IssueStreamEvent } from '@/api/stream';

/** A burst of events (a routing, then its notifications) costs one re-read. */
export const LIVE_DEBOUNCE_MS = 400;

/** `fn` once, `ms` after the last of a burst of calls; `cancel` drops a pending call. */
export function debounce(fn: () => void, ms: number): { (): void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
  run.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return run;
}

/**
 * Re-read a list when the stream says one of its issues changed (`relevant`), and after every resync (a
 * reconnect, or each poll while the API has no stream), debounced.
 */
export function useLiveRefresh(
  refresh: () => void,
  relevant: (event: IssueStreamEvent) => boolean = () => true,
  ms = LIVE_DEBOUNCE_MS,
): void {
  const later = debounce(refresh, ms);
  useStream((message) => {
    if (message.kind === 'resync' || (message.kind === 'issue' && relevant(message.data))) later();
  });
  if (getCurrentScope()) onScopeDispose(later.cancel);
}
