import WebSocket from 'ws';
import { createClient, Client } from 'graphql-ws';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { admin, createThread, CREATE_POST, groupId, privateGroup } from './forum-support';

const POST_ADDED = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { id number bodyHtml author { id } thread { id replyCount } viewerCanEdit } }`;

describe('forum live updates (graphql-ws)', () => {
  let t: TestApp;
  let root: TestMember;
  let seaForum: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    root = await admin(t);
    seaForum = await groupId(t, 'southeast-asia-forum');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  function subscribe(threadId: string, token?: string, query = POST_ADDED, variables: Record<string, unknown> = { threadId }) {
    const client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    clients.push(client);
    const received: any[] = [];
    const errors: any[] = [];
    client.subscribe({ query, variables }, { next: (v) => received.push(v), error: (e) => errors.push(e), complete: () => undefined });
    return { received, errors };
  }
  const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
  async function until(cond: () => boolean) {
    for (let i = 0; i < 60 && !cond(); i++) await settle(50);
  }

  it('a member and a visitor receive a reply another member posts, shaped for each of them', async () => {
    const asker = await t.signUp();
    const thread = await createThread(t, asker, { groupId: seaForum, title: 'Live', body: 'anyone?' });
    const mine = subscribe(thread.id, asker.accessToken);
    const visitor = subscribe(thread.id);
    await settle();
    const replier = await t.signUp();
    const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'yes, **me**' } }, { token: replier.accessToken });
    await until(() => mine.received.length > 0 && visitor.received.length > 0);
    expect(mine.received).toEqual([
      { data: { postAdded: { id: r.data!.createPost.id, number: 2, bodyHtml: '<p>yes, <strong>me</strong></p>', author: { id: replier.id }, thread: { id: thread.id, replyCount: 1 }, viewerCanEdit: false } } },
    ]);
    expect(visitor.received[0].data.postAdded.id).toBe(r.data!.createPost.id);
    // A second reply arrives with fresh thread counters (nothing cached for the life of the socket).
    await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'me too' } }, { token: (await t.signUp()).accessToken });
    await until(() => mine.received.length > 1);
    expect(mine.received[1].data.postAdded).toMatchObject({ number: 3, thread: { replyCount: 2 } });
  });

  it('refuses to subscribe to a private thread with the same NOT_FOUND as a missing one', async () => {
    const insider = await t.signUp();
    const room = await privateGroup(t, root, 'live-room', [insider]);
    const thread = await createThread(t, insider, { groupId: room, title: 'Secret', body: 's' });
    const outsider = subscribe(thread.id, (await t.signUp()).accessToken);
    const visitor = subscribe(thread.id);
    const missing = subscribe('00000000-0000-4000-8000-000000000000');
    await until(() => outsider.errors.length + outsider.received.length > 0 && visitor.errors.length + visitor.received.length > 0);
    await until(() => missing.errors.length + missing.received.length > 0);
    const shape = (x: { errors: any[]; received: any[] }) => JSON.stringify([...x.errors, ...x.received]).match(/NOT_FOUND/g)?.length ?? 0;
    expect(shape(outsider)).toBeGreaterThan(0);
    expect(shape(visitor)).toBeGreaterThan(0);
    expect(shape(missing)).toBeGreaterThan(0);
    expect(JSON.stringify(outsider)).not.toContain('Secret');
  });

  it('checks the read rule again at delivery: a member removed from a private group stops receiving', async () => {
    const insider = await t.signUp();
    const leaver = await t.signUp();
    const room = await privateGroup(t, root, 'live-room-2', [insider, leaver]);
    const thread = await createThread(t, insider, { groupId: room, title: 'Inner circle', body: 'i' });
    const staying = subscribe(thread.id, insider.accessToken);
    const leaving = subscribe(thread.id, leaver.accessToken);
    await settle();
    await t.db.query(`DELETE FROM forum_group_members WHERE group_id = $1 AND member_id = $2`, [room, leaver.id]);
    const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'only for those still here' } }, { token: root.accessToken });
    expect(r.errors).toBeUndefined();
    await until(() => staying.received.length > 0);
    await settle();
    expect(staying.received).toHaveLength(1);
    expect(leaving.received).toEqual([]);
    expect(leaving.errors).toEqual([]);
  });

  describe('groupActivity', () => {
    const ACTIVITY = `subscription($groupId: ID!) { groupActivity(groupId: $groupId) { kind groupId threadId thread { id title locked } post { id number } } }`;
    const watchGroup = (groupId: string, token?: string) => subscribe('', token, ACTIVITY, { groupId });

    it('tells members and visitors of new threads, new posts, locks and moves, each checked at delivery', async () => {
      const member = subscribe('', (await t.signUp()).accessToken, ACTIVITY, { groupId: seaForum });
      const visitor = watchGroup(seaForum);
      await settle();
      const asker = await t.signUp();
      const thread = await createThread(t, asker, { groupId: seaForum, title: 'Activity', body: 'start' });
      const reply = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'second' } }, { token: (await t.signUp()).accessToken });
      await t.gql(`mutation($id: ID!) { lockThread(threadId: $id) { locked } }`, { id: thread.id }, { token: root.accessToken });
      const secret = await privateGroup(t, root, 'activity-secret');
      await t.gql(`mutation($t: ID!, $g: ID!) { moveThread(threadId: $t, groupId: $g) { id } }`, { t: thread.id, g: secret }, { token: root.accessToken });
      await until(() => member.received.length >= 4 && visitor.received.length >= 4);
      await settle();
      const mine = member.received.map((r) => r.data.groupActivity).filter((a: any) => a.threadId === thread.id);
      expect(mine).toEqual([
        { kind: 'THREAD_CREATED', groupId: seaForum, threadId: thread.id, thread: { id: thread.id, title: 'Activity', locked: false }, post: { id: expect.any(String), number: 1 } },
        { kind: 'POST_ADDED', groupId: seaForum, threadId: thread.id, thread: { id: thread.id, title: 'Activity', locked: false }, post: { id: reply.data!.createPost.id, number: 2 } },
        { kind: 'THREAD_LOCKED', groupId: seaForum, threadId: thread.id, thread: { id: thread.id, title: 'Activity', locked: true }, post: null },
        // Moved into a private group: the old group's readers learn it left, not where it went.
        { kind: 'THREAD_MOVED', groupId: seaForum, threadId: thread.id, thread: null, post: null },
      ]);
      expect(visitor.received.map((r) => r.data.groupActivity.kind).slice(-4)).toEqual(['THREAD_CREATED', 'POST_ADDED', 'THREAD_LOCKED', 'THREAD_MOVED']);
      expect(JSON.stringify(visitor.received)).not.toContain('activity-secret');
    });

    it('refuses private groups to outsiders (NOT_FOUND) and stops delivering to a member removed from one', async () => {
      const insider = await t.signUp();
      const leaver = await t.signUp();
      const room = await privateGroup(t, root, 'activity-room', [insider, leaver]);
      const outsider = watchGroup(room, (await t.signUp()).accessToken);
      const staying = watchGroup(room, insider.accessToken);
      const leaving = watchGroup(room, leaver.accessToken);
      await until(() => outsider.errors.length + outsider.received.length > 0);
      expect(JSON.stringify([...outsider.errors, ...outsider.received])).toContain('NOT_FOUND');
      await settle();
      await t.db.query(`DELETE FROM forum_group_members WHERE group_id = $1 AND member_id = $2`, [room, leaver.id]);
      await createThread(t, insider, { groupId: room, title: 'Inner plans', body: 'shh' });
      await until(() => staying.received.length > 0);
      await settle();
      expect(staying.received.map((r) => r.data.groupActivity.kind)).toEqual(['THREAD_CREATED']);
      expect(leaving.received).toEqual([]);
    });
  });
});
