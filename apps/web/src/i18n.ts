import { accountLocales } from '@anyam/client/account';
import { communityLocales } from '@anyam/client/community';
import { forumLocales } from '@anyam/client/forum';
import { meetingsLocales } from '@anyam/client/meetings';
import { notificationsLocales } from '@anyam/client/notifications';
import { learningLocales } from '@anyam/client/learning';
import { uiLocales, type LocaleLoaders } from '@anyam/client/ui';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '@anyam/shared/domain';
import i18n, { type BackendModule, type LanguageDetectorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { webLocales } from './locales';

/** One namespace per library; each language of each namespace is its own small chunk, fetched when needed. */
const NAMESPACES: Record<string, LocaleLoaders> = {
  web: webLocales,
  ui: uiLocales,
  account: accountLocales,
  community: communityLocales,
  forum: forumLocales,
  meetings: meetingsLocales,
  notifications: notificationsLocales,
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

/**
 * The language chosen before (remembered in localStorage), else the browser's languages in order; "pt-BR"
 * reads as "pt" (the interface has one variant of each language). A few lines instead of the 2 KB detector
 * package, on every first load.
 */
const languageDetector: LanguageDetectorModule = {
  type: 'languageDetector',
  init() {},
  detect() {
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    } catch {
      // Storage can be blocked; the browser's languages still answer.
    }
    const candidates = [stored, ...(navigator.languages ?? [navigator.language])].filter((c): c is string => Boolean(c));
    return candidates.map((language) => language.split('-')[0].toLowerCase());
  },
  cacheUserLanguage(language: string) {
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered on this device; the member's profile still has it.
    }
  },
};

export function initI18n() {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = i18n.resolvedLanguage ?? language;
  });
  return i18n
    .use(lazyBackend)
    .use(languageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: [...LOCALES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // A test keeps every language complete, so a supported language never needs English loaded beside it.
      fallbackLng: (code: string) => (isLocale(code) ? [] : [DEFAULT_LOCALE]),
      // Only the shell's namespaces up front; a page's namespace loads when the page first asks for it
      // (react-i18next suspends until then), so a forum page never downloads the community strings.
      ns: ['web', 'ui'],
      defaultNS: 'web',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
      returnNull: false,
    });
}

export { i18n };
