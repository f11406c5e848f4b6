import { leadText, meetingPath, promotedMail, reminderMail } from '../meetings.mail';

const facts = {
  name: 'Lucía',
  title: 'Enlaza Sur monthly',
  // 2027-03-04 14:00 UTC = 09:00 in Lima, 21:00 in Jakarta.
  start: new Date('2027-03-04T14:00:00Z'),
  memberZone: 'Asia/Jakarta',
  seriesZone: 'America/Lima',
  link: 'https://anyam.example/meetings/s1/2027-03-04T14:00:00.000Z',
};

describe('meeting mails', () => {
  it('writes lead times in the reader’s language', () => {
    expect(leadText(1440, 'en')).toBe('1 day');
    expect(leadText(2880, 'es')).toBe('2 días');
    expect(leadText(60, 'id')).toBe('1 jam');
    expect(leadText(15, 'pt')).toBe('15 minutos');
  });

  it('gives a reminder in the member’s language with the time in their zone and the series’ zone', () => {
    const mail = reminderMail({ ...facts, locale: 'es' }, 60);
    expect(mail.subject).toBe('Recordatorio: Enlaza Sur monthly en 1 hora');
    expect(mail.text).toContain('jueves 4 marzo 2027, 21:00 (Asia/Jakarta)');
    expect(mail.text).toContain('Hora de la serie: jueves 4 marzo 2027, 09:00 (America/Lima)');
    expect(mail.text).toContain(facts.link);
  });

  it('names one zone when the member lives in the series’ zone, and falls back to English', () => {
    const mail = reminderMail({ ...facts, memberZone: 'America/Lima', locale: 'fr' }, 1440);
    expect(mail.subject).toBe('Reminder: Enlaza Sur monthly in 1 day');
    expect(mail.text).toContain('Thursday 4 March 2027, 09:00 (America/Lima)');
    expect(mail.text).not.toContain('Series time');
  });

  it('tells the promoted person which meeting, or that the seat is for the whole series', () => {
    expect(promotedMail({ ...facts, locale: 'id' }, false).text).toContain('Kamis 4 Maret 2027, 21:00 (Asia/Jakarta); Waktu seri: Kamis 4 Maret 2027, 09:00 (America/Lima)');
    expect(promotedMail({ ...facts, locale: 'pt' }, true).text).toContain('todas as reuniões da série');
    expect(meetingPath('s1', null)).toBe('/meetings/mine');
  });
});
