import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { admin, code, createThread, CREATE_POST, groupId, privateGroup, SEARCH } from './forum-support';

describe('forum search', () => {
  let t: TestApp;
  let root: TestMember;
  let insider: TestMember;
  let seaForum: string;
  let andeanForum: string;
  let indonesianThread: string;
  let spanishThread: string;
  let privateThread: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await admin(t);
    insider = await t.signUp();
    // A fresh database: the regional forums come from createGroup here (demo data is tested elsewhere).
    const regions: { id: string; slug: string }[] = await t.db.query(`SELECT id, slug FROM regions`);
    const M = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;
    if (regions.length === 0) {
      await t.db.query(`INSERT INTO regions (name, slug, time_zone) VALUES ('Southeast Asia', 'southeast-asia', 'Asia/Jakarta'), ('Andean Region', 'andean-region', 'America/Lima')`);
      regions.push(...(await t.db.query(`SELECT id, slug FROM regions`)));
    }
    for (const [slug, lang] of [
      ['southeast-asia', 'id'],
      ['andean-region', 'es'],
    ]) {
      const region = regions.find((r) => r.slug === slug)!;
      const r = await t.gql(M, { input: { kind: 'REGION', regionId: region.id, name: slug, slug: `${slug}-forum`, visibility: 'PUBLIC', defaultLanguage: lang } }, { token: root.accessToken });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
    seaForum = await groupId(t, 'southeast-asia-forum');
    andeanForum = await groupId(t, 'andean-region-forum');
    indonesianThread = (
      await createThread(t, await t.signUp({ locale: 'id' }), {
        groupId: seaForum,
        title: 'Strategi pendanaan organisasi',
        body: 'Kami mencari cara menjaga keberlanjutan program tanpa donor besar.',
      })
    ).id;
    spanishThread = (
      await createThread(t, await t.signUp({ locale: 'es' }), {
        groupId: andeanForum,
        title: 'Alianzas entre organizaciones',
        body: 'Las organizaciones comunitarias comparten servicios contables.',
      })
    ).id;
    await t.gql(CREATE_POST, { input: { threadId: spanishThread, body: 'Nosotros también: una red de cooperativas con pendanaan propia.' } }, { token: (await t.signUp()).accessToken });
    const room = await privateGroup(t, root, 'private-search-room', [insider]);
    privateThread = (await createThread(t, insider, { groupId: room, title: 'Pendanaan darurat rahasia', body: 'Dana darurat untuk pembela HAM.', language: 'id' })).id;
  });
  afterAll(() => t.close());

  const search = async (query: string, token?: string, extra: Record<string, unknown> = {}) => {
    const r = await t.gql(SEARCH, { query, ...extra }, { token });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.search;
  };
  const threadIds = (s: any) => s.edges.map((e: any) => e.node.post.thread.id);

  it('finds "pendanaan" by "dana" and "keberlanjutan" by "lanjut" with the Indonesian stemmer', async () => {
    expect(threadIds(await search('dana'))).toContain(indonesianThread);
    expect(threadIds(await search('lanjut'))).toContain(indonesianThread);
  });

  it('finds "organizaciones" by "organización" with the Spanish stemmer', async () => {
    const hits = await search('organización');
    expect(threadIds(hits)).toContain(spanishThread);
  });

  it('highlights the match in a sanitised snippet and ranks a title match above a body match', async () => {
    const hits = await search('pendanaan');
    const nodes = hits.edges.map((e: any) => e.node);
    expect(nodes[0].post.thread.id).toBe(indonesianThread); // title (A) + body
    expect(nodes[0].snippet).toContain('<mark>pendanaan</mark>');
    expect(nodes[0].rank).toBeGreaterThan(nodes.at(-1).rank);
  });

  it('escapes markup in snippets', async () => {
    const author = await t.signUp();
    await createThread(t, author, { groupId: seaForum, title: 'Markup', body: 'kampanye <img src=x onerror=alert(1)> advokasi' });
    const hit = (await search('kampanye')).edges[0].node;
    expect(hit.snippet).not.toMatch(/<img/);
    expect(hit.snippet).toContain('&lt;img');
  });

  it('filters by group', async () => {
    const hits = await search('pendanaan', undefined, { filter: { groupId: andeanForum } });
    expect(threadIds(hits)).toEqual([spanishThread]);
  });

  it('never returns posts of a private group to visitors or outsiders, but does to its members', async () => {
    const outsider = await t.signUp();
    for (const token of [undefined, outsider.accessToken]) {
      expect(threadIds(await search('darurat', token))).not.toContain(privateThread);
      expect(threadIds(await search('pendanaan', token))).not.toContain(privateThread);
      expect(threadIds(await search('darurat', token, { filter: { groupId: await groupId(t, 'private-search-room') } }))).toEqual([]);
    }
    expect(threadIds(await search('darurat', insider.accessToken))).toContain(privateThread);
  });

  it('pages with a keyset cursor without repeats', async () => {
    for (let i = 0; i < 4; i++) await createThread(t, await t.signUp(), { groupId: seaForum, title: `Kolaborasi ${i}`, body: 'kolaborasi lintas hub' });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await search('kolaborasi', undefined, { first: 2, after });
      seen.push(...page.edges.map((e: any) => e.node.post.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('rejects an empty or overlong query with BAD_USER_INPUT', async () => {
    expect(code(await t.gql(SEARCH, { query: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SEARCH, { query: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SEARCH, { query: 'dana', after: 'nope' }))).toBe('BAD_USER_INPUT');
  });

  it('a common word (thousands of posts) takes the broad query shape: same rules, ranks and keyset pages', async () => {
    const author = await t.signUp();
    const room = await privateGroup(t, root, 'broad-search-room', [insider]);
    for (const [group, n] of [
      [seaForum, 2400],
      [room, 600],
    ] as const) {
      const [thread] = await t.db.query(
        `INSERT INTO forum_threads (group_id, title, author_id, language, participant_count) VALUES ($1, 'Koperasi', $2, 'id', 1) RETURNING id`,
        [group, author.id],
      );
      await t.db.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language)
         SELECT $1, i, $2, 'koperasi ' || repeat('koperasi ', i % 3) || 'nomor ' || i, '<p>x</p>', 'id' FROM generate_series(1, $3::int) i`,
        [thread.id, author.id, n],
      );
    }
    await t.db.query(`ANALYZE forum_posts`);
    const [plan] = await t.db.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM forum_posts p WHERE p.search_vector @@ websearch_to_tsquery('indonesian', 'koperasi')`);
    expect(plan['QUERY PLAN'][0].Plan['Plan Rows']).toBeGreaterThan(2000);
    const seen: string[] = [];
    const ranks: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const r: any = await search('koperasi', undefined, { first: 50, after });
      for (const e of r.edges) {
        seen.push(e.node.post.id);
        ranks.push(e.node.rank);
        expect(e.node.post.thread.group.slug).toBe('southeast-asia-forum');
      }
      after = r.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(150);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const mine = await search('koperasi', insider.accessToken, { first: 50, filter: { groupId: room } });
    expect(mine.edges).toHaveLength(50);
  });
});
