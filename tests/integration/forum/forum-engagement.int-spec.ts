import { Role, RoleScope } from '@anyam/shared/domain';
import { RateLimitService } from '@anyam/server/core';
import { FORUM_POST_RATE_LIMIT } from '@anyam/server/forum';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { admin, code, countStatements, CREATE_POST, createThread, groupId, privateGroup, THREAD } from './forum-support';

const REACT = `mutation($postId: ID!, $kind: ReactionKind!) { react(postId: $postId, kind: $kind) { id reactions { kind count } viewerReactions thread { reactionCount } } }`;
const UNREACT = `mutation($postId: ID!, $kind: ReactionKind!) { unreact(postId: $postId, kind: $kind) { id reactions { kind count } viewerReactions } }`;
const READ_STATE = `query($id: ID!) { thread(id: $id) { unreadCount lastReadPostId lastReadAt newSinceLastVisit viewerWatching draft { body } } }`;
const MARK_READ = `mutation($threadId: ID!, $postId: ID!) { markThreadRead(threadId: $threadId, postId: $postId) { id unreadCount lastReadPostId newSinceLastVisit } }`;
const WATCH = `mutation($threadId: ID, $groupId: ID) { watch(threadId: $threadId, groupId: $groupId) { thread { id viewerWatching } group { id viewerWatching } } }`;
const UNWATCH = `mutation($threadId: ID, $groupId: ID) { unwatch(threadId: $threadId, groupId: $groupId) { thread { id viewerWatching } group { id viewerWatching } } }`;
const SAVE_DRAFT = `mutation($threadId: ID!, $body: String!) { saveDraft(threadId: $threadId, body: $body) { body updatedAt } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind url data { key value } } } } }`;
const ME = `{ me { id handle } }`;

