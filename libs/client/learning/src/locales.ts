import type { LocaleLoaders } from '@anyam/client/ui';

/** The "learning" namespace, one chunk per language. */
export const learningLocales: LocaleLoaders = {
  en: () => import('./locales/en.json'),
  id: () => import('./locales/id.json'),
  es: () => import('./locales/es.json'),
  pt: () => import('./locales/pt.json'),
};
