import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = process.env.VITE_API_TARGET ?? 'http://localhost:3000';
// The API's own paths; everything else is the app. The same proxy serves `vite` (dev) and `vite preview`.
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  ['/api', '/docs', '/health'].map((path) => [path, { target, changeOrigin: true }]),
);

export default defineConfig({
  root,
  plugins: [
    vue(),
    // Element Plus components (and their CSS) are imported where a template uses them, not as one bundle.
    Components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    // vue-i18n compiles messages to an AST it interprets (no `new Function`): safe under a CSP without eval.
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline module-preload polyfill script: the API serves the app under a CSP without inline scripts.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Element Plus as one chunk (with one stylesheet) instead of dozens of small ones: a page's first load
        // waits on fewer requests in a row.
        manualChunks: (id) => (/node_modules\/(element-plus|@element-plus)\//.test(id) ? 'element-plus' : undefined),
      },
    },
  },
});
