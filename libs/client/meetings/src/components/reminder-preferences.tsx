import { useMeetingsReminderPreferencesQuery, useMeetingsSetReminderPreferencesMutation } from '@anyam/client/graphql';
import { Button, intlLocale, Notice, Skeleton, useAnnounce, useViewer } from '@anyam/client/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsErrorMessage } from '../problems';

/** "1 day", "2 hours", "10 minutes" in the viewer's language (the largest whole unit). */
export function leadTimeText(minutes: number, locale: string): string {
  const [value, unit] =
    minutes % 10080 === 0 ? [minutes / 10080, 'week'] : minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Which reminders I get before meetings I attend: lead times (at most 5) and e-mail on or off; in-app always. */
export function ReminderPreferences() {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const query = useMeetingsReminderPreferencesQuery();
  const [save, { loading }] = useMeetingsSetReminderPreferencesMutation();
  const prefs = query.data?.reminderPreferences;
  const [chosen, setChosen] = useState<number[]>([]);
  const [email, setEmail] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!prefs) return;
    setChosen(prefs.leadMinutes);
    setEmail(prefs.email);
  }, [prefs]);

  return (
    <section className="an-meetings-section" aria-labelledby="reminders">
      <h2 id="reminders">{t('reminders.title')}</h2>
      <p>{t('reminders.intro')}</p>
      {!prefs ? (
        query.error ? (
          <Notice tone="error">{errorMessage(query.error).message}</Notice>
        ) : (
          <Skeleton label={t('state.loading')} lines={3} />
        )
      ) : (
        <form
          className="an-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            setSaved(false);
            if (chosen.length > 5) {
              setError(t('reminders.tooMany'));
              return;
            }
            try {
              await save({ variables: { input: { leadMinutes: [...chosen].sort((a, b) => b - a), email } } });
              setSaved(true);
              announce(t('reminders.saved'));
            } catch (err) {
              setError(errorMessage(err).message);
            }
          }}
        >
          <fieldset className="an-fieldset" aria-describedby="reminders-hint">
            <legend>{t('reminders.when')}</legend>
            <p className="an-field__hint" id="reminders-hint">
              {t('reminders.hint')}
            </p>
            <div className="an-weekdays__list">
              {[...prefs.choices]
                .sort((a, b) => b - a)
                .map((minutes) => (
                  <div key={minutes} className="an-check">
                    <input
                      id={`reminder-${minutes}`}
                      type="checkbox"
                      checked={chosen.includes(minutes)}
                      onChange={(e) => setChosen((all) => (e.target.checked ? [...all, minutes] : all.filter((m) => m !== minutes)))}
                    />
                    <label htmlFor={`reminder-${minutes}`}>{t('reminders.before', { time: leadTimeText(minutes, viewer.locale) })}</label>
                  </div>
                ))}
            </div>
          </fieldset>
          <div className="an-check">
            <input id="reminder-email" type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            <label htmlFor="reminder-email">{t('reminders.email')}</label>
          </div>
          {error && (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          )}
          {saved && !error && (
            <Notice tone="success" role="status">
              {chosen.length ? t('reminders.saved') : t('reminders.none')}
            </Notice>
          )}
          <div className="an-actions">
            <Button type="submit" busy={loading}>
              {t('reminders.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
