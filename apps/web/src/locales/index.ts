import { createI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { setDayjsLocale } from '@/utils/time';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'dh.locale';

/** A feature's messages: strings, nested. */
export interface Messages {
  [key: string]: string | Messages;
}

/**
 * `locales/<locale>/<feature>.ts` files, each `export default { ... }`, become `messages[locale][feature]`: a
 * feature adds its own two files and names its keys `<feature>.…`; no shared file is edited.
 */
export function collectMessages(modules: Record<string, { default: Messages }>): Record<Locale, Messages> {
  const messages = Object.fromEntries(LOCALES.map((locale) => [locale, {}])) as Record<Locale, Messages>;
  for (const [path, module] of Object.entries(modules)) {
    const match = /\/([^/]+)\/([^/]+)\.ts$/.exec(path);
    if (!match) continue;
    const [, locale, feature] = match as unknown as [string, Locale, string];
    if (!LOCALES.includes(locale)) throw new Error(`${path}: unknown locale ${locale}`);
    messages[locale][feature] = module.default;
  }
  return messages;
}

export const messages = collectMessages(
  import.meta.glob<{ default: Messages }>(['./zh-CN/*.ts', './en/*.ts'], { eager: true }),
);

export const elementLocales = { 'zh-CN': elementZhCn, en: elementEn } as const;

function savedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(saved as Locale) ? (saved as Locale) : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  setDayjsLocale(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered
  }
}
