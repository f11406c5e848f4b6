import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, MemberActor } from '@anyam/server/core';
import { ForumRepository, GroupAccess } from './forum.repository';
import { ForumService, PostInThread } from './forum.service';
import { ForumPolicy } from './forum.policy';
import { ForumError, FORUM_LIMITS } from './forum.errors';
import { REACTION_KINDS } from './forum.enums';
import { ThreadEntity } from './entities/thread.entity';

export interface Draft {
  body: string;
  updatedAt: Date;
}

/**
 * What a member does with what others wrote: reactions, read positions, watching and reply drafts.
 * Reaction counts are kept on the post (per kind) and the thread (all kinds, for TOP) in the same
 * transaction as the reaction row.
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ForumRepository,
    private readonly forum: ForumService,
  ) {}

  // ---- reactions ----------------------------------------------------------------------------------

  async react(actor: MemberActor, postId: string, kind: string, on: boolean): Promise<PostInThread> {
    if (!REACTION_KINDS.includes(kind as never)) throw AppError.badInput('kind', 'unknown', 'No such reaction.');
    const found = await this.forum.post(actor, postId);
    if (on && !ForumPolicy.canReact(actor, found.access.group, found.access.viewer, found.post)) {
      throw AppError.forbidden(found.post.authorId === actor.memberId ? 'You cannot react to your own post.' : 'You cannot react to this post.');
    }
    await this.db.transaction(async (tx) => {
      const rows = on
        ? await tx.query(`INSERT INTO forum_reactions (post_id, member_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [
            postId,
            actor.memberId,
            kind,
          ])
        : (await tx.query(`DELETE FROM forum_reactions WHERE post_id = $1 AND member_id = $2 AND kind = $3 RETURNING 1`, [postId, actor.memberId, kind]))[0];
      if (!rows.length) return; // already so: nothing changes
      const delta = on ? 1 : -1;
      // Thread before post, the order deletePost locks them in.
      await tx.query(`UPDATE forum_threads SET reaction_count = reaction_count + $2 WHERE id = $1`, [found.thread.id, delta]);
      await tx.query(
        `UPDATE forum_posts SET reaction_counts = jsonb_set(reaction_counts, ARRAY[$2::text], to_jsonb(coalesce((reaction_counts->>$2)::int, 0) + $3::int))
          WHERE id = $1`,
        [postId, kind, delta],
      );
    });
    return this.forum.post(actor, postId);
  }

  // ---- reading ------------------------------------------------------------------------------------

  /** The viewer has read up to this post. The position only moves forward. */
  async markThreadRead(actor: MemberActor, threadId: string, postId: string): Promise<{ thread: ThreadEntity; access: GroupAccess }> {
    const { thread, access } = await this.forum.thread(actor, threadId);
    const [post] = await this.db.query(`SELECT post_number FROM forum_posts WHERE id = $1 AND thread_id = $2`, [postId, threadId]);
    if (!post) throw AppError.badInput('postId', 'mismatch', 'This post is not in the thread.');
    await this.db.query(
      `INSERT INTO forum_thread_reads (member_id, thread_id, last_read_post_id, last_read_post_number) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, thread_id) DO UPDATE
         SET last_read_post_id = EXCLUDED.last_read_post_id, last_read_post_number = EXCLUDED.last_read_post_number, read_at = now()
         WHERE forum_thread_reads.last_read_post_number < EXCLUDED.last_read_post_number`,
      [actor.memberId, threadId, postId, post.post_number],
    );
    return { thread, access };
  }

  // ---- watching -----------------------------------------------------------------------------------

  /** Watch (or stop watching) a thread or a group the viewer can read. */
  async watch(
    actor: MemberActor,
    target: { threadId?: string | null; groupId?: string | null },
    on: boolean,
  ): Promise<{ thread: { thread: ThreadEntity; access: GroupAccess } | null; group: GroupAccess | null }> {
    if (!target.threadId === !target.groupId) throw ForumError.oneOf('threadId', 'groupId');
    if (target.threadId) {
      const found = await this.forum.thread(actor, target.threadId);
      if (on) {
        await this.db.query(`INSERT INTO forum_watches (member_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [actor.memberId, target.threadId]);
      } else {
        await this.db.query(`DELETE FROM forum_watches WHERE member_id = $1 AND thread_id = $2`, [actor.memberId, target.threadId]);
      }
      return { thread: found, group: null };
    }
    const group = await this.forum.group(actor, { id: target.groupId });
    if (on) {
      await this.db.query(`INSERT INTO forum_watches (member_id, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [actor.memberId, target.groupId]);
    } else {
      await this.db.query(`DELETE FROM forum_watches WHERE member_id = $1 AND group_id = $2`, [actor.memberId, target.groupId]);
    }
    return { thread: null, group };
  }

  // ---- drafts -------------------------------------------------------------------------------------

  /** Saves the viewer's reply draft for a thread they may reply in; an empty body discards it. */
  async saveDraft(actor: MemberActor, threadId: string, body: string): Promise<Draft | null> {
    const { thread, access } = await this.forum.thread(actor, threadId);
    ForumPolicy.assertCanReply(actor, access.group, access.viewer, thread);
    if (body.length > FORUM_LIMITS.bodyMax) throw ForumError.tooLong('body', FORUM_LIMITS.bodyMax);
    if (!body.trim()) {
      await this.db.query(`DELETE FROM forum_drafts WHERE member_id = $1 AND thread_id = $2`, [actor.memberId, threadId]);
      return null;
    }
    const [row] = await this.db.query(
      `INSERT INTO forum_drafts (member_id, thread_id, body) VALUES ($1, $2, $3)
       ON CONFLICT (member_id, thread_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
       RETURNING body, updated_at`,
      [actor.memberId, threadId, body],
    );
    return { body: row.body, updatedAt: row.updated_at };
  }
}
