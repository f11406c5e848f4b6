/**
 * `node -r @swc-node/register tests/bench/forum-search-dataset.ts [--posts 100000] [--runs 25] [--keep] [--reuse <database>]`
 *
 * Forum search latency on a generated data set: a fresh migrated database (TEST_DATABASE_URL or
 * BENCH_DATABASE_URL server) gets four public regional forums (Indonesian, Spanish, Portuguese, English)
 * and one private group, 10 posts per thread, bodies of ~40 words drawn from per-language vocabularies
 * with a Zipf-like skew (so some words are in a large share of the posts) plus a long tail of rare
 * pseudo-words. The real API answers `search` over HTTP, serially, as a visitor and as a signed-in
 * member; each query runs `--runs` times after one warm-up. Prints median and p95 per query and the
 * share of posts that match it. `--keep` leaves the database; `--reuse` measures one kept earlier (after
 * migrating it, e.g. to compare query shapes on the same data).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@anyam/server/core';
import { createApp } from '../../apps/api/src/bootstrap';
import { adminQuery, configuredServerUrl, createMigratedDatabase, withDatabase } from '../integration/support/test-database';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const POSTS = Number(arg('posts', '100000'));
const RUNS = Number(arg('runs', '25'));
const KEEP = args.includes('--keep');
const PER_THREAD = 10;

const VOCAB: Record<string, string[]> = {
  id: `dana pendanaan organisasi masyarakat program kegiatan anggota pelatihan relawan keberlanjutan donor hibah laporan keuangan
    anggaran komunitas desa advokasi kebijakan pemerintah kerja sama jaringan strategi evaluasi pemantauan perempuan pemuda anak
    pendidikan kesehatan lingkungan hutan air pertanian nelayan bencana pengurangan risiko hak asasi manusia hukum bantuan
    penggalangan usaha sosial koperasi pasar produk pelayanan data digital keamanan privasi media kampanye pertemuan diskusi
    modul belajar fasilitator koordinator wilayah pulau kota kabupaten provinsi nasional internasional mitra lembaga yayasan`.split(/\s+/),
  es: `organización organizaciones financiamiento fondos donantes comunidad comunidades proyecto proyectos voluntarios capacitación
    sostenibilidad informe informes presupuesto gobierno política políticas incidencia red redes estrategia evaluación monitoreo
    mujeres jóvenes niñez educación salud ambiente bosque agua agricultura pesca desastres riesgo derechos humanos ley apoyo
    recaudación empresa social cooperativa mercado producto servicio datos digital seguridad privacidad medios campaña reunión
    debate módulo aprendizaje facilitadora coordinadora región ciudad municipio provincia nacional internacional aliados fundación`.split(/\s+/),
  pt: `organização organizações financiamento recursos doadores comunidade comunidades projeto projetos voluntários formação
    sustentabilidade relatório relatórios orçamento governo política políticas incidência rede redes estratégia avaliação monitoramento
    mulheres jovens infância educação saúde ambiente floresta água agricultura pesca desastres risco direitos humanos lei apoio
    captação empresa social cooperativa mercado produto serviço dados digital segurança privacidade mídia campanha reunião
    debate módulo aprendizagem facilitadora coordenadora região cidade município estado nacional internacional parceiros fundação`.split(/\s+/),
  en: `organisation organisations funding funds donors community communities project projects volunteers training
    sustainability report reports budget government policy policies advocacy network networks strategy evaluation monitoring
    women youth children education health environment forest water agriculture fishing disasters risk human rights law support
    fundraising enterprise social cooperative market product service data digital security privacy media campaign meeting
    discussion module learning facilitator coordinator region city district province national international partners foundation`.split(/\s+/),
};
const LANGS = ['id', 'es', 'pt', 'en'];

/** Deterministic pseudo-random numbers (the same data set every run). */
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
/** Zipf-like pick: index ~ floor(n * u^2.2) favours the first words. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(rand(), 2.2)));
const syllables = ['ka', 'ri', 'mo', 'tu', 'le', 'sa', 'no', 'pi', 'ga', 've', 'lo', 'du', 'xe', 'bra', 'tin', 'quo'];
const rareWord = () => Array.from({ length: 3 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join('');

function body(lang: string): string {
  const vocab = VOCAB[lang];
  const words: string[] = [];
  const n = 25 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) words.push(rand() < 0.08 ? rareWord() : vocab[zipf(vocab.length)]);
  return words.join(' ');
}

const QUERIES: { label: string; query: string; kind: 'common' | 'medium' | 'rare' | 'phrase' }[] = [
  { label: 'id common', query: 'dana', kind: 'common' },
  { label: 'id common (inflected)', query: 'pendanaan', kind: 'common' },
  { label: 'es common', query: 'organización', kind: 'common' },
  { label: 'pt common', query: 'organização', kind: 'common' },
  { label: 'en common', query: 'community', kind: 'common' },
  { label: 'en medium', query: 'fundraising', kind: 'medium' },
  { label: 'es medium', query: 'cooperativa mercado', kind: 'medium' },
  { label: 'rare pseudo-word', query: 'karimotu', kind: 'rare' },
  { label: 'phrase', query: '"human rights"', kind: 'phrase' },
  { label: 'no match', query: 'zzyzxqv', kind: 'rare' },
];

const SEARCH = `query($query: String!, $first: Int) { search(query: $query, first: $first) { edges { node { rank snippet post { id number } } } pageInfo { hasNextPage } } }`;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

async function seedData(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const started = Date.now();
  await c.query(
    `INSERT INTO members (email, name, password_hash, locale, time_zone)
     SELECT 'searcher' || g || '@bench.test', 'Searcher ' || g, 'x', (ARRAY['en','id','es','pt'])[1 + g % 4], 'Asia/Jakarta' FROM generate_series(1, 2000) g`,
  );
  const members: string[] = (await c.query(`SELECT id FROM members ORDER BY email`)).rows.map((r) => r.id);
  const groups: Record<string, string> = {};
  for (const lang of LANGS) {
    const region = await c.query(`INSERT INTO regions (name, slug, time_zone) VALUES ($1, $2, 'UTC') RETURNING id`, [`Search ${lang}`, `search-${lang}`]);
    const g = await c.query(
      `INSERT INTO forum_groups (kind, region_id, name, slug, visibility, default_language) VALUES ('region', $1, $2, $3, 'public', $4) RETURNING id`,
      [region.rows[0].id, `Search forum ${lang}`, `search-forum-${lang}`, lang],
    );
    groups[lang] = g.rows[0].id;
  }
  const priv = await c.query(
    `INSERT INTO forum_groups (kind, theme_key, name, slug, visibility, default_language)
     SELECT 'theme', key, 'Private search', 'private-search', 'private', 'en' FROM themes ORDER BY key LIMIT 1 RETURNING id`,
  );
  const threads = POSTS / PER_THREAD;
  const BATCH = 1000;
  for (let start = 0; start < threads; start += BATCH) {
    const titles: string[] = [];
    const langs: string[] = [];
    const groupIds: string[] = [];
    const authors: string[] = [];
    for (let i = start; i < Math.min(threads, start + BATCH); i++) {
      const lang = LANGS[i % 4];
      langs.push(lang);
      // One thread in 20 is in the private group (its posts must never show to outsiders).
      groupIds.push(i % 20 === 19 ? priv.rows[0].id : groups[lang]);
      titles.push(body(lang).split(' ').slice(0, 6).join(' '));
      authors.push(members[Math.floor(rand() * members.length)]);
    }
    const inserted = await c.query(
      `INSERT INTO forum_threads (group_id, title, author_id, language, reply_count, participant_count, last_poster_id)
       SELECT g, t, a, l, ${PER_THREAD - 1}, 1, a FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[]) AS x(g, t, a, l) RETURNING id, language`,
      [groupIds, titles, authors, langs],
    );
    const tIds: string[] = [];
    const nums: number[] = [];
    const pAuthors: string[] = [];
    const bodies: string[] = [];
    const pLangs: string[] = [];
    for (const row of inserted.rows) {
      for (let n = 1; n <= PER_THREAD; n++) {
        tIds.push(row.id);
        nums.push(n);
        pAuthors.push(members[Math.floor(rand() * members.length)]);
        bodies.push(body(row.language));
        pLangs.push(row.language);
      }
    }
    await c.query(
      `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language)
       SELECT t, n, a, b, '<p>' || b || '</p>', l FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[]) AS x(t, n, a, b, l)`,
      [tIds, nums, pAuthors, bodies, pLangs],
    );
  }
  await c.query(`ANALYZE`);
  const [{ count }] = (await c.query(`SELECT count(*)::int AS count FROM forum_posts`)).rows;
  console.log(`seeded ${count} posts in ${threads} threads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await c.end();
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL || configuredServerUrl();
  if (!serverUrl) throw new Error('Set TEST_DATABASE_URL or BENCH_DATABASE_URL to a PostgreSQL server.');
  const reuse = arg('reuse', '');
  const dbName = reuse || `anyam_search_${randomBytes(4).toString('hex')}`;
  if (!reuse) await createMigratedDatabase(serverUrl, dbName);
  const url = withDatabase(serverUrl, dbName);
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyam-bench-mail-'));
  try {
    if (!reuse) await seedData(url);
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: url,
      SEED_DEMO_DATA: 'false',
      MAIL_DIR: mailDir,
      LOG_LEVEL: 'silent',
      TRUST_PROXY: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'http://127.0.0.1',
    } as Record<string, string>);
    const app = await createApp(config, { webDist: path.join(os.tmpdir(), 'anyam-no-web') });
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const signUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: `bench-searcher-${randomBytes(3).toString('hex')}@bench.test`, password: 'correct horse battery', name: 'Bench Searcher', locale: 'en', timeZone: 'UTC' },
    });
    const token = signUp.data?.signUp?.accessToken as string;
    const c = new Client({ connectionString: url });
    await c.connect();
    const results: Record<string, unknown>[] = [];
    for (const q of QUERIES) {
      const cfgs = ['indonesian', 'spanish', 'portuguese', 'english', 'simple'].map((cfg) => `websearch_to_tsquery('${cfg}', $1)`).join(' || ');
      const [{ share }] = (await c.query(`SELECT round(100.0 * count(*) / ${POSTS}, 1)::float AS share FROM forum_posts p WHERE p.search_vector @@ (${cfgs})`, [q.query])).rows;
      for (const who of ['visitor', 'member'] as const) {
        const t = who === 'member' ? token : undefined;
        const warm = await gql(SEARCH, { query: q.query, first: 20 }, t);
        if (warm.errors) throw new Error(JSON.stringify(warm.errors));
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const s = process.hrtime.bigint();
          await gql(SEARCH, { query: q.query, first: 20 }, t);
          times.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
        times.sort((a, b) => a - b);
        results.push({
          query: q.label,
          as: who,
          candidateSharePct: share,
          hits: warm.data.search.edges.length,
          medianMs: +percentile(times, 50).toFixed(1),
          p95Ms: +percentile(times, 95).toFixed(1),
        });
      }
    }
    console.table(results);
    if (args.includes('--explain')) {
      const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM forum_posts p WHERE p.search_vector @@ websearch_to_tsquery('indonesian', 'dana')`);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const out = path.join(__dirname, 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'forum-search-latest.json'), JSON.stringify({ posts: POSTS, runs: RUNS, at: new Date().toISOString(), results }, null, 2));
    await c.end();
    await app.close();
  } finally {
    if (!KEEP && !reuse) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    else console.log(`kept database ${dbName}`);
    fs.rmSync(mailDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
