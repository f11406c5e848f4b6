import type { NotificationEntity } from './entities/notification.entity';
import type { NotificationType } from './graphql/notification.type';

export function toNotificationType(n: NotificationEntity): NotificationType {
  return {
    id: n.id,
    kind: n.kind,
    data: Object.entries(n.data ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => ({ key, value: value === null || value === undefined ? null : String(value) })),
    url: n.url,
    actorId: n.actorId,
    createdAt: new Date(n.createdAt),
    readAt: n.readAt ? new Date(n.readAt) : null,
  };
}
