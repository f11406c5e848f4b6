import { accountLocales } from '@anyam/client/account';
import { communityLocales } from '@anyam/client/community';
import { forumLocales } from '@anyam/client/forum';
import { learningLocales } from '@anyam/client/learning';
import { uiLocales, type LocaleLoaders } from '@anyam/client/ui';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '@anyam/shared/domain';
import i18n, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { webLocales } from './locales';

/** One namespace per library; each language of each namespace is its own small chunk, fetched when needed. */
const NAMESPACES: Record<string, LocaleLoaders> = {
  web: webLocales,
  ui: uiLocales,
  account: accountLocales,
  community: communityLocales,
  forum: forumLocales,
  learning: learningLocales,
};

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = isLocale(language) ? NAMESPACES[namespace]?.[language] : undefined;
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export const LANGUAGE_STORAGE_KEY = 'anyam.language';

export function initI18n() {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = i18n.resolvedLanguage ?? language;
  });
  return i18n
    .use(lazyBackend)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: [...LOCALES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // A test keeps every language complete, so a supported language never needs English loaded beside it.
      fallbackLng: (code: string) => (isLocale(code) ? [] : [DEFAULT_LOCALE]),
      ns: Object.keys(NAMESPACES),
      defaultNS: 'web',
      detection: {
        order: ['localStorage', 'navigator'],
        caches: ['localStorage'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // "pt-BR" → "pt": the interface has one variant of each language.
        convertDetectedLanguage: (language: string) => language.split('-')[0].toLowerCase(),
      },
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
      returnNull: false,
    });
}

export { i18n };
