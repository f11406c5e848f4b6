import { Select, TextField, useViewer } from '@anyam/client/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRecurrence } from '../describe-rule';
import { ORDINALS, WEEKDAYS, type Frequency, type Recurrence, type Weekday } from '../recurrence';
import { weekdayNames } from '../time';

const FREQUENCIES: Frequency[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

export interface RecurrenceEditorProps {
  value: Recurrence;
  onChange: (next: Recurrence) => void;
  /** For the sentence: the first meeting's date and time in words, and the zone. */
  at: { date: string; time: string; zone: string };
  error?: string | null;
}

/**
 * "Every second Tuesday at 09:00 Asia/Jakarta": frequency, interval, days, ordinal weekday or day of the
 * month, and the end (never / on a date / after a number of meetings), read back as one sentence.
 */
export function RecurrenceEditor({ value: r, onChange, at, error }: RecurrenceEditorProps) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const base = useId();
  const names = weekdayNames(viewer.locale, 'long');
  const set = (changes: Partial<Recurrence>) => onChange({ ...r, ...changes });
  const sentence = describeRecurrence(r, t, viewer.locale, at);

  return (
    <fieldset className="an-fieldset an-recurrence" aria-describedby={`${base}-sentence${error ? ` ${base}-error` : ''}`}>
      <legend>{t('form.repeat')}</legend>
      <Select
        id={`${base}-freq`}
        label={t('form.repeats')}
        value={r.freq}
        onChange={(freq) => set({ freq: freq as Frequency })}
        options={FREQUENCIES.map((f) => ({ value: f, label: t(`form.freq.${f}`) }))}
      />
      {r.freq !== 'none' && (
        <TextField
          id={`${base}-interval`}
          type="number"
          inputMode="numeric"
          min={1}
          max={99}
          label={t(`form.interval.${r.freq}`)}
          hint={t('form.intervalHint')}
          value={String(r.interval)}
          onChange={(v) => set({ interval: Math.max(1, Math.min(99, Number(v) || 1)) })}
        />
      )}
      {r.freq === 'weekly' && (
        <fieldset className="an-fieldset an-weekdays">
          <legend>{t('form.onDays')}</legend>
          <div className="an-weekdays__list">
            {WEEKDAYS.map((day, i) => (
              <div key={day} className="an-check">
                <input
                  id={`${base}-day-${day}`}
                  type="checkbox"
                  checked={r.weekdays.includes(day)}
                  onChange={(e) =>
                    set({ weekdays: e.target.checked ? [...r.weekdays, day] : r.weekdays.filter((d) => d !== day).length ? r.weekdays.filter((d) => d !== day) : r.weekdays })
                  }
                />
                <label htmlFor={`${base}-day-${day}`}>{names[i]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {r.freq === 'monthly' && (
        <fieldset className="an-fieldset">
          <legend>{t('form.monthlyOn')}</legend>
          <div className="an-check">
            <input id={`${base}-by-ordinal`} type="radio" name={`${base}-by`} checked={r.monthlyBy === 'ordinal'} onChange={() => set({ monthlyBy: 'ordinal' })} />
            <label htmlFor={`${base}-by-ordinal`}>{t('form.byOrdinal')}</label>
          </div>
          {r.monthlyBy === 'ordinal' && (
            <div className="an-recurrence__pair">
              <Select
                id={`${base}-ordinal`}
                label={t('form.which')}
                value={String(r.ordinal)}
                onChange={(v) => set({ ordinal: Number(v) as Recurrence['ordinal'] })}
                options={ORDINALS.map((o) => ({ value: String(o), label: t(`ordinal.${o === -1 ? 'last' : o}`) }))}
              />
              <Select
                id={`${base}-weekday`}
                label={t('form.weekday')}
                value={r.weekday}
                onChange={(v) => set({ weekday: v as Weekday })}
                options={WEEKDAYS.map((d, i) => ({ value: d, label: names[i] }))}
              />
            </div>
          )}
          <div className="an-check">
            <input id={`${base}-by-day`} type="radio" name={`${base}-by`} checked={r.monthlyBy === 'day'} onChange={() => set({ monthlyBy: 'day' })} />
            <label htmlFor={`${base}-by-day`}>{t('form.byDay')}</label>
          </div>
          {r.monthlyBy === 'day' && (
            <TextField
              id={`${base}-monthday`}
              type="number"
              inputMode="numeric"
              min={1}
              max={31}
              label={t('form.dayOfMonth')}
              value={String(r.monthDay)}
              onChange={(v) => set({ monthDay: Math.max(1, Math.min(31, Number(v) || 1)) })}
            />
          )}
        </fieldset>
      )}
      {r.freq !== 'none' && (
        <fieldset className="an-fieldset">
          <legend>{t('form.ends')}</legend>
          {(['none', 'until', 'count'] as const).map((end) => (
            <div key={end} className="an-check">
              <input id={`${base}-end-${end}`} type="radio" name={`${base}-end`} checked={r.end === end} onChange={() => set({ end })} />
              <label htmlFor={`${base}-end-${end}`}>{t(`form.end.${end}`)}</label>
            </div>
          ))}
          {r.end === 'until' && (
            <TextField id={`${base}-until`} type="date" label={t('form.untilDate')} value={r.until} onChange={(until) => set({ until })} />
          )}
          {r.end === 'count' && (
            <TextField
              id={`${base}-count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={999}
              label={t('form.count')}
              value={String(r.count)}
              onChange={(v) => set({ count: Math.max(1, Math.min(999, Number(v) || 1)) })}
            />
          )}
        </fieldset>
      )}
      <p id={`${base}-sentence`} className="an-recurrence__sentence" aria-live="polite">
        {sentence}
      </p>
      {error && (
        <p id={`${base}-error`} className="an-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
