import { useMeetingsCancelOccurrenceMutation, useMeetingsRescheduleOccurrenceMutation } from '@anyam/client/graphql';
import { Button, Link, Notice, TextField, useAnnounce } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMeetingsErrorMessage } from '../problems';
import { instantToLocal, localToInstant, occurrencePath } from '../time';
import type { Occurrence, Series } from './types';

/** Organisers: edit the series, cancel this one meeting, or move it (its own time, in the series' zone). */
export function ExceptionsSection({ occurrence: o, series: s, onChanged }: { occurrence: Occurrence; series: Series; onChanged: () => void }) {
  const { t } = useTranslation('meetings');
  const announce = useAnnounce();
  const navigate = useNavigate();
  const errorMessage = useMeetingsErrorMessage();
  const [cancel, cancelling] = useMeetingsCancelOccurrenceMutation();
  const [reschedule, moving] = useMeetingsRescheduleOccurrenceMutation();
  const [mode, setMode] = useState<'none' | 'cancel' | 'move'>('none');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState(instantToLocal(o.start, o.timeZone));
  const duration = Math.round((new Date(o.end).getTime() - new Date(o.start).getTime()) / 60_000);
  const [minutes, setMinutes] = useState(String(duration));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      setMode('none');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="an-meetings-section" aria-labelledby="organise">
      <h2 id="organise">{t('organise.title')}</h2>
      <div className="an-actions">
        <Link to={`/meetings/series/${s.id}/edit`} appearance="button-secondary">
          {t('organise.editSeries')}
        </Link>
        {!o.cancelled && (
          <Button variant="secondary" aria-expanded={mode === 'move'} onClick={() => setMode(mode === 'move' ? 'none' : 'move')}>
            {t('organise.move')}
          </Button>
        )}
        {!o.cancelled && (
          <Button variant="danger" aria-expanded={mode === 'cancel'} onClick={() => setMode(mode === 'cancel' ? 'none' : 'cancel')}>
            {t('organise.cancel')}
          </Button>
        )}
      </div>
      {error && !error.field && (
        <Notice tone="error" role="alert">
          {error.message}
        </Notice>
      )}
      {mode !== 'none' && (
        <form
          className="an-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (mode === 'cancel') {
              void run(async () => {
                await cancel({ variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart, note: note.trim() || null } } });
                announce(t('organise.cancelled'));
              });
              return;
            }
            const newStart = localToInstant(local, o.timeZone);
            const length = Number(minutes);
            if (!newStart) {
              setError({ field: 'newStart', message: t('organise.startInvalid') });
              return;
            }
            if (!Number.isInteger(length) || length < 1) {
              setError({ field: 'duration', message: t('form.durationInvalid') });
              return;
            }
            void run(async () => {
              const newEnd = new Date(new Date(newStart).getTime() + length * 60_000).toISOString();
              await reschedule({
                variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart, newStart, newEnd, note: note.trim() || null } },
              });
              announce(t('organise.moved'));
              navigate(occurrencePath(o.seriesId, o.originalStart), { replace: true });
            });
          }}
        >
          {mode === 'move' && (
            <>
              <TextField
                id="move-start"
                type="datetime-local"
                label={t('organise.newStart', { zone: o.timeZone })}
                value={local}
                onChange={setLocal}
                error={error?.field === 'newStart' ? error.message : null}
              />
              <TextField
                id="move-duration"
                type="number"
                inputMode="numeric"
                min={1}
                label={t('form.duration')}
                value={minutes}
                onChange={setMinutes}
                error={error?.field === 'duration' || error?.field === 'newEnd' ? error.message : null}
              />
            </>
          )}
          <TextField id="exception-note" label={t('organise.note')} hint={t('organise.noteHint')} value={note} onChange={setNote} maxLength={500} />
          <div className="an-actions">
            <Button type="submit" variant={mode === 'cancel' ? 'danger' : 'primary'} busy={cancelling.loading || moving.loading}>
              {mode === 'cancel' ? t('organise.confirmCancel') : t('organise.confirmMove')}
            </Button>
            <Button variant="quiet" onClick={() => setMode('none')}>
              {t('common.back')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
