import { EntityManager } from 'typeorm';
import { renderMarkdown } from '@anyam/server/forum';

/** Every region's regional forum (public), with the language its members mostly write in. */
const REGIONAL_FORUMS: { region: string; language: string; description: string }[] = [
  { region: 'southeast-asia', language: 'id', description: 'Forum regional Asia Tenggara: tanya, jawab, dan berbagi pengalaman antar-OMS.' },
  { region: 'andean-region', language: 'es', description: 'Foro regional andino: preguntas, respuestas y experiencias entre organizaciones.' },
  { region: 'east-africa', language: 'en', description: 'East Africa regional forum: questions, answers and experience between CSOs.' },
];

interface DemoThread {
  group: string;
  author: string;
  title: string;
  language: string;
  themes: string[];
  tags: string[];
  posts: { author: string; body: string }[];
}

const THREADS: DemoThread[] = [
  {
    group: 'southeast-asia-forum',
    author: 'sari@anyam.test',
    title: 'Bagaimana memulai diversifikasi pendanaan di luar donor?',
    language: 'id',
    themes: ['financial-resilience'],
    tags: ['pendanaan'],
    posts: [
      {
        author: 'sari@anyam.test',
        body: 'Organisasi kami masih bergantung pada dua donor. Apa langkah pertama untuk **diversifikasi pendanaan** agar keberlanjutan program terjaga?',
      },
      {
        author: 'dewi@anyam.test',
        body: 'Mulai dari memetakan biaya inti dan mencoba satu unit usaha sosial kecil. Hub Re.Search punya modul tentang ini: https://anyam.test/hubs/re-search',
      },
    ],
  },
  {
    group: 'andean-region-forum',
    author: 'lucia@anyam.test',
    title: '¿Cómo se organizan las redes de organizaciones para compartir servicios?',
    language: 'es',
    themes: ['institutional-resilience'],
    tags: ['redes'],
    posts: [
      {
        author: 'lucia@anyam.test',
        body: 'En el Fondo Común Andino varias organizaciones comparten contabilidad y asesoría legal. ¿Alguien más lo hace? ¿Qué acuerdos firmaron?',
      },
      {
        author: 'mateo@anyam.test',
        body: 'En Voces Andinas compartimos un equipo de comunicación entre cuatro organizaciones. Firmamos un convenio simple con turnos y costos repartidos.',
      },
    ],
  },
  {
    group: 're-search-members',
    author: 'dewi@anyam.test',
    title: 'Jadwal coaching keuangan bulan depan',
    language: 'id',
    themes: ['financial-resilience'],
    tags: ['coaching'],
    posts: [{ author: 'dewi@anyam.test', body: 'Khusus anggota hub: sesi coaching keuangan berikutnya hari Kamis pukul 10.00 WIB.' }],
  },
];

/** Inserts the demo forum inside the demo-data transaction, after the community. */
export async function seedDemoForum(tx: EntityManager, memberIds: Map<string, string>): Promise<{ groups: number; threads: number }> {
  const regions: { id: string; slug: string; name: string }[] = await tx.query(`SELECT id, slug, name FROM regions`);
  let groups = 0;
  for (const forum of REGIONAL_FORUMS) {
    const region = regions.find((r) => r.slug === forum.region);
    if (!region) continue;
    await tx.query(
      `INSERT INTO forum_groups (kind, region_id, name, slug, description, visibility, default_language) VALUES ('region', $1, $2, $3, $4, 'public', $5)`,
      [region.id, `${region.name} forum`, `${region.slug}-forum`, forum.description, forum.language],
    );
    groups += 1;
  }
  const [hub] = await tx.query(`SELECT id, region_id FROM hubs WHERE slug = 're-search'`);
  if (hub) {
    await tx.query(
      `INSERT INTO forum_groups (kind, region_id, hub_id, name, slug, description, visibility, default_language)
       VALUES ('hub', $1, $2, 'Re.Search members', 're-search-members', 'Ruang diskusi khusus anggota hub Re.Search.', 'members', 'id')`,
      [hub.region_id, hub.id],
    );
    groups += 1;
  }

  let threads = 0;
  for (const t of THREADS) {
    const [group] = await tx.query(`SELECT id FROM forum_groups WHERE slug = $1`, [t.group]);
    const authorId = memberIds.get(t.author);
    if (!group || !authorId) continue;
    const [thread] = await tx.query(
      `INSERT INTO forum_threads (group_id, title, author_id, language, tags) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [group.id, t.title, authorId, t.language, t.tags],
    );
    for (const theme of t.themes) await tx.query(`INSERT INTO forum_thread_themes (thread_id, theme_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [thread.id, theme]);
    for (const [i, p] of t.posts.entries()) {
      await tx.query(
        `INSERT INTO forum_posts (thread_id, post_number, author_id, body_markdown, body_html, language, created_at)
         VALUES ($1, $2::int, $3, $4, $5, $6, now() + make_interval(secs => $2::int))`,
        [thread.id, i + 1, memberIds.get(p.author), p.body, renderMarkdown(p.body), t.language],
      );
    }
    // Counters from the rows just written, as the post transaction would have kept them.
    await tx.query(
      `UPDATE forum_threads t SET
         reply_count = (SELECT count(*) FROM forum_posts p WHERE p.thread_id = t.id AND p.post_number > 1 AND p.deleted_at IS NULL),
         participant_count = (SELECT count(DISTINCT author_id) FROM forum_posts p WHERE p.thread_id = t.id AND p.deleted_at IS NULL),
         last_activity_at = (SELECT max(created_at) FROM forum_posts p WHERE p.thread_id = t.id),
         last_poster_id = (SELECT author_id FROM forum_posts p WHERE p.thread_id = t.id ORDER BY post_number DESC LIMIT 1)
       WHERE t.id = $1`,
      [thread.id],
    );
    threads += 1;
  }
  return { groups, threads };
}
