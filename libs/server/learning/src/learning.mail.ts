export type MailLocale = 'en' | 'id' | 'es' | 'pt';

export function mailLocale(locale: string | null | undefined): MailLocale {
  const l = (locale ?? 'en').toLowerCase().split('-')[0];
  return l === 'id' || l === 'es' || l === 'pt' ? l : 'en';
}

/** The e-mail a member gets when a freed seat in a cohort becomes theirs, in their language. */
export function waitlistPromotedMail(locale: MailLocale, v: { name: string; moduleTitle: string; cohortName: string; startsOn: string; url: string }) {
  const texts: Record<MailLocale, { subject: string; body: string }> = {
    en: {
      subject: `You have a seat in ${v.cohortName}`,
      body: `Hello ${v.name},\n\nA seat freed up in the cohort "${v.cohortName}" of the module "${v.moduleTitle}" (starting ${v.startsOn}), and it is yours: you are now enrolled.\n\nOpen the module: ${v.url}\n\nIf you can no longer take part, please withdraw so the next person on the waitlist gets the seat.`,
    },
    id: {
      subject: `Anda mendapat kursi di ${v.cohortName}`,
      body: `Halo ${v.name},\n\nSatu kursi kosong di kohort "${v.cohortName}" untuk modul "${v.moduleTitle}" (mulai ${v.startsOn}), dan kini kursi itu milik Anda: Anda sudah terdaftar.\n\nBuka modul: ${v.url}\n\nJika Anda tidak bisa ikut lagi, mohon mundur agar orang berikutnya di daftar tunggu mendapat kursi.`,
    },
    es: {
      subject: `Tienes un cupo en ${v.cohortName}`,
      body: `Hola ${v.name}:\n\nSe liberó un cupo en la cohorte "${v.cohortName}" del módulo "${v.moduleTitle}" (empieza el ${v.startsOn}) y es tuyo: ya estás inscrito/a.\n\nAbre el módulo: ${v.url}\n\nSi ya no puedes participar, retírate para que la siguiente persona de la lista de espera obtenga el cupo.`,
    },
    pt: {
      subject: `Você tem uma vaga em ${v.cohortName}`,
      body: `Olá ${v.name},\n\nAbriu-se uma vaga na turma "${v.cohortName}" do módulo "${v.moduleTitle}" (início em ${v.startsOn}) e ela é sua: você já está inscrito/a.\n\nAbra o módulo: ${v.url}\n\nSe não puder mais participar, desista para que a próxima pessoa da lista de espera fique com a vaga.`,
    },
  };
  return texts[locale];
}

/** One line per notification kind (digest e-mails). */
export const NOTIFICATION_LINES: Record<string, Record<MailLocale, (d: Record<string, string | number | null>) => string>> = {
  'learning.waitlist_promoted': {
    en: (d) => `You got a seat in "${d.cohortName}" (${d.moduleTitle}).`,
    id: (d) => `Anda mendapat kursi di "${d.cohortName}" (${d.moduleTitle}).`,
    es: (d) => `Obtuviste un cupo en "${d.cohortName}" (${d.moduleTitle}).`,
    pt: (d) => `Você conseguiu uma vaga em "${d.cohortName}" (${d.moduleTitle}).`,
  },
  'learning.certificate_issued': {
    en: (d) => `You completed "${d.moduleTitle}": your certificate is ready.`,
    id: (d) => `Anda menyelesaikan "${d.moduleTitle}": sertifikat Anda sudah siap.`,
    es: (d) => `Completaste "${d.moduleTitle}": tu certificado está listo.`,
    pt: (d) => `Você concluiu "${d.moduleTitle}": seu certificado está pronto.`,
  },
};
