import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isAdmin, isMember } from '@anyam/server/core';
import { GroupEntity } from './entities/group.entity';
import { GroupMemberEntity, GroupRole } from './entities/group-member.entity';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ForumPolicy, GroupViewer } from './forum.policy';

/** A group the viewer can read, with what the database knows about the viewer there. */
export interface GroupAccess {
  group: GroupEntity;
  viewer: GroupViewer;
}

export type ThreadSort = 'LATEST_ACTIVITY' | 'NEWEST' | 'TOP';

/** Positional parameters for hand-written SQL: `p(value)` appends and returns `$n`. */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The read rule of `ForumPolicy.canReadGroup` in SQL, for a forum_groups alias. `viewer` is the SQL
 * placeholder holding the viewer's member id.
 */
export function visibleGroupsSql(actor: Actor, alias: string, viewer: () => string): string {
  if (!isMember(actor)) return `${alias}.visibility = 'public'`;
  if (isAdmin(actor)) return 'true';
  const v = viewer();
  return `(${alias}.visibility = 'public'
      OR EXISTS (SELECT 1 FROM forum_group_members vgm WHERE vgm.group_id = ${alias}.id AND vgm.member_id = ${v})
      OR (${alias}.visibility = 'members' AND (${alias}.kind <> 'hub'
          OR EXISTS (SELECT 1 FROM role_grants vrg WHERE vrg.scope = 'hub' AND vrg.scope_id = ${alias}.hub_id AND vrg.member_id = ${v}))))`;
}

