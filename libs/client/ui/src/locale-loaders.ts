import type { Locale } from '@anyam/shared/domain';

export type Messages = { [key: string]: string | Messages };

/** How a library hands its translations to the web shell: one lazy import per language. */
export type LocaleLoaders = Record<Locale, () => Promise<{ default: Messages }>>;
