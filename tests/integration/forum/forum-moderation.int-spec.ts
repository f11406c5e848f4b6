import { Role, RoleScope } from '@anyam/shared/domain';
import { RateLimitService } from '@anyam/server/core';
import { FORUM_NEW_MEMBER_DAILY_LIMIT, FORUM_POST_RATE_LIMIT } from '@anyam/server/forum';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { admin, code, CREATE_POST, CREATE_THREAD, createThread, groupId, hubId, privateGroup, THREAD, THREADS } from './forum-support';

const UPDATE_GROUP = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { id name description visibility defaultLanguage holdFirstPosts threadCount } }`;
const MOVE = `mutation($threadId: ID!, $groupId: ID!) { moveThread(threadId: $threadId, groupId: $groupId) { id group { id threadCount } } }`;
const GROUP_COUNT = `query($id: ID!) { group(id: $id) { threadCount } }`;
const FLAG = `mutation($postId: ID!, $reason: String!) { flagPost(postId: $postId, reason: $reason) { id reason status reporter { id } } }`;
const QUEUE = `query($groupId: ID!, $first: Int, $after: String) { moderationQueue(groupId: $groupId, first: $first, after: $after) {
  edges { cursor node { kind since post { id status hidden bodyMarkdown author { id } } thread { id held } flags { id reason reporter { id } } } } pageInfo { hasNextPage endCursor } } }`;
const RESOLVE = `mutation($flagId: ID!, $resolution: FlagResolution!) { resolveFlag(flagId: $flagId, resolution: $resolution) { id hidden bodyHtml bodyMarkdown author { id } } }`;
const POST_VIEW = `query($id: ID!) { thread(id: $id) { replyCount participantCount posts(first: 50) { edges { node { id number status hidden removed bodyHtml bodyMarkdown author { id } viewerCanFlag } } } } }`;

describe('forum: group settings, moving, top threads, moderation', () => {
  let t: TestApp;
  let root: TestMember;
  let seaForum: string;
  let reSearchGroup: string;
  let reSearchHub: string;
  let coordinator: TestMember; // coordinates the Re.Search hub (its group re-search-members)
  let hubMember: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    root = await admin(t);
    seaForum = await groupId(t, 'southeast-asia-forum');
    reSearchGroup = await groupId(t, 're-search-members');
    reSearchHub = await hubId(t, 're-search');
    coordinator = await t.grantRole(await t.signUp(), Role.Coordinator, RoleScope.Hub, reSearchHub);
    hubMember = await t.grantRole(await t.signUp(), Role.Member, RoleScope.Hub, reSearchHub);
  });
  afterAll(() => t.close());

  /** Forget a member's 10-second posting window (tests post faster than people). */
  const unlimit = (m: TestMember) => t.app.get(RateLimitService).reset(FORUM_POST_RATE_LIMIT, m.id);

  const threadCountOk = async (id: string) => {
    const [row] = await t.db.query(
      `SELECT thread_count, (SELECT count(*)::int FROM forum_threads WHERE group_id = g.id AND deleted_at IS NULL AND NOT held) AS actual FROM forum_groups g WHERE id = $1`,
      [id],
    );
    expect(row.thread_count).toBe(row.actual);
    return row.thread_count as number;
  };

  describe('updateGroup', () => {
    it('a hub coordinator changes their hub group; members, other coordinators and visitors cannot; bad input changes nothing', async () => {
      const ok = await t.gql(
        UPDATE_GROUP,
        { input: { groupId: reSearchGroup, description: '  Research methods  ', holdFirstPosts: true, defaultLanguage: 'en' } },
        { token: coordinator.accessToken },
      );
      expect(ok.data!.updateGroup).toMatchObject({ description: 'Research methods', holdFirstPosts: true, defaultLanguage: 'en', visibility: 'MEMBERS' });
      const other = await t.grantRole(await t.signUp(), Role.Coordinator, RoleScope.Hub, await hubId(t, 'reach'));
      expect(code(await t.gql(UPDATE_GROUP, { input: { groupId: seaForum, name: 'Mine' } }, { token: other.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(UPDATE_GROUP, { input: { groupId: seaForum, name: 'Mine' } }, { token: hubMember.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(UPDATE_GROUP, { input: { groupId: seaForum, name: 'Mine' } }))).toBe('UNAUTHENTICATED');
      for (const [input, field] of [
        [{ name: ' ' }, 'name'],
        [{ description: 'x'.repeat(2001) }, 'description'],
        [{ defaultLanguage: 'not a tag' }, 'defaultLanguage'],
      ] as const) {
        const r = await t.gql(UPDATE_GROUP, { input: { groupId: reSearchGroup, ...input } }, { token: coordinator.accessToken });
        expect([code(r), r.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
      }
      const [row] = await t.db.query(`SELECT name, description, default_language FROM forum_groups WHERE id = $1`, [reSearchGroup]);
      expect(row).toMatchObject({ description: 'Research methods', default_language: 'en' });
      expect(row.name).not.toBe(' ');
      // Back to not holding, for the tests below.
      await t.gql(UPDATE_GROUP, { input: { groupId: reSearchGroup, holdFirstPosts: false } }, { token: coordinator.accessToken });
    });

    it('a private group stays NOT_FOUND to outsiders, even for updateGroup', async () => {
      const group = await privateGroup(t, root, 'update-secret');
      const outsider = await t.grantRole(await t.signUp(), Role.Moderator, RoleScope.Hub, reSearchHub);
      expect(code(await t.gql(UPDATE_GROUP, { input: { groupId: group, name: 'x' } }, { token: outsider.accessToken }))).toBe('NOT_FOUND');
    });
  });

  describe('moveThread and threadCount', () => {
    it('moves a thread between groups its mover moderates; both counts follow and equal count(*)', async () => {
      const before = { sea: await threadCountOk(seaForum), re: await threadCountOk(reSearchGroup) };
      await unlimit(hubMember);
      const thread = await createThread(t, hubMember, { groupId: reSearchGroup, title: 'Belongs elsewhere', body: 'move me' });
      expect(await threadCountOk(reSearchGroup)).toBe(before.re + 1);
      const r = await t.gql(MOVE, { threadId: thread.id, groupId: seaForum }, { token: root.accessToken });
      expect(r.data!.moveThread.group.id).toBe(seaForum);
      expect(await threadCountOk(reSearchGroup)).toBe(before.re);
      expect(await threadCountOk(seaForum)).toBe(before.sea + 1);
      expect((await t.gql(GROUP_COUNT, { id: seaForum })).data!.group.threadCount).toBe(before.sea + 1);
    });

    it('refuses members, a coordinator who does not moderate the target, the same group and unknown groups', async () => {
      await unlimit(hubMember);
      const thread = await createThread(t, hubMember, { groupId: reSearchGroup, title: 'Stay', body: 'here' });
      expect(code(await t.gql(MOVE, { threadId: thread.id, groupId: seaForum }, { token: hubMember.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(MOVE, { threadId: thread.id, groupId: seaForum }, { token: coordinator.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(MOVE, { threadId: thread.id, groupId: reSearchGroup }, { token: root.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(MOVE, { threadId: thread.id, groupId: '00000000-0000-0000-0000-000000000000' }, { token: root.accessToken }))).toBe('NOT_FOUND');
      const [row] = await t.db.query(`SELECT group_id FROM forum_threads WHERE id = $1`, [thread.id]);
      expect(row.group_id).toBe(reSearchGroup);
    });

    it('coordinators of the hub pin and lock its threads (ModerateForum), plain members cannot', async () => {
      await unlimit(hubMember);
      const thread = await createThread(t, hubMember, { groupId: reSearchGroup, title: 'Pin me', body: 'please' });
      const PIN = `mutation($id: ID!) { pinThread(threadId: $id) { pinned } }`;
      expect(code(await t.gql(PIN, { id: thread.id }, { token: hubMember.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(PIN, { id: thread.id }, { token: coordinator.accessToken })).data!.pinThread.pinned).toBe(true);
      const LOCK = `mutation($id: ID!) { lockThread(threadId: $id) { locked } }`;
      expect((await t.gql(LOCK, { id: thread.id }, { token: coordinator.accessToken })).data!.lockThread.locked).toBe(true);
    });
  });

  describe('threads(sort: TOP)', () => {
    it('orders by 2 × replies + reactions, pinned first, and pages without repeats', async () => {
      const group = await privateGroup(t, root, 'top-room');
      const author = await t.signUp();
      const ids: string[] = [];
      for (const [i, [replies, reactions]] of [[0, 0], [1, 5], [3, 0], [0, 1], [2, 2]].entries()) {
        const [row] = await t.db.query(
          `INSERT INTO forum_threads (group_id, title, author_id, language, participant_count, reply_count, reaction_count)
           VALUES ($1, $2, $3, 'en', 1, $4, $5) RETURNING id`,
          [group, `Top ${i}`, author.id, replies, reactions],
        );
        ids.push(row.id);
      }
      // scores: 0, 7, 6, 1, 6 → 1, then 4 and 2 (equal score: higher id first), 3, 0
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const r: any = await t.gql(THREADS, { groupId: group, first: 2, after, sort: 'TOP' }, { token: root.accessToken });
        seen.push(...r.data.threads.edges.map((e: any) => e.node.id));
        after = r.data.threads.pageInfo.hasNextPage ? r.data.threads.pageInfo.endCursor : null;
      } while (after);
      const tied = [ids[2], ids[4]].sort().reverse();
      expect(seen).toEqual([ids[1], ...tied, ids[3], ids[0]]);
      const bad = await t.gql(THREADS, { groupId: group, sort: 'TOP', after: 'garbage' }, { token: root.accessToken });
      expect(code(bad)).toBe('BAD_USER_INPUT');
    });
  });

  describe('held first posts', () => {
    it('holds a member’s first thread and reply for approval; others do not see them; the queue lists them; approve publishes, reject declines', async () => {
      const group = await privateGroup(t, root, 'held-room');
      await t.gql(UPDATE_GROUP, { input: { groupId: group, holdFirstPosts: true } }, { token: root.accessToken });
      const newcomer = await t.signUp();
      const reader = await t.signUp();
      await t.db.query(`INSERT INTO forum_group_members (group_id, member_id) VALUES ($1, $2), ($1, $3)`, [group, newcomer.id, reader.id]);
      const before = await threadCountOk(group);
      const held = await t.gql(CREATE_THREAD, { input: { groupId: group, title: 'My first', body: 'hello all' } }, { token: newcomer.accessToken });
      const threadId = held.data!.createThread.id;
      expect(await threadCountOk(group)).toBe(before);
      expect(code(await t.gql(THREAD, { id: threadId }, { token: reader.accessToken }))).toBe('NOT_FOUND');
      const mine = await t.gql(`query($id: ID!) { thread(id: $id) { held posts { edges { node { status } } } } }`, { id: threadId }, { token: newcomer.accessToken });
      expect(mine.data!.thread).toEqual({ held: true, posts: { edges: [{ node: { status: 'HELD' } }] } });
      const listed = await t.gql(THREADS, { groupId: group }, { token: reader.accessToken });
      expect(listed.data!.threads.edges.map((e: any) => e.node.id)).not.toContain(threadId);

      expect(code(await t.gql(QUEUE, { groupId: group }, { token: reader.accessToken }))).toBe('FORBIDDEN');
      const queue = await t.gql(QUEUE, { groupId: group }, { token: root.accessToken });
      const item = queue.data!.moderationQueue.edges.find((e: any) => e.node.thread.id === threadId).node;
      expect(item).toMatchObject({ kind: 'HELD', post: { status: 'HELD', bodyMarkdown: 'hello all' }, flags: [] });

      const APPROVE = `mutation($id: ID!) { approvePost(postId: $id) { status thread { held } } }`;
      expect(code(await t.gql(APPROVE, { id: item.post.id }, { token: reader.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(APPROVE, { id: item.post.id }, { token: root.accessToken })).data!.approvePost).toEqual({ status: 'VISIBLE', thread: { held: false } });
      expect(code(await t.gql(APPROVE, { id: item.post.id }, { token: root.accessToken }))).toBe('CONFLICT');
      expect(await threadCountOk(group)).toBe(before + 1);
      expect((await t.gql(THREAD, { id: threadId }, { token: reader.accessToken })).data!.thread.title).toBe('My first');

      // Approved once, the newcomer's next posts go straight through; another newcomer's first reply is held.
      await unlimit(newcomer);
      const next = await t.gql(CREATE_POST, { input: { threadId, body: 'thanks' } }, { token: newcomer.accessToken });
      expect(next.data!.createPost).toMatchObject({ thread: { replyCount: 1 } });
      const second = await t.signUp();
      await t.db.query(`INSERT INTO forum_group_members (group_id, member_id) VALUES ($1, $2)`, [group, second.id]);
      const reply = await t.gql(CREATE_POST, { input: { threadId, body: 'me too' } }, { token: second.accessToken });
      const replyId = reply.data!.createPost.id;
      const view = await t.gql(POST_VIEW, { id: threadId }, { token: reader.accessToken });
      expect(view.data!.thread.replyCount).toBe(1);
      expect(view.data!.thread.posts.edges.map((e: any) => e.node.id)).not.toContain(replyId);
      const REJECT = `mutation($id: ID!) { rejectPost(postId: $id) { status } }`;
      expect((await t.gql(REJECT, { id: replyId }, { token: root.accessToken })).data!.rejectPost.status).toBe('REJECTED');
      const authorView = await t.gql(POST_VIEW, { id: threadId }, { token: second.accessToken });
      expect(authorView.data!.thread.posts.edges.find((e: any) => e.node.id === replyId).node.status).toBe('REJECTED');
      expect((await t.gql(POST_VIEW, { id: threadId }, { token: root.accessToken })).data!.thread.posts.edges.map((e: any) => e.node.id)).not.toContain(replyId);
      expect((await t.gql(POST_VIEW, { id: threadId }, { token: reader.accessToken })).data!.thread.replyCount).toBe(1);
    });
  });

  describe('flags, hide and restore', () => {
    it('readers flag others’ posts with a reason; the queue shows them to the group’s moderators; HIDE leaves a placeholder, restore brings it back', async () => {
      const author = await t.signUp();
      await unlimit(hubMember);
      const thread = await createThread(t, hubMember, { groupId: reSearchGroup, title: 'Flag me', body: 'opening' });
      await t.grantRole(author, Role.Member, RoleScope.Hub, reSearchHub);
      const authorNow = await t.signIn(author.email, author.password);
      const post = (await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'buy cheap things' } }, { token: authorNow.accessToken })).data!.createPost;
      const reporter = await t.grantRole(await t.signUp(), Role.Member, RoleScope.Hub, reSearchHub);

      expect(code(await t.gql(FLAG, { postId: post.id, reason: 'spam' }, { token: authorNow.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(FLAG, { postId: post.id, reason: 'spam' }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(FLAG, { postId: post.id, reason: 'spam' }, { token: (await t.signUp()).accessToken }))).toBe('NOT_FOUND');
      const empty = await t.gql(FLAG, { postId: post.id, reason: '  ' }, { token: reporter.accessToken });
      expect([code(empty), empty.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
      const flagged = await t.gql(FLAG, { postId: post.id, reason: ' Spam ' }, { token: reporter.accessToken });
      expect(flagged.data!.flagPost).toMatchObject({ reason: 'Spam', status: 'OPEN', reporter: null });
      expect(code(await t.gql(FLAG, { postId: post.id, reason: 'again' }, { token: reporter.accessToken }))).toBe('CONFLICT');
      const secondFlag = await t.gql(FLAG, { postId: post.id, reason: 'advertising' }, { token: hubMember.accessToken });
      expect(secondFlag.errors).toBeUndefined();

      expect(code(await t.gql(QUEUE, { groupId: reSearchGroup }, { token: hubMember.accessToken }))).toBe('FORBIDDEN');
      const other = await t.grantRole(await t.signUp(), Role.Coordinator, RoleScope.Hub, await hubId(t, 'reach'));
      // Another hub's coordinator does not even read this members-only hub group.
      expect(code(await t.gql(QUEUE, { groupId: reSearchGroup }, { token: other.accessToken }))).toBe('NOT_FOUND');
      const queue = await t.gql(QUEUE, { groupId: reSearchGroup }, { token: coordinator.accessToken });
      const item = queue.data!.moderationQueue.edges.find((e: any) => e.node.post.id === post.id).node;
      expect(item.kind).toBe('FLAGGED');
      expect(item.flags.map((f: any) => [f.reason, f.reporter.id])).toEqual([
        ['Spam', reporter.id],
        ['advertising', hubMember.id],
      ]);

      expect(code(await t.gql(RESOLVE, { flagId: item.flags[0].id, resolution: 'HIDE' }, { token: hubMember.accessToken }))).toBe('FORBIDDEN');
      const hidden = await t.gql(RESOLVE, { flagId: item.flags[0].id, resolution: 'HIDE' }, { token: coordinator.accessToken });
      expect(hidden.data!.resolveFlag).toMatchObject({ hidden: true, bodyMarkdown: 'buy cheap things', author: { id: authorNow.id } });
      expect(code(await t.gql(RESOLVE, { flagId: item.flags[1].id, resolution: 'DISMISS' }, { token: coordinator.accessToken }))).toBe('CONFLICT');
      const readerView = (await t.gql(POST_VIEW, { id: thread.id }, { token: reporter.accessToken })).data!.thread;
      expect(readerView.posts.edges[1].node).toMatchObject({ hidden: true, bodyMarkdown: null, author: null, bodyHtml: '<p><em>This post was hidden by a moderator.</em></p>' });
      expect(readerView.replyCount).toBe(0);
      const after = await t.gql(QUEUE, { groupId: reSearchGroup }, { token: coordinator.accessToken });
      expect(after.data!.moderationQueue.edges.map((e: any) => e.node.post.id)).not.toContain(post.id);

      const RESTORE = `mutation($id: ID!) { restorePost(postId: $id) { hidden bodyHtml } }`;
      expect(code(await t.gql(RESTORE, { id: post.id }, { token: reporter.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(RESTORE, { id: post.id }, { token: coordinator.accessToken })).data!.restorePost).toEqual({ hidden: false, bodyHtml: '<p>buy cheap things</p>' });
      expect((await t.gql(POST_VIEW, { id: thread.id }, { token: reporter.accessToken })).data!.thread.replyCount).toBe(1);
    });

    it('DISMISS keeps the post and empties the queue entry; unknown flags are NOT_FOUND', async () => {
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Fine', body: 'nothing wrong' });
      const postId = (await t.gql(THREAD, { id: thread.id })).data!.thread.posts.edges[0].node.id;
      const flag = (await t.gql(FLAG, { postId, reason: 'I disagree' }, { token: (await t.signUp()).accessToken })).data!.flagPost;
      const post = await t.gql(RESOLVE, { flagId: flag.id, resolution: 'DISMISS' }, { token: root.accessToken });
      expect(post.data!.resolveFlag.hidden).toBe(false);
      const [row] = await t.db.query(`SELECT status, resolved_by_id FROM forum_flags WHERE id = $1`, [flag.id]);
      expect(row).toEqual({ status: 'dismissed', resolved_by_id: root.id });
      expect(code(await t.gql(RESOLVE, { flagId: '00000000-0000-0000-0000-000000000000', resolution: 'DISMISS' }, { token: root.accessToken }))).toBe('NOT_FOUND');
    });
  });

  describe('rate limits', () => {
    it('members under a day old have a daily cap (RATE_LIMITED with the wait); older members do not', async () => {
      const fresh = await t.signUp();
      const limits = t.app.get(RateLimitService);
      for (let i = 1; i < FORUM_NEW_MEMBER_DAILY_LIMIT.points; i++) await limits.consume(FORUM_NEW_MEMBER_DAILY_LIMIT, fresh.id);
      const thread = await createThread(t, fresh, { groupId: seaForum, title: 'Last one today', body: 'ok' });
      await unlimit(fresh);
      const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'one more' } }, { token: fresh.accessToken });
      expect(code(r)).toBe('RATE_LIMITED');
      expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(3600);

      const old = await t.signUp();
      await t.db.query(`UPDATE members SET created_at = now() - interval '2 days' WHERE id = $1`, [old.id]);
      for (let i = 0; i < FORUM_NEW_MEMBER_DAILY_LIMIT.points; i++) await limits.consume(FORUM_NEW_MEMBER_DAILY_LIMIT, old.id);
      expect((await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'fine' } }, { token: old.accessToken })).errors).toBeUndefined();
    });
  });
});
