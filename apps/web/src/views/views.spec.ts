import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureApi } from '@/api/client';
import { useAuthStore } from '@/stores/auth';

type Handler = (request: Request) => Response | Promise<Response>;
let routes: Record<string, Handler> = {};

function stubApi(next: Record<string, Handler>) {
  routes = next;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const handler = routes[`${request.method} ${new URL(request.url).pathname}`];
      return handler ? handler(request) : Response.json({ statusCode: 404, message: 'Cannot GET' }, { status: 404 });
    }),
  );
}

async function mountPage(loader: () => Promise<{ default: object }>, path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const component = (await loader()).default;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      path === '/login' ? { path, name: 'login', component } : { path, component },
      ...(path === '/login' ? [] : [{ path: '/login', name: 'login', component: { render: () => null } }]),
      { path: '/:any(.*)*', component: { render: () => null } },
    ],
  });
  await router.push(path);
  const wrapper = mount(component, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

beforeEach(() => {
  vi.resetModules();
  sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  configureApi({ token: () => null, onUnauthorized: () => undefined });
  document.body.innerHTML = '';
});

describe('the login page', () => {
  it('lists the demo accounts from /app-info and fills one in with a click', async () => {
    stubApi({
      'GET /api/v1/app-info': () =>
        Response.json({
          timeZone: 'Asia/Shanghai',
          demo: true,
          demoPassword: 'demo-password',
          demoAccounts: [{ username: 'inspector', displayName: '王科长', role: 'inspector', unit: 'pref-inspection' }],
        }),
    });
    const { wrapper } = await mountPage(() => import('./login/LoginPage.vue'), '/login');
    expect(wrapper.text()).toContain('演示账号');
    await wrapper.get('button[aria-label="填入 王科长"]').trigger('click');
    const inputs = wrapper.findAll('input');
    expect((inputs.find((i) => i.attributes('name') === 'username')!.element as HTMLInputElement).value).toBe(
      'inspector',
    );
    expect((inputs.find((i) => i.attributes('name') === 'password')!.element as HTMLInputElement).value).toBe(
      'demo-password',
    );
    wrapper.unmount();
  });

  it('without /app-info (404) there is no list, and the form still logs in', async () => {
    stubApi({
      'POST /api/v1/auth/login': () => Response.json({ accessToken: 't', tokenType: 'Bearer', expiresIn: 60 }),
      'GET /api/v1/auth/me': () =>
        Response.json({ username: 'supervisor', displayName: '张督查', role: 'supervisor', unit: null }),
    });
    const { wrapper, router } = await mountPage(() => import('./login/LoginPage.vue'), '/login');
    expect(wrapper.text()).not.toContain('演示账号');
    await wrapper.get('input[name="username"]').setValue('supervisor');
    await wrapper.get('input[name="password"]').setValue('demo-password');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/issues/new'));
    wrapper.unmount();
  });
});

describe('the account page', () => {
  async function mountAccount(password: Handler) {
    stubApi({
      'GET /api/v1/auth/me': () =>
        Response.json({ username: 'xingren-handler', displayName: '承办员', role: 'handler', unit: 'xingren-gov' }),
      'GET /api/v1/units/xingren-gov': () => Response.json({ code: 'xingren-gov', name: '兴仁市人民政府' }),
      'POST /api/v1/auth/password': password,
    });
    const { wrapper, router } = await mountPage(async () => {
      const page = await import('./account/AccountPage.vue');
      const auth = useAuthStore();
      auth.token = 'tok';
      configureApi({ token: () => auth.token });
      await auth.loadMe();
      return page;
    }, '/account');
    const fill = async (current: string, next: string) => {
      const inputs = wrapper.findAll('input[type="password"]');
      await inputs[0]!.setValue(current);
      await inputs[1]!.setValue(next);
      await inputs[2]!.setValue(next);
      await wrapper.get('form').trigger('submit');
      await flushPromises();
    };
    return { wrapper, router, fill };
  }

  it('shows the profile from /auth/me', async () => {
    const { wrapper } = await mountAccount(() => new Response(null, { status: 204 }));
    await vi.waitFor(() => expect(wrapper.text()).toContain('兴仁市人民政府'));
    expect(wrapper.text()).toContain('xingren-handler');
    expect(wrapper.text()).toContain('承办员');
    wrapper.unmount();
  });

  it('refuses a new password that is the username, before asking the API', async () => {
    const password = vi.fn(() => new Response(null, { status: 204 }));
    const { wrapper, fill } = await mountAccount(password);
    await fill('old-password-1', 'xingren-handler');
    await vi.waitFor(() => expect(wrapper.text()).toContain('不能与用户名相同'));
    expect(password).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('a 400 naming currentPassword is shown on that field', async () => {
    const { wrapper, fill } = await mountAccount(() =>
      Response.json({ statusCode: 400, message: 'currentPassword: is wrong' }, { status: 400 }),
    );
    await fill('wrong-password', 'a-new-password-2');
    await vi.waitFor(() => expect(wrapper.find('.el-form-item.is-error').text()).toContain('is wrong'));
    expect(wrapper.find('.el-form-item.is-error').text()).toContain('当前密码');
    wrapper.unmount();
  });

  it('an API without the endpoint (404) is said gracefully', async () => {
    const { wrapper, fill } = await mountAccount(() =>
      Response.json({ statusCode: 404, message: 'Cannot POST /api/v1/auth/password' }, { status: 404 }),
    );
    await fill('old-password-1', 'a-new-password-2');
    await vi.waitFor(() => expect(wrapper.text()).toContain('服务暂不支持修改密码'));
    expect(wrapper.text()).not.toContain('Cannot POST');
    wrapper.unmount();
  });

  it('a changed password ends the session: back to the login page', async () => {
    const { wrapper, router, fill } = await mountAccount(() => new Response(null, { status: 204 }));
    await fill('old-password-1', 'a-new-password-2');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'));
    expect(useAuthStore().loggedIn).toBe(false);
    wrapper.unmount();
  });
});
