import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/theme-chalk/base.css';
import App from './App.vue';
import { loadAppInfo } from './api/app-info';
import { configureApi } from './api/client';
import { stream } from './api/stream';
import { currentLocale, i18n, setLocale } from './locales';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';
import { useNotificationsStore } from './stores/notifications';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
const router = createAppRouter();
app.use(router);

const auth = useAuthStore(pinia);
configureApi({
  token: () => auth.token,
  // The token expired or was revoked: end the session and come back here after logging in again.
  onUnauthorized: () => {
    if (!auth.loggedIn) return;
    auth.logout();
    useNotificationsStore(pinia).reset();
    stream.stop();
    const current = router.currentRoute.value;
    if (current.name !== 'login') {
      void router.replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } });
    }
  },
});
// A new login starts the stream afresh with the new token.
auth.$onAction(({ name, after }) => {
  if (name === 'login') after(() => stream.restart());
});

setLocale(currentLocale());
void loadAppInfo();
app.mount('#app');
