import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, MemberActor } from '@anyam/server/core';
import { ForumRepository, GroupAccess, Params } from './forum.repository';
import { ForumService, PostInThread } from './forum.service';
import { ForumPolicy } from './forum.policy';
import { ForumPostHooks } from './forum-post-hooks';

export const FLAG_REASON_MAX = 500;

export interface ModerationItemRow {
  postId: string;
  threadId: string;
  kind: 'held' | 'flagged';
  since: string;
}

export interface FlagRow {
  id: string;
  postId: string;
  reporterId: string;
  reason: string;
  status: 'open' | 'hidden' | 'dismissed';
  createdAt: Date;
}

/**
 * Moderation: flags, the per-group queue (open flags and held posts), hiding and restoring posts, and
 * approving or rejecting held ones. Everything here is for the group's moderators (ForumPolicy), except
 * flagging, which any reader does to someone else's post.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ForumRepository,
    private readonly forum: ForumService,
    private readonly hooks: ForumPostHooks,
  ) {}

  async flagPost(actor: MemberActor, postId: string, reason: string): Promise<FlagRow> {
    const found = await this.forum.post(actor, postId);
    if (!ForumPolicy.canFlag(actor, found.access.group, found.access.viewer, found.post)) {
      throw AppError.forbidden(found.post.authorId === actor.memberId ? 'You cannot flag your own post.' : 'You cannot flag this post.');
    }
    const text = reason.trim();
    if (!text) throw AppError.badInput('reason', 'empty', 'Say what is wrong with the post.');
    if (text.length > FLAG_REASON_MAX) throw AppError.badInput('reason', 'tooLong', `Use at most ${FLAG_REASON_MAX} characters.`);
    const [row] = await this.db.query(
      `INSERT INTO forum_flags (post_id, reporter_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (post_id, reporter_id) WHERE status = 'open' DO NOTHING
       RETURNING id, post_id AS "postId", reporter_id AS "reporterId", reason, status, created_at AS "createdAt"`,
      [postId, actor.memberId, text],
    );
    if (!row) throw AppError.conflict('postId', 'taken', 'You have already flagged this post; a moderator will look at it.');
    return row;
  }

  /** Open flags and held posts of a group, oldest first; keyset on (since, post id, kind). */
  async queue(actor: MemberActor, groupId: string, limit: number, after: [string, string, string] | null): Promise<{ access: GroupAccess; rows: ModerationItemRow[] }> {
    const access = await this.forum.group(actor, { id: groupId });
    ForumPolicy.assertCanModerateGroup(actor, access.group, access.viewer);
    const params = new Params();
    const g = params.p(groupId);
    const cursor = after ? `WHERE (i.since, i.post_id, i.kind) > (${params.p(after[0])}::timestamptz, ${params.p(after[1])}::uuid, ${params.p(after[2])})` : '';
    const rows = await this.db.query(
      `SELECT i.post_id AS "postId", i.thread_id AS "threadId", i.kind, i.since::text AS since FROM (
         SELECT p.id AS post_id, p.thread_id, 'held' AS kind, p.created_at AS since
           FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
          WHERE t.group_id = ${g}::uuid AND t.deleted_at IS NULL AND p.status = 'held' AND p.deleted_at IS NULL
         UNION ALL
         SELECT f.post_id, p.thread_id, 'flagged', min(f.created_at)
           FROM forum_flags f JOIN forum_posts p ON p.id = f.post_id JOIN forum_threads t ON t.id = p.thread_id
          WHERE t.group_id = ${g}::uuid AND t.deleted_at IS NULL AND f.status = 'open'
          GROUP BY f.post_id, p.thread_id
       ) i ${cursor}
       ORDER BY i.since, i.post_id, i.kind LIMIT ${params.p(limit)}`,
      params.values,
    );
    return { access, rows };
  }

  /** Hide (readers see a placeholder) or restore a post; counters follow under the thread lock. */
  async setHidden(actor: MemberActor, postId: string, hidden: boolean): Promise<PostInThread> {
    const found = await this.moderated(actor, postId);
    await this.db.transaction(async (tx) => {
      await this.hide(tx, actor, found, hidden);
    });
    return this.forum.post(actor, postId);
  }

  /** Resolves every open flag on the flagged post: hide the post, or dismiss the flags. */
  async resolveFlag(actor: MemberActor, flagId: string, resolution: 'hidden' | 'dismissed'): Promise<PostInThread> {
    const [flag] = await this.db.query(`SELECT post_id, status FROM forum_flags WHERE id = $1`, [flagId]);
    if (!flag) throw AppError.notFound('No such flag.');
    const found = await this.moderated(actor, flag.post_id);
    if (flag.status !== 'open') throw AppError.conflict('flagId', 'resolved', 'This flag has already been resolved.');
    await this.db.transaction(async (tx) => {
      if (resolution === 'hidden') await this.hide(tx, actor, found, true);
      await tx.query(`UPDATE forum_flags SET status = $2, resolved_by_id = $3, resolved_at = now() WHERE post_id = $1 AND status = 'open'`, [
        flag.post_id,
        resolution,
        actor.memberId,
      ]);
    });
    return this.forum.post(actor, flag.post_id);
  }

  /**
   * Approve a held post: it is published (counters, live subscribers, notifications) as if it had just
   * been written; an opening post releases its thread. Reject: only its author still sees it, and a
   * rejected opening post takes its thread away.
   */
  async review(actor: MemberActor, postId: string, approve: boolean): Promise<PostInThread> {
    const found = await this.moderated(actor, postId);
    if (found.post.status !== 'held') throw AppError.conflict('postId', 'notHeld', 'This post is not waiting for approval.');
    const publish = await this.db.transaction(async (tx) => {
      const thread = await this.repo.lockThread(tx, found.thread.id);
      if (!thread) throw AppError.notFound('No such thread.');
      const [[changed]] = await tx.query(`UPDATE forum_posts SET status = $2 WHERE id = $1 AND status = 'held' RETURNING post_number, author_id, created_at`, [
        postId,
        approve ? 'visible' : 'rejected',
      ]);
      if (!changed) return null;
      const opening = changed.post_number === 1;
      if (!approve) {
        if (opening) await tx.query(`UPDATE forum_threads SET deleted_at = now() WHERE id = $1`, [thread.id]);
        return null;
      }
      if (opening) {
        await tx.query(`UPDATE forum_threads SET held = false, last_activity_at = now() WHERE id = $1`, [thread.id]);
      } else {
        await tx.query(`UPDATE forum_threads SET last_activity_at = GREATEST(last_activity_at, now()), last_poster_id = $2 WHERE id = $1`, [
          thread.id,
          changed.author_id,
        ]);
      }
      await this.forum.recountThread(tx, thread.id);
      return {
        opening,
        after: await this.hooks.afterPost(tx, changed.author_id, {
          threadId: thread.id,
          postId,
          groupId: found.access.group.id,
          body: found.post.bodyMarkdown,
          isNewThread: opening,
          quotePostId: found.post.quotePostId,
        }),
      };
    });
    if (publish) {
      if (publish.opening) await this.forum.publishActivity({ kind: 'THREAD_CREATED', groupId: found.access.group.id, threadId: found.thread.id, postId });
      else await this.forum.publishPostAdded(found.access.group.id, found.thread.id, postId);
      await publish.after?.();
    }
    // A rejected opening post took its thread away; the moderator still gets the post back.
    return approve ? this.forum.post(actor, postId) : { ...found, post: { ...found.post, status: 'rejected' } };
  }

  private async moderated(actor: MemberActor, postId: string): Promise<PostInThread> {
    const found = await this.forum.post(actor, postId);
    ForumPolicy.assertCanModerateGroup(actor, found.access.group, found.access.viewer);
    return found;
  }

  private async hide(tx: EntityManager, actor: MemberActor, found: PostInThread, hidden: boolean): Promise<void> {
    const thread = await this.repo.lockThread(tx, found.thread.id);
    if (!thread) throw AppError.notFound('No such thread.');
    await tx.query(
      hidden
        ? `UPDATE forum_posts SET hidden_at = now(), hidden_by_id = $2 WHERE id = $1 AND hidden_at IS NULL`
        : `UPDATE forum_posts SET hidden_at = NULL, hidden_by_id = NULL WHERE id = $1 AND $2::uuid IS NOT NULL`,
      [found.post.id, actor.memberId],
    );
    await this.forum.recountThread(tx, thread.id);
  }
}
