import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Locale } from '@anyam/shared/domain';
import { AppError, ConnectionShape, decodeCursor, encodeCursor, pageSize, PageArgs, PUB_SUB, PubSubEngine } from '@anyam/server/core';
import { NotificationData, NotificationEntity } from './entities/notification.entity';
import { NotificationSettingsEntity } from './entities/notification-settings.entity';
import { NOTIFICATION_KIND_PATTERN, NotificationKindRegistry, NotificationKindRender } from './notification-kinds';

export interface NotificationInput {
  /** Who is told. */
  memberId: string;
  /** `domain.event`, e.g. `forum.reply`. */
  kind: string;
  /** The values its text needs (titles, names, ISO instants). */
  data: NotificationData;
  /** A path in the web app, e.g. `/forum/t/<thread>#post-<post>`. */
  url: string;
  /** Who caused it; a member is never told of their own action. */
  actorId?: string | null;
  /** Unique per member: a second notification with the same key is ignored. */
  dedupeKey?: string;
}

export interface PendingNotifications {
  /** The notifications written (those not dropped as duplicates or self-notifications). */
  readonly created: readonly NotificationEntity[];
  /** Deliver them live (`notificationAdded`). Call after the transaction that wrote them has committed. */
  publish(): Promise<void>;
}

export interface NotificationAddedEvent {
  notificationAdded: { id: string; memberId: string };
}

export const notificationAddedTopic = (memberId: string) => `notification-added:${memberId}`;

const MAX_MARK = 500;

/**
 * In-app notifications: written by domains inside their own transactions, listed newest first,
 * counted while unread, delivered live, and gathered into a daily e-mail digest.
 */
@Injectable()
export class NotificationsService {
  private readonly kinds = new NotificationKindRegistry();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** Say how a kind reads in the e-mail digest. Call from a module's `onModuleInit`. */
  registerKind(kind: string, render: NotificationKindRender): void {
    this.kinds.register(kind, render);
  }

  digestLine(kind: string, data: NotificationData, locale: Locale): string {
    return this.kinds.line(kind, data, locale);
  }

  /** Write notifications in the caller's transaction; `publish()` them once it has committed. */
  async notify(manager: EntityManager, items: readonly NotificationInput[]): Promise<PendingNotifications> {
    const rows = items.filter((n) => n.memberId !== n.actorId);
    for (const n of rows) {
      if (!NOTIFICATION_KIND_PATTERN.test(n.kind)) throw new Error(`notification kind ${n.kind} is not domain.event`);
      if (!n.url.startsWith('/')) throw new Error(`notification url ${n.url} is not a path of the web app`);
    }
    if (rows.length === 0) return { created: [], publish: async () => undefined };
    const values: unknown[] = [];
    const tuples = rows.map((n) => {
      values.push(n.memberId, n.kind, JSON.stringify(n.data), n.url, n.actorId ?? null, n.dedupeKey ?? null);
      const b = values.length - 6;
      return `($${b + 1}::uuid, $${b + 2}, $${b + 3}::jsonb, $${b + 4}, $${b + 5}::uuid, $${b + 6})`;
    });
    const inserted: Record<string, unknown>[] = await manager.query(
      `INSERT INTO notifications (member_id, kind, data, url, actor_id, dedupe_key) VALUES ${tuples.join(', ')}
       ON CONFLICT (member_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, member_id, kind, data, url, actor_id, dedupe_key, created_at, read_at, emailed_at`,
      values,
    );
    const created = inserted.map(fromRow);
    return {
      created,
      publish: async () => {
        for (const n of created) {
          await this.pubSub.publish(notificationAddedTopic(n.memberId), { notificationAdded: { id: n.id, memberId: n.memberId } } satisfies NotificationAddedEvent);
        }
      },
    };
  }

  /** The member's notifications, newest first, keyset-paginated on (created_at, id). */
  async list(memberId: string, args: PageArgs & { unreadOnly?: boolean | null }): Promise<ConnectionShape<NotificationEntity>> {
    const size = pageSize(args.first);
    const qb = this.db.getRepository(NotificationEntity).createQueryBuilder('n').where('n.member_id = :memberId', { memberId });
    if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw AppError.badInput('after', 'invalidCursor', 'This page link is no longer valid. Start again from the first page.');
      qb.andWhere('(n.created_at, n.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(size + 1).getMany();
    const page = rows.slice(0, size);
    const edges = page.map((n) => ({ cursor: encodeCursor([n.createdAt.toISOString(), n.id]), node: n }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async byId(memberId: string, id: string): Promise<NotificationEntity | null> {
    return this.db.getRepository(NotificationEntity).findOneBy({ id, memberId });
  }

  async unreadCount(memberId: string): Promise<number> {
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM notifications WHERE member_id = $1 AND read_at IS NULL`, [memberId]);
    return count;
  }

  /** Marks the given notifications (or all) read; returns how many changed. Others' ids are ignored. */
  async markRead(memberId: string, ids: readonly string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
    if (!all && (!ids || ids.length === 0)) throw AppError.badInput('ids', 'required', 'Say which notifications to mark as read, or mark them all.');
    if (ids && ids.length > MAX_MARK) throw AppError.badInput('ids', 'tooMany', `Mark at most ${MAX_MARK} notifications at a time.`);
    const [, count] = all
      ? await this.db.query(`UPDATE notifications SET read_at = now() WHERE member_id = $1 AND read_at IS NULL`, [memberId])
      : await this.db.query(`UPDATE notifications SET read_at = now() WHERE member_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])`, [memberId, ids]);
    return count;
  }

  async settings(memberId: string): Promise<{ emailDigest: boolean }> {
    const row = await this.db.getRepository(NotificationSettingsEntity).findOneBy({ memberId });
    return { emailDigest: row?.emailDigest ?? true };
  }

  async updateSettings(memberId: string, input: { emailDigest?: boolean | null }): Promise<{ emailDigest: boolean }> {
    if (input.emailDigest === null || input.emailDigest === undefined) return this.settings(memberId);
    await this.db.query(
      `INSERT INTO notification_settings (member_id, email_digest) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET email_digest = EXCLUDED.email_digest`,
      [memberId, input.emailDigest],
    );
    return this.settings(memberId);
  }
}

function fromRow(r: Record<string, unknown>): NotificationEntity {
  return Object.assign(new NotificationEntity(), {
    id: r.id,
    memberId: r.member_id,
    kind: r.kind,
    data: r.data,
    url: r.url,
    actorId: r.actor_id,
    dedupeKey: r.dedupe_key,
    createdAt: r.created_at,
    readAt: r.read_at,
    emailedAt: r.emailed_at,
  });
}
