import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, isMember, MemberActor, PUB_SUB, PubSubEngine, RateLimitRule, RateLimitService } from '@anyam/server/core';
import { GroupEntity, GroupKind, GroupVisibility } from './entities/group.entity';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { ForumRepository, GroupAccess } from './forum.repository';
import { ForumPolicy } from './forum.policy';
import { FORUM_LIMITS, ForumError } from './forum.errors';
import { renderMarkdown } from './markdown';

/** One post (a reply or a new thread) per 10 seconds per member. */
export const FORUM_POST_RATE_LIMIT: RateLimitRule = { name: 'forum-post:member', points: 1, durationSeconds: 10 };

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TAG = /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

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
    const lang = language(input.language, await this.memberLocale(actor, access.group.defaultLanguage));
    await this.rateLimits.consume(FORUM_POST_RATE_LIMIT, actor.memberId);

    const threadId = await this.db.transaction(async (tx) => {
      if (themes.length) {
        const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM themes WHERE key = ANY($1)`, [themes]);
        if (count !== themes.length) throw ForumError.themeUnknown();
      }
      const [thread] = await tx.query(
        `INSERT INTO forum_threads (group_id, title, author_id, language, tags, participant_count, last_poster_id)
         VALUES ($1, $2, $3, $4, $5, 1, $3) RETURNING id`,
        [access.group.id, title, actor.memberId, lang, tags],
      );
      for (const theme of themes) await tx.query(`INSERT INTO forum_thread_themes (thread_id, theme_key) VALUES ($1, $2)`, [thread.id, theme]);
      await tx.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, client_mutation_id)
         VALUES ($1, 1, $2, $3, $4, $5, $6)`,
        [thread.id, actor.memberId, body, renderMarkdown(body), lang, cmid],
      );
      return thread.id as string;
    });
    return this.thread(actor, threadId);
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
    return this.thread(actor, threadId);
  }

  async acceptAnswer(actor: MemberActor, postId: string): Promise<PostInThread> {
    const found = await this.post(actor, postId);
    ForumPolicy.assertCanAcceptAnswer(actor, found.access.group, found.access.viewer, found.thread);
    if (found.post.deletedAt) throw ForumError.postNotFound();
    if (found.post.postNumber === 1) throw AppError.badInput('postId', 'openingPost', 'The opening post cannot be its own thread’s answer; accept a reply.');
    await this.db.query(`UPDATE forum_threads SET accepted_post_id = $2 WHERE id = $1`, [found.thread.id, postId]);
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
    await this.rateLimits.consume(FORUM_POST_RATE_LIMIT, actor.memberId);

    const postId = await this.db.transaction(async (tx) => {
      const thread = await this.repo.lockThread(tx, input.threadId);
      if (!thread) throw ForumError.threadNotFound();
      ForumPolicy.assertCanReply(actor, found.access.group, found.access.viewer, thread);
      if (input.quotePostId) {
        const [quoted] = await tx.query(`SELECT thread_id FROM forum_posts WHERE id = $1`, [input.quotePostId]);
        if (!quoted || quoted.thread_id !== thread.id) throw ForumError.quoteElsewhere();
      }
      const [inserted] = await tx.query(
        `WITH first_post AS (
           SELECT NOT EXISTS (SELECT 1 FROM forum_posts WHERE thread_id = $1 AND author_id = $2 AND deleted_at IS NULL) AS is_new
         )
         INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, quote_post_id, client_mutation_id, created_at)
         SELECT $1, (SELECT coalesce(max(post_number), 0) + 1 FROM forum_posts WHERE thread_id = $1), $2, $3, $4, $5, $6, $7, clock_timestamp()
         ON CONFLICT (author_id, client_mutation_id) DO NOTHING
         RETURNING id, created_at::text AS created_at, (SELECT is_new FROM first_post) AS is_new_participant`,
        [thread.id, actor.memberId, body, renderMarkdown(body), lang, input.quotePostId ?? null, cmid],
      );
      if (!inserted) return null; // the same clientMutationId raced in: answer with the first post below
      await tx.query(
        `UPDATE forum_threads
            SET reply_count = reply_count + 1,
                participant_count = participant_count + $2::int,
                last_activity_at = $3::timestamptz,
                last_poster_id = $4
          WHERE id = $1`,
        [thread.id, inserted.is_new_participant ? 1 : 0, inserted.created_at, actor.memberId],
      );
      return inserted.id as string;
    });
    if (!postId) return (await this.replay(actor, cmid!))!;
    await this.pubSub.publish(postAddedTopic(found.thread.id), { postId, threadId: found.thread.id, groupId: found.access.group.id } satisfies PostAddedEvent);
    return this.post(actor, postId);
  }

  /** Edit keeps the previous body as a revision (who, when, what). */
  async editPost(actor: MemberActor, input: { postId: string; body: string }): Promise<PostInThread> {
    const found = await this.post(actor, input.postId);
    ForumPolicy.assertCanEditPost(actor, found.access.group, found.access.viewer, found.thread, found.post);
    const body = text('body', input.body, FORUM_LIMITS.bodyMax);
    if (body === found.post.bodyMarkdown) return found;
    await this.db.transaction(async (tx) => {
      const [previous] = await tx.query(`SELECT body_markdown FROM forum_posts WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [input.postId]);
      if (!previous) throw ForumError.postNotFound();
      await tx.query(`INSERT INTO forum_post_revisions (post_id, editor_id, previous_body_markdown) VALUES ($1, $2, $3)`, [
        input.postId,
        actor.memberId,
        previous.body_markdown,
      ]);
      await tx.query(`UPDATE forum_posts SET body_markdown = $2, body_html = $3, edited_at = now() WHERE id = $1`, [input.postId, body, renderMarkdown(body)]);
    });
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
      await tx.query(
        `UPDATE forum_threads t
            SET reply_count = reply_count - $2::int,
                participant_count = participant_count - (CASE WHEN EXISTS (
                  SELECT 1 FROM forum_posts p WHERE p.thread_id = t.id AND p.author_id = $3 AND p.deleted_at IS NULL) THEN 0 ELSE 1 END),
                accepted_post_id = NULLIF(accepted_post_id, $4)
          WHERE id = $1`,
        [thread.id, deleted.post_number > 1 ? 1 : 0, deleted.author_id, postId],
      );
    });
    return this.post(actor, postId);
  }

  /** A fresh read of one post for a subscriber (no per-connection cache), or null when they may not read it. */
  async postForSubscriber(actor: Actor, postId: string): Promise<PostInThread | null> {
    const post = await this.repo.posts.findOneBy({ id: postId });
    const found = post && (await this.repo.readableThread(actor, post.threadId));
    return post && found ? { post, ...found } : null;
  }

  private async memberLocale(actor: Actor, fallback: string): Promise<string> {
    if (!isMember(actor)) return fallback;
    const [row] = await this.db.query(`SELECT locale FROM members WHERE id = $1`, [actor.memberId]);
    return row?.locale ?? fallback;
  }
}
