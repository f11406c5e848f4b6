import { useMeetingsRecordAttendanceMutation, type AttendanceStatus } from '@anyam/client/graphql';
import { Button, Notice, useAnnounce } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsErrorMessage } from '../problems';
import { useHubMembers } from './hub-members';
import type { Occurrence } from './types';

const STATUSES: Array<AttendanceStatus | ''> = ['', 'present_in_person', 'present_online', 'absent'];

/** After the meeting, organisers record who came: one choice per member of the organising hub. */
export function AttendanceSection({ occurrence: o, hubSlugs }: { occurrence: Occurrence; hubSlugs: string[] }) {
  const { t } = useTranslation('meetings');
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const members = useHubMembers(hubSlugs[0], true);
  const [record, { loading }] = useMeetingsRecordAttendanceMutation();
  const recorded = new Map((o.attendance ?? []).map((a) => [a.memberId, a.status]));
  const [choices, setChoices] = useState<Record<string, AttendanceStatus | ''>>({});
  const [error, setError] = useState<string | null>(null);
  const value = (id: string) => choices[id] ?? recorded.get(id) ?? '';

  const counts = { present_in_person: 0, present_online: 0, absent: 0 };
  for (const status of recorded.values()) counts[status]++;

  return (
    <section className="an-meetings-section" aria-labelledby="attendance">
      <h2 id="attendance">{t('attendance.title')}</h2>
      <p>{t('attendance.summary', { inPerson: counts.present_in_person, online: counts.present_online, absent: counts.absent })}</p>
      {members.length === 0 ? (
        <p>{t('attendance.noMembers')}</p>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            const entries = members
              .filter((m) => choices[m.id])
              .map((m) => ({ memberId: m.id, status: choices[m.id] as AttendanceStatus }));
            if (!entries.length) return;
            try {
              await record({ variables: { input: { seriesId: o.seriesId, occurrenceStart: o.originalStart, entries } }, refetchQueries: ['MeetingsOccurrence'] });
              setChoices({});
              announce(t('attendance.saved', { count: entries.length }));
            } catch (err) {
              setError(errorMessage(err).message);
            }
          }}
        >
          <table className="an-attendance">
            <caption className="an-vh">{t('attendance.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.member')}</th>
                <th scope="col">{t('attendance.status')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <label htmlFor={`attendance-${m.id}`}>{m.name}</label>
                  </th>
                  <td>
                    <select
                      id={`attendance-${m.id}`}
                      className="an-select"
                      value={value(m.id)}
                      onChange={(e) => setChoices((all) => ({ ...all, [m.id]: e.target.value as AttendanceStatus | '' }))}
                    >
                      {STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`attendance.option.${s || 'none'}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {error && (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          )}
          <div className="an-actions">
            <Button type="submit" busy={loading}>
              {t('attendance.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
