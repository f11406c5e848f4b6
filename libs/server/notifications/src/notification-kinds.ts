import { Locale } from '@anyam/shared/domain';
import type { NotificationData } from './entities/notification.entity';

/** How one kind of notification reads as a line of text (in the e-mail digest). */
export interface NotificationKindRender {
  line(data: NotificationData, locale: Locale): string;
}

/** Kinds are `domain.event`, e.g. `forum.reply`, `meetings.reminder`. */
export const NOTIFICATION_KIND_PATTERN = /^[a-z]+\.[a-z_]+$/;

const FALLBACK: Record<Locale, string> = {
  en: 'Something new for you on Anyam',
  id: 'Ada kabar baru untuk Anda di Anyam',
  es: 'Hay algo nuevo para ti en Anyam',
  pt: 'Há algo novo para você no Anyam',
};

/** Each domain registers the kinds it sends; the digest asks here how to write them. */
export class NotificationKindRegistry {
  private readonly kinds = new Map<string, NotificationKindRender>();

  register(kind: string, render: NotificationKindRender): void {
    if (!NOTIFICATION_KIND_PATTERN.test(kind)) throw new Error(`notification kind ${kind} is not domain.event`);
    if (this.kinds.has(kind)) throw new Error(`notification kind ${kind} registered twice`);
    this.kinds.set(kind, render);
  }

  line(kind: string, data: NotificationData, locale: Locale): string {
    const render = this.kinds.get(kind);
    if (!render) return FALLBACK[locale];
    try {
      return render.line(data, locale);
    } catch {
      return FALLBACK[locale];
    }
  }
}
