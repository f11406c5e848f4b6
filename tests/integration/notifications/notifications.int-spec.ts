import * as fs from 'node:fs';
import WebSocket from 'ws';
import { createClient, Client } from 'graphql-ws';
import { DigestService, NotificationInput, NotificationsService } from '@anyam/server/notifications';
import { latestMail, startTestApp, TestApp, TestMember } from '../support/test-app';

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind url data { key value } actor { id name } readAt } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;
const SETTINGS = `query { notificationSettings { emailDigest } }`;
const UPDATE_SETTINGS = `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { emailDigest } }`;

describe('notifications', () => {
  let t: TestApp;
  let service: NotificationsService;
  let digest: DigestService;
  let kindCounter = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBS_POLL_SECONDS: '0.5' } });
    service = t.app.get(NotificationsService);
    digest = t.app.get(DigestService);
  });
  afterAll(() => t.close());

  /** Write notifications as a domain does: in a transaction, published after commit. */
  async function notify(items: NotificationInput[]) {
    const pending = await t.db.transaction((tx) => service.notify(tx, items));
    await pending.publish();
    return pending.created;
  }
  const reply = (to: TestMember, from: TestMember | null, n: number, extra: Partial<NotificationInput> = {}): NotificationInput => ({
    memberId: to.id,
    kind: 'forum.reply',
    data: { threadTitle: `Dana abadi ${n}`, count: n, missing: null },
    url: `/forum/t/${n}`,
    actorId: from?.id ?? null,
    ...extra,
  });

  it('lists my notifications newest first with keyset pages, and counts the unread', async () => {
    const [me, other] = [await t.signUp(), await t.signUp()];
    for (let n = 1; n <= 5; n++) await notify([reply(me, other, n)]);
    await notify([reply(other, me, 99)]);

    const first = await t.gql(LIST, { first: 3 }, { token: me.accessToken });
    expect(first.errors).toBeUndefined();
    expect(first.data.unreadNotificationCount).toBe(5);
    const page1 = first.data.notifications;
    expect(page1.edges.map((e: any) => e.node.url)).toEqual(['/forum/t/5', '/forum/t/4', '/forum/t/3']);
    expect(page1.edges[0].node).toMatchObject({
      kind: 'forum.reply',
      data: [
        { key: 'count', value: '5' },
        { key: 'missing', value: null },
        { key: 'threadTitle', value: 'Dana abadi 5' },
      ],
      actor: { id: other.id, name: other.name },
      readAt: null,
    });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(LIST, { first: 3, after: page1.pageInfo.endCursor }, { token: me.accessToken });
    expect(second.data.notifications.edges.map((e: any) => e.node.url)).toEqual(['/forum/t/2', '/forum/t/1']);
    expect(second.data.notifications.pageInfo.hasNextPage).toBe(false);
  });

  it('marks chosen notifications or all of them read, never another member’s', async () => {
    const [me, other] = [await t.signUp(), await t.signUp()];
    const mine = await notify([reply(me, other, 1), reply(me, other, 2), reply(me, other, 3)]);
    const [theirs] = await notify([reply(other, me, 4)]);

    const one = await t.gql(MARK, { ids: [mine[0].id, theirs.id] }, { token: me.accessToken });
    expect(one.data.markNotificationsRead).toBe(1);
    expect((await t.gql(LIST, { unreadOnly: true }, { token: me.accessToken })).data.notifications.edges).toHaveLength(2);
    expect((await t.gql(LIST, {}, { token: other.accessToken })).data.unreadNotificationCount).toBe(1);

    const all = await t.gql(MARK, { all: true }, { token: me.accessToken });
    expect(all.data.markNotificationsRead).toBe(2);
    expect((await t.gql(LIST, {}, { token: me.accessToken })).data.unreadNotificationCount).toBe(0);
  });

  it('never tells a member of their own action, and a repeated dedupe key is written once', async () => {
    const me = await t.signUp();
    expect(await notify([reply(me, me, 1)])).toHaveLength(0);
    expect(await notify([reply(me, null, 2, { dedupeKey: 'reminder:x:1d' })])).toHaveLength(1);
    expect(await notify([reply(me, null, 3, { dedupeKey: 'reminder:x:1d' })])).toHaveLength(0);
    expect((await t.gql(LIST, {}, { token: me.accessToken })).data.unreadNotificationCount).toBe(1);
  });

  it('writes nothing when the domain’s transaction rolls back', async () => {
    const me = await t.signUp();
    await t.db
      .transaction(async (tx) => {
        await service.notify(tx, [reply(me, null, 1)]);
        throw new Error('the reply failed');
      })
      .catch(() => undefined);
    expect((await t.gql(LIST, {}, { token: me.accessToken })).data.unreadNotificationCount).toBe(0);
  });

  it('refuses visitors and bad input, changing nothing', async () => {
    const me = await t.signUp();
    await notify([reply(me, null, 1)]);
    const visitor = await t.gql(LIST, {});
    expect(visitor.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const nothing = await t.gql(MARK, {}, { token: me.accessToken });
    expect(nothing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const badId = await t.gql(MARK, { ids: ['not-a-uuid'] }, { token: me.accessToken });
    expect(badId.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(LIST, { after: 'bm9wZQ' }, { token: me.accessToken });
    expect(badCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const zero = await t.gql(LIST, { first: 0 }, { token: me.accessToken });
    expect(zero.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(LIST, {}, { token: me.accessToken })).data.unreadNotificationCount).toBe(1);
  });

  it('delivers a new notification live to its member only', async () => {
    const [me, other] = [await t.signUp(), await t.signUp()];
    const clients: Client[] = [];
    const listen = (token: string) => {
      const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
      clients.push(client);
      const got: any[] = [];
      client.subscribe({ query: `subscription { notificationAdded { id kind url actor { id } } }` }, { next: (v) => got.push(v), error: (e) => got.push({ error: e }), complete: () => undefined });
      return got;
    };
    try {
      const mine = listen(me.accessToken);
      const theirs = listen(other.accessToken);
      await new Promise((r) => setTimeout(r, 400));
      const [created] = await notify([reply(me, other, 7)]);
      for (let i = 0; i < 60 && mine.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
      expect(mine).toEqual([{ data: { notificationAdded: { id: created.id, kind: 'forum.reply', url: '/forum/t/7', actor: { id: other.id } } } }]);
      expect(theirs).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('switches the e-mail digest off and on', async () => {
    const me = await t.signUp();
    expect((await t.gql(SETTINGS, {}, { token: me.accessToken })).data.notificationSettings).toEqual({ emailDigest: true });
    const off = await t.gql(UPDATE_SETTINGS, { input: { emailDigest: false } }, { token: me.accessToken });
    expect(off.data.updateNotificationSettings).toEqual({ emailDigest: false });
    expect((await t.gql(SETTINGS, {}, { token: me.accessToken })).data.notificationSettings).toEqual({ emailDigest: false });
    expect((await t.gql(SETTINGS, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('mails a daily digest at 07:00 in the member’s zone and language, once, and not when switched off', async () => {
    const kind = `test.digest_${'abcdefgh'[kindCounter++]}`;
    service.registerKind(kind, { line: (data, locale) => (locale === 'id' ? `Balasan baru di “${data.threadTitle}”` : `New reply in “${data.threadTitle}”`) });
    const sari = await t.signUp({ locale: 'id', timeZone: 'Asia/Jakarta' });
    const quiet = await t.signUp({ locale: 'id', timeZone: 'Asia/Jakarta' });
    await t.gql(UPDATE_SETTINGS, { input: { emailDigest: false } }, { token: quiet.accessToken });
    const lima = await t.signUp({ locale: 'es', timeZone: 'America/Lima' });
    for (const m of [sari, quiet, lima]) await notify([{ memberId: m.id, kind, data: { threadTitle: 'Pendanaan' }, url: '/forum/t/1' }]);

    // 00:00 UTC is 07:00 in Jakarta and 19:00 the day before in Lima.
    const due = await digest.tick(new Date('2026-11-28T00:00:00Z'));
    expect(due).toContain(sari.id);
    expect(due).not.toContain(quiet.id);
    expect(due).not.toContain(lima.id);
    let mail = null;
    for (let i = 0; i < 80 && !mail; i++) {
      await new Promise((r) => setTimeout(r, 100));
      mail = latestMail(t.mailDir, sari.email);
    }
    expect(mail).not.toBeNull();
    expect(mail!.subject).toBe('Anyam: 1 pemberitahuan baru');
    expect(mail!.text).toContain('Balasan baru di “Pendanaan”');
    expect(mail!.text).toContain(`${t.config.publicUrl}/forum/t/1`);
    expect(mail!.text).toContain(`${t.config.publicUrl}/notifications`);

    // Nothing new: a second run mails nothing more.
    expect(await digest.sendDigest(sari.id)).toBe(0);
    const files = fs.readdirSync(t.mailDir).filter((f) => f.endsWith('.txt') && f.includes(sari.email.replace(/[^a-zA-Z0-9@._-]/g, '_')));
    expect(files).toHaveLength(1);
    expect(await digest.sendDigest(quiet.id)).toBe(0);
    expect(latestMail(t.mailDir, quiet.email)).toBeNull();
  });
});
