import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Actor, isMember, LoaderFactory } from '@anyam/server/core';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ForumRepository, GroupAccess } from './forum.repository';
import type { FlagRow } from './moderation.service';

export interface PostsPageKey {
  threadId: string;
  limit: number;
  afterNumber: number | null;
  /** The viewer moderates the thread's group (sees held posts). */
  moderator: boolean;
}

export interface ForumLoaders {
  /** Groups the viewer can read, with viewer facts; null when missing or not readable. */
  groupAccessById: DataLoader<string, GroupAccess | null>;
  /** Raw rows (live or not): callers reach them only through a readable group. */
  threadById: DataLoader<string, ThreadEntity | null>;
  postById: DataLoader<string, PostEntity | null>;
  themeKeysByThreadId: DataLoader<string, string[]>;
  /** Edit history per post, oldest first. */
  revisionsByPostId: DataLoader<string, PostRevisionEntity[]>;
  /** A page of posts per thread; keys with the same page share one statement. */
  postsPage: DataLoader<PostsPageKey, PostEntity[], string>;
  /** The viewer's reaction kinds per post (empty for visitors, without a query). */
  viewerReactionsByPostId: DataLoader<string, string[]>;
  /**
   * The viewer's own state per thread in one statement: read position and how many published posts
   * come after it, whether they watch it, their draft. Null for visitors (no query).
   */
  viewerThreadState: DataLoader<string, ViewerThreadState | null>;
  viewerWatchesGroup: DataLoader<string, boolean>;
  /** Open flags per post, oldest first. */
  openFlagsByPostId: DataLoader<string, FlagRow[]>;
}

export interface ViewerThreadState {
  lastReadPostId: string | null;
  readAt: Date | null;
  unreadCount: number;
  watching: boolean;
  draft: { body: string; updatedAt: Date } | null;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

@Injectable()
export class ForumLoaderFactory implements LoaderFactory<ForumLoaders> {
  constructor(private readonly repo: ForumRepository) {}

  createLoaders(actor: Actor): ForumLoaders {
    const r = this.repo;
    return {
      groupAccessById: new DataLoader(async (ids) => {
        const rows = await r.readableGroups(actor, { ids });
        const map = new Map(rows.map((a) => [a.group.id, a]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      threadById: new DataLoader(async (ids) => byId(ids, await r.threads.findBy({ id: In([...ids]) }))),
      postById: new DataLoader(async (ids) => byId(ids, await r.posts.findBy({ id: In([...ids]) }))),
      themeKeysByThreadId: new DataLoader(async (ids) => {
        const rows: { thread_id: string; theme_key: string }[] = await r.db.query(
          `SELECT thread_id, theme_key FROM forum_thread_themes WHERE thread_id = ANY($1::uuid[]) ORDER BY theme_key`,
          [[...ids]],
        );
        return ids.map((id) => rows.filter((x) => x.thread_id === id).map((x) => x.theme_key));
      }),
      revisionsByPostId: new DataLoader(async (ids) => {
        const rows = await r.revisions.find({ where: { postId: In([...ids]) }, order: { createdAt: 'ASC' } });
        return ids.map((id) => rows.filter((x) => x.postId === id));
      }),
      viewerReactionsByPostId: new DataLoader(async (ids) => {
        if (!isMember(actor)) return ids.map(() => []);
        const rows: { post_id: string; kind: string }[] = await r.db.query(
          `SELECT post_id, kind FROM forum_reactions WHERE member_id = $1 AND post_id = ANY($2::uuid[]) ORDER BY kind`,
          [actor.memberId, [...ids]],
        );
        return ids.map((id) => rows.filter((x) => x.post_id === id).map((x) => x.kind));
      }),
      viewerThreadState: new DataLoader(async (ids) => {
        if (!isMember(actor)) return ids.map(() => null);
        const rows: {
          id: string;
          last_read_post_id: string | null;
          read_at: Date | null;
          unread: number;
          watching: boolean;
          draft_body: string | null;
          draft_updated_at: Date | null;
        }[] = await r.db.query(
          `SELECT tid.id, rd.last_read_post_id, rd.read_at,
                  (SELECT count(*) FROM forum_posts p WHERE p.thread_id = tid.id AND p.post_number > coalesce(rd.last_read_post_number, 0)
                      AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.status = 'visible')::int AS unread,
                  EXISTS (SELECT 1 FROM forum_watches w WHERE w.thread_id = tid.id AND w.member_id = $1) AS watching,
                  d.body AS draft_body, d.updated_at AS draft_updated_at
             FROM unnest($2::uuid[]) AS tid(id)
             LEFT JOIN forum_thread_reads rd ON rd.thread_id = tid.id AND rd.member_id = $1
             LEFT JOIN forum_drafts d ON d.thread_id = tid.id AND d.member_id = $1`,
          [actor.memberId, [...ids]],
        );
        const map = new Map(
          rows.map((x) => [
            x.id,
            {
              lastReadPostId: x.last_read_post_id,
              readAt: x.read_at,
              unreadCount: x.unread,
              watching: x.watching,
              draft: x.draft_body !== null ? { body: x.draft_body, updatedAt: x.draft_updated_at! } : null,
            },
          ]),
        );
        return ids.map((id) => map.get(id) ?? null);
      }),
      viewerWatchesGroup: new DataLoader(async (ids) => {
        if (!isMember(actor)) return ids.map(() => false);
        const rows: { group_id: string }[] = await r.db.query(`SELECT group_id FROM forum_watches WHERE member_id = $1 AND group_id = ANY($2::uuid[])`, [
          actor.memberId,
          [...ids],
        ]);
        const set = new Set(rows.map((x) => x.group_id));
        return ids.map((id) => set.has(id));
      }),
      openFlagsByPostId: new DataLoader(async (ids) => {
        const rows: FlagRow[] = await r.db.query(
          `SELECT id, post_id AS "postId", reporter_id AS "reporterId", reason, status, created_at AS "createdAt"
             FROM forum_flags WHERE post_id = ANY($1::uuid[]) AND status = 'open' ORDER BY created_at, id`,
          [[...ids]],
        );
        return ids.map((id) => rows.filter((x) => x.postId === id));
      }),
      postsPage: new DataLoader(
        async (keys) => {
          const groups = new Map<string, PostsPageKey[]>();
          for (const k of keys) groups.set(`${k.limit}|${k.afterNumber}|${k.moderator}`, [...(groups.get(`${k.limit}|${k.afterNumber}|${k.moderator}`) ?? []), k]);
          const results = new Map<string, PostEntity[]>();
          for (const group of groups.values()) {
            const rows = await r.postsPage(
              group.map((k) => k.threadId),
              group[0].limit,
              group[0].afterNumber,
              isMember(actor) ? actor.memberId : null,
              group[0].moderator,
            );
            for (const k of group) results.set(JSON.stringify(k), rows.filter((p) => p.threadId === k.threadId));
          }
          return keys.map((k) => results.get(JSON.stringify(k)) ?? []);
        },
        { cacheKeyFn: (k) => JSON.stringify(k) },
      ),
    };
  }
}
