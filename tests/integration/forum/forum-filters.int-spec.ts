import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { admin, code, createThread, CREATE_POST, SEARCH } from './forum-support';

const THREADS = `query($groupId: ID!, $filter: ThreadFilter) { threads(groupId: $groupId, filter: $filter) { edges { node { title } } } }`;
const titles = (r: any) => r.data.threads.edges.map((e: any) => e.node.title).sort();

/** `threads(filter)` and `search(filter)`: every condition narrows, bad values are refused by name. */
describe('forum filters', () => {
  let t: TestApp;
  let group: string;
  let [ayu, beto, cora, dani]: TestMember[] = [];
  let answered: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    const root = await admin(t);
    const g = await t.gql(
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
      { input: { kind: 'THEME', themeKey: 'financial-resilience', name: 'Filter test', slug: 'filter-test', visibility: 'PUBLIC', defaultLanguage: 'en' } },
      { token: root.accessToken },
    );
    group = g.data!.createGroup.id;
    [ayu, beto, cora, dani] = [await t.signUp(), await t.signUp({ locale: 'es' }), await t.signUp(), await t.signUp()];
    await createThread(t, ayu, { groupId: group, title: 'Dana abadi', body: 'Tentang kelapasawit dan dana abadi', language: 'id', themes: ['financial-resilience'], tags: ['dana'] });
    await createThread(t, beto, { groupId: group, title: 'Propuestas', body: 'Escribir propuestas sobre kelapasawit', language: 'es', tags: ['grant-writing'] });
    answered = await createThread(t, cora, { groupId: group, title: 'Reserves', body: 'How big should reserves be?', language: 'en' });
    const reply = await t.gql(CREATE_POST, { input: { threadId: answered.id, body: 'Three months of costs.' } }, { token: dani.accessToken });
    await t.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: reply.data!.createPost.id }, { token: cora.accessToken });
    // Dani has read the whole of "Reserves" (her own reply is its last post), nothing else.
    await t.gql(`mutation($t: ID!, $p: ID!) { markThreadRead(threadId: $t, postId: $p) { id } }`, { t: answered.id, p: reply.data!.createPost.id }, { token: dani.accessToken });
  });
  afterAll(() => t.close());

  const list = (filter: object, token?: string) => t.gql(THREADS, { groupId: group, filter }, { token });

  it('narrows the thread list by theme, tag, language, author, unanswered and unread', async () => {
    expect(titles(await list({}))).toEqual(['Dana abadi', 'Propuestas', 'Reserves']);
    expect(titles(await list({ themeKey: 'financial-resilience' }))).toEqual(['Dana abadi']);
    expect(titles(await list({ tag: 'Grant-Writing' }))).toEqual(['Propuestas']);
    expect(titles(await list({ language: 'ES' }))).toEqual(['Propuestas']);
    expect(titles(await list({ authorId: ayu.id }))).toEqual(['Dana abadi']);
    expect(titles(await list({ unanswered: true }))).toEqual(['Dana abadi', 'Propuestas']);
    expect(titles(await list({ unread: true }, dani.accessToken))).toEqual(['Dana abadi', 'Propuestas']);
    expect(titles(await list({ unanswered: true, language: 'id' }))).toEqual(['Dana abadi']);
    expect(titles(await list({ themeKey: 'collective-care' }))).toEqual([]);
  });

  it('refuses bad thread filters by name', async () => {
    const visitorUnread = await list({ unread: true });
    expect(visitorUnread.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unread' });
    expect((await list({ tag: 'not a tag!' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
    expect((await list({ language: 'english please' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    expect((await list({ authorId: 'someone' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authorId' });
    expect((await list({ themeKey: 'DROP TABLE' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'themeKey' });
  });

  it('narrows search by group, theme, author and period', async () => {
    const search = (filter: object) => t.gql(SEARCH, { query: 'kelapasawit', filter });
    const found = (r: any) => r.data.search.edges.map((e: any) => e.node.post.thread.title).sort();
    expect(found(await search({ groupId: group }))).toEqual(['Dana abadi', 'Propuestas']);
    expect(found(await search({ groupId: group, themeKey: 'financial-resilience' }))).toEqual(['Dana abadi']);
    expect(found(await search({ groupId: group, authorId: beto.id }))).toEqual(['Propuestas']);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(found(await search({ groupId: group, from: hourAgo }))).toEqual(['Dana abadi', 'Propuestas']);
    expect(found(await search({ groupId: group, to: hourAgo }))).toEqual([]);
    const backwards = await search({ from: new Date().toISOString(), to: hourAgo });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(code(await search({ authorId: 'x' }))).toBe('BAD_USER_INPUT');
  });
});
