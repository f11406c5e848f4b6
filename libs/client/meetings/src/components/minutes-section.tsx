import { useMeetingsPublishMinutesMutation, useMeetingsSaveMinutesMutation } from '@anyam/client/graphql';
import { Button, describedBy, FieldFrame, Link, Notice, useAnnounce } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsErrorMessage } from '../problems';
import { MinutesView } from './minutes-view';
import type { Occurrence } from './types';

/** Minutes (Markdown) for everyone who may see the meeting; organisers write them. */
export function MinutesSection({ occurrence: o }: { occurrence: Occurrence }) {
  const { t } = useTranslation('meetings');
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const [saveMinutes, { loading }] = useMeetingsSaveMinutesMutation();
  const [publishMinutes, publishing] = useMeetingsPublishMinutesMutation();
  const [publishError, setPublishError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hint = t('minutes.hint');

  return (
    <section className="an-meetings-section" aria-labelledby="minutes">
      <h2 id="minutes">{t('minutes.title')}</h2>
      {!editing && (o.minutes ? <MinutesView markdown={o.minutes} /> : <p>{t('minutes.empty')}</p>)}
      {o.minutesThreadPath && !editing && (
        <p>
          <Link to={o.minutesThreadPath}>{t('minutes.inForum')}</Link>
        </p>
      )}
      {o.viewerCanEdit && !editing && (
        <Button
          variant="secondary"
          onClick={() => {
            setText(o.minutes ?? '');
            setError(null);
            setEditing(true);
          }}
        >
          {o.minutes ? t('minutes.edit') : t('minutes.write')}
        </Button>
      )}
      {o.viewerCanEdit && !editing && o.minutes && (
        <Button
          variant="secondary"
          busy={publishing.loading}
          onClick={async () => {
            setPublishError(null);
            try {
              await publishMinutes({ variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart } } });
              announce(t('minutes.published'));
            } catch (err) {
              setPublishError(errorMessage(err).message);
            }
          }}
        >
          {o.minutesThreadPath ? t('minutes.republish') : t('minutes.publish')}
        </Button>
      )}
      {publishError && (
        <Notice tone="error" role="alert">
          {publishError}
        </Notice>
      )}
      {editing && (
        <form
          className="an-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              await saveMinutes({ variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart, minutes: text } } });
              setEditing(false);
              announce(t('minutes.saved'));
            } catch (err) {
              setError(errorMessage(err).message);
            }
          }}
        >
          <FieldFrame id="minutes-text" label={t('minutes.label')} hint={hint} error={error}>
            <textarea
              id="minutes-text"
              className="an-input an-textarea"
              rows={10}
              value={text}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy('minutes-text', hint, error)}
              onChange={(e) => setText(e.target.value)}
            />
          </FieldFrame>
          <div className="an-actions">
            <Button type="submit" busy={loading}>
              {t('minutes.save')}
            </Button>
            <Button variant="quiet" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
