import '../meetings.css';
import { useMeetingsPlacesQuery, useMeetingsRegenerateCalendarTokenMutation } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { Copy } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReminderPreferences } from '../components/reminder-preferences';
import { useMeetingsErrorMessage } from '../problems';

/**
 * My private calendar feed: the secret link is shown once when made (only its hash is stored), so this page
 * makes a new one on request, shows it to copy, and says the old one stops working. Public hub and
 * region feeds are listed below.
 */
export default function CalendarFeedsPage() {
  const { t } = useTranslation('meetings');
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const [regenerate, { loading }] = useMeetingsRegenerateCalendarTokenMutation();
  const places = useMeetingsPlacesQuery();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const make = async () => {
    setError(null);
    setCopied(false);
    try {
      const result = await regenerate();
      const path = result.data?.regenerateCalendarToken.path;
      if (!path) return;
      setUrl(new URL(path, window.location.origin).toString());
      announce(t('feeds.made'));
      window.setTimeout(() => input.current?.select(), 0);
    } catch (e) {
      setError(errorMessage(e).message);
    }
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    announce(t('feeds.copied'));
  };

  return (
    <>
      <p className="an-meetings-breadcrumb">
        <Link to="/meetings">{t('calendar.title')}</Link>
      </p>
      <PageHeading>{t('feeds.title')}</PageHeading>
      <p className="an-lead">{t('feeds.intro')}</p>
      <section className="an-meetings-section" aria-labelledby="private-feed">
        <h2 id="private-feed">{t('feeds.privateTitle')}</h2>
        <p>{t('feeds.privateBody')}</p>
        <Notice>{t('feeds.secret')}</Notice>
        {url && (
          <div className="an-field an-feed-url">
            <label className="an-field__label" htmlFor="feed-url">
              {t('feeds.urlLabel')}
            </label>
            <p className="an-field__hint" id="feed-url-hint">
              {t('feeds.urlHint')}
            </p>
            <div className="an-input-row">
              <input id="feed-url" ref={input} className="an-input" readOnly value={url} aria-describedby="feed-url-hint" onFocus={(e) => e.target.select()} />
              <Button variant="secondary" onClick={() => void copy()}>
                <Copy className="an-icon" aria-hidden="true" focusable="false" />
                {copied ? t('feeds.copiedButton') : t('feeds.copy')}
              </Button>
            </div>
          </div>
        )}
        {error && (
          <Notice tone="error" role="alert">
            {error}
          </Notice>
        )}
        <div className="an-actions">
          <Button busy={loading} onClick={() => void make()}>
            {url ? t('feeds.regenerate') : t('feeds.make')}
          </Button>
        </div>
        <p className="an-field__hint">{t('feeds.regenerateHint')}</p>
      </section>
      <ReminderPreferences />
      <section className="an-meetings-section" aria-labelledby="public-feeds">
        <h2 id="public-feeds">{t('feeds.publicTitle')}</h2>
        <p>{t('feeds.publicBody')}</p>
        {(places.data?.regions ?? []).map((region) => (
          <div key={region.id} className="an-feed-region">
            <h3>{region.name}</h3>
            <ul className="an-feed-links">
              <li>
                <a href={`/ical/regions/${region.slug}.ics`}>{t('calendar.regionFeed', { name: region.name })}</a>
              </li>
              {region.hubs.map((h) => (
                <li key={h.id}>
                  <a href={`/ical/hubs/${h.slug}.ics`}>{t('calendar.hubFeed', { name: h.name })}</a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
