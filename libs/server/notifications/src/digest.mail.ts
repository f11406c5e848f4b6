import { Locale } from '@anyam/shared/domain';

export interface DigestLine {
  text: string;
  link: string;
}

/** The daily digest in the member's own language. */
export function digestMail(locale: Locale, name: string, lines: readonly DigestLine[], more: number, settingsLink: string): { subject: string; text: string } {
  const t = TEXTS[locale];
  const count = lines.length + more;
  const items = lines.map((l) => `• ${l.text}\n  ${l.link}`).join('\n\n');
  const tail = more > 0 ? `\n\n${t.more(more)}` : '';
  return {
    subject: t.subject(count),
    text: `${t.greeting(name)}\n\n${t.intro}\n\n${items}${tail}\n\n${t.footer}\n${settingsLink}\n\n— Anyam`,
  };
}

const TEXTS: Record<Locale, { subject: (n: number) => string; greeting: (n: string) => string; intro: string; more: (n: number) => string; footer: string }> = {
  en: {
    subject: (n) => (n === 1 ? 'Anyam: 1 new notification' : `Anyam: ${n} new notifications`),
    greeting: (n) => `Hello ${n},`,
    intro: 'Here is what happened on Anyam that you have not seen yet:',
    more: (n) => `…and ${n} more on Anyam.`,
    footer: 'You receive this summary once a day while something is unread. To turn it off, open your notification settings:',
  },
  id: {
    subject: (n) => `Anyam: ${n} pemberitahuan baru`,
    greeting: (n) => `Halo ${n},`,
    intro: 'Inilah yang terjadi di Anyam dan belum Anda lihat:',
    more: (n) => `…dan ${n} lainnya di Anyam.`,
    footer: 'Anda menerima ringkasan ini sekali sehari selama ada yang belum dibaca. Untuk mematikannya, buka pengaturan pemberitahuan Anda:',
  },
  es: {
    subject: (n) => (n === 1 ? 'Anyam: 1 notificación nueva' : `Anyam: ${n} notificaciones nuevas`),
    greeting: (n) => `Hola, ${n}:`,
    intro: 'Esto es lo que pasó en Anyam y todavía no has visto:',
    more: (n) => `…y ${n} más en Anyam.`,
    footer: 'Recibes este resumen una vez al día mientras haya algo sin leer. Para desactivarlo, abre tus ajustes de notificaciones:',
  },
  pt: {
    subject: (n) => (n === 1 ? 'Anyam: 1 nova notificação' : `Anyam: ${n} novas notificações`),
    greeting: (n) => `Olá, ${n},`,
    intro: 'Veja o que aconteceu no Anyam e você ainda não viu:',
    more: (n) => `…e mais ${n} no Anyam.`,
    footer: 'Você recebe este resumo uma vez por dia enquanto houver algo não lido. Para desativá-lo, abra suas configurações de notificações:',
  },
};
