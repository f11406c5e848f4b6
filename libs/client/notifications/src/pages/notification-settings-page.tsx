import '../notifications.css';
import { useNotificationSettingsQuery, useUpdateNotificationSettingsMutation } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../load-state';

/** The daily e-mail digest on or off, and how watching works. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const announce = useAnnounce();
  const { data, error, refetch } = useNotificationSettingsQuery();
  const [update, { loading: saving }] = useUpdateNotificationSettingsMutation();
  const [digest, setDigest] = useState<boolean | null>(null);
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);
  const current = data?.notificationSettings.emailDigest;
  useEffect(() => {
    if (current !== undefined) setDigest((d) => (d === null ? current : d));
  }, [current]);


  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await update({ variables: { input: { emailDigest: Boolean(digest) } } });
      setResult('saved');
      announce(t('settings.saved'));
    } catch {
      setResult('failed');
      announce(t('settings.failed'), 'assertive');
    }
  };

  return (
    <>
      <p className="an-notifications-breadcrumb">
        <Link to="/notifications">{t('page.title')}</Link>
      </p>
      <PageHeading>{t('settings.title')}</PageHeading>
      {!data || digest === null ? (
        <LoadState error={error} retry={() => void refetch()} />
      ) : (
        <form className="an-form" onSubmit={(e) => void save(e)}>
          <fieldset className="an-fieldset">
            <legend>{t('settings.emailLegend')}</legend>
            <label className="an-notifications-check" htmlFor="notification-digest">
              <input
                id="notification-digest"
                type="checkbox"
                checked={digest}
                aria-describedby="notification-digest-hint"
                onChange={(e) => {
                  setDigest(e.target.checked);
                  setResult(null);
                }}
              />
              {t('settings.digest')}
            </label>
            <p id="notification-digest-hint" className="an-field__hint">
              {t('settings.digestHint')}
            </p>
          </fieldset>
          {result === 'saved' && (
            <Notice tone="success">
              <p>{t('settings.saved')}</p>
            </Notice>
          )}
          {result === 'failed' && (
            <Notice tone="error">
              <p>{t('settings.failed')}</p>
            </Notice>
          )}
          <div className="an-actions">
            <Button type="submit" busy={saving}>
              {t('settings.save')}
            </Button>
          </div>
        </form>
      )}
      <section className="an-notifications-watch" aria-labelledby="notifications-watch">
        <h2 id="notifications-watch">{t('settings.watchTitle')}</h2>
        <p>{t('settings.watchText')}</p>
        <p>
          <Link to="/forum">{t('settings.toForum')}</Link>
        </p>
      </section>
    </>
  );
}
