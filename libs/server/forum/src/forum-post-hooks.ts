import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Locale } from '@anyam/shared/domain';
import { NotificationInput, NotificationsService } from '@anyam/server/notifications';
import { parseMentions } from './mentions';

export interface PostEvent {
  threadId: string;
  postId: string;
  groupId: string;
  body: string;
  isNewThread: boolean;
  quotePostId?: string | null;
}

/** Run inside the post's transaction; the returned function runs after commit (live delivery). */
export type AfterCommit = (() => Promise<void>) | null;

export type ForumNotificationKind = 'forum.reply' | 'forum.mention' | 'forum.answer_accepted' | 'forum.watched';

/**
 * "Member m may read group g" in SQL, for any member (not only the viewer): the twin of
 * ForumPolicy.canReadGroup evaluated from the database, for aliases `m` (members) and `g` (forum_groups).
 */
export const MEMBER_CAN_READ_GROUP_SQL = `(g.visibility = 'public'
  OR EXISTS (SELECT 1 FROM role_grants ra WHERE ra.member_id = m.id AND ra.role = 'admin')
  OR EXISTS (SELECT 1 FROM forum_group_members rgm WHERE rgm.group_id = g.id AND rgm.member_id = m.id)
  OR (g.visibility = 'members' AND (g.kind <> 'hub'
      OR EXISTS (SELECT 1 FROM role_grants rh WHERE rh.scope = 'hub' AND rh.scope_id = g.hub_id AND rh.member_id = m.id))))`;

type Data = Record<string, string | number | null>;

const q = (s: unknown) => `“${String(s ?? '')}”`;
const LINES: Record<ForumNotificationKind, Record<Locale, (d: Data) => string>> = {
  'forum.reply': {
    en: (d) => `${d.actorName} replied in ${q(d.threadTitle)}`,
    id: (d) => `${d.actorName} membalas di ${q(d.threadTitle)}`,
    es: (d) => `${d.actorName} respondió en ${q(d.threadTitle)}`,
    pt: (d) => `${d.actorName} respondeu em ${q(d.threadTitle)}`,
  },
  'forum.mention': {
    en: (d) => `${d.actorName} mentioned you in ${q(d.threadTitle)}`,
    id: (d) => `${d.actorName} menyebut Anda di ${q(d.threadTitle)}`,
    es: (d) => `${d.actorName} te mencionó en ${q(d.threadTitle)}`,
    pt: (d) => `${d.actorName} mencionou você em ${q(d.threadTitle)}`,
  },
  'forum.answer_accepted': {
    en: (d) => `Your answer in ${q(d.threadTitle)} was accepted`,
    id: (d) => `Jawaban Anda di ${q(d.threadTitle)} diterima`,
    es: (d) => `Tu respuesta en ${q(d.threadTitle)} fue aceptada`,
    pt: (d) => `Sua resposta em ${q(d.threadTitle)} foi aceita`,
  },
  'forum.watched': {
    en: (d) => `New post by ${d.actorName} in ${q(d.threadTitle)} (${d.groupName})`,
    id: (d) => `Tulisan baru dari ${d.actorName} di ${q(d.threadTitle)} (${d.groupName})`,
    es: (d) => `Nueva publicación de ${d.actorName} en ${q(d.threadTitle)} (${d.groupName})`,
    pt: (d) => `Nova publicação de ${d.actorName} em ${q(d.threadTitle)} (${d.groupName})`,
  },
};

/**
 * What follows a published post, in its transaction: notifications of replies (to the thread's author
 * and the quoted post's author), @mentions, and activity for watchers of the thread or group. Each
 * member hears of a post once (mention before reply before watched), never of their own post, and only
 * if they can read the thread's group now. Notification data: threadTitle, groupName, actorName,
 * postNumber.
 */
@Injectable()
export class ForumPostHooks implements OnModuleInit {
  constructor(private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    for (const [kind, lines] of Object.entries(LINES)) {
      this.notifications.registerKind(kind, { line: (data, locale) => lines[locale](data as Data) });
    }
  }