const GROUP_COLUMNS = `g.id, g.kind, g.region_id AS "regionId", g.hub_id AS "hubId", g.theme_key AS "themeKey", g.name, g.slug,
  g.description, g.visibility, g.default_language AS "defaultLanguage", g.hold_first_posts AS "holdFirstPosts",
  g.thread_count AS "threadCount", g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

export const THREAD_COLUMNS = `t.id, t.group_id AS "groupId", t.title, t.author_id AS "authorId", t.language, t.pinned, t.locked, t.archived,
  t.accepted_post_id AS "acceptedPostId", t.reply_count AS "replyCount", t.participant_count AS "participantCount",
  t.last_activity_at AS "lastActivityAt", t.last_poster_id AS "lastPosterId", t.tags, t.created_at AS "createdAt", t.deleted_at AS "deletedAt",
  t.held, t.reaction_count AS "reactionCount"`;

export const POST_COLUMNS = `p.id, p.thread_id AS "threadId", p.post_number AS "postNumber", p.author_id AS "authorId", p.body_markdown AS "bodyMarkdown",
  p.body_html AS "bodyHtml", p.language, p.quote_post_id AS "quotePostId", p.client_mutation_id AS "clientMutationId",
  p.edited_at AS "editedAt", p.deleted_at AS "deletedAt", p.deleted_by_id AS "deletedById", p.created_at AS "createdAt",
  p.status, p.hidden_at AS "hiddenAt", p.hidden_by_id AS "hiddenById", p.reaction_counts AS "reactionCounts"`;

const SEARCH_CONFIGS = ['indonesian', 'spanish', 'portuguese', 'english', 'simple'];
/** Above this many estimated matching posts, search takes the hash-join shape (see `search`). */
export const SEARCH_BROAD_ROWS = 2000;

/** Conditions on a group's thread list (checked by the resolver). */
export interface ThreadListFilter {
  themeKey?: string | null;
  tag?: string | null;
  language?: string | null;
  authorId?: string | null;
  unanswered?: boolean | null;
  unread?: boolean | null;
}

/** Conditions on search results (checked by the resolver). */
export interface SearchListFilter {
  groupId?: string | null;
  themeKey?: string | null;
  authorId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

@Injectable()
export class ForumRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  get groups() {
    return this.db.getRepository(GroupEntity);
  }
  get groupMembers() {
    return this.db.getRepository(GroupMemberEntity);
  }
  get threads() {
    return this.db.getRepository(ThreadEntity);
  }
  get posts() {
    return this.db.getRepository(PostEntity);
  }
  get revisions() {
    return this.db.getRepository(PostRevisionEntity);
  }

  /** Viewer facts as SQL columns for alias g (constants for visitors). */
  private viewerColumns(actor: Actor, params: Params): string {
    if (!isMember(actor)) return `false AS hub_member, NULL::text AS group_role`;
    const v = params.p(actor.memberId);
    return `EXISTS (SELECT 1 FROM role_grants frg WHERE frg.scope = 'hub' AND frg.scope_id = g.hub_id AND frg.member_id = ${v}::uuid) AS hub_member,
      (SELECT fgm.role FROM forum_group_members fgm WHERE fgm.group_id = g.id AND fgm.member_id = ${v}::uuid) AS group_role`;
  }

  private toAccess(row: Record<string, unknown>): GroupAccess {
    const { hub_member, group_role, ...rest } = row;
    return { group: Object.assign(new GroupEntity(), rest), viewer: { hubMember: hub_member === true, groupRole: (group_role as GroupRole | null) ?? null } };
  }

  /**
   * Groups the actor can read, with viewer facts; filtered in SQL. One statement. Keyset on (name, id)
   * when `page` is given.
   */
  async readableGroups(
    actor: Actor,
    where: { ids?: readonly string[]; slug?: string; regionId?: string; hubId?: string; kind?: string },
    page?: { limit: number; after: [string, string] | null },
    manager: EntityManager = this.db.manager,
  ): Promise<GroupAccess[]> {
    const params = new Params();
    const facts = this.viewerColumns(actor, params);
    let viewerParam: string | null = null;
    const conditions = [visibleGroupsSql(actor, 'g', () => (viewerParam ??= `${params.p(isMember(actor) ? actor.memberId : null)}::uuid`))];
    if (where.ids) conditions.push(`g.id = ANY(${params.p([...where.ids])}::uuid[])`);
    if (where.slug !== undefined) conditions.push(`g.slug = ${params.p(where.slug)}`);
    if (where.regionId) conditions.push(`g.region_id = ${params.p(where.regionId)}::uuid`);
    if (where.hubId) conditions.push(`g.hub_id = ${params.p(where.hubId)}::uuid`);
    if (where.kind) conditions.push(`g.kind = ${params.p(where.kind)}`);
    let tail = '';
    if (page) {
      if (page.after) conditions.push(`(g.name, g.id) > (${params.p(page.after[0])}, ${params.p(page.after[1])}::uuid)`);
      tail = `ORDER BY g.name, g.id LIMIT ${params.p(page.limit)}`;
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${GROUP_COLUMNS}, ${facts} FROM forum_groups g WHERE ${conditions.join(' AND ')} ${tail}`,
      params.values,
    );
    return rows.map((r) => this.toAccess(r));
  }

  async readableGroup(actor: Actor, key: { id: string } | { slug: string }): Promise<GroupAccess | null> {
    const rows = await this.readableGroups(actor, 'id' in key ? { ids: [key.id] } : { slug: key.slug });
    return rows[0] ?? null;
  }

  /** A live thread in a group the actor can read, with the group's access; one statement. */
  async readableThread(actor: Actor, threadId: string, manager: EntityManager = this.db.manager): Promise<{ thread: ThreadEntity; access: GroupAccess } | null> {
    const params = new Params();
    const facts = this.viewerColumns(actor, params);
    let viewerParam: string | null = null;
    const visible = visibleGroupsSql(actor, 'g', () => (viewerParam ??= `${params.p(isMember(actor) ? actor.memberId : null)}::uuid`));
    const id = params.p(threadId);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT row_to_json(th) AS thread, ${GROUP_COLUMNS}, ${facts}
         FROM (SELECT ${THREAD_COLUMNS} FROM forum_threads t WHERE t.id = ${id}::uuid AND t.deleted_at IS NULL) th
         JOIN forum_groups g ON g.id = th."groupId"
        WHERE ${visible}`,
      params.values,
    );
    if (!rows[0]) return null;
    const { thread, ...group } = rows[0];
    const found = { thread: this.toThread(thread as Record<string, unknown>), access: this.toAccess(group) };
    // A held thread exists only for its author and the group's moderators.
    if (found.thread.held && !(isMember(actor) && found.thread.authorId === actor.memberId) && !ForumPolicy.canModerateGroup(actor, found.access.group, found.access.viewer)) {
      return null;
    }
    return found;
  }

  /** Locks a thread row for a change of its posts or counters (inside a transaction). */
  async lockThread(manager: EntityManager, threadId: string): Promise<ThreadEntity | null> {
    const [row] = await manager.query(`SELECT ${THREAD_COLUMNS} FROM forum_threads t WHERE t.id = $1 AND t.deleted_at IS NULL FOR UPDATE`, [threadId]);
    return row ? Object.assign(new ThreadEntity(), row) : null;
  }

  private toThread(json: Record<string, unknown>): ThreadEntity {
    return Object.assign(new ThreadEntity(), json, {
      lastActivityAt: new Date(json.lastActivityAt as string),
      createdAt: new Date(json.createdAt as string),
      deletedAt: json.deletedAt ? new Date(json.deletedAt as string) : null,
    });
  }

  /**
   * One page of a group's live threads, pinned first; keyset on the sort column and id (descending).
   * TOP orders by `top_score` = 2 × replies + reactions on all the thread's posts (a generated column).
   * Held threads are listed only for their author and the group's moderators.
   */
  async threadsPage(
    groupId: string,
    sort: ThreadSort,
    limit: number,
    after: [boolean, string, string] | null,
    viewer: { memberId: string | null; moderator: boolean } = { memberId: null, moderator: false },
    filter: ThreadListFilter = {},
  ): Promise<{ thread: ThreadEntity; cursorValue: string }[]> {
    const params = new Params();
    const column = sort === 'NEWEST' ? 't.created_at' : sort === 'TOP' ? 't.top_score' : 't.last_activity_at';
    const cast = sort === 'TOP' ? 'int' : 'timestamptz';
    const conditions = [`t.group_id = ${params.p(groupId)}::uuid`, 't.deleted_at IS NULL'];
    if (filter.themeKey) conditions.push(`EXISTS (SELECT 1 FROM forum_thread_themes th WHERE th.thread_id = t.id AND th.theme_key = ${params.p(filter.themeKey)})`);
    if (filter.tag) conditions.push(`t.tags @> ARRAY[${params.p(filter.tag)}]::text[]`);
    if (filter.language) conditions.push(`lower(t.language) = lower(${params.p(filter.language)})`);
    if (filter.authorId) conditions.push(`t.author_id = ${params.p(filter.authorId)}::uuid`);
    if (filter.unanswered) conditions.push('t.accepted_post_id IS NULL');
    if (filter.unread && viewer.memberId) {
      conditions.push(
        `EXISTS (SELECT 1 FROM forum_posts up WHERE up.thread_id = t.id AND up.deleted_at IS NULL AND up.hidden_at IS NULL AND up.status = 'visible'
                   AND up.post_number > coalesce((SELECT rd.last_read_post_number FROM forum_thread_reads rd
                                                   WHERE rd.thread_id = t.id AND rd.member_id = ${params.p(viewer.memberId)}::uuid), 0))`,
      );
    }
    if (!viewer.moderator) conditions.push(viewer.memberId ? `(NOT t.held OR t.author_id = ${params.p(viewer.memberId)}::uuid)` : 'NOT t.held');
    if (after) {
      // (pinned DESC, sort DESC, id DESC) after the cursor; false < true, so a row comparison does it.
      conditions.push(
        `(t.pinned, ${column}, t.id) < (${params.p(after[0])}::boolean, ${params.p(after[1])}::${cast}, ${params.p(after[2])}::uuid)`,
      );
    }
    const rows = await this.db.query(
      `SELECT ${THREAD_COLUMNS}, ${column}::text AS "cursorValue" FROM forum_threads t WHERE ${conditions.join(' AND ')}
        ORDER BY t.pinned DESC, ${column} DESC, t.id DESC LIMIT ${params.p(limit)}`,
      params.values,
    );
    // The cursor keeps the timestamp as PostgreSQL text: a JS Date would drop the microseconds.
    return rows.map(({ cursorValue, ...r }: Record<string, unknown>) => ({ thread: Object.assign(new ThreadEntity(), r), cursorValue: cursorValue as string }));
  }

  /**
   * The first `limit` posts of each thread after an optional post number, in order; one statement.
   * Held posts are listed for their author and (with `moderator`) the group's moderators; rejected ones
   * for their author only.
   */
  async postsPage(threadIds: readonly string[], limit: number, afterNumber: number | null, viewerId: string | null, moderator: boolean): Promise<PostEntity[]> {
    const rows = await this.db.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS tid(id)
         CROSS JOIN LATERAL (
           SELECT ${POST_COLUMNS} FROM forum_posts p
            WHERE p.thread_id = tid.id AND p.post_number > $2
              AND (p.status = 'visible' OR p.author_id = $4::uuid OR (p.status = 'held' AND $5::boolean))
            ORDER BY p.post_number LIMIT $3) x`,
      [[...threadIds], afterNumber ?? 0, limit, viewerId, moderator],
    );
    return rows.map((r: Record<string, unknown>) => Object.assign(new PostEntity(), r));
  }

  /**
   * Full-text search over post bodies and thread titles, only in groups the actor can read (filtered in
   * SQL). The GIN indexes answer the union of the query stemmed by every configuration; each row is then
   * matched (and ranked, highlighted) with its own language's configuration or `simple`. Keyset on
   * (rank, id) descending.
   */
  async search(
    actor: Actor,
    query: string,
    filter: SearchListFilter,
    limit: number,
    after: [number, string] | null,
  ): Promise<{ postId: string; threadId: string; rank: number; headline: string }[]> {
    const params = new Params();
    const q = params.p(query);
    const any = SEARCH_CONFIGS.map((c) => `websearch_to_tsquery('${c}', ${q})`).join(' || ');
    let viewerParam: string | null = null;
    const conditions = [visibleGroupsSql(actor, 'g', () => (viewerParam ??= `${params.p(isMember(actor) ? actor.memberId : null)}::uuid`))];
    if (filter.groupId) conditions.push(`g.id = ${params.p(filter.groupId)}::uuid`);
    if (filter.themeKey) conditions.push(`EXISTS (SELECT 1 FROM forum_thread_themes th WHERE th.thread_id = t.id AND th.theme_key = ${params.p(filter.themeKey)})`);
    if (filter.authorId) conditions.push(`p.author_id = ${params.p(filter.authorId)}::uuid`);
    if (filter.from) conditions.push(`p.created_at >= ${params.p(filter.from.toISOString())}::timestamptz`);
    if (filter.to) conditions.push(`p.created_at < ${params.p(filter.to.toISOString())}::timestamptz`);
    const cursor = after ? `WHERE (r.rank, r.id) < (${params.p(after[0])}::float8, ${params.p(after[1])}::uuid)` : '';
    // Each candidate is matched with the query stemmed in its own language (or simple): one tsquery per configuration.
    const configs = `SELECT c AS cfg, websearch_to_tsquery(c, ${q}) || websearch_to_tsquery('simple', ${q}) AS tq
                       FROM unnest('{${SEARCH_CONFIGS.join(',')}}'::regconfig[]) c`;
    const published = `p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.status = 'visible'`;
    const readable = `t.deleted_at IS NULL AND NOT t.held AND ${conditions.join(' AND ')}`;
    // Matched again with the query in the row's own language, ranked the same way in both shapes below
    // (a cursor made with one shape is valid in the other).
    const rank = `(ts_rank(p.search_vector, qs.tq) + CASE WHEN p.post_number = 1 THEN ts_rank(t.search_vector, qs.tq) ELSE 0 END)::float8`;
    const ownLanguage = `(p.search_vector @@ qs.tq OR (p.post_number = 1 AND t.search_vector @@ qs.tq))`;
    // Which shape: PostgreSQL's estimate (from the lexeme statistics ANALYZE keeps) of how many posts match.
    const [plan] = await this.db.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM forum_posts p WHERE p.search_vector @@ (${any})`, [query]);
    const estimate = Number(plan['QUERY PLAN'][0].Plan['Plan Rows']);
    const ranked =
      estimate > SEARCH_BROAD_ROWS
        ? // Broad (common words): one pass per GIN index, hash-joined to readable live threads — fetching
          // tens of thousands of hits one by one by primary key was 2–3× slower.
          `SELECT p.id, p.thread_id, qs.tq, ${rank} AS rank
             FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id JOIN forum_groups g ON g.id = t.group_id
             JOIN queries qs ON qs.cfg = anyam_ts_config(p.language)
            WHERE p.search_vector @@ (${any}) AND ${published} AND ${readable} AND ${ownLanguage}
           UNION
           SELECT p.id, p.thread_id, qs.tq, ${rank}
             -- OFFSET 0: one index scan for the title hits, not one per language's query.
             FROM (SELECT * FROM forum_threads t WHERE t.search_vector @@ (${any}) OFFSET 0) t
             JOIN forum_posts p ON p.thread_id = t.id AND p.post_number = 1 JOIN forum_groups g ON g.id = t.group_id
             JOIN queries qs ON qs.cfg = anyam_ts_config(p.language)
            WHERE ${published} AND ${readable} AND ${ownLanguage}`
        : // Narrow: the hits' ids from the GIN indexes, then each by primary key (OFFSET 0 keeps these as
          // per-hit lookups; hashing every thread costs more than a few hundred lookups).
          `SELECT p.id, p.thread_id, qs.tq, ${rank} AS rank
             FROM (SELECT p.id FROM forum_posts p WHERE p.search_vector @@ (${any}) AND ${published}
                   UNION
                   SELECT p.id FROM forum_threads t JOIN forum_posts p ON p.thread_id = t.id AND p.post_number = 1
                    WHERE t.search_vector @@ (${any}) AND ${published}) hits
             CROSS JOIN LATERAL (SELECT * FROM forum_posts p WHERE p.id = hits.id OFFSET 0) p
             CROSS JOIN LATERAL (SELECT * FROM forum_threads t WHERE t.id = p.thread_id OFFSET 0) t
             JOIN forum_groups g ON g.id = t.group_id
             JOIN queries qs ON qs.cfg = anyam_ts_config(p.language)
            WHERE ${readable} AND ${ownLanguage}`;
    return this.db.query(
      `WITH queries AS MATERIALIZED (${configs}),
       ranked AS (${ranked})
       SELECT r.id AS "postId", r.thread_id AS "threadId", r.rank,
              ts_headline(anyam_ts_config(p.language), CASE WHEN p.post_number = 1 THEN t.title || E'\\n' ELSE '' END || p.body_markdown, r.tq,
                          'StartSel=${'\uE000'}, StopSel=${'\uE001'}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
         FROM (SELECT * FROM ranked r ${cursor} ORDER BY r.rank DESC, r.id DESC LIMIT ${params.p(limit)}) r
         JOIN forum_posts p ON p.id = r.id JOIN forum_threads t ON t.id = p.thread_id
        ORDER BY r.rank DESC, r.id DESC`,
      params.values,
    );
  }
}
