import type { ApolloCache } from '@apollo/client';
import { ForumThreadDocument, type ForumPostFragment, type ForumThreadQueryVariables } from '@anyam/client/graphql';

export const POSTS_PAGE = 50;

/**
 * Adds a post to the end of the cached thread page (a reply just sent, or one that arrived live), once:
 * the same post from the mutation and from the subscription is kept one time. While older pages are still
 * to load, the new post waits for "Load more" to keep the order.
 */
export function appendPost(cache: ApolloCache, variables: ForumThreadQueryVariables, post: ForumPostFragment): boolean {
  let added = false;
  cache.updateQuery({ query: ForumThreadDocument, variables }, (data) => {
    if (!data) return data;
    const { posts } = data.thread;
    if (posts.pageInfo.hasNextPage || posts.edges.some((e) => e.node.id === post.id)) return data;
    added = true;
    const isReply = post.number > 1 && !post.id.startsWith('optimistic-');
    return {
      ...data,
      thread: {
        ...data.thread,
        replyCount: data.thread.replyCount + (isReply ? 1 : 0),
        lastActivityAt: post.createdAt,
        lastPoster: post.author,
        posts: { ...posts, edges: [...posts.edges, { ...posts.edges[0], cursor: post.id, node: post }] },
      },
    };
  });
  return added;
}
