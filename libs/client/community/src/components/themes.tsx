import { useTranslation } from 'react-i18next';
import { themeColour, themeName, type ThemeLike } from '../format';

export function ThemeDot({ theme }: { theme: Pick<ThemeLike, 'key' | 'parentKey'> }) {
  return <span className={`an-dot an-dot--${themeColour(theme)}`} aria-hidden="true" />;
}

/** Themes as dot + name; the colour only repeats what the name says. */
export function ThemeTags({ themes, label }: { themes: readonly ThemeLike[]; label?: string }) {
  const { i18n, t } = useTranslation('community');
  if (themes.length === 0) return null;
  return (
    <ul className="an-tags" aria-label={label ?? t('hub.themes')}>
      {themes.map((theme) => (
        <li key={theme.key} className="an-tag">
          <ThemeDot theme={theme} />
          {themeName(theme, i18n.resolvedLanguage ?? 'en')}
        </li>
      ))}
    </ul>
  );
}