  async afterPost(tx: EntityManager, authorId: string, e: PostEvent): Promise<AfterCommit> {
    const handles = parseMentions(e.body);
    const candidates: { memberId: string; kind: ForumNotificationKind }[] = [];
    if (handles.length) {
      const rows: { id: string }[] = await tx.query(`SELECT id FROM members WHERE handle = ANY($1::text[])`, [handles]);
      for (const r of rows) candidates.push({ memberId: r.id, kind: 'forum.mention' });
    }
    if (!e.isNewThread) {
      const rows: { author_id: string }[] = await tx.query(
        `SELECT author_id FROM forum_threads WHERE id = $1
         UNION SELECT author_id FROM forum_posts WHERE id = $2::uuid AND deleted_at IS NULL AND hidden_at IS NULL`,
        [e.threadId, e.quotePostId ?? null],
      );
      for (const r of rows) candidates.push({ memberId: r.author_id, kind: 'forum.reply' });
    }
    const watchers: { member_id: string }[] = await tx.query(
      `SELECT member_id FROM forum_watches WHERE ($1::boolean = false AND thread_id = $2) OR group_id = $3`,
      [e.isNewThread, e.threadId, e.groupId],
    );
    for (const w of watchers) candidates.push({ memberId: w.member_id, kind: 'forum.watched' });
    return this.send(tx, authorId, e, candidates);
  }

  /** An edit notifies only members it newly mentions. */
  async afterEdit(tx: EntityManager, authorId: string, e: Omit<PostEvent, 'isNewThread'> & { previousBody: string }): Promise<AfterCommit> {
    const before = new Set(parseMentions(e.previousBody));
    const added = parseMentions(e.body).filter((h) => !before.has(h));
    if (!added.length) return null;
    const rows: { id: string }[] = await tx.query(`SELECT id FROM members WHERE handle = ANY($1::text[])`, [added]);
    return this.send(
      tx,
      authorId,
      { threadId: e.threadId, postId: e.postId, groupId: e.groupId },
      rows.map((r) => ({ memberId: r.id, kind: 'forum.mention' as const })),
    );
  }

  /** The accepted answer's author hears of it (not when they accept their own reply). */
  async answerAccepted(tx: EntityManager, actorId: string, e: { threadId: string; postId: string; groupId: string; postAuthorId: string }): Promise<AfterCommit> {
    return this.send(tx, actorId, { threadId: e.threadId, postId: e.postId, groupId: e.groupId }, [{ memberId: e.postAuthorId, kind: 'forum.answer_accepted' }]);
  }

  private async send(
    tx: EntityManager,
    actorId: string,
    e: Pick<PostEvent, 'threadId' | 'postId' | 'groupId'>,
    candidates: { memberId: string; kind: ForumNotificationKind }[],
  ): Promise<AfterCommit> {
    const ids = [...new Set(candidates.map((c) => c.memberId))].filter((id) => id !== actorId);
    if (!ids.length) return null;
    // Only members who can read the thread's group now; one statement for all of them.
    const readers: { id: string }[] = await tx.query(
      `SELECT m.id FROM members m JOIN forum_groups g ON g.id = $2 WHERE m.id = ANY($1::uuid[]) AND ${MEMBER_CAN_READ_GROUP_SQL}`,
      [ids, e.groupId],
    );
    if (!readers.length) return null;
    const allowed = new Set(readers.map((r) => r.id));
    const [facts] = await tx.query(
      `SELECT t.title, g.name AS group_name, p.post_number, a.name AS actor_name
         FROM forum_threads t JOIN forum_groups g ON g.id = t.group_id JOIN forum_posts p ON p.id = $2 JOIN members a ON a.id = $3
        WHERE t.id = $1`,
      [e.threadId, e.postId, actorId],
    );
    const data: Data = { threadTitle: facts.title, groupName: facts.group_name, actorName: facts.actor_name, postNumber: facts.post_number };
    const order: ForumNotificationKind[] = ['forum.answer_accepted', 'forum.mention', 'forum.reply', 'forum.watched'];
    const chosen = new Map<string, ForumNotificationKind>();
    for (const c of [...candidates].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
      if (allowed.has(c.memberId) && !chosen.has(c.memberId)) chosen.set(c.memberId, c.kind);
    }
    const items: NotificationInput[] = [...chosen].map(([memberId, kind]) => ({
      memberId,
      kind,
      data,
      url: `/forum/t/${e.threadId}#post-${e.postId}`,
      actorId,
      dedupeKey: `${kind}:${e.postId}`,
    }));
    const pending = await this.notifications.notify(tx, items);
    return () => pending.publish();
  }
}
