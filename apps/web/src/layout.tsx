import { useSession } from '@anyam/client/account';
import { useAccessibilityPreferences } from '@anyam/client/community';
import { LearningStatus } from '@anyam/client/learning';
import { useUpdateProfileMutation } from '@anyam/client/graphql';
import { browserTimeZone, Button, Link, SkipLink, Skeleton, useAnnounce, ViewerProvider } from '@anyam/client/ui';
import { isLocale, LOCALE_NAMES, LOCALES } from '@anyam/shared/domain';
import { Globe } from 'lucide-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { NotificationBell } from './notification-bell';

/** The signed-in member's language wins over the browser's; follows changes made on other devices too. */
function useMemberLanguage() {
  const { member } = useSession();
  const { i18n } = useTranslation();
  const locale = member?.locale;
  useEffect(() => {
    if (locale && isLocale(locale) && locale !== i18n.resolvedLanguage) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation('web');
  const { member } = useSession();
  const [updateProfile] = useUpdateProfileMutation();
  const current = i18n.resolvedLanguage ?? 'en';

  const choose = async (language: string) => {
    await i18n.changeLanguage(language);
    // Remember it for the member on every device; the browser remembers it too (localStorage).
    if (member && member.locale !== language) {
      try {
        await updateProfile({ variables: { input: { locale: language } } });
      } catch {
        // Still switched here; the profile page shows the saved language.
      }
    }
  };

  return (
    <div className="an-lang">
      <label htmlFor="language-switcher" className="an-lang__label">
        <Globe className="an-icon" aria-hidden="true" focusable="false" />
        {t('language')}
      </label>
      <select
        id="language-switcher"
        className="an-select an-lang__select"
        value={current}
        onChange={(event) => void choose(event.target.value)}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function AccountLinks() {
  const { t } = useTranslation('web');
  const { member, status, signOut } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  if (status === 'loading') return <div className="an-account an-account--loading" aria-hidden="true" />;
  if (!member) {
    return (
      <div className="an-account">
        <Link to="/sign-in" className="an-account__link">
          {t('account.signIn')}
        </Link>
        <Link to="/sign-up" appearance="button-primary">
          {t('account.signUp')}
        </Link>
      </div>
    );
  }
  return (
    <div className="an-account">
      <NotificationBell />
      <Link to="/profile" className="an-account__link an-account__name">
        {member.name}
      </Link>
      <Button
        variant="secondary"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          await signOut();
          setBusy(false);
          navigate('/');
          announce(t('account.signedOut'));
        }}
      >
        {t('account.signOut')}
      </Button>
    </div>
  );
}

/** Whether the browser says it is offline, kept up to date. */
function useOffline(): boolean {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  useEffect(() => {
    const update = () => setOffline(navigator.onLine === false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return offline;
}

export function Layout() {
  const { t } = useTranslation('web');
  const { member } = useSession();
  const offline = useOffline();
  // Once needed (a member, or offline), the status line stays: it finishes syncing when the connection and
  // the session come back, even if the member shows as signed out for a moment in between.
  const [statusNeeded, setStatusNeeded] = useState(false);
  useEffect(() => {
    if (member || offline) setStatusNeeded(true);
  }, [member, offline]);
  useMemberLanguage();
  useAccessibilityPreferences(member?.id);

  return (
    <ViewerProvider timeZone={member?.timeZone ?? browserTimeZone()}>
      <div className="an-shell">
        <SkipLink target="main">{t('skipLink')}</SkipLink>
        <header className="an-header">
          <div className="an-band" aria-hidden="true" />
          <div className="an-header__bar">
            <Link to="/" className="an-brand">
              Anyam
            </Link>
            <AccountLinks />
            <LanguageSwitcher />
          </div>
        </header>
        {/* "You are offline", "2 completions waiting to sync": a polite live region, empty otherwise. Only
            members have progress to sync; offline, the session may not be back yet, so it shows then too.
            Visitors online never download it (≈ 10 KB of a phone's first load). */}
        {(statusNeeded || member || offline) && (
          <Suspense fallback={null}>
            <LearningStatus />
          </Suspense>
        )}
        <div className="an-body">
          <nav className="an-nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/hubs">{t('nav.hubs')}</NavLink>
              </li>
              <li>
                <NavLink to="/regions">{t('nav.regions')}</NavLink>
              </li>
              <li>
                <NavLink to="/forum">{t('nav.forum')}</NavLink>
              </li>
              <li>
                <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
                </li>
                <li>
                <NavLink to="/learn">{t('nav.learning')}</NavLink>
              </li>
              {member && (
                <li>
                  <NavLink to="/members">{t('nav.members')}</NavLink>
                </li>
              )}
              {member && (
                <li>
                  <NavLink to="/notifications">{t('nav.notifications')}</NavLink>
                </li>
              )}
              {member && (
                <li>
                  <NavLink to="/profile" end>
                    {t('nav.profile')}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <main id="main" className="an-main" tabIndex={-1}>
            <Suspense fallback={<Skeleton label={t('loading')} lines={5} />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
        <footer className="an-footer">
          <p>{t('footer')}</p>
        </footer>
      </div>
    </ViewerProvider>
  );
}
