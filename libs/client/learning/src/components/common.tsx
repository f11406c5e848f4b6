import { useLearningThemesQuery } from '@anyam/client/graphql';
import { NamespaceQueryState } from '@anyam/client/ui';
import { CloudDownload, CloudUpload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { languageName, themeColour, themeName, type ThemeLike } from '../format';

/** The shared loading / not found / error state, with this area's messages and way back to the catalogue. */
export function QueryState(props: { loading: boolean; error?: unknown; retry?: () => void }) {
  return <NamespaceQueryState ns="learning" away={{ to: '/learn', labelKey: 'state.toCatalogue' }} {...props} />;
}

/** Every theme with its names (one small cached query, shared by all cards). */
export function useThemes(): Map<string, ThemeLike> {
  const { data } = useLearningThemesQuery({ fetchPolicy: 'cache-first' });
  return new Map((data?.themes ?? []).map((theme) => [theme.key, theme]));
}

/** Themes as dot + name; the colour only repeats what the name says. */
export function ThemeTags({ keys }: { keys: readonly string[] }) {
  const { t, i18n } = useTranslation('learning');
  const all = useThemes();
  const themes = keys.map((key) => all.get(key)).filter((theme): theme is ThemeLike => Boolean(theme));
  if (themes.length === 0) return null;
  return (
    <ul className="an-learn-tags" aria-label={t('module.themes')}>
      {themes.map((theme) => (
        <li key={theme.key} className="an-learn-tag">
          <span className={`an-learn-dot an-learn-dot--${themeColour(theme)}`} aria-hidden="true" />
          {themeName(theme, i18n.resolvedLanguage ?? 'en')}
        </li>
      ))}
    </ul>
  );
}

export type Level = 'INTRODUCTORY' | 'INTERMEDIATE' | 'ADVANCED';
export type Mode = 'ONLINE' | 'HYBRID' | 'OFFLINE';

/** Level · language · hours · delivery mode · hub, as a list of short facts. */
export function ModuleFacts({
  module,
}: {
  module: { level: Level; language: string; estimatedHours: number; deliveryMode: Mode; lessonCount?: number; hub?: { name: string } | null };
}) {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <ul className="an-learn-meta">
      <li>{t(`level.${module.level}`)}</li>
      <li>{languageName(module.language, locale)}</li>
      <li>{t('module.hours', { count: module.estimatedHours, hours: new Intl.NumberFormat(locale).format(module.estimatedHours) })}</li>
      <li>{t(`mode.${module.deliveryMode}`)}</li>
      {module.lessonCount !== undefined && <li>{t('module.lessonCount', { count: module.lessonCount })}</li>}
      {module.hub && <li>{t('module.offeredBy', { hub: module.hub.name })}</li>}
    </ul>
  );
}

/** A progress bar that always says its number in words too. */
export function ProgressBar({ done, total, percent, label }: { done: number; total: number; percent: number; label: string }) {
  const { t } = useTranslation('learning');
  return (
    <div className="an-learn-progress">
      <progress max={100} value={percent} aria-label={label} aria-valuetext={t('progress.text', { done, total, percent })} />
      <span>{t('progress.text', { done, total, percent })}</span>
    </div>
  );
}

export function OfflineBadge({ kind }: { kind: 'available' | 'waiting' }) {
  const { t } = useTranslation('learning');
  const Icon = kind === 'available' ? CloudDownload : CloudUpload;
  return (
    <span className={`an-learn-badge${kind === 'waiting' ? ' an-learn-badge--waiting' : ''}`}>
      <Icon className="an-icon" aria-hidden="true" focusable="false" />
      {kind === 'available' ? t('offline.available') : t('offline.waiting')}
    </span>
  );
}
