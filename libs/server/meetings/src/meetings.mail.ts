import { DateTime } from 'luxon';
import { isLocale, Locale } from '@anyam/shared/domain';

/** What a mail about one meeting needs. */
export interface MeetingMailFacts {
  locale: string;
  name: string;
  title: string;
  start: Date;
  /** The member's zone (falls back to the series' zone). */
  memberZone: string;
  seriesZone: string;
  link: string;
}

/** "Tuesday 9 March 2027, 09:00 (Asia/Jakarta)" in the reader's language. */
export function whenIn(start: Date, zone: string, locale: Locale): string {
  const d = DateTime.fromJSDate(start, { zone }).setLocale(locale);
  return `${d.toFormat('cccc d LLLL yyyy, HH:mm')} (${zone})`;
}

/** Both zones when they differ (the reader's first), else one. */
function times(f: MeetingMailFacts, locale: Locale, inWord: string): string {
  const mine = whenIn(f.start, f.memberZone, locale);
  if (f.memberZone === f.seriesZone) return mine;
  return `${mine}\n${inWord}: ${whenIn(f.start, f.seriesZone, locale)}`;
}

/** "1 day", "1 hour", "15 minutes" in the reader's language. */
export function leadText(minutes: number, locale: Locale): string {
  const [n, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  const words: Record<Locale, Record<string, [string, string]>> = {
    en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
    id: { day: ['hari', 'hari'], hour: ['jam', 'jam'], minute: ['menit', 'menit'] },
    es: { day: ['día', 'días'], hour: ['hora', 'horas'], minute: ['minuto', 'minutos'] },
    pt: { day: ['dia', 'dias'], hour: ['hora', 'horas'], minute: ['minuto', 'minutos'] },
  };
  return `${n} ${words[locale][unit][n === 1 ? 0 : 1]}`;
}

const REMINDER: Record<Locale, (f: MeetingMailFacts, lead: string, when: string) => { subject: string; text: string }> = {
  en: (f, lead, when) => ({
    subject: `Reminder: ${f.title} in ${lead}`,
    text: `Hello ${f.name},\n\n"${f.title}" starts in ${lead}:\n${when}\n\nMeeting page (link, agenda, your answer):\n${f.link}\n\nYou chose these reminders in your meeting settings.\n\n— Anyam`,
  }),
  id: (f, lead, when) => ({
    subject: `Pengingat: ${f.title} dalam ${lead}`,
    text: `Halo ${f.name},\n\n"${f.title}" dimulai dalam ${lead}:\n${when}\n\nHalaman pertemuan (tautan, agenda, jawaban Anda):\n${f.link}\n\nAnda memilih pengingat ini di pengaturan pertemuan Anda.\n\n— Anyam`,
  }),
  es: (f, lead, when) => ({
    subject: `Recordatorio: ${f.title} en ${lead}`,
    text: `Hola ${f.name}:\n\n"${f.title}" empieza en ${lead}:\n${when}\n\nPágina de la reunión (enlace, agenda, tu respuesta):\n${f.link}\n\nElegiste estos recordatorios en tu configuración de reuniones.\n\n— Anyam`,
  }),
  pt: (f, lead, when) => ({
    subject: `Lembrete: ${f.title} em ${lead}`,
    text: `Olá, ${f.name}!\n\n"${f.title}" começa em ${lead}:\n${when}\n\nPágina da reunião (link, pauta, sua resposta):\n${f.link}\n\nVocê escolheu estes lembretes nas suas configurações de reuniões.\n\n— Anyam`,
  }),
};

const PROMOTED: Record<Locale, (f: MeetingMailFacts, when: string | null) => { subject: string; text: string }> = {
  en: (f, when) => ({
    subject: `You have a seat: ${f.title}`,
    text: `Hello ${f.name},\n\nA seat became free and it is yours: "${f.title}", ${when ?? 'every meeting of the series'}.\nIf you cannot come after all, change your answer so the next person gets the seat:\n${f.link}\n\n— Anyam`,
  }),
  id: (f, when) => ({
    subject: `Anda mendapat tempat: ${f.title}`,
    text: `Halo ${f.name},\n\nSatu tempat kosong dan kini milik Anda: "${f.title}", ${when ?? 'setiap pertemuan dalam seri ini'}.\nJika ternyata Anda tidak bisa hadir, ubah jawaban Anda agar orang berikutnya mendapat tempat:\n${f.link}\n\n— Anyam`,
  }),
  es: (f, when) => ({
    subject: `Tienes un lugar: ${f.title}`,
    text: `Hola ${f.name}:\n\nSe liberó un lugar y es tuyo: "${f.title}", ${when ?? 'todas las reuniones de la serie'}.\nSi al final no puedes venir, cambia tu respuesta para que la siguiente persona reciba el lugar:\n${f.link}\n\n— Anyam`,
  }),
  pt: (f, when) => ({
    subject: `Você tem uma vaga: ${f.title}`,
    text: `Olá, ${f.name}!\n\nUma vaga foi liberada e é sua: "${f.title}", ${when ?? 'todas as reuniões da série'}.\nSe afinal não puder vir, mude sua resposta para que a próxima pessoa fique com a vaga:\n${f.link}\n\n— Anyam`,
  }),
};

const IN_WORD: Record<Locale, string> = { en: 'Series time', id: 'Waktu seri', es: 'Hora de la serie', pt: 'Horário da série' };

const asLocale = (l: string): Locale => (isLocale(l) ? l : 'en');

export function reminderMail(f: MeetingMailFacts, leadMinutes: number) {
  const locale = asLocale(f.locale);
  return REMINDER[locale](f, leadText(leadMinutes, locale), times(f, locale, IN_WORD[locale]));
}

/** `wholeSeries`: the seat is for every meeting of the series (no single time). */
export function promotedMail(f: MeetingMailFacts, wholeSeries: boolean) {
  const locale = asLocale(f.locale);
  return PROMOTED[locale](f, wholeSeries ? null : times(f, locale, IN_WORD[locale]).replace('\n', '; '));
}

/** The meeting's page in the web app (`/meetings/:seriesId/:start`); for a whole series, my meetings. */
export function meetingPath(seriesId: string, originalStart: Date | null): string {
  return originalStart ? `/meetings/${seriesId}/${originalStart.toISOString()}` : '/meetings/mine';
}
