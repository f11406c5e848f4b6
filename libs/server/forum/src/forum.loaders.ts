import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Actor, LoaderFactory } from '@anyam/server/core';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ForumRepository, GroupAccess } from './forum.repository';

export interface PostsPageKey {
  threadId: string;
  limit: number;
  afterNumber: number | null;
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
      postsPage: new DataLoader(
        async (keys) => {
          const groups = new Map<string, PostsPageKey[]>();
          for (const k of keys) groups.set(`${k.limit}|${k.afterNumber}`, [...(groups.get(`${k.limit}|${k.afterNumber}`) ?? []), k]);
          const results = new Map<string, PostEntity[]>();
          for (const group of groups.values()) {
            const rows = await r.postsPage(
              group.map((k) => k.threadId),
              group[0].limit,
              group[0].afterNumber,
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
