/**
 * `npm run bench [-- --scale small|full] [--duration 10] [--connections 50]`
 *
 * Loads a data set into a fresh database, starts the built API (production settings) and a bare
 * Node + pg server, and measures each with autocannon in the same run, so the ratios mean something on a
 * shared, noisy machine. Also counts SQL statements per request from pg_stat_database and reads the API's
 * resident memory. Results: a table on stdout and tests/bench/results/latest.json.
 */
import { spawn, ChildProcess, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { hash, Algorithm } from '@node-rs/argon2';
import {
  adminQuery,
  configuredServerUrl,
  createMigratedDatabase,
  embeddedTestServer,
  withDatabase,
} from '../integration/support/test-database';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const scale = arg('scale', 'small') as 'small' | 'full';
const duration = Number(arg('duration', scale === 'small' ? '3' : '10'));
const connections = Number(arg('connections', '50'));
const SIZES = {
  small: { members: 500, hubs: 20, threads: 1_000, postsPerThread: 10 },
  full: { members: 50_000, hubs: 200, threads: 100_000, postsPerThread: 10 },
}[scale];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function seed(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const passwordHash = await hash('bench-password-2023', { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const started = Date.now();
  await client.query(
    `INSERT INTO members (email, name, password_hash, locale, time_zone)
     SELECT 'member' || g || '@bench.test', 'Member ' || g, $1, (ARRAY['en','id','es','pt'])[1 + g % 4],
            (ARRAY['Asia/Jakarta','America/Lima','America/La_Paz','Africa/Nairobi'])[1 + g % 4]
     FROM generate_series(1, $2::int) g`,
    [passwordHash, SIZES.members],
  );
  await client.query(`INSERT INTO regions (name, slug, time_zone) VALUES ('Bench Region', 'bench-region', 'Asia/Jakarta')`);
  await client.query(
    `INSERT INTO organisations (name, slug, country) SELECT 'Organisation ' || g, 'org-' || g, 'ID' FROM generate_series(1, $1::int) g`,
    [SIZES.hubs],
  );
  await client.query(
    `INSERT INTO hubs (host_organisation_id, name, slug, region_id, country, latitude, longitude, time_zone)
     SELECT o.id, 'Hub ' || o.slug, 'hub-' || o.slug, r.id, 'ID', -6.2 + random(), 106.8 + random(), 'Asia/Jakarta'
     FROM organisations o CROSS JOIN regions r`,
  );
  await client.query(
    `INSERT INTO hub_themes (hub_id, theme_key) SELECT h.id, t.key FROM hubs h CROSS JOIN LATERAL (SELECT key FROM themes ORDER BY key LIMIT 2) t`,
  );
  // The regional forum, with threads whose last activity spreads over a year, and their posts.
  const group = await client.query(
    `INSERT INTO forum_groups (kind, region_id, name, slug, visibility, default_language)
     SELECT 'region', id, 'Bench forum', 'bench-forum', 'public', 'en' FROM regions RETURNING id`,
  );
  const groupId = group.rows[0].id as string;
  await client.query(
    `INSERT INTO forum_threads (group_id, title, author_id, language, reply_count, participant_count, last_activity_at, last_poster_id, created_at)
     SELECT $1, 'Thread ' || g || ': diversifying funding beyond donors', m.id, 'en', $3::int - 1, 2,
            now() - (g || ' minutes')::interval, m.id, now() - (g || ' minutes')::interval
     FROM generate_series(1, $2::int) g
     JOIN members m ON m.email = 'member' || (1 + g % ${SIZES.members}) || '@bench.test'`,
    [groupId, SIZES.threads, SIZES.postsPerThread],
  );
  await client.query(
    `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, created_at)
     SELECT t.id, n, t.author_id, 'Reply ' || n || ' about **financial resilience** and community funds.',
            '<p>Reply ' || n || ' about <strong>financial resilience</strong> and community funds.</p>', 'en', t.created_at
     FROM forum_threads t CROSS JOIN generate_series(1, $1::int) n`,
    [SIZES.postsPerThread],
  );
  await client.query('ANALYZE');
  const { rows } = await client.query(`SELECT id FROM members WHERE email = 'member1@bench.test'`);
  const thread = await client.query(`SELECT id FROM forum_threads ORDER BY last_activity_at DESC LIMIT 1`);
  await client.end();
  return { memberId: rows[0].id as string, groupId, threadId: thread.rows[0].id as string, seconds: (Date.now() - started) / 1000 };
}

function startProcess(cmd: string, argv: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

async function waitFor(url: string, proc: { child: ChildProcess; output: () => string }) {
  for (let i = 0; i < 300; i++) {
    if (proc.child.exitCode !== null) throw new Error(`process exited:\n${proc.output()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready: ${url}\n${proc.output()}`);
}

interface Scenario {
  name: string;
  url: string;
  body?: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
}

async function load(s: Scenario) {
  const result = await autocannon({
    url: s.url,
    method: s.method ?? 'POST',
    body: s.body,
    headers: { 'content-type': 'application/json', ...s.headers },
    connections,
    duration,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${s.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name: s.name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** Statements per request: transactions committed in the bench database while sending `n` requests one by one. */
async function statementsPerRequest(dbUrl: string, s: Scenario, n = 200): Promise<number> {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const read = async () => {
    // Busy backends flush statistics at most once a second, idle ones within 10 s: wait for both.
    await new Promise((r) => setTimeout(r, 11_000));
    const { rows } = await client.query(`SELECT xact_commit::bigint AS c FROM pg_stat_database WHERE datname = current_database()`);
    return Number(rows[0].c);
  };
  const before = await read();
  for (let i = 0; i < n; i++) {
    const res = await fetch(s.url, { method: s.method ?? 'POST', body: s.body, headers: { 'content-type': 'application/json', ...s.headers } });
    await res.arrayBuffer();
  }
  const after = await read();
  await client.end();
  // Our own two reads of pg_stat_database commit too.
  return Math.max(0, (after - before - 1) / n);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function main() {
  console.log(`Anyam bench — scale ${scale}, ${connections} connections, ${duration} s per scenario`);
  const build = spawnSync(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'run', 'api:build', '--outputStyle=static'], {
    cwd: ROOT,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);

  let serverUrl = process.env.BENCH_DATABASE_URL || configuredServerUrl();
  const embedded = serverUrl ? undefined : embeddedTestServer();
  if (embedded) serverUrl = await embedded.start();
  const dbName = `anyam_bench_${randomBytes(4).toString('hex')}`;
  await createMigratedDatabase(serverUrl!, dbName);
  const dbUrl = withDatabase(serverUrl!, dbName);
  const procs: ChildProcess[] = [];
  try {
    const seeded = await seed(dbUrl);
    console.log(
      `Seeded ${SIZES.members} members, ${SIZES.hubs} hubs, ${SIZES.threads} threads and ${SIZES.threads * SIZES.postsPerThread} posts in ${seeded.seconds.toFixed(1)} s`,
    );

    const apiPort = await freePort();
    // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of the API (open it in Chrome DevTools or speedscope).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    const api = startProcess(process.execPath, [...profile, 'dist/api/apps/api/src/main.js'], {
      NODE_ENV: 'production',
      PORT: String(apiPort),
      DATABASE_URL: dbUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      REDIS_URL: '',
    });
    procs.push(api.child);
    const base = startProcess(process.execPath, ['tests/bench/baseline-server.mjs', dbUrl, seeded.memberId], {});
    procs.push(base.child);
    await waitFor(`http://127.0.0.1:${apiPort}/health/ready`, api);
    for (let i = 0; i < 100 && !/^\d+$/m.test(base.output()); i++) await new Promise((r) => setTimeout(r, 100));
    const basePort = Number(base.output().trim());
    if (!basePort) throw new Error(`baseline server did not start:\n${base.output()}`);

    const gqlUrl = `http://127.0.0.1:${apiPort}/graphql`;
    const signIn = await fetch(gqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(input: { email: "member1@bench.test", password: "bench-password-2023" }) { accessToken } }` }),
    }).then((r) => r.json() as Promise<{ data: { signIn: { accessToken: string } } }>);
    const token = signIn.data.signIn.accessToken as string;
    const auth = { authorization: `Bearer ${token}` };
    const hubs = (first: number) =>
      JSON.stringify({ query: `{ hubs(first: ${first}) { edges { node { name slug region { name } themes { key } } } pageInfo { endCursor hasNextPage } } }` });

    const threadList = (first: number, after?: string) =>
      JSON.stringify({
        query: `query($g: ID!, $first: Int, $after: String) { threads(groupId: $g, first: $first, after: $after) { edges { node { id title replyCount lastActivityAt author { name } lastPoster { name } } } pageInfo { endCursor hasNextPage } } }`,
        variables: { g: seeded.groupId, first, after },
      });
    // A cursor deep in the list: walk there once, page by page, as a reader would.
    let deepCursor: string | undefined;
    const deepPage = scale === 'small' ? 40 : 500;
    for (let i = 0; i < deepPage; i++) {
      const page = (await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: threadList(20, deepCursor) }).then((r) =>
        r.json(),
      )) as { data: { threads: { pageInfo: { endCursor: string } } } };
      deepCursor = page.data.threads.pageInfo.endCursor;
    }
    const threadPage = JSON.stringify({
      query: `query($id: ID!) { thread(id: $id) { title author { name } posts(first: 20) { edges { node { id number bodyHtml createdAt author { name } } } } } }`,
      variables: { id: seeded.threadId },
    });

    const scenarios: Scenario[] = [
      { name: 'floor: { __typename }', url: gqlUrl, body: JSON.stringify({ query: '{ __typename }' }) },
      { name: 'me (JWT + DataLoader SELECT)', url: gqlUrl, body: JSON.stringify({ query: '{ me { id name email locale timeZone } }' }), headers: auth },
      { name: 'baseline: node http + pg, same SELECT', url: `http://127.0.0.1:${basePort}/`, method: 'GET' },
      { name: 'hubs(first: 20) with region, themes', url: gqlUrl, body: hubs(20) },
      { name: 'forum: thread list, page 1 (20)', url: gqlUrl, body: threadList(20) },
      { name: `forum: thread list, page ${deepPage + 1}`, url: gqlUrl, body: threadList(20, deepCursor) },
      { name: 'forum: thread with 20 posts', url: gqlUrl, body: threadPage },
    ];
    const results = [];
    for (const s of scenarios) {
      await load({ ...s }); // warm-up (JIT, pools, caches) — same duration, not reported
      results.push(await load(s));
    }
    const sql = {
      me: await statementsPerRequest(dbUrl, scenarios[1]),
      hubs10: await statementsPerRequest(dbUrl, { ...scenarios[3], body: hubs(10) }),
      hubs50: await statementsPerRequest(dbUrl, { ...scenarios[3], body: hubs(50) }),
      threads10: await statementsPerRequest(dbUrl, { ...scenarios[4], body: threadList(10) }),
      threads50: await statementsPerRequest(dbUrl, { ...scenarios[4], body: threadList(50) }),
      thread: await statementsPerRequest(dbUrl, scenarios[6]),
    };
    const rss = rssMb(api.child.pid!);
    const [floor, me, baseline, hubList, threads1, threadsDeep, thread] = results;
    const ratios = {
      meOverFloor: +(me.rps / floor.rps).toFixed(2),
      meOverBaseline: +(me.rps / baseline.rps).toFixed(2),
      hubsOverFloor: +(hubList.rps / floor.rps).toFixed(2),
      threadListOverFloor: +(threads1.rps / floor.rps).toFixed(2),
      deepPageOverPage1: +(threadsDeep.rps / threads1.rps).toFixed(2),
      threadOverFloor: +(thread.rps / floor.rps).toFixed(2),
    };

    console.log('\nscenario                                  req/s    p50 ms   p99 ms');
    for (const r of results) console.log(`${r.name.padEnd(40)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}`);
    console.log(
      `\nratios (same run): me ÷ floor ${ratios.meOverFloor} · me ÷ node+pg ${ratios.meOverBaseline} · hubs ÷ floor ${ratios.hubsOverFloor}` +
        ` · thread list ÷ floor ${ratios.threadListOverFloor} · deep page ÷ page 1 ${ratios.deepPageOverPage1} · thread ÷ floor ${ratios.threadOverFloor}`,
    );
    console.log(
      `SQL statements per request: me ${sql.me.toFixed(2)} · hubs(first:10) ${sql.hubs10.toFixed(2)} · hubs(first:50) ${sql.hubs50.toFixed(2)}` +
        ` · threads(first:10) ${sql.threads10.toFixed(2)} · threads(first:50) ${sql.threads50.toFixed(2)} · thread with 20 posts ${sql.thread.toFixed(2)}`,
    );
    console.log(`API resident memory after the run: ${rss} MB`);

    const out = path.join(ROOT, 'tests/bench/results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, 'latest.json'),
      JSON.stringify({ date: new Date().toISOString(), scale, connections, duration, results, ratios, sql, rssMb: rss }, null, 2),
    );
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await adminQuery(serverUrl!, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    if (embedded) await embedded.stop(true);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
