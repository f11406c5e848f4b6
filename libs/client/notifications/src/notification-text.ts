import type { NotificationItemFragment } from '@anyam/client/graphql';

/** Kinds the web app has words for; any other kind reads as a generic "something new" line. */
export const KNOWN_KINDS = [
  'forum.reply',
  'forum.mention',
  'forum.answer_accepted',
  'forum.watched',
  'meetings.reminder',
  'meetings.waitlist_promoted',
  'learning.waitlist_promoted',
  'learning.certificate_issued',
] as const;

export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type FormatInstant = (iso: string, timeZone?: string | null) => string;

/** The notification's values as an object (the API sends key/value pairs). */
export function notificationValues(n: Pick<NotificationItemFragment, 'data' | 'actor'>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { key, value } of n.data) if (value !== null) values[key] = value;
  if (!values['actorName'] && n.actor) values['actorName'] = n.actor.name;
  return values;
}

/**
 * One line in the reader's language: the key `kind.<kind>` of the notifications namespace with the
 * notification's data; an ISO `start` is formatted in the reader's zone as `when`, `leadMinutes` as `lead`.
 */
export function notificationText(n: Pick<NotificationItemFragment, 'kind' | 'data' | 'actor'>, t: Translate, formatInstant: FormatInstant): string {
  const values: Record<string, unknown> = notificationValues(n);
  if (typeof values['start'] === 'string') values['when'] = formatInstant(values['start'] as string, values['timeZone'] as string | undefined);
  if (values['leadMinutes'] !== undefined) {
    const minutes = Number(values['leadMinutes']);
    values['lead'] = minutes >= 1440 && minutes % 1440 === 0 ? t('lead.days', { count: minutes / 1440 }) : minutes >= 60 && minutes % 60 === 0 ? t('lead.hours', { count: minutes / 60 }) : t('lead.minutes', { count: minutes });
  }
  const known = (KNOWN_KINDS as readonly string[]).includes(n.kind);
  if (n.kind === 'meetings.waitlist_promoted' && !values['when']) return t('kind.meetings.waitlist_promoted_series', values);
  return known ? t(`kind.${n.kind}`, values) : t('kind.unknown', values);
}
