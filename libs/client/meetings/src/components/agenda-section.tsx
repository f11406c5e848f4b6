import { useMeetingsSetAgendaMutation } from '@anyam/client/graphql';
import { Button, Notice, TextField, useAnnounce } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsErrorMessage } from '../problems';
import type { Occurrence } from './types';

interface Row {
  title: string;
  presenter: string;
  minutes: string;
}

/** The agenda for everyone; organisers edit it as rows (title, presenter, minutes allotted). */
export function AgendaSection({ occurrence: o }: { occurrence: Occurrence }) {
  const { t } = useTranslation('meetings');
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const [setAgenda, { loading }] = useMeetingsSetAgendaMutation();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setRows(
      o.agenda.length
        ? o.agenda.map((a) => ({ title: a.title, presenter: a.presenter ?? '', minutes: a.minutesAllotted?.toString() ?? '' }))
        : [{ title: '', presenter: '', minutes: '' }],
    );
    setError(null);
    setEditing(true);
  };

  const save = async () => {
    setError(null);
    const items = rows
      .filter((r) => r.title.trim())
      .map((r) => ({ title: r.title.trim(), presenter: r.presenter.trim() || null, minutesAllotted: r.minutes ? Number(r.minutes) : null }));
    try {
      await setAgenda({ variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart, items } } });
      setEditing(false);
      announce(t('agenda.saved'));
    } catch (e) {
      setError(errorMessage(e).message);
    }
  };

  const update = (index: number, field: keyof Row, value: string) => setRows((all) => all.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  const total = o.agenda.reduce((sum, a) => sum + (a.minutesAllotted ?? 0), 0);

  return (
    <section className="an-meetings-section" aria-labelledby="agenda">
      <h2 id="agenda">{t('agenda.title')}</h2>
      {!editing &&
        (o.agenda.length ? (
          <>
            <ol className="an-agenda-items">
              {o.agenda.map((a, i) => (
                <li key={i}>
                  <span className="an-agenda-items__title">{a.title}</span>
                  {(a.presenter || a.minutesAllotted) && (
                    <span className="an-meeting__zone">
                      {[a.presenter, a.minutesAllotted ? t('agenda.minutes', { count: a.minutesAllotted }) : null].filter(Boolean).join(' · ')}
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {total > 0 && <p className="an-meeting__zone">{t('agenda.total', { count: total })}</p>}
          </>
        ) : (
          <p>{o.viewerCanEdit ? t('agenda.emptyOrganiser') : t('agenda.empty')}</p>
        ))}
      {o.viewerCanEdit && !editing && (
        <Button variant="secondary" onClick={start}>
          {t('agenda.edit')}
        </Button>
      )}
      {editing && (
        <form
          className="an-form an-agenda-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {error && (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          )}
          {rows.map((r, i) => (
            <fieldset key={i} className="an-fieldset an-agenda-row">
              <legend>{t('agenda.item', { number: i + 1 })}</legend>
              <TextField id={`agenda-${i}-title`} label={t('agenda.itemTitle')} value={r.title} onChange={(v) => update(i, 'title', v)} maxLength={200} />
              <TextField id={`agenda-${i}-presenter`} label={t('agenda.presenter')} value={r.presenter} onChange={(v) => update(i, 'presenter', v)} maxLength={200} />
              <TextField
                id={`agenda-${i}-minutes`}
                label={t('agenda.allotted')}
                type="number"
                inputMode="numeric"
                min={1}
                max={600}
                value={r.minutes}
                onChange={(v) => update(i, 'minutes', v)}
              />
              <Button variant="quiet" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                {t('agenda.remove', { number: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <div className="an-actions">
            <Button variant="secondary" onClick={() => setRows((all) => [...all, { title: '', presenter: '', minutes: '' }])}>
              {t('agenda.add')}
            </Button>
            <Button type="submit" busy={loading}>
              {t('agenda.save')}
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
