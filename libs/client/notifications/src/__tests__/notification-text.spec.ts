import { createInstance, type TFunction } from 'i18next';
import { formatDateTime } from '@anyam/client/ui';
import en from '../locales/en.json';
import es from '../locales/es.json';
import id from '../locales/id.json';
import pt from '../locales/pt.json';
import { KNOWN_KINDS, notificationText, type FormatInstant } from '../notification-text';

async function translator(lng: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { en: { notifications: en }, id: { notifications: id }, es: { notifications: es }, pt: { notifications: pt } },
    defaultNS: 'notifications',
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const data = (values: Record<string, string | null>) => Object.entries(values).map(([key, value]) => ({ key, value }));
const lima: FormatInstant = (iso) => formatDateTime(iso, { locale: 'en', timeZone: 'America/Lima' });
const actor = { id: 'm1', name: 'Lucía Quispe' };
const forumData = data({ threadTitle: 'Laporan donor', groupName: 'Southeast Asia forum', actorName: 'Lucía Quispe', postNumber: '2' });

/** The data each domain sends (see the server's notify calls). */
const SAMPLES: Record<string, ReturnType<typeof data>> = {
  forum: forumData,
  meetings: data({ title: 'Hub call', start: '2026-12-09T02:00:00.000Z', timeZone: 'Asia/Jakarta', leadMinutes: '30' }),
  learning: data({ cohortName: 'Cohort 3', moduleTitle: 'Financial sustainability' }),
};

describe('notificationText', () => {
  it('has words for every kind the API sends, in all four languages', async () => {
    for (const lng of ['en', 'id', 'es', 'pt']) {
      const t = await translator(lng);
      for (const kind of KNOWN_KINDS) {
        const text = notificationText({ kind, data: SAMPLES[kind.split('.')[0]], actor }, t, lima);
        expect(text).not.toContain(`kind.${kind}`);
        expect(text).not.toContain('{{');
      }
    }
  });

  it('interpolates the forum data', async () => {
    const t = await translator('id');
    expect(notificationText({ kind: 'forum.mention', data: forumData, actor }, t, lima)).toBe('Lucía Quispe menyebut Anda di “Laporan donor”');
    const t2 = await translator('en');
    expect(notificationText({ kind: 'forum.watched', data: forumData, actor }, t2, lima)).toBe(
      'New post by Lucía Quispe in “Laporan donor” (Southeast Asia forum)',
    );
  });

  it('takes the actor from the notification when the data has no name', async () => {
    const t = await translator('es');
    const text = notificationText({ kind: 'forum.reply', data: data({ threadTitle: 'Fondos' }), actor }, t, lima);
    expect(text).toBe('Lucía Quispe respondió en «Fondos»');
  });

  it('writes a meeting reminder with the lead time and the start in the reader’s zone', async () => {
    const t = await translator('en');
    const reminder = { kind: 'meetings.reminder', actor: null, data: data({ title: 'Hub call', start: '2026-12-09T02:00:00.000Z', timeZone: 'Asia/Jakarta', leadMinutes: '1440' }) };
    const text = notificationText(reminder, t, lima);
    expect(text).toContain('“Hub call” starts in 1 day');
    expect(text).toContain(lima('2026-12-09T02:00:00.000Z'));
    const soon = notificationText({ ...reminder, data: data({ title: 'Hub call', start: '2026-12-09T02:00:00.000Z', leadMinutes: '60' }) }, t, lima);
    expect(soon).toContain('starts in 1 hour');
  });

  it('reads a waitlist promotion without a date, and an unknown kind generically', async () => {
    const t = await translator('pt');
    expect(notificationText({ kind: 'meetings.waitlist_promoted', actor: null, data: data({ title: 'Café', start: null }) }, t, lima)).toBe(
      'Você tem uma vaga em “Café”: saiu da lista de espera',
    );
    expect(notificationText({ kind: 'library.new_book', actor: null, data: [] }, t, lima)).toBe('Há algo novo para você');
  });
});
