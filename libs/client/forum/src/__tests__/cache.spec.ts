import { InMemoryCache } from '@apollo/client';
import { ForumThreadDocument, type ForumPostFragment, type ForumThreadQuery } from '@anyam/client/graphql';
import { appendPost } from '../cache';

const variables = { id: 't1', first: 50 };

function post(id: string, number: number, name = 'Lucía Quispe'): ForumPostFragment {
  return {
    __typename: 'Post',
    id,
    threadId: 't1',
    number,
    createdAt: `2026-11-27T10:0${number}:00.000Z`,
    editedAt: null,
    language: 'es',
    bodyHtml: `<p>post ${number}</p>`,
    bodyMarkdown: null,
    removed: false,
    isAcceptedAnswer: false,
    quotePostId: null,
    viewerCanEdit: false,
    viewerCanDelete: false,
    viewerCanReact: true,
    viewerCanFlag: true,
    viewerCanModerate: false,
    viewerReactions: [],
    hidden: false,
    status: 'VISIBLE',
    reactions: [],
    author: { __typename: 'ForumAuthor', id: `m-${name}`, name, handle: name.toLowerCase().replace(/\W+/g, '_') },
  } as ForumPostFragment;
}

function seed(hasNextPage = false) {
  const cache = new InMemoryCache();
  const data = {
    thread: {
      __typename: 'Thread',
      id: 't1',
      title: 'Pregunta',
      language: 'es',
      pinned: false,
      locked: false,
      acceptedPostId: null,
      replyCount: 0,
      reactionCount: 0,
      held: false,
      unreadCount: 0,
      newSinceLastVisit: false,
      viewerWatching: false,
      lastReadPostId: null,
      draft: null,
      lastActivityAt: '2026-11-27T10:01:00.000Z',
      createdAt: '2026-11-27T10:01:00.000Z',
      author: { __typename: 'ForumAuthor', id: 'm-sari', name: 'Sari', handle: 'sari' },
      lastPoster: { __typename: 'ForumAuthor', id: 'm-sari', name: 'Sari', handle: 'sari' },
      archived: false,
      viewerCanReply: true,
      viewerCanAcceptAnswer: true,
      viewerCanModerate: false,
      group: { __typename: 'Group', id: 'g1', slug: 'southeast-asia-forum', name: 'Southeast Asia forum' },
      posts: {
        __typename: 'PostConnection',
        edges: [{ __typename: 'PostEdge', cursor: 'c1', node: post('p1', 1, 'Sari') }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage },
      },
    },
  } as unknown as ForumThreadQuery;
  cache.writeQuery({ query: ForumThreadDocument, variables, data });
  return cache;
}

const read = (cache: InMemoryCache) => cache.readQuery({ query: ForumThreadDocument, variables })!.thread;

describe('appendPost', () => {
  it('adds a new reply once, whether it comes from the mutation or the subscription', () => {
    const cache = seed();
    expect(appendPost(cache, variables, post('p2', 2))).toBe(true);
    expect(appendPost(cache, variables, post('p2', 2))).toBe(false);
    const thread = read(cache);
    expect(thread.posts.edges.map((e) => e.node.id)).toEqual(['p1', 'p2']);
    expect(thread.replyCount).toBe(1);
    expect(thread.lastPoster?.name).toBe('Lucía Quispe');
  });

  it('waits for "Load more" while older posts are still to load, to keep the order', () => {
    const cache = seed(true);
    expect(appendPost(cache, variables, post('p2', 2))).toBe(false);
    expect(read(cache).posts.edges).toHaveLength(1);
  });
});
