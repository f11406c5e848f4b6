import type { LocaleLoaders } from './locale-loaders';

/** The "ui" namespace, one chunk per language. */
export const uiLocales: LocaleLoaders = {
  en: () => import('./locales/en.json'),
  id: () => import('./locales/id.json'),
  es: () => import('./locales/es.json'),
  pt: () => import('./locales/pt.json'),
};
