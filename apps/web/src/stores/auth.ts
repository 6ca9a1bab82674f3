import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '@/api/client';
import type { Me } from '@/api/types';

export const TOKEN_KEY = 'dh.token';

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage refused (private mode): the session lives in memory only
  }
}

/** Who is logged in. The token lives in sessionStorage: a tab's session, gone when the tab closes. */
export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(readToken());
  const me = ref<Me | null>(null);
  const unitName = ref<string | null>(null);
  let loading: Promise<Me> | null = null;

  const loggedIn = computed(() => token.value !== null);
  const role = computed(() => me.value?.role ?? null);

  async function login(username: string, password: string): Promise<Me> {
    const answer = await call(api.POST('/auth/login', { body: { username, password } }));
    token.value = answer.accessToken;
    writeToken(answer.accessToken);
    me.value = null;
    return loadMe();
  }

  /** GET /auth/me once per token; concurrent callers share the request. */
  function loadMe(): Promise<Me> {
    if (me.value) return Promise.resolve(me.value);
    loading ??= call(api.GET('/auth/me'))
      .then((answer) => {
        me.value = answer;
        void loadUnitName(answer.unit);
        return answer;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function loadUnitName(code: string | null): Promise<void> {
    unitName.value = null;
    if (!code) return;
    try {
      const unit = await call(api.GET('/units/{code}', { params: { path: { code } } }));
      if (me.value?.unit === code) unitName.value = unit.name;
    } catch {
      // the code stands in for the name
    }
  }

  function logout(): void {
    token.value = null;
    me.value = null;
    unitName.value = null;
    writeToken(null);
  }

  return { token, me, unitName, loggedIn, role, login, loadMe, logout };
});