describe('forum: reactions, reading, watching, drafts, mentions and notifications', () => {
  let t: TestApp;
  let root: TestMember;
  let seaForum: string;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    root = await admin(t);
    seaForum = await groupId(t, 'southeast-asia-forum');
  });
  afterAll(() => t.close());

  const unlimit = (m: TestMember) => t.app.get(RateLimitService).reset(FORUM_POST_RATE_LIMIT, m.id);
  async function reply(m: TestMember, threadId: string, body: string, extra: Record<string, unknown> = {}) {
    await unlimit(m);
    const r = await t.gql(CREATE_POST, { input: { threadId, body, ...extra } }, { token: m.accessToken });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createPost;
  }
  async function notifications(m: TestMember): Promise<{ kind: string; url: string; data: Record<string, string> }[]> {
    const r = await t.gql(NOTIFICATIONS, {}, { token: m.accessToken });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.notifications.edges.map((e: any) => ({
      kind: e.node.kind,
      url: e.node.url,
      data: Object.fromEntries(e.node.data.map((d: any) => [d.key, d.value])),
    }));
  }
  const firstPostId = async (threadId: string, token?: string) => (await t.gql(THREAD, { id: threadId }, { token })).data!.thread.posts.edges[0].node.id;

  describe('reactions', () => {
    it('one per kind per member; counts per kind on the post, the total on the thread; unreact takes it back', async () => {
      const author = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'React', body: 'to me' });
      const postId = await firstPostId(thread.id);
      const [a, b] = [await t.signUp(), await t.signUp()];
      await t.gql(REACT, { postId, kind: 'LIKE' }, { token: a.accessToken });
      await t.gql(REACT, { postId, kind: 'LIKE' }, { token: a.accessToken }); // repeat: nothing changes
      await t.gql(REACT, { postId, kind: 'THANKS' }, { token: a.accessToken });
      const r = await t.gql(REACT, { postId, kind: 'LIKE' }, { token: b.accessToken });
      expect(r.data!.react).toMatchObject({
        reactions: [
          { kind: 'LIKE', count: 2 },
          { kind: 'THANKS', count: 1 },
        ],
        viewerReactions: ['LIKE'],
        thread: { reactionCount: 3 },
      });
      const u = await t.gql(UNREACT, { postId, kind: 'LIKE' }, { token: a.accessToken });
      expect(u.data!.unreact).toMatchObject({ reactions: [{ kind: 'LIKE', count: 1 }, { kind: 'THANKS', count: 1 }], viewerReactions: ['THANKS'] });
      await t.gql(UNREACT, { postId, kind: 'LIKE' }, { token: a.accessToken }); // none left: nothing changes
      const [row] = await t.db.query(
        `SELECT p.reaction_counts, t.reaction_count, (SELECT count(*)::int FROM forum_reactions WHERE post_id = p.id) AS actual
           FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id WHERE p.id = $1`,
        [postId],
      );
      expect(row).toEqual({ reaction_counts: { like: 1, thanks: 1 }, reaction_count: 2, actual: 2 });
    });

    it('refuses one’s own post, visitors, unknown kinds and posts in groups the member cannot read', async () => {
      const author = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'Own', body: 'post' });
      const postId = await firstPostId(thread.id);
      expect(code(await t.gql(REACT, { postId, kind: 'LIKE' }, { token: author.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(REACT, { postId, kind: 'LIKE' }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(REACT, { postId, kind: 'LOVE' }, { token: root.accessToken }))).toBe('BAD_USER_INPUT');
      const secret = await privateGroup(t, root, 'react-secret');
      await unlimit(root);
      const hidden = await createThread(t, root, { groupId: secret, title: 'Secret', body: 'post' });
      const hiddenPost = await firstPostId(hidden.id, root.accessToken);
      expect(code(await t.gql(REACT, { postId: hiddenPost, kind: 'LIKE' }, { token: author.accessToken }))).toBe('NOT_FOUND');
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_reactions WHERE post_id = ANY($1::uuid[])`, [[postId, hiddenPost]]);
      expect(count).toBe(0);
    });
  });

  describe('reading', () => {
    it('markThreadRead moves the read position forward only; unreadCount and newSinceLastVisit follow new posts', async () => {
      const author = await t.signUp();
      const reader = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'Read me', body: 'one' });
      const p1 = await firstPostId(thread.id);
      expect((await t.gql(READ_STATE, { id: thread.id }, { token: reader.accessToken })).data!.thread).toMatchObject({
        unreadCount: 1,
        lastReadPostId: null,
        newSinceLastVisit: true,
      });
      const p2 = (await reply(author, thread.id, 'two')).id;
      const marked = await t.gql(MARK_READ, { threadId: thread.id, postId: p2 }, { token: reader.accessToken });
      expect(marked.data!.markThreadRead).toMatchObject({ unreadCount: 0, lastReadPostId: p2, newSinceLastVisit: false });
      await t.gql(MARK_READ, { threadId: thread.id, postId: p1 }, { token: reader.accessToken }); // backwards: ignored
      await reply(await t.signUp(), thread.id, 'three');
      expect((await t.gql(READ_STATE, { id: thread.id }, { token: reader.accessToken })).data!.thread).toMatchObject({
        unreadCount: 1,
        lastReadPostId: p2,
        newSinceLastVisit: true,
      });
      expect((await t.gql(READ_STATE, { id: thread.id })).data!.thread).toMatchObject({ unreadCount: null, newSinceLastVisit: false, viewerWatching: false, draft: null });
    });

    it('refuses visitors, posts of another thread and unreadable threads', async () => {
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'A', body: 'a' });
      const other = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'B', body: 'b' });
      const otherPost = await firstPostId(other.id);
      const reader = await t.signUp();
      expect(code(await t.gql(MARK_READ, { threadId: thread.id, postId: otherPost }))).toBe('UNAUTHENTICATED');
      const r = await t.gql(MARK_READ, { threadId: thread.id, postId: otherPost }, { token: reader.accessToken });
      expect([code(r), r.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'postId']);
      const secret = await privateGroup(t, root, 'read-secret');
      await unlimit(root);
      const hidden = await createThread(t, root, { groupId: secret, title: 'S', body: 's' });
      expect(code(await t.gql(MARK_READ, { threadId: hidden.id, postId: await firstPostId(hidden.id, root.accessToken) }, { token: reader.accessToken }))).toBe('NOT_FOUND');
    });

    it('a thread list with read state, watching and drafts keeps the same statement count at 10 and 50 threads; a thread page too', async () => {
      const group = await privateGroup(t, root, 'read-counting');
      const authors = await Promise.all(Array.from({ length: 5 }, () => t.signUp()));
      await t.db.query(
        `INSERT INTO forum_threads (group_id, title, author_id, language, participant_count, last_poster_id)
         SELECT $1, 'Thread ' || i, ($2::uuid[])[1 + i % 5], 'en', 1, ($2::uuid[])[1 + (i + 2) % 5] FROM generate_series(1, 60) i`,
        [group, authors.map((a) => a.id)],
      );
      const Q = `query($groupId: ID!, $first: Int) { threads(groupId: $groupId, first: $first) { edges { node { id title replyCount unreadCount lastReadPostId newSinceLastVisit viewerWatching draft { body }
        author { name handle } lastPoster { name } } } } }`;
      const counts: Record<number, number> = {};
      for (const first of [10, 50]) {
        const { result, statements } = await countStatements(() => t.gql(Q, { groupId: group, first }, { token: root.accessToken }));
        expect(result.data!.threads.edges).toHaveLength(first);
        counts[first] = statements.length;
      }
      console.log(`thread list with viewer state, SQL statements per request: 10 items → ${counts[10]}, 50 items → ${counts[50]}`);
      expect(counts[10]).toBe(counts[50]);
      expect(counts[50]).toBeLessThanOrEqual(4);

      const thread = await createThread(t, authors[0], { groupId: seaForum, title: 'Long read', body: 'start' });
      const pageCounts: Record<number, number> = {};
      await t.db.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language)
         SELECT $1, i, ($2::uuid[])[1 + i % 5], 'r' || i, '<p>r' || i || '</p>', 'en' FROM generate_series(2, 51) i`,
        [thread.id, authors.map((a) => a.id)],
      );
      const P = `query($id: ID!, $first: Int) { thread(id: $id) { title unreadCount viewerWatching draft { body } author { name } posts(first: $first) { edges { node { number bodyHtml
        author { name handle } reactions { kind count } viewerReactions viewerCanReact viewerCanFlag quotePost { id } } } } } }`;
      for (const first of [10, 50]) {
        const { result, statements } = await countStatements(() => t.gql(P, { id: thread.id, first }, { token: root.accessToken }));
        expect(result.data!.thread.posts.edges).toHaveLength(first);
        pageCounts[first] = statements.length;
      }
      console.log(`thread page with viewer state, SQL statements per request: 10 posts → ${pageCounts[10]}, 50 posts → ${pageCounts[50]}`);
      expect(pageCounts[10]).toBe(pageCounts[50]);
      expect(pageCounts[50]).toBeLessThanOrEqual(6);
    });
  });

  describe('watching and drafts', () => {
    it('watch and unwatch a thread or a group; exactly one target; unreadable ones are NOT_FOUND', async () => {
      const m = await t.signUp();
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Watch', body: 'me' });
      expect((await t.gql(WATCH, { threadId: thread.id }, { token: m.accessToken })).data!.watch).toEqual({ thread: { id: thread.id, viewerWatching: true }, group: null });
      expect((await t.gql(WATCH, { groupId: seaForum }, { token: m.accessToken })).data!.watch.group).toEqual({ id: seaForum, viewerWatching: true });
      expect((await t.gql(UNWATCH, { threadId: thread.id }, { token: m.accessToken })).data!.unwatch.thread.viewerWatching).toBe(false);
      expect(code(await t.gql(WATCH, { threadId: thread.id, groupId: seaForum }, { token: m.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(WATCH, {}, { token: m.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(WATCH, { groupId: seaForum }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(WATCH, { groupId: await privateGroup(t, root, 'watch-secret') }, { token: m.accessToken }))).toBe('NOT_FOUND');
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_watches WHERE member_id = $1`, [m.id]);
      expect(count).toBe(1);
    });

    it('saveDraft keeps one draft per member and thread; posting clears it; an empty body discards it; others never see it', async () => {
      const m = await t.signUp();
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Draft', body: 'here' });
      expect((await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'half a tho' }, { token: m.accessToken })).data!.saveDraft.body).toBe('half a tho');
      await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'half a thought' }, { token: m.accessToken });
      expect((await t.gql(READ_STATE, { id: thread.id }, { token: m.accessToken })).data!.thread.draft).toEqual({ body: 'half a thought' });
      expect((await t.gql(READ_STATE, { id: thread.id }, { token: root.accessToken })).data!.thread.draft).toBeNull();
      expect(code(await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'x'.repeat(20001) }, { token: m.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'x' }))).toBe('UNAUTHENTICATED');
      await reply(m, thread.id, 'half a thought, finished');
      expect((await t.gql(READ_STATE, { id: thread.id }, { token: m.accessToken })).data!.thread.draft).toBeNull();
      await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'again' }, { token: m.accessToken });
      expect((await t.gql(SAVE_DRAFT, { threadId: thread.id, body: '  ' }, { token: m.accessToken })).data!.saveDraft).toBeNull();
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_drafts WHERE member_id = $1`, [m.id]);
      expect(count).toBe(0);
      await t.gql(`mutation($id: ID!) { lockThread(threadId: $id) { locked } }`, { id: thread.id }, { token: root.accessToken });
      expect(code(await t.gql(SAVE_DRAFT, { threadId: thread.id, body: 'closed' }, { token: m.accessToken }))).toBe('FORBIDDEN');
    });
  });

  describe('handles, mentions and notifications', () => {
    it('every member has a unique lower-case handle derived from the name', async () => {
      const a = await t.signUp({ name: 'Lúcia Ñandú' });
      const b = await t.signUp({ name: 'Lucia Nandu' });
      const c = await t.signUp({ name: '李' });
      const handles = await Promise.all([a, b, c].map(async (m) => (await t.gql(ME, {}, { token: m.accessToken })).data!.me.handle));
      expect(handles[0]).toMatch(/^lucia_nandu\d*$/);
      expect(handles[1]).toMatch(/^lucia_nandu\d*$/);
      expect(handles[0]).not.toBe(handles[1]);
      expect(handles[2]).toMatch(/^member\d*$/);
    });

    it('reply, mention, accepted answer and watched activity are notified once each, never to the actor', async () => {
      const asker = await t.signUp({ name: 'Asker Person' });
      const helper = await t.signUp({ name: 'Helper Person' });
      const mentioned = await t.signUp({ name: 'Mentioned Person' });
      const watcher = await t.signUp();
      const thread = await createThread(t, asker, { groupId: seaForum, title: 'Need help', body: 'please' });
      await t.gql(WATCH, { threadId: thread.id }, { token: watcher.accessToken });
      const handle = (await t.gql(ME, {}, { token: mentioned.accessToken })).data!.me.handle;
      const post = await reply(helper, thread.id, `Try this, and ask @${handle.toUpperCase()} too. @${(await t.gql(ME, {}, { token: helper.accessToken })).data!.me.handle}`);
      expect(await notifications(asker)).toEqual([
        { kind: 'forum.reply', url: `/forum/t/${thread.id}#post-${post.id}`, data: { threadTitle: 'Need help', groupName: expect.any(String), actorName: 'Helper Person', postNumber: '2' } },
      ]);
      expect((await notifications(mentioned)).map((n) => n.kind)).toEqual(['forum.mention']);
      expect((await notifications(watcher)).map((n) => n.kind)).toEqual(['forum.watched']);
      expect(await notifications(helper)).toEqual([]); // mentioning oneself does nothing
      await t.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { isAcceptedAnswer } }`, { id: post.id }, { token: asker.accessToken });
      await t.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { isAcceptedAnswer } }`, { id: post.id }, { token: asker.accessToken });
      expect((await notifications(helper)).map((n) => n.kind)).toEqual(['forum.answer_accepted']);
      // The asker's own reply tells the watcher, not the asker.
      await reply(asker, thread.id, 'thanks!');
      expect((await notifications(asker)).map((n) => n.kind)).toEqual(['forum.reply']);
      expect((await notifications(watcher)).map((n) => n.kind)).toEqual(['forum.watched', 'forum.watched']);
      // An edit that adds a mention tells only the newly mentioned member.
      const other = await t.signUp({ name: 'Late Mention' });
      const otherHandle = (await t.gql(ME, {}, { token: other.accessToken })).data!.me.handle;
      const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
      await t.gql(EDIT, { input: { postId: post.id, body: `Try this, and ask @${handle} and @${otherHandle} too.` } }, { token: helper.accessToken });
      expect((await notifications(other)).map((n) => n.kind)).toEqual(['forum.mention']);
      expect((await notifications(mentioned)).map((n) => n.kind)).toEqual(['forum.mention']);
    });

    it('private groups never leak through notifications: outsiders mentioned or watching are not told', async () => {
      const insider = await t.signUp();
      const outsider = await t.signUp({ name: 'Outside Person' });
      const group = await privateGroup(t, root, 'notify-secret', [insider]);
      const thread = await createThread(t, insider, { groupId: group, title: 'Confidential plan', body: 'between us' });
      // The outsider watched the group while they were in it, then was removed.
      await t.db.query(`INSERT INTO forum_group_members (group_id, member_id) VALUES ($1, $2)`, [group, outsider.id]);
      await t.gql(WATCH, { groupId: group }, { token: outsider.accessToken });
      await t.db.query(`DELETE FROM forum_group_members WHERE group_id = $1 AND member_id = $2`, [group, outsider.id]);
      const handle = (await t.gql(ME, {}, { token: outsider.accessToken })).data!.me.handle;
      await reply(root, thread.id, `@${handle} should not hear of this`);
      expect(await notifications(outsider)).toEqual([]);
      expect((await notifications(insider)).map((n) => n.kind)).toEqual(['forum.reply']);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notifications WHERE member_id = $1`, [outsider.id]);
      expect(count).toBe(0);
    });

    it('a members-only hub group: a mentioned member outside the hub is not told; inside it is', async () => {
      const hub = (await t.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`))[0].id;
      const group = await groupId(t, 're-search-members');
      const a = await t.grantRole(await t.signUp(), Role.Member, RoleScope.Hub, hub);
      const inHub = await t.grantRole(await t.signUp({ name: 'In Hub' }), Role.Member, RoleScope.Hub, hub);
      const notInHub = await t.signUp({ name: 'Not In Hub' });
      const h = async (m: TestMember) => (await t.gql(ME, {}, { token: m.accessToken })).data!.me.handle;
      await createThread(t, a, { groupId: group, title: 'Hub only', body: `@${await h(inHub)} @${await h(notInHub)} look` });
      expect((await notifications(inHub)).map((n) => n.kind)).toEqual(['forum.mention']);
      expect(await notifications(notInHub)).toEqual([]);
    });
  });
});
