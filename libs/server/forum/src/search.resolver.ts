import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, AppError, Ctx, CurrentActor, Public, RequestContext, decodeCursor, encodeCursor, pageSize } from '@anyam/server/core';
import { PostType, SearchHitType } from './graphql/post.type';
import { SearchHitConnection } from './graphql/connections.type';
import { SearchFilter } from './graphql/thread.input';
import { ForumRepository } from './forum.repository';
import { ForumLoaderFactory } from './forum.loaders';
import { toPostType } from './forum.mapper';
import { ForumError } from './forum.errors';
import { searchListFilter } from './forum-filters';

export const SEARCH_QUERY_MAX = 200;

/** ts_headline output with private-use markers → escaped text with <mark>…</mark>. */
export function snippetHtml(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return escaped.replace(/\uE000/g, '<mark>').replace(/\uE001/g, '</mark>');
}

@Resolver(() => SearchHitType)
export class SearchResolver {
  constructor(
    private readonly repo: ForumRepository,
    private readonly loaders: ForumLoaderFactory,
  ) {}

  @Public()
  @Query(() => SearchHitConnection, {
    description: 'Full-text search over thread titles and posts, each stemmed in its own language; only groups the viewer can read.',
  })
  async search(
    @CurrentActor() actor: Actor,
    @Args('query') query: string,
    @Args('filter', { type: () => SearchFilter, nullable: true }) filter?: SearchFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<SearchHitConnection> {
    const q = query.trim();
    if (!q) throw AppError.badInput('query', 'empty', 'Type something to search for.');
    if (q.length > SEARCH_QUERY_MAX) throw AppError.badInput('query', 'tooLong', `Use at most ${SEARCH_QUERY_MAX} characters.`);
    const size = pageSize(first);
    const cursor = after ? decodeCursor(after, 2) : null;
    if (cursor && typeof cursor[0] !== 'number') decodeCursor('', 2);
    const rows = await this.repo.search(actor, q, searchListFilter(filter), size + 1, cursor as [number, string] | null);
    const edges = rows.slice(0, size).map((r) => ({
      cursor: encodeCursor([r.rank, r.postId]),
      node: { postId: r.postId, threadId: r.threadId, rank: r.rank, snippet: snippetHtml(r.headline) },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @ResolveField(() => PostType)
  async post(@Parent() hit: SearchHitType, @Ctx() ctx: RequestContext): Promise<PostType> {
    const loaders = ctx.loaders.get(this.loaders);
    const [post, thread] = await Promise.all([loaders.postById.load(hit.postId), loaders.threadById.load(hit.threadId)]);
    const access = thread && (await loaders.groupAccessById.load(thread.groupId));
    // Only if the post went away (or its group closed) between the search and this read.
    if (!post || !thread || !access) throw ForumError.postNotFound();
    return toPostType(post, thread, access, ctx.actor);
  }
}
