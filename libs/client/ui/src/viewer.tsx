import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from './format-date-time';

interface Viewer {
  /** The zone times are shown in: the member's, or the browser's when signed out. */
  timeZone: string;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ViewerContext.Provider value={{ timeZone }}>{children}</ViewerContext.Provider>;
}

/** The viewer's language and time zone, for formatting. */
export function useViewer(): { locale: string; timeZone: string } {
  const viewer = useContext(ViewerContext);
  const { i18n } = useTranslation();
  return { locale: i18n.resolvedLanguage ?? i18n.language ?? 'en', timeZone: viewer?.timeZone ?? browserTimeZone() };
}
