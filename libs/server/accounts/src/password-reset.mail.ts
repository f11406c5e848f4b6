import { Locale } from '@anyam/shared/domain';

/** The reset e-mail in the member's own interface language. */
export function passwordResetMail(locale: Locale, name: string, link: string): { subject: string; text: string } {
  const t = TEXTS[locale];
  return { subject: t.subject, text: `${t.greeting(name)}\n\n${t.body}\n\n${link}\n\n${t.expiry}\n\n${t.ignore}\n\n— Anyam` };
}

const TEXTS: Record<Locale, { subject: string; greeting: (n: string) => string; body: string; expiry: string; ignore: string }> = {
  en: {
    subject: 'Reset your Anyam password',
    greeting: (n) => `Hello ${n},`,
    body: 'Someone asked to reset the password of your Anyam account. To choose a new password, open this link:',
    expiry: 'The link works once, for one hour.',
    ignore: 'If you did not ask for this, you can ignore this message; your password stays the same.',
  },
  id: {
    subject: 'Atur ulang kata sandi Anyam Anda',
    greeting: (n) => `Halo ${n},`,
    body: 'Seseorang meminta pengaturan ulang kata sandi akun Anyam Anda. Untuk memilih kata sandi baru, buka tautan ini:',
    expiry: 'Tautan ini hanya dapat dipakai sekali, selama satu jam.',
    ignore: 'Jika Anda tidak memintanya, abaikan pesan ini; kata sandi Anda tidak berubah.',
  },
  es: {
    subject: 'Restablece tu contraseña de Anyam',
    greeting: (n) => `Hola, ${n}:`,
    body: 'Alguien pidió restablecer la contraseña de tu cuenta de Anyam. Para elegir una contraseña nueva, abre este enlace:',
    expiry: 'El enlace funciona una sola vez, durante una hora.',
    ignore: 'Si no lo pediste, puedes ignorar este mensaje; tu contraseña no cambia.',
  },
  pt: {
    subject: 'Redefina sua senha do Anyam',
    greeting: (n) => `Olá, ${n},`,
    body: 'Alguém pediu para redefinir a senha da sua conta no Anyam. Para escolher uma nova senha, abra este link:',
    expiry: 'O link funciona uma única vez, durante uma hora.',
    ignore: 'Se você não pediu isso, pode ignorar esta mensagem; sua senha continua a mesma.',
  },
};
