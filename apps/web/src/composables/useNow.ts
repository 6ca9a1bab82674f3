import { onScopeDispose, ref, getCurrentScope, type Ref } from 'vue';

// One clock for every countdown on the page: one timer, however many tags.
const now = ref(new Date());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

export const TICK_MS = 1000;

/** The current time, updated every second while any component uses it. */
export function useNow(): Ref<Date> {
  users += 1;
  if (timer === null) {
    now.value = new Date();
    timer = setInterval(() => (now.value = new Date()), TICK_MS);
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      users -= 1;
      if (users === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    });
  }
  return now;
}
