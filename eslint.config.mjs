import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

// The layering, enforced: a file may import only from its own layer or one below it.
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'pg', 'express', 'prom-client'];
const LIBS = ['domain', 'platform', 'persistence', 'messaging', 'workflow'];
// libs/workflow's features, lowest first: the issue record under everything, the read models on top.
const WORKFLOW = [
  ['common'],
  ['audit'],
  ['issue-record'],
  ['stream'],
  ['calendar', 'attachments'],
  ['webhooks'],
  ['assessment'],
  ['notifications'],
  ['deadlines'],
  ['routing'],
  ['issues'],
  ['reconciler'],
  ['oversight', 'reference', 'users'],
];

// One config object per set of files: a later object's options for the same rule replace an earlier one's.
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.filter((pattern) => pattern.group.length) }] },
});
const forbid = (message, imports) => ({ group: imports, message });

const libRules = (lib) => [
  forbid(
    `libs/${lib} may not import a lib above it`,
    LIBS.slice(LIBS.indexOf(lib) + 1).map((above) => `@app/${above}`),
  ),
  forbid('a lib never imports an app', ['**/apps/**']),
  forbid('libs/devkit is for tools and tests', ['@app/devkit']),
];

const layering = [
  restrict(
    ['libs/domain/**/*.ts'],
    [forbid('libs/domain is plain TypeScript: no framework, no other lib', [...FRAMEWORKS, '@app/*'])],
  ),
  ...LIBS.slice(1).map((lib) => restrict([`libs/${lib}/**/*.ts`], libRules(lib))),
  ...WORKFLOW.flatMap((folders, level) =>
    folders.map((folder) =>
      restrict(
        [`libs/workflow/src/${folder}/**/*.ts`],
        [
          ...libRules('workflow'),
          forbid(
            `libs/workflow/src/${folder} may import only the features below it`,
            WORKFLOW.slice(level + 1)
              .flat()
              .map((above) => `**/${above}/**`),
          ),
        ],
      ),
    ),
  ),
  restrict(['apps/api/**/*.ts'], [forbid('the API and the worker never import each other', ['**/worker/**'])]),
  restrict(['apps/worker/**/*.ts'], [forbid('the API and the worker never import each other', ['**/api/**'])]),
];

export default [
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      // Generated from the OpenAPI document (npm run web:schema).
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...layering,
  {
    // The web app's single-file components: TypeScript in <script setup>, types checked by vue-tsc.
    files: ['apps/web/**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      'no-undef': 'off',
      // Text users typed is never rendered as HTML.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // Plain JavaScript config files run in Node as CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
];
