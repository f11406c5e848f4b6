import { Role, RoleScope } from '@anyam/shared/domain';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import {
  admin,
  code,
  countStatements,
  CREATE_POST,
  CREATE_THREAD,
  createThread,
  groupId,
  hubId,
  privateGroup,
  THREAD,
  THREADS,
} from './forum-support';

describe('forum: groups, threads, posts', () => {
  let t: TestApp;
  let root: TestMember;
  let seaForum: string;
  let reSearchGroup: string;
  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    root = await admin(t);
    seaForum = await groupId(t, 'southeast-asia-forum');
    reSearchGroup = await groupId(t, 're-search-members');
  });
  afterAll(() => t.close());

  describe('groups', () => {
    const GROUPS = `query($filter: GroupFilter) { groups(filter: $filter, first: 50) { edges { node { slug kind visibility viewerCanPost viewerCanModerate } } } }`;

    it('every demo region has its public regional forum; visitors see public groups only', async () => {
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM regions r WHERE NOT EXISTS (SELECT 1 FROM forum_groups g WHERE g.kind = 'region' AND g.region_id = r.id AND g.visibility = 'public')`,
      );
      expect(count).toBe(0);
      const r = await t.gql(GROUPS);
      const slugs = r.data!.groups.edges.map((e: any) => e.node.slug);
      expect(slugs).toEqual(expect.arrayContaining(['southeast-asia-forum', 'andean-region-forum', 'east-africa-forum']));
      expect(slugs).not.toContain('re-search-members');
      expect(r.data!.groups.edges.every((e: any) => e.node.viewerCanPost === false)).toBe(true);
    });

    it('a members-only hub group is read by members of that hub, not by other members', async () => {
      const outsider = await t.signUp();
      const member = await t.signUp();
      await t.grantRole(member, Role.Member, RoleScope.Hub, await hubId(t, 're-search'));
      const q = `query($id: ID!) { group(id: $id) { slug viewerCanPost } }`;
      expect(code(await t.gql(q, { id: reSearchGroup }, { token: outsider.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(q, { id: reSearchGroup }))).toBe('NOT_FOUND');
      expect((await t.gql(q, { id: reSearchGroup }, { token: member.accessToken })).data!.group).toEqual({ slug: 're-search-members', viewerCanPost: true });
      expect((await t.gql(`{ group(slug: "southeast-asia-forum") { id } }`)).data!.group.id).toBe(seaForum);
    });

    it('group needs exactly one of id and slug', async () => {
      expect(code(await t.gql(`{ group { id } }`))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(`query($id: ID!) { group(id: $id, slug: "x") { id } }`, { id: seaForum }))).toBe('BAD_USER_INPUT');
    });

    it('createGroup: admins yes, hub coordinators for their hub, plain members no, bad input rejected', async () => {
      const input = { kind: 'THEME', themeKey: 'governance', name: 'Governance circle', slug: 'governance-circle', visibility: 'MEMBERS', defaultLanguage: 'en' };
      const member = await t.signUp();
      const M = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { slug kind viewerCanModerate } }`;
      expect(code(await t.gql(M, { input }, { token: member.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(M, { input }))).toBe('UNAUTHENTICATED');
      const ok = await t.gql(M, { input }, { token: root.accessToken });
      expect(ok.data!.createGroup).toEqual({ slug: 'governance-circle', kind: 'THEME', viewerCanModerate: true });
      expect(code(await t.gql(M, { input }, { token: root.accessToken }))).toBe('CONFLICT');
      expect((await t.gql(M, { input: { ...input, slug: 'Bad Slug' } }, { token: root.accessToken })).errors![0].extensions!.field).toBe('slug');
      expect((await t.gql(M, { input: { ...input, slug: 'g2', name: ' ' } }, { token: root.accessToken })).errors![0].extensions!.field).toBe('name');
      expect((await t.gql(M, { input: { ...input, slug: 'g3', defaultLanguage: 'not a tag' } }, { token: root.accessToken })).errors![0].extensions!.field).toBe(
        'defaultLanguage',
      );
      expect(code(await t.gql(M, { input: { ...input, slug: 'g4', kind: 'REGION', themeKey: null } }, { token: root.accessToken }))).toBe('BAD_USER_INPUT');
      const [region] = await t.db.query(`SELECT id FROM regions WHERE slug = 'southeast-asia'`);
      expect(code(await t.gql(M, { input: { ...input, slug: 'g5', kind: 'REGION', regionId: region.id } }, { token: root.accessToken }))).toBe('CONFLICT');

      const reachId = await hubId(t, 'reach');
      const coordinator = await t.grantRole(await t.signUp(), Role.Coordinator, RoleScope.Hub, reachId);
      const hubInput = { kind: 'HUB', hubId: reachId, name: 'REACH storytellers', slug: 'reach-storytellers', visibility: 'MEMBERS', defaultLanguage: 'id' };
      expect((await t.gql(M, { input: hubInput }, { token: coordinator.accessToken })).data!.createGroup.viewerCanModerate).toBe(true);
      const otherHub = { ...hubInput, hubId: await hubId(t, 'ananta-fund'), slug: 'ananta-x' };
      expect(code(await t.gql(M, { input: otherHub }, { token: coordinator.accessToken }))).toBe('FORBIDDEN');
    });
  });

  describe('threads and posts', () => {
    it('createThread: a member starts a thread in a public group; visitors and outsiders cannot; bad input is refused', async () => {
      const member = await t.signUp({ locale: 'id' });
      const thread = await createThread(t, member, { groupId: seaForum, title: '  Pendanaan inti  ', body: 'Bagaimana?', tags: ['Pendanaan', 'donor'], themes: ['financial-resilience'] });
      expect(thread).toMatchObject({ title: 'Pendanaan inti', language: 'id', replyCount: 0, participantCount: 1, tags: ['pendanaan', 'donor'], themes: ['financial-resilience'] });
      expect(code(await t.gql(CREATE_THREAD, { input: { groupId: seaForum, title: 'x', body: 'y' } }))).toBe('UNAUTHENTICATED');
      const outsider = await t.signUp();
      expect(code(await t.gql(CREATE_THREAD, { input: { groupId: reSearchGroup, title: 'x', body: 'y' } }, { token: outsider.accessToken }))).toBe('NOT_FOUND');
      for (const [input, field] of [
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ body: '   ' }, 'body'],
        [{ language: 'klingon language' }, 'language'],
        [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
        [{ tags: ['<script>'] }, 'tags'],
        [{ themes: ['no-such-theme'] }, 'themes'],
      ] as const) {
        const fresh = await t.signUp();
        const r = await t.gql(CREATE_THREAD, { input: Object.assign({ groupId: seaForum, title: 'ok', body: 'ok' }, input) }, { token: fresh.accessToken });
        expect([code(r), r.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
      }
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_threads WHERE title = 'ok'`);
      expect(count).toBe(0);
    });

    it('createPost: replies, quotes a post of the same thread only, keeps counters; visitors and outsiders are refused', async () => {
      const asker = await t.signUp();
      const thread = await createThread(t, asker, { groupId: seaForum, title: 'Quoting', body: 'first' });
      const first = (await t.gql(THREAD, { id: thread.id })).data!.thread.posts.edges[0].node;
      const replier = await t.signUp();
      const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: '> first\n\nyes', quotePostId: first.id } }, { token: replier.accessToken });
      expect(r.data!.createPost).toMatchObject({ number: 2, removed: false, author: { id: replier.id }, quotePost: { id: first.id }, thread: { replyCount: 1 } });
      expect(code(await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'hi' } }))).toBe('UNAUTHENTICATED');
      const other = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Other', body: 'other' });
      const otherFirst = (await t.gql(THREAD, { id: other.id })).data!.thread.posts.edges[0].node;
      const r2 = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'x', quotePostId: otherFirst.id } }, { token: (await t.signUp()).accessToken });
      expect([code(r2), r2.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'quotePostId']);
      const r3 = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: ' ' } }, { token: (await t.signUp()).accessToken });
      expect([code(r3), r3.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'body']);
      const r4 = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'x'.repeat(20001) } }, { token: (await t.signUp()).accessToken });
      expect(code(r4)).toBe('BAD_USER_INPUT');
      const view = (await t.gql(THREAD, { id: thread.id })).data!.thread;
      expect(view).toMatchObject({ replyCount: 1, participantCount: 2, lastPoster: { id: replier.id } });
    });

    it('answers a second post within 10 seconds with RATE_LIMITED and the wait', async () => {
      const member = await t.signUp();
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Rate', body: 'limit' });
      expect((await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'one' } }, { token: member.accessToken })).errors).toBeUndefined();
      const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'two' } }, { token: member.accessToken });
      expect(code(r)).toBe('RATE_LIMITED');
      expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(10);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_posts WHERE thread_id = $1`, [thread.id]);
      expect(count).toBe(2);
    });

    it('a retried createPost with the same clientMutationId returns the first post (even inside the rate-limit window)', async () => {
      const member = await t.signUp();
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Idempotent', body: 'once' });
      const input = { threadId: thread.id, body: 'sent on a bad connection', clientMutationId: 'c0ffee-1' };
      const a = await t.gql(CREATE_POST, { input }, { token: member.accessToken });
      const b = await t.gql(CREATE_POST, { input }, { token: member.accessToken });
      expect(b.data!.createPost.id).toBe(a.data!.createPost.id);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_posts WHERE thread_id = $1`, [thread.id]);
      expect(count).toBe(2);
      expect((await t.gql(THREAD, { id: thread.id })).data!.thread.replyCount).toBe(1);
      // Another member may use the same id: keys are per member.
      const c = await t.gql(CREATE_POST, { input }, { token: (await t.signUp()).accessToken });
      expect(c.data!.createPost.id).not.toBe(a.data!.createPost.id);
    });

    it('a retried createThread with the same clientMutationId returns the first thread', async () => {
      const member = await t.signUp();
      const input = { groupId: seaForum, title: 'Sent twice', body: 'on a train', clientMutationId: 'thread-1' };
      const a = await t.gql(CREATE_THREAD, { input }, { token: member.accessToken });
      const b = await t.gql(CREATE_THREAD, { input }, { token: member.accessToken });
      expect(b.data!.createThread.id).toBe(a.data!.createThread.id);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM forum_threads WHERE title = 'Sent twice'`);
      expect(count).toBe(1);
    });

    it('keeps counters equal to count(*) after 10 concurrent replies from different members', async () => {
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Busy thread', body: 'go' });
      const members = await Promise.all(Array.from({ length: 10 }, () => t.signUp()));
      const results = await Promise.all(members.map((m, i) => t.gql(CREATE_POST, { input: { threadId: thread.id, body: `reply ${i}` } }, { token: m.accessToken })));
      expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
      const [row] = await t.db.query(
        `SELECT t.reply_count, t.participant_count, t.last_poster_id, t.last_activity_at = (SELECT max(created_at) FROM forum_posts WHERE thread_id = t.id) AS last_ok,
                (SELECT count(*)::int FROM forum_posts p WHERE p.thread_id = t.id AND p.post_number > 1 AND p.deleted_at IS NULL) AS replies,
                (SELECT count(DISTINCT author_id)::int FROM forum_posts p WHERE p.thread_id = t.id AND p.deleted_at IS NULL) AS participants,
                (SELECT array_agg(post_number ORDER BY post_number) FROM forum_posts p WHERE p.thread_id = t.id) AS numbers,
                (SELECT author_id FROM forum_posts p WHERE p.thread_id = t.id ORDER BY post_number DESC LIMIT 1) AS last_author
           FROM forum_threads t WHERE t.id = $1`,
        [thread.id],
      );
      expect(row).toMatchObject({ reply_count: 10, replies: 10, participant_count: 11, participants: 11, last_ok: true, last_poster_id: row.last_author });
      expect(row.numbers).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    });

    it('editPost keeps the previous body as a revision; only the author or a moderator may edit', async () => {
      const author = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'Edits', body: 'first version' });
      const postId = (await t.gql(THREAD, { id: thread.id })).data!.thread.posts.edges[0].node.id;
      const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id bodyHtml bodyMarkdown editedAt } }`;
      const edited = await t.gql(EDIT, { input: { postId, body: 'second **version**' } }, { token: author.accessToken });
      expect(edited.data!.editPost).toMatchObject({ bodyHtml: '<p>second <strong>version</strong></p>', bodyMarkdown: 'second **version**' });
      expect(edited.data!.editPost.editedAt).toBeTruthy();
      expect(code(await t.gql(EDIT, { input: { postId, body: 'hijack' } }, { token: (await t.signUp()).accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(EDIT, { input: { postId, body: '' } }, { token: author.accessToken }))).toBe('BAD_USER_INPUT');
      await t.gql(EDIT, { input: { postId, body: 'third' } }, { token: root.accessToken });
      const history = await t.gql(`query($id: ID!) { thread(id: $id) { posts { edges { node { bodyMarkdown revisions { editor { id } editedAt previousBodyMarkdown } } } } } }`, {
        id: thread.id,
      });
      const node = history.data!.thread.posts.edges[0].node;
      expect(node.bodyMarkdown).toBe('third');
      expect(node.revisions.map((r: any) => [r.editor.id, r.previousBodyMarkdown])).toEqual([
        [author.id, 'first version'],
        [root.id, 'second **version**'],
      ]);
    });

    it('deletePost soft-deletes: a "removed" placeholder stays, counters follow; strangers cannot', async () => {
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Deletes', body: 'q' });
      const replier = await t.signUp();
      const post = (await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'my secret address' } }, { token: replier.accessToken })).data!.createPost;
      const DEL = `mutation($id: ID!) { deletePost(postId: $id) { id removed bodyHtml bodyMarkdown author { id } } }`;
      expect(code(await t.gql(DEL, { id: post.id }, { token: (await t.signUp()).accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(DEL, { id: post.id }))).toBe('UNAUTHENTICATED');
      const r = await t.gql(DEL, { id: post.id }, { token: replier.accessToken });
      expect(r.data!.deletePost).toMatchObject({ removed: true, bodyMarkdown: null, author: null });
      expect(r.data!.deletePost.bodyHtml).toMatch(/removed/);
      const view = (await t.gql(THREAD, { id: thread.id })).data!.thread;
      expect(view).toMatchObject({ replyCount: 0, participantCount: 1 });
      expect(JSON.stringify(view)).not.toContain('secret');
      expect(view.posts.edges.map((e: any) => e.node.removed)).toEqual([false, true]);
    });

    it('acceptAnswer: the thread author or a moderator; not another member', async () => {
      const asker = await t.signUp();
      const thread = await createThread(t, asker, { groupId: seaForum, title: 'Answer me', body: '?' });
      const answer = (await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'this' } }, { token: (await t.signUp()).accessToken })).data!.createPost;
      const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id isAcceptedAnswer thread { acceptedPostId } } }`;
      expect(code(await t.gql(ACCEPT, { id: answer.id }, { token: (await t.signUp()).accessToken }))).toBe('FORBIDDEN');
      const r = await t.gql(ACCEPT, { id: answer.id }, { token: asker.accessToken });
      expect(r.data!.acceptAnswer).toEqual({ id: answer.id, isAcceptedAnswer: true, thread: { acceptedPostId: answer.id } });
      expect(code(await t.gql(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, { token: asker.accessToken }))).toBe('NOT_FOUND');
    });

    it('pinThread and lockThread: moderators only; a locked thread takes no replies from members', async () => {
      const author = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'Pin me', body: 'p' });
      const PIN = `mutation($id: ID!) { pinThread(threadId: $id) { pinned } }`;
      const LOCK = `mutation($id: ID!, $locked: Boolean) { lockThread(threadId: $id, locked: $locked) { locked viewerCanReply } }`;
      expect(code(await t.gql(PIN, { id: thread.id }, { token: author.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(LOCK, { id: thread.id }, { token: author.accessToken }))).toBe('FORBIDDEN');
      const [region] = await t.db.query(`SELECT id FROM regions WHERE slug = 'southeast-asia'`);
      const moderator = await t.grantRole(await t.signUp(), Role.Moderator, RoleScope.Region, region.id);
      expect((await t.gql(PIN, { id: thread.id }, { token: moderator.accessToken })).data!.pinThread).toEqual({ pinned: true });
      expect((await t.gql(LOCK, { id: thread.id }, { token: moderator.accessToken })).data!.lockThread).toEqual({ locked: true, viewerCanReply: true });
      const r = await t.gql(CREATE_POST, { input: { threadId: thread.id, body: 'too late' } }, { token: (await t.signUp()).accessToken });
      expect(code(r)).toBe('FORBIDDEN');
      const first = (await t.gql(THREADS, { groupId: seaForum, first: 1 })).data!.threads.edges[0].node;
      expect(first).toMatchObject({ id: thread.id, pinned: true });
      await t.gql(LOCK, { id: thread.id, locked: false }, { token: moderator.accessToken });
      await t.gql(`mutation($id: ID!) { pinThread(threadId: $id, pinned: false) { pinned } }`, { id: thread.id }, { token: moderator.accessToken });
    });

    it('renders the OWASP XSS vectors inert through the API', async () => {
      const vectors = [
        `<script>alert(1)</script>`,
        `<img src=x onerror=alert(1)>`,
        `<svg/onload=alert(1)>`,
        `[x](javascript:alert(1))`,
        `[x](&#106;avascript:alert(1))`,
        `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
        `<p style="background:url(javascript:alert(1))">s</p>`,
        `<a href="javascript:alert(1)">a</a>`,
      ];
      const author = await t.signUp();
      const thread = await createThread(t, author, { groupId: seaForum, title: 'XSS', body: vectors.join('\n\n') + '\n\nhttps://example.org' });
      const html: string = (await t.gql(THREAD, { id: thread.id })).data!.thread.posts.edges[0].node.bodyHtml;
      for (const [, tag, attrs] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        expect(['p', 'a', 'br', 'em', 'strong']).toContain(tag);
        for (const [, name, value] of attrs.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
          expect(['href', 'rel']).toContain(name);
          if (name === 'href') expect(value).toMatch(/^https:\/\//);
          if (name === 'rel') expect(value).toBe('nofollow ugc noopener');
        }
      }
      expect(html).toContain('href="https://example.org"');
    });
  });

  describe('private groups never leak', () => {
    let insider: TestMember;
    let outsider: TestMember;
    let privateId: string;
    let privateThread: string;
    beforeAll(async () => {
      insider = await t.signUp();
      outsider = await t.signUp();
      privateId = await privateGroup(t, root, 'safe-room', [insider]);
      privateThread = (await createThread(t, insider, { groupId: privateId, title: 'Rahasia keamanan', body: 'perlindungan aktivis rahasia' })).id;
    });

    it('not through groups, group, threads or thread (same NOT_FOUND as a missing one)', async () => {
      for (const token of [undefined, outsider.accessToken]) {
        const list = await t.gql(`{ groups(first: 50) { edges { node { id } } } }`, {}, { token });
        expect(JSON.stringify(list.data)).not.toContain(privateId);
        expect(code(await t.gql(`query($id: ID!) { group(id: $id) { id } }`, { id: privateId }, { token }))).toBe('NOT_FOUND');
        const threads = await t.gql(THREADS, { groupId: privateId }, { token });
        expect([code(threads), threads.data?.threads ?? null]).toEqual(['NOT_FOUND', null]);
        const missing = await t.gql(THREAD, { id: '00000000-0000-4000-8000-000000000000' }, { token });
        const hidden = await t.gql(THREAD, { id: privateThread }, { token });
        expect(hidden.errors![0]).toEqual({ ...missing.errors![0], path: hidden.errors![0].path });
      }
      expect((await t.gql(THREAD, { id: privateThread }, { token: insider.accessToken })).data!.thread.title).toBe('Rahasia keamanan');
      expect((await t.gql(THREADS, { groupId: privateId }, { token: root.accessToken })).data!.threads.edges).toHaveLength(1);
    });

    it('not through createPost, editPost or acceptAnswer', async () => {
      const post = (await t.gql(THREAD, { id: privateThread }, { token: insider.accessToken })).data!.thread.posts.edges[0].node;
      expect(code(await t.gql(CREATE_POST, { input: { threadId: privateThread, body: 'hi' } }, { token: outsider.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(`mutation($i: EditPostInput!) { editPost(input: $i) { id } }`, { i: { postId: post.id, body: 'x' } }, { token: outsider.accessToken }))).toBe(
        'NOT_FOUND',
      );
      expect(code(await t.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: post.id }, { token: outsider.accessToken }))).toBe('NOT_FOUND');
    });
  });

  describe('thread list', () => {
    it('pages with keyset cursors, newest activity first, and never repeats or skips', async () => {
      const authors = await Promise.all(Array.from({ length: 7 }, () => t.signUp()));
      const group = await privateGroup(t, root, 'paging-room', authors);
      const ids: string[] = [];
      for (const [i, author] of authors.entries()) ids.push((await createThread(t, author, { groupId: group, title: `Thread ${i}`, body: 'b' })).id);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await t.gql(THREADS, { groupId: group, first: 3, after }, { token: root.accessToken })).data!.threads;
        seen.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual([...ids].reverse());
      expect(code(await t.gql(THREADS, { groupId: group, after: 'garbage' }, { token: root.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(THREADS, { groupId: group, first: 0 }, { token: root.accessToken }))).toBe('BAD_USER_INPUT');
    });

    it('sorts by NEWEST (creation) or LATEST_ACTIVITY (last post)', async () => {
      const authors = await Promise.all(Array.from({ length: 3 }, () => t.signUp()));
      const group = await privateGroup(t, root, 'sorting-room', authors);
      const older = await createThread(t, authors[0], { groupId: group, title: 'Older', body: 'o' });
      const newer = await createThread(t, authors[1], { groupId: group, title: 'Newer', body: 'n' });
      await t.gql(CREATE_POST, { input: { threadId: older.id, body: 'bump' } }, { token: authors[2].accessToken });
      const ids = async (sort: string) => (await t.gql(THREADS, { groupId: group, sort }, { token: root.accessToken })).data!.threads.edges.map((e: any) => e.node.id);
      expect(await ids('LATEST_ACTIVITY')).toEqual([older.id, newer.id]);
      expect(await ids('NEWEST')).toEqual([newer.id, older.id]);
    });

    it('uses the same number of SQL statements for 10 and 50 threads (≤ 3)', async () => {
      const group = await privateGroup(t, root, 'counting-room');
      const authors = await Promise.all(Array.from({ length: 10 }, () => t.signUp()));
      await t.db.query(
        `INSERT INTO forum_threads (group_id, title, author_id, language, participant_count, last_poster_id)
         SELECT $1, 'Thread ' || i, ($2::uuid[])[1 + i % 10], 'en', 1, ($2::uuid[])[1 + (i + 3) % 10] FROM generate_series(1, 60) i`,
        [group, authors.map((a) => a.id)],
      );
      const counts: Record<number, number> = {};
      for (const first of [10, 50]) {
        const { result, statements } = await countStatements(() => t.gql(THREADS, { groupId: group, first }, { token: root.accessToken }));
        expect(result.data!.threads.edges).toHaveLength(first);
        counts[first] = statements.length;
      }
      console.log(`thread list SQL statements per request: 10 items → ${counts[10]}, 50 items → ${counts[50]}`);
      expect(counts[10]).toBe(counts[50]);
      expect(counts[50]).toBeLessThanOrEqual(3);
    });

    it('opens a thread with 20 posts and their authors in ≤ 4 statements', async () => {
      const thread = await createThread(t, await t.signUp(), { groupId: seaForum, title: 'Long', body: 'start' });
      const authors = await Promise.all(Array.from({ length: 5 }, () => t.signUp()));
      await t.db.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language)
         SELECT $1, i, ($2::uuid[])[1 + i % 5], 'r' || i, '<p>r' || i || '</p>', 'en' FROM generate_series(2, 21) i`,
        [thread.id, authors.map((a) => a.id)],
      );
      const Q = `query($id: ID!) { thread(id: $id) { title author { name } lastPoster { name } posts(first: 20) { edges { node { number bodyHtml author { name } } } } } }`;
      const { result, statements } = await countStatements(() => t.gql(Q, { id: thread.id }));
      expect(result.data!.thread.posts.edges).toHaveLength(20);
      console.log(`thread page (20 posts) SQL statements per request: ${statements.length}`);
      expect(statements.length).toBeLessThanOrEqual(4);
    });
  });
});
