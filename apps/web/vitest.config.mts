import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.mjs';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['src/test-setup.ts'],
      restoreMocks: true,
      // The first test to load a page transforms Element Plus: seconds on a two-core machine.
      testTimeout: 30_000,
      // Element Plus's ES modules import their CSS: let Vite handle them rather than Node.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);
