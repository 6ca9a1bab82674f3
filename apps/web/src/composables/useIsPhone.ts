import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Below this width the side menu becomes a drawer. */
export const PHONE_QUERY = '(max-width: 767px)';

export function useIsPhone(): Ref<boolean> {
  const query = typeof matchMedia === 'function' ? matchMedia(PHONE_QUERY) : null;
  const isPhone = ref(query?.matches ?? false);
  const update = (event: MediaQueryListEvent) => (isPhone.value = event.matches);
  query?.addEventListener('change', update);
  if (getCurrentScope()) onScopeDispose(() => query?.removeEventListener('change', update));
  return isPhone;
}
