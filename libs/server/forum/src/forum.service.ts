import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, MemberActor, PUB_SUB, PubSubEngine, RateLimitRule, RateLimitService } from '@anyam/server/core';
import { GroupEntity, GroupKind, GroupVisibility } from './entities/group.entity';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { ForumRepository, GroupAccess } from './forum.repository';
import { ForumPolicy } from './forum.policy';
import { FORUM_LIMITS, ForumError } from './forum.errors';
import { renderMarkdown } from './markdown';
import { ForumPostHooks } from './forum-post-hooks';

/** One post (a reply or a new thread) per 10 seconds per member. */
export const FORUM_POST_RATE_LIMIT: RateLimitRule = { name: 'forum-post:member', points: 1, durationSeconds: 10 };
/** Members whose account is under a day old: at most 20 posts (replies and threads) a day. */
export const FORUM_NEW_MEMBER_DAILY_LIMIT: RateLimitRule = { name: 'forum-post:new-member-day', points: 20, durationSeconds: 24 * 3600 };

/** A post every reader of the thread sees in full (SQL, alias p). */
export const PUBLISHED_POST_SQL = `p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.status = 'visible'`;

export const groupActivityTopic = (groupId: string) => `forum.groupActivity.${groupId}`;

export type GroupActivityKind = 'THREAD_CREATED' | 'POST_ADDED' | 'THREAD_MOVED' | 'THREAD_LOCKED' | 'THREAD_UNLOCKED';

export interface GroupActivityEvent {
  kind: GroupActivityKind;
  groupId: string;
  threadId: string;
  postId: string | null;
}

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TAG = /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

export const postAddedTopic = (threadId: string) => `forum.postAdded.${threadId}`;

export interface PostAddedEvent {
  postId: string;
  threadId: string;
  groupId: string;
}

export interface PostInThread {
  post: PostEntity;
  thread: ThreadEntity;
  access: GroupAccess;
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw ForumError.empty(field);
  if (trimmed.length > max) throw ForumError.tooLong(field, max);
  return trimmed;
}

function language(value: string | undefined | null, fallback: string, field = 'language'): string {
  const tag = (value ?? fallback).trim();
  if (!LANGUAGE_TAG.test(tag) || tag.length > 35) throw ForumError.language(field);
  return tag;
}

function clientMutationId(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  if (!value.trim()) throw ForumError.empty('clientMutationId');
  if (value.length > FORUM_LIMITS.clientMutationIdMax) throw ForumError.tooLong('clientMutationId', FORUM_LIMITS.clientMutationIdMax);
  return value;
}

