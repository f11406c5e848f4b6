import { Locale } from '@anyam/shared/domain';

const INVITE: Record<Locale, (by: string, target: string, role: string, link: string) => { subject: string; text: string }> = {
  en: (by, target, role, link) => ({
    subject: `You are invited to ${target} on Anyam`,
    text: `${by} invites you to join ${target} on Anyam as ${role}.\n\nTo accept, open this link (it works once, for 14 days):\n\n${link}\n\nIf you do not have an account yet, you can create one from the link.\n\n— Anyam`,
  }),
  id: (by, target, role, link) => ({
    subject: `Anda diundang ke ${target} di Anyam`,
    text: `${by} mengundang Anda bergabung dengan ${target} di Anyam sebagai ${role}.\n\nUntuk menerima, buka tautan ini (berlaku sekali, selama 14 hari):\n\n${link}\n\n— Anyam`,
  }),
  es: (by, target, role, link) => ({
    subject: `Te invitan a ${target} en Anyam`,
    text: `${by} te invita a unirte a ${target} en Anyam como ${role}.\n\nPara aceptar, abre este enlace (funciona una vez, durante 14 días):\n\n${link}\n\n— Anyam`,
  }),
  pt: (by, target, role, link) => ({
    subject: `Você foi convidado para ${target} no Anyam`,
    text: `${by} convida você para participar de ${target} no Anyam como ${role}.\n\nPara aceitar, abra este link (funciona uma vez, durante 14 dias):\n\n${link}\n\n— Anyam`,
  }),
};

const DECIDED: Record<Locale, (hub: string, approved: boolean) => { subject: string; text: string }> = {
  en: (hub, ok) => ({
    subject: ok ? `Welcome to ${hub}` : `Your request to join ${hub}`,
    text: ok ? `Your request to join ${hub} on Anyam was approved.\n\n— Anyam` : `Your request to join ${hub} on Anyam was declined.\n\n— Anyam`,
  }),
  id: (hub, ok) => ({
    subject: ok ? `Selamat datang di ${hub}` : `Permintaan Anda untuk bergabung dengan ${hub}`,
    text: ok ? `Permintaan Anda untuk bergabung dengan ${hub} di Anyam disetujui.\n\n— Anyam` : `Permintaan Anda untuk bergabung dengan ${hub} di Anyam ditolak.\n\n— Anyam`,
  }),
  es: (hub, ok) => ({
    subject: ok ? `Bienvenida/o a ${hub}` : `Tu solicitud para unirte a ${hub}`,
    text: ok ? `Tu solicitud para unirte a ${hub} en Anyam fue aprobada.\n\n— Anyam` : `Tu solicitud para unirte a ${hub} en Anyam fue rechazada.\n\n— Anyam`,
  }),
  pt: (hub, ok) => ({
    subject: ok ? `Boas-vindas a ${hub}` : `Seu pedido para participar de ${hub}`,
    text: ok ? `Seu pedido para participar de ${hub} no Anyam foi aprovado.\n\n— Anyam` : `Seu pedido para participar de ${hub} no Anyam foi recusado.\n\n— Anyam`,
  }),
};

export function invitationMail(locale: Locale, by: string, target: string, role: string, link: string) {
  return INVITE[locale](by, target, role, link);
}

export function joinDecisionMail(locale: Locale, hub: string, approved: boolean) {
  return DECIDED[locale](hub, approved);
}
