import type { LocaleLoaders } from '@anyam/client/ui';

/** The "web" namespace (shell, home and 404 pages), one chunk per language. */
export const webLocales: LocaleLoaders = {
  en: () => import('./locales/en.json'),
  id: () => import('./locales/id.json'),
  es: () => import('./locales/es.json'),
  pt: () => import('./locales/pt.json'),
};