@Injectable()
export class ForumService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ForumRepository,
    private readonly rateLimits: RateLimitService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly hooks: ForumPostHooks,
  ) {}

  // ---- groups -------------------------------------------------------------------------------------

  async group(actor: Actor, key: { id?: string | null; slug?: string | null }): Promise<GroupAccess> {
    if (!key.id === !key.slug) throw ForumError.oneOf('id', 'slug');
    const access = await this.repo.readableGroup(actor, key.id ? { id: key.id } : { slug: key.slug! });
    if (!access) throw ForumError.groupNotFound();
    return access;
  }

  async createGroup(
    actor: MemberActor,
    input: {
      kind: GroupKind;
      regionId?: string | null;
      hubId?: string | null;
      themeKey?: string | null;
      name: string;
      slug: string;
      description?: string | null;
      visibility: GroupVisibility;
      defaultLanguage: string;
      holdFirstPosts?: boolean | null;
    },
  ): Promise<GroupAccess> {
    const target = {
      kind: input.kind,
      regionId: input.kind === 'theme' ? null : (input.regionId ?? null),
      hubId: input.kind === 'hub' ? (input.hubId ?? null) : null,
      themeKey: input.kind === 'theme' ? (input.themeKey ?? null) : null,
    };
    if ((input.kind === 'region' && !target.regionId) || (input.kind === 'hub' && !target.hubId) || (input.kind === 'theme' && !target.themeKey)) {
      throw ForumError.groupTarget();
    }
    ForumPolicy.assertCanCreateGroup(actor, target);
    const name = text('name', input.name, FORUM_LIMITS.groupNameMax);
    if (!SLUG.test(input.slug) || input.slug.length > 64) throw ForumError.slugInvalid();
    const description = (input.description ?? '').trim();
    if (description.length > FORUM_LIMITS.groupDescriptionMax) throw ForumError.tooLong('description', FORUM_LIMITS.groupDescriptionMax);
    const defaultLanguage = language(input.defaultLanguage, '', 'defaultLanguage');

    const id = await this.db.transaction(async (tx) => {
      if (target.hubId) {
        const [hub] = await tx.query(`SELECT region_id FROM hubs WHERE id = $1`, [target.hubId]);
        if (!hub) throw ForumError.hubNotFound();
        target.regionId = hub.region_id;
      } else if (target.regionId) {
        const [region] = await tx.query(`SELECT 1 FROM regions WHERE id = $1`, [target.regionId]);
        if (!region) throw ForumError.regionNotFound();
        const [existing] = await tx.query(`SELECT 1 FROM forum_groups WHERE kind = 'region' AND region_id = $1`, [target.regionId]);
        if (existing) throw ForumError.regionalForumExists();
      } else {
        const [theme] = await tx.query(`SELECT 1 FROM themes WHERE key = $1`, [target.themeKey]);
        if (!theme) throw ForumError.themeUnknown('themeKey');
      }
      const [taken] = await tx.query(`SELECT 1 FROM forum_groups WHERE slug = $1`, [input.slug]);
      if (taken) throw ForumError.slugTaken();
      const row = await tx.getRepository(GroupEntity).save(
        tx.getRepository(GroupEntity).create({
          ...target,
          name,
          slug: input.slug,
          description,
          visibility: input.visibility,
          defaultLanguage,
          holdFirstPosts: input.holdFirstPosts ?? false,
        }),
      );
      // Whoever creates a private group is in it, as its moderator.
      if (input.visibility === 'private') {
        await tx.query(`INSERT INTO forum_group_members (group_id, member_id, role) VALUES ($1, $2, 'moderator')`, [row.id, actor.memberId]);
      }
      return row.id;
    });
    return (await this.repo.readableGroup(actor, { id }))!;
  }

  /** A group's moderators change its name, description, visibility, default language and hold setting. */
  async updateGroup(
    actor: MemberActor,
    input: {
      groupId: string;
      name?: string | null;
      description?: string | null;
      visibility?: GroupVisibility | null;
      defaultLanguage?: string | null;
      holdFirstPosts?: boolean | null;
    },
  ): Promise<GroupAccess> {
    const access = await this.repo.readableGroup(actor, { id: input.groupId });
    if (!access) throw ForumError.groupNotFound();
    if (!ForumPolicy.canUpdateGroup(actor, access.group, access.viewer)) throw AppError.forbidden('Only moderators of this group can change it.');
    const changes: Partial<GroupEntity> = {};
    if (input.name !== undefined && input.name !== null) changes.name = text('name', input.name, FORUM_LIMITS.groupNameMax);
    if (input.description !== undefined && input.description !== null) {
      const description = input.description.trim();
      if (description.length > FORUM_LIMITS.groupDescriptionMax) throw ForumError.tooLong('description', FORUM_LIMITS.groupDescriptionMax);
      changes.description = description;
    }
    if (input.defaultLanguage !== undefined && input.defaultLanguage !== null) changes.defaultLanguage = language(input.defaultLanguage, '', 'defaultLanguage');
    if (input.visibility) changes.visibility = input.visibility;
    if (input.holdFirstPosts !== undefined && input.holdFirstPosts !== null) changes.holdFirstPosts = input.holdFirstPosts;
    if (Object.keys(changes).length) await this.repo.groups.update({ id: access.group.id }, changes);
    return (await this.repo.readableGroup(actor, { id: access.group.id })) ?? access;
  }

  // ---- threads ------------------------------------------------------------------------------------

  async thread(actor: Actor, id: string): Promise<{ thread: ThreadEntity; access: GroupAccess }> {
    const found = await this.repo.readableThread(actor, id);
    if (!found) throw ForumError.threadNotFound();
    return found;
  }

  async createThread(
    actor: MemberActor,
    input: { groupId: string; title: string; body: string; language?: string | null; themes?: string[] | null; tags?: string[] | null; clientMutationId?: string | null },
  ): Promise<{ thread: ThreadEntity; access: GroupAccess }> {
    const cmid = clientMutationId(input.clientMutationId);
    if (cmid) {
      const replay = await this.replay(actor, cmid);
      if (replay && replay.post.postNumber === 1) return { thread: replay.thread, access: replay.access };
    }
    const access = await this.repo.readableGroup(actor, { id: input.groupId });
    if (!access) throw ForumError.groupNotFound();
    ForumPolicy.assertCanCreateThread(actor, access.group, access.viewer);
    const title = text('title', input.title, FORUM_LIMITS.titleMax);
    const body = text('body', input.body, FORUM_LIMITS.bodyMax);
    const themes = [...new Set(input.themes ?? [])];
    if (themes.length > FORUM_LIMITS.themesMax) throw ForumError.tooMany('themes', FORUM_LIMITS.themesMax);
    const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()))];
    if (tags.length > FORUM_LIMITS.tagsMax) throw ForumError.tooMany('tags', FORUM_LIMITS.tagsMax);
    if (tags.some((t) => !TAG.test(t) || t.length > FORUM_LIMITS.tagMax)) throw ForumError.tag();
    const facts = await this.memberFacts(actor);
    const lang = language(input.language, facts.locale ?? access.group.defaultLanguage);
    await this.consumePostLimits(actor, facts.isNew);

    const created = await this.db.transaction(async (tx) => {
      if (themes.length) {
        const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM themes WHERE key = ANY($1)`, [themes]);
        if (count !== themes.length) throw ForumError.themeUnknown();
      }
      const held = await this.mustHold(tx, actor, access);
      const [thread] = await tx.query(
        `INSERT INTO forum_threads (group_id, title, author_id, language, tags, participant_count, last_poster_id, held)
         VALUES ($1, $2, $3, $4, $5, 1, $3, $6) RETURNING id`,
        [access.group.id, title, actor.memberId, lang, tags, held],
      );
      for (const theme of themes) await tx.query(`INSERT INTO forum_thread_themes (thread_id, theme_key) VALUES ($1, $2)`, [thread.id, theme]);
      const [post] = await tx.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, client_mutation_id, status)
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [thread.id, actor.memberId, body, renderMarkdown(body), lang, cmid, held ? 'held' : 'visible'],
      );
      const publish = held ? null : await this.hooks.afterPost(tx, actor.memberId, { threadId: thread.id, postId: post.id, groupId: access.group.id, body, isNewThread: true });
      return { threadId: thread.id as string, postId: post.id as string, held, publish };
    });
    if (!created.held) {
      await this.publishActivity({ kind: 'THREAD_CREATED', groupId: access.group.id, threadId: created.threadId, postId: created.postId });
      await created.publish?.();
    }
    return this.thread(actor, created.threadId);
  }

  /**
   * A thread another domain opens on a member's behalf inside the caller's transaction (e.g. the
   * discussion of a training module, on publish): in the hub's first hub group, or, when the hub has none
   * yet, in a new members-only group for it. The caller has checked the member may act for the hub; no
   * rate limit applies. Returns the thread's id.
   */
  async createLinkedThread(
    tx: EntityManager,
    input: { hubId: string; authorId: string; title: string; body: string; language: string },
  ): Promise<string> {
    let [group] = await tx.query(`SELECT id FROM forum_groups WHERE kind = 'hub' AND hub_id = $1 ORDER BY created_at, id LIMIT 1`, [input.hubId]);
    if (!group) {
      const [hub] = await tx.query(`SELECT id, region_id, name, slug FROM hubs WHERE id = $1`, [input.hubId]);
      if (!hub) throw ForumError.hubNotFound();
      const [taken] = await tx.query(`SELECT 1 FROM forum_groups WHERE slug = $1`, [`${hub.slug}-forum`]);
      const slug = taken ? `${hub.slug}-forum-${input.hubId.slice(0, 8)}` : `${hub.slug}-forum`;
      [group] = await tx.query(
        `INSERT INTO forum_groups (kind, region_id, hub_id, name, slug, description, visibility, default_language)
         VALUES ('hub', $1, $2, $3, $4, '', 'members', $5) RETURNING id`,
        [hub.region_id, hub.id, `${hub.name}`.slice(0, 120), slug.slice(0, 64), language(input.language, 'en')],
      );
    }
    const title = input.title.trim().slice(0, FORUM_LIMITS.titleMax);
    const body = input.body.trim().slice(0, FORUM_LIMITS.bodyMax) || title;
    const lang = language(input.language, 'en');
    const [thread] = await tx.query(
      `INSERT INTO forum_threads (group_id, title, author_id, language, participant_count, last_poster_id)
       VALUES ($1, $2, $3, $4, 1, $3) RETURNING id`,
      [group.id, title, input.authorId, lang],
    );
    await tx.query(
      `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language) VALUES ($1, 1, $2, $3, $4, $5)`,
      [thread.id, input.authorId, body, renderMarkdown(body), lang],
    );
    return thread.id as string;
  }

  /** Pin or lock: moderators only. */
  async setThreadFlag(actor: MemberActor, threadId: string, flag: 'pinned' | 'locked', value: boolean): Promise<{ thread: ThreadEntity; access: GroupAccess }> {
    const { access } = await this.thread(actor, threadId);
    ForumPolicy.assertCanModerateGroup(actor, access.group, access.viewer);
    await this.db.query(`UPDATE forum_threads SET ${flag === 'pinned' ? 'pinned' : 'locked'} = $2 WHERE id = $1`, [threadId, value]);
    if (flag === 'locked') await this.publishActivity({ kind: value ? 'THREAD_LOCKED' : 'THREAD_UNLOCKED', groupId: access.group.id, threadId, postId: null });
    return this.thread(actor, threadId);
  }

  /**
   * Move a thread to another group: moderators of both groups. The groups' thread counts follow in the
   * same transaction (trigger on forum_threads.group_id); both groups' live subscribers hear of it.
   */
  async moveThread(actor: MemberActor, threadId: string, groupId: string): Promise<{ thread: ThreadEntity; access: GroupAccess }> {
    const { thread, access } = await this.thread(actor, threadId);
    ForumPolicy.assertCanModerateGroup(actor, access.group, access.viewer);
    const target = await this.repo.readableGroup(actor, { id: groupId });
    if (!target) throw ForumError.groupNotFound();
    if (!ForumPolicy.canModerateGroup(actor, target.group, target.viewer)) throw AppError.forbidden('You can only move a thread to a group you moderate.');
    if (target.group.id === thread.groupId) throw AppError.badInput('groupId', 'same', 'The thread is already in this group.');
    await this.db.transaction(async (tx) => {
      const locked = await this.repo.lockThread(tx, threadId);
      if (!locked) throw ForumError.threadNotFound();
      await tx.query(`UPDATE forum_threads SET group_id = $2 WHERE id = $1`, [threadId, target.group.id]);
    });
    for (const g of [access.group.id, target.group.id]) await this.publishActivity({ kind: 'THREAD_MOVED', groupId: g, threadId, postId: null });
    return this.thread(actor, threadId);
  }

  async acceptAnswer(actor: MemberActor, postId: string): Promise<PostInThread> {
    const found = await this.post(actor, postId);
    ForumPolicy.assertCanAcceptAnswer(actor, found.access.group, found.access.viewer, found.thread);
    if (!isPublishedRow(found.post)) throw ForumError.postNotFound();
    if (found.post.postNumber === 1) throw AppError.badInput('postId', 'openingPost', 'The opening post cannot be its own thread’s answer; accept a reply.');
    const publish = await this.db.transaction(async (tx) => {
      const [, changed] = await tx.query(`UPDATE forum_threads SET accepted_post_id = $2 WHERE id = $1 AND accepted_post_id IS DISTINCT FROM $2`, [
        found.thread.id,
        postId,
      ]);
      if (!changed) return null;
      return this.hooks.answerAccepted(tx, actor.memberId, { threadId: found.thread.id, postId, groupId: found.access.group.id, postAuthorId: found.post.authorId });
    });
    await publish?.();
    return this.post(actor, postId);
  }

  // ---- posts --------------------------------------------------------------------------------------

  /** A post in a thread the actor can read (removed posts included: they show a placeholder). */
  async post(actor: Actor, postId: string): Promise<PostInThread> {
    const post = await this.repo.posts.findOneBy({ id: postId });
    const found = post && (await this.repo.readableThread(actor, post.threadId));
    if (!post || !found) throw ForumError.postNotFound();
    return { post, ...found };
  }

  private async replay(actor: MemberActor, cmid: string): Promise<PostInThread | null> {
    const earlier = await this.repo.posts.findOneBy({ authorId: actor.memberId, clientMutationId: cmid });
    if (!earlier) return null;
    return this.post(actor, earlier.id);
  }

  /**
   * A reply. The thread row is locked FOR UPDATE, so the post number and the counters (replies,
   * participants, last activity, last poster) change in the same transaction as the insert, and
   * concurrent replies queue on the lock instead of losing updates. A retry with the same
   * clientMutationId returns the first post.
   */
  async createPost(
    actor: MemberActor,
    input: { threadId: string; body: string; quotePostId?: string | null; clientMutationId?: string | null; language?: string | null },
  ): Promise<PostInThread> {
    const cmid = clientMutationId(input.clientMutationId);
    if (cmid) {
      const replay = await this.replay(actor, cmid);
      if (replay) return replay;
    }
    const found = await this.repo.readableThread(actor, input.threadId);
    if (!found) throw ForumError.threadNotFound();
    ForumPolicy.assertCanReply(actor, found.access.group, found.access.viewer, found.thread);
    const body = text('body', input.body, FORUM_LIMITS.bodyMax);
    const lang = language(input.language, found.thread.language);
    await this.consumePostLimits(actor, (await this.memberFacts(actor)).isNew);

    const created = await this.db.transaction(async (tx) => {
      const thread = await this.repo.lockThread(tx, input.threadId);
      if (!thread) throw ForumError.threadNotFound();
      ForumPolicy.assertCanReply(actor, found.access.group, found.access.viewer, thread);
      if (input.quotePostId) {
        const [quoted] = await tx.query(`SELECT thread_id, status FROM forum_posts WHERE id = $1`, [input.quotePostId]);
        if (!quoted || quoted.thread_id !== thread.id || quoted.status !== 'visible') throw ForumError.quoteElsewhere();
      }
      const held = await this.mustHold(tx, actor, found.access);
      const [inserted] = await tx.query(
        `WITH first_post AS (
           SELECT NOT EXISTS (SELECT 1 FROM forum_posts p WHERE p.thread_id = $1 AND p.author_id = $2 AND ${PUBLISHED_POST_SQL}) AS is_new
         )
         INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, quote_post_id, client_mutation_id, created_at, status)
         SELECT $1, (SELECT coalesce(max(post_number), 0) + 1 FROM forum_posts WHERE thread_id = $1), $2, $3, $4, $5, $6, $7, clock_timestamp(), $8
         ON CONFLICT (author_id, client_mutation_id) DO NOTHING
         RETURNING id, created_at::text AS created_at, (SELECT is_new FROM first_post) AS is_new_participant`,
        [thread.id, actor.memberId, body, renderMarkdown(body), lang, input.quotePostId ?? null, cmid, held ? 'held' : 'visible'],
      );
      if (!inserted) return null; // the same clientMutationId raced in: answer with the first post below
      // The draft for this thread has become the post.
      await tx.query(`DELETE FROM forum_drafts WHERE member_id = $1 AND thread_id = $2`, [actor.memberId, thread.id]);
      if (held) return { postId: inserted.id as string, held, publish: null };
      await tx.query(
        `UPDATE forum_threads
            SET reply_count = reply_count + 1,
                participant_count = participant_count + $2::int,
                last_activity_at = $3::timestamptz,
                last_poster_id = $4
          WHERE id = $1`,
        [thread.id, inserted.is_new_participant ? 1 : 0, inserted.created_at, actor.memberId],
      );
      const publish = await this.hooks.afterPost(tx, actor.memberId, {
        threadId: thread.id,
        postId: inserted.id,
        groupId: found.access.group.id,
        body,
        isNewThread: false,
        quotePostId: input.quotePostId ?? null,
      });
      return { postId: inserted.id as string, held, publish };
    });
    if (!created) return (await this.replay(actor, cmid!))!;
    if (!created.held) {
      await this.publishPostAdded(found.access.group.id, found.thread.id, created.postId);
      await created.publish?.();
    }
    return this.post(actor, created.postId);
  }

  /** Edit keeps the previous body as a revision (who, when, what). */
  async editPost(actor: MemberActor, input: { postId: string; body: string }): Promise<PostInThread> {
    const found = await this.post(actor, input.postId);
    ForumPolicy.assertCanEditPost(actor, found.access.group, found.access.viewer, found.thread, found.post);
    const body = text('body', input.body, FORUM_LIMITS.bodyMax);
    if (body === found.post.bodyMarkdown) return found;
    const publish = await this.db.transaction(async (tx) => {
      const [previous] = await tx.query(`SELECT body_markdown FROM forum_posts WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [input.postId]);
      if (!previous) throw ForumError.postNotFound();
      await tx.query(`INSERT INTO forum_post_revisions (post_id, editor_id, previous_body_markdown) VALUES ($1, $2, $3)`, [
        input.postId,
        actor.memberId,
        previous.body_markdown,
      ]);
      await tx.query(`UPDATE forum_posts SET body_markdown = $2, body_html = $3, edited_at = now() WHERE id = $1`, [input.postId, body, renderMarkdown(body)]);
      // Only members newly mentioned by the edit hear of it (and only if the post is published).
      if (!isPublishedRow(found.post)) return null;
      return this.hooks.afterEdit(tx, actor.memberId, { threadId: found.thread.id, postId: input.postId, groupId: found.access.group.id, body, previousBody: previous.body_markdown });
    });
    await publish?.();
    return this.post(actor, input.postId);
  }

  /**
   * Soft delete: the post keeps its place with a "removed" placeholder. Counters are corrected under the
   * thread lock. Deleting the opening post leaves the thread in place.
   */
  async deletePost(actor: MemberActor, postId: string): Promise<PostInThread> {
    const found = await this.post(actor, postId);
    ForumPolicy.assertCanEditPost(actor, found.access.group, found.access.viewer, found.thread, found.post);
    await this.db.transaction(async (tx: EntityManager) => {
      const thread = await this.repo.lockThread(tx, found.thread.id);
      if (!thread) throw ForumError.threadNotFound();
      // UPDATE … RETURNING answers [rows, affected].
      const [[deleted]] = await tx.query(
        `UPDATE forum_posts SET deleted_at = now(), deleted_by_id = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING post_number, author_id`,
        [postId, actor.memberId],
      );
      if (!deleted) return;
      await tx.query(`UPDATE forum_threads SET accepted_post_id = NULLIF(accepted_post_id, $2) WHERE id = $1`, [thread.id, postId]);
      await this.recountThread(tx, thread.id);
    });
    return this.post(actor, postId);
  }

  /** A fresh read of one post for a subscriber (no per-connection cache), or null when they may not read it. */
  async postForSubscriber(actor: Actor, postId: string): Promise<PostInThread | null> {
    const post = await this.repo.posts.findOneBy({ id: postId });
    const found = post && (await this.repo.readableThread(actor, post.threadId));
    return post && found ? { post, ...found } : null;
  }

  /**
   * Recounts a thread's replies and participants from its published posts (under the thread lock, in the
   * caller's transaction): used where a post leaves or rejoins the visible set (delete, hide, restore,
   * approve).
   */
  async recountThread(tx: EntityManager, threadId: string): Promise<void> {
    await tx.query(
      `UPDATE forum_threads t
          SET reply_count = (SELECT count(*) FROM forum_posts p WHERE p.thread_id = t.id AND p.post_number > 1 AND ${PUBLISHED_POST_SQL}),
              participant_count = (SELECT count(DISTINCT p.author_id) FROM forum_posts p WHERE p.thread_id = t.id AND ${PUBLISHED_POST_SQL})
        WHERE t.id = $1`,
      [threadId],
    );
  }

  /** The group holds new members' first posts, the actor has no published post there yet and does not moderate it. */
  private async mustHold(tx: EntityManager, actor: MemberActor, access: GroupAccess): Promise<boolean> {
    if (!access.group.holdFirstPosts || ForumPolicy.canModerateGroup(actor, access.group, access.viewer)) return false;
    const [row] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
                       WHERE t.group_id = $1 AND p.author_id = $2 AND p.status = 'visible') AS approved`,
      [access.group.id, actor.memberId],
    );
    return !row.approved;
  }

  /** One post per 10 s; members under a day old also have a daily cap. RATE_LIMITED carries the wait. */
  private async consumePostLimits(actor: MemberActor, isNew: boolean): Promise<void> {
    await this.rateLimits.check(FORUM_POST_RATE_LIMIT, actor.memberId);
    if (isNew) await this.rateLimits.consume(FORUM_NEW_MEMBER_DAILY_LIMIT, actor.memberId);
    await this.rateLimits.consume(FORUM_POST_RATE_LIMIT, actor.memberId);
  }

  private async memberFacts(actor: MemberActor): Promise<{ locale: string | null; isNew: boolean }> {
    const [row] = await this.db.query(`SELECT locale, created_at > now() - interval '1 day' AS is_new FROM members WHERE id = $1`, [actor.memberId]);
    return { locale: row?.locale ?? null, isNew: row?.is_new === true };
  }

  async publishPostAdded(groupId: string, threadId: string, postId: string): Promise<void> {
    await this.pubSub.publish(postAddedTopic(threadId), { postId, threadId, groupId } satisfies PostAddedEvent);
    await this.publishActivity({ kind: 'POST_ADDED', groupId, threadId, postId });
  }

  async publishActivity(event: GroupActivityEvent): Promise<void> {
    await this.pubSub.publish(groupActivityTopic(event.groupId), event);
  }
}

const isPublishedRow = (p: PostEntity) => !p.deletedAt && !p.hiddenAt && p.status === 'visible';
