import { EntityManager } from 'typeorm';
import { certificateCode } from '@anyam/server/learning';
import { renderMarkdown } from '@anyam/server/forum';

interface DemoQuestion {
  prompt: string;
  kind: 'single' | 'multiple';
  explanation: string;
  options: [label: string, correct: boolean, feedback?: string][];
}

interface DemoLesson {
  title: string;
  minutes: number;
  content: string;
  quiz?: { passMark: number; attemptsAllowed: number | null; questions: DemoQuestion[] };
}

interface DemoModule {
  slug: string;
  hub: string;
  author: string;
  title: string;
  summary: string;
  level: 'introductory' | 'intermediate' | 'advanced';
  language: string;
  hours: number;
  mode: 'online' | 'hybrid' | 'offline';
  selfPaced: boolean;
  themes: string[];
  prerequisites: string[];
  lessons: DemoLesson[];
  cohort?: { name: string; startsOn: string; endsOn: string; seats: number; mode: 'online' | 'hybrid' | 'offline'; place: string | null; link: string | null };
}

const ID_MODULE: DemoModule = {
  slug: 'ketahanan-finansial-diversifikasi-pendanaan',
  hub: 're-search',
  author: 'dewi@anyam.test',
  title: 'Ketahanan finansial: diversifikasi sumber pendanaan',
  summary:
    'Modul praktis untuk organisasi masyarakat sipil yang terlalu bergantung pada satu atau dua donor. Anda akan memetakan sumber pendapatan, menghitung risiko ketergantungan, memilih sumber baru yang realistis, dan menyusun rencana cadangan dana.',
  level: 'introductory',
  language: 'id',
  hours: 4,
  mode: 'hybrid',
  selfPaced: true,
  themes: ['financial-resilience', 'institutional-resilience'],
  prerequisites: [],
  cohort: {
    name: 'Kohort Yogyakarta 2027',
    startsOn: '2027-02-01',
    endsOn: '2027-03-15',
    seats: 20,
    mode: 'hybrid',
    place: 'Kantor Re.Search, Yogyakarta',
    link: 'https://meet.jit.si/anyam-re-search-ketahanan',
  },
  lessons: [
    {
      title: 'Memetakan sumber pendapatan organisasi',
      minutes: 30,
      content: `Sebelum mencari donor baru, kenali dulu dari mana uang organisasi Anda datang selama ini.

## Langkah 1: buat tabel pendapatan tiga tahun terakhir

Untuk setiap sumber, catat:

- **Nama sumber** (donor, program pemerintah, iuran anggota, penjualan jasa, donasi individu)
- **Jumlah per tahun**
- **Jenis dana**: *terikat* (hanya untuk kegiatan tertentu) atau *tidak terikat* (boleh untuk biaya inti)
- **Tanggal berakhir** perjanjian atau hibah

## Langkah 2: hitung porsi tiap sumber

Bagi jumlah tiap sumber dengan total pendapatan. Jika satu sumber memberi **lebih dari 40 %**, organisasi Anda berada pada risiko ketergantungan tinggi: satu keputusan donor bisa menghentikan separuh kegiatan.

## Langkah 3: tandai biaya inti

Biaya inti adalah biaya yang tetap ada walau tidak ada proyek: sewa kantor, gaji koordinator, akuntansi, internet. Hitung berapa bulan biaya inti bisa ditutup oleh dana tidak terikat yang Anda miliki sekarang.

> Catatan: banyak organisasi baru menyadari bahwa biaya inti mereka "disembunyikan" di anggaran proyek. Itu berbahaya ketika proyek berakhir.

**Tugas:** isi tabel pendapatan organisasi Anda dan bawa ke sesi berikutnya.`,
    },
    {
      title: 'Mengukur risiko ketergantungan donor',
      minutes: 25,
      content: `Ketergantungan bukan hanya soal persentase. Gunakan empat pertanyaan berikut untuk setiap sumber besar:

1. **Seberapa pasti?** Apakah ada perjanjian tertulis untuk tahun depan?
2. **Seberapa fleksibel?** Bolehkah dana dipakai untuk biaya inti?
3. **Seberapa cepat hilang?** Berapa bulan pemberitahuan sebelum dana berhenti?
4. **Seberapa mudah diganti?** Adakah donor lain dengan minat yang sama?

Beri nilai 1 (aman) sampai 3 (berisiko) untuk setiap pertanyaan. Sumber dengan total nilai 9 ke atas **dan** porsi di atas 25 % adalah prioritas untuk dikurangi ketergantungannya.

## Contoh

Sebuah lembaga di Yogyakarta menerima 60 % pendapatan dari satu yayasan internasional, hibah dua tahun, tanpa biaya inti. Nilainya: kepastian 2, fleksibilitas 3, kecepatan hilang 3, kemudahan diganti 2 = **10**. Ini risiko tertinggi lembaga tersebut, jadi rencana diversifikasi dimulai dari sini.`,
    },
    {
      title: 'Memilih sumber pendanaan baru yang realistis',
      minutes: 40,
      content: `Tidak semua sumber cocok untuk semua organisasi. Bandingkan pilihan berikut dengan kapasitas tim Anda:

| Sumber | Waktu sampai hasil | Keterampilan yang dibutuhkan |
|---|---|---|
| Iuran anggota | 3–6 bulan | pengelolaan anggota |
| Donasi individu rutin | 6–12 bulan | komunikasi, penggalangan dana digital |
| Unit usaha sosial (pelatihan, konsultasi) | 6–18 bulan | layanan berkualitas, penetapan harga |
| Dana publik / pemerintah daerah | 6–12 bulan | proposal, pelaporan |
| Filantropi lokal dan CSR | 3–9 bulan | jejaring, kemitraan |

## Prinsip memilih

- Mulai dari **satu atau dua** sumber baru saja, jangan lima sekaligus.
- Pilih sumber yang **dekat dengan misi**: unit usaha yang menjual keahlian Anda lebih mudah dipertahankan.
- Hitung **biaya untuk mendapatkan dana**: kampanye donasi individu butuh waktu staf dan alat.
- Utamakan dana **tidak terikat**, karena itulah yang menutup biaya inti.

**Tugas:** pilih dua sumber baru dan tulis satu kalimat mengapa sumber itu cocok untuk organisasi Anda.`,
    },
    {
      title: 'Menyusun dana cadangan dan uji pemahaman',
      minutes: 30,
      content: `Dana cadangan adalah penyangga ketika donor terlambat membayar atau berhenti mendadak.

## Kebijakan dana cadangan yang baik memuat

- **Target**: misalnya 3–6 bulan biaya inti
- **Sumber pengisian**: persentase dari dana tidak terikat, selisih lebih unit usaha
- **Siapa yang berwenang** memakai dana cadangan, dan untuk keadaan apa
- **Cara mengisi kembali** setelah dipakai

Mulailah kecil: menyisihkan 5 % dari setiap pendapatan tidak terikat sudah membangun kebiasaan.

Jawab kuis di bawah untuk menyelesaikan modul. Anda perlu 60 % jawaban benar; Anda punya tiga kesempatan.`,
      quiz: {
        passMark: 60,
        attemptsAllowed: 3,
        questions: [
          {
            prompt: 'Satu donor memberi 55 % pendapatan organisasi Anda. Apa artinya?',
            kind: 'single',
            explanation: 'Di atas 40 % dari satu sumber berarti risiko ketergantungan tinggi.',
            options: [
              ['Organisasi sangat sehat karena donornya besar', false, 'Besar bukan berarti aman: satu keputusan donor bisa menghentikan separuh kegiatan.'],
              ['Risiko ketergantungan tinggi yang perlu dikurangi', true, 'Tepat.'],
              ['Tidak ada artinya tanpa melihat tahun lalu', false],
            ],
          },
          {
            prompt: 'Mana yang termasuk biaya inti?',
            kind: 'multiple',
            explanation: 'Biaya inti tetap ada walau tidak ada proyek.',
            options: [
              ['Gaji koordinator', true],
              ['Sewa kantor', true],
              ['Honor fasilitator satu pelatihan proyek', false, 'Itu biaya proyek: berhenti ketika proyek selesai.'],
              ['Jasa akuntansi tahunan', true],
            ],
          },
          {
            prompt: 'Apa isi utama kebijakan dana cadangan?',
            kind: 'multiple',
            explanation: 'Target, sumber pengisian, kewenangan pemakaian, dan cara mengisi kembali.',
            options: [
              ['Target berapa bulan biaya inti', true],
              ['Siapa yang boleh memakai dan untuk apa', true],
              ['Daftar donor yang akan dihubungi tahun depan', false],
            ],
          },
        ],
      },
    },
  ],
};

const EN_MODULE: DemoModule = {
  slug: 'financial-resilience-funding-diversification',
  hub: 're-search',
  author: 'dewi@anyam.test',
  title: 'Financial resilience: diversifying your funding',
  summary:
    'For civil-society organisations that depend on one or two funders. Map your income, measure dependency risk, choose realistic new sources and set up a reserve policy. Self-paced; about four hours.',
  level: 'introductory',
  language: 'en',
  hours: 4,
  mode: 'online',
  selfPaced: true,
  themes: ['financial-resilience'],
  prerequisites: [],
  lessons: [
    {
      title: 'Map where your money comes from',
      minutes: 30,
      content: `Before looking for new funders, know where your money has come from.

## Build a three-year income table

For every source record the **amount per year**, whether it is **restricted** (tied to activities) or **unrestricted** (usable for core costs), and **when the agreement ends**.

## Work out each source's share

Divide each source by total income. If one source provides **more than 40 %**, you carry a high dependency risk: one funder's decision can stop half of your work.

## Name your core costs

Core costs remain when there is no project: rent, the coordinator's salary, accounting, connectivity. Count how many months of core costs your current unrestricted money covers.

**Task:** fill in the table for your organisation.`,
    },
    {
      title: 'Measure dependency risk',
      minutes: 25,
      content: `Dependency is not only a percentage. Score each large source from 1 (safe) to 3 (risky) on:

1. **Certainty** — is next year agreed in writing?
2. **Flexibility** — can it pay for core costs?
3. **Notice** — how many months' warning before it stops?
4. **Replaceability** — are other funders interested in the same work?

Sources scoring **9 or more** and providing **over 25 %** of income are where diversification starts.`,
    },
    {
      title: 'Choose realistic new sources',
      minutes: 40,
      content: `Compare options with your team's capacity:

- **Membership fees** — results in 3–6 months; needs member management.
- **Regular individual giving** — 6–12 months; needs communications and simple digital tools.
- **Social enterprise** (training, advisory services) — 6–18 months; needs a good service and pricing.
- **Local philanthropy and public funds** — 3–12 months; needs relationships and reporting.

Start with **one or two** new sources close to your mission, count the **cost of raising** the money, and favour **unrestricted** income.`,
    },
    {
      title: 'Set up a reserve, then check your understanding',
      minutes: 30,
      content: `A reserve carries you through late payments and sudden endings.

A reserve policy states a **target** (for example 3–6 months of core costs), **how it is filled**, **who may draw on it and when**, and **how it is refilled**. Start small: setting aside 5 % of every unrestricted income builds the habit.

Pass the quiz (60 %) to complete the module.`,
      quiz: {
        passMark: 60,
        attemptsAllowed: null,
        questions: [
          {
            prompt: 'One funder provides 55 % of your income. What does that mean?',
            kind: 'single',
            explanation: 'Over 40 % from one source is a high dependency risk.',
            options: [
              ['The organisation is healthy: the funder is large', false, 'Large is not safe: one decision can stop half of your work.'],
              ['A high dependency risk to reduce', true, 'Right.'],
              ['Nothing, without last year’s figures', false],
            ],
          },
          {
            prompt: 'Which are core costs?',
            kind: 'multiple',
            explanation: 'Core costs remain when there is no project.',
            options: [
              ['The coordinator’s salary', true],
              ['Office rent', true],
              ['A trainer’s fee for one project workshop', false, 'That is a project cost.'],
            ],
          },
        ],
      },
    },
  ],
};

const ES_MODULE: DemoModule = {
  slug: 'presupuesto-y-reservas-organizaciones-comunitarias',
  hub: 'fondo-comun-andino',
  author: 'lucia@anyam.test',
  title: 'Presupuesto y reservas para organizaciones comunitarias',
  summary: 'Cómo armar un presupuesto anual que cubra los costos básicos y cómo empezar un fondo de reserva, con ejemplos de la región andina.',
  level: 'intermediate',
  language: 'es',
  hours: 3,
  mode: 'online',
  selfPaced: false,
  themes: ['financial-resilience', 'governance'],
  prerequisites: [],
  cohort: {
    name: 'Cohorte andina, marzo 2027',
    startsOn: '2027-03-01',
    endsOn: '2027-04-12',
    seats: 25,
    mode: 'online',
    place: null,
    link: 'https://meet.jit.si/anyam-fondo-comun-presupuesto',
  },
  lessons: [
    {
      title: 'Costos básicos y costos de proyecto',
      minutes: 30,
      content: `Un presupuesto sano separa dos tipos de costos:

- **Costos básicos**: existen aunque no haya proyectos (alquiler, coordinación, contabilidad).
- **Costos de proyecto**: terminan cuando termina el proyecto.

Incluye en cada propuesta una parte proporcional de los costos básicos. Si no lo haces, esos costos quedan sin financiar.`,
    },
    {
      title: 'Un presupuesto anual en una página',
      minutes: 35,
      content: `Arma una tabla con tres columnas: **ingresos seguros**, **ingresos probables** y **gastos**. Planifica los gastos básicos solo con ingresos seguros; usa los probables para actividades que puedas pausar.

Revisa el presupuesto **cada tres meses** con la junta directiva.`,
    },
    {
      title: 'Tu primer fondo de reserva',
      minutes: 25,
      content: `Una política de reserva indica la **meta** (por ejemplo, tres meses de costos básicos), **de dónde sale** el dinero, **quién decide** usarlo y **cómo se repone**.

Aprueba el cuestionario para terminar el módulo.`,
      quiz: {
        passMark: 50,
        attemptsAllowed: 2,
        questions: [
          {
            prompt: '¿Con qué ingresos conviene planificar los costos básicos?',
            kind: 'single',
            explanation: 'Los costos básicos necesitan ingresos seguros.',
            options: [
              ['Con los ingresos seguros', true],
              ['Con los ingresos probables', false, 'Si no llegan, los costos básicos quedan sin cubrir.'],
            ],
          },
          {
            prompt: '¿Qué incluye una política de reserva?',
            kind: 'multiple',
            explanation: 'Meta, origen del dinero, quién decide y cómo se repone.',
            options: [
              ['La meta en meses de costos básicos', true],
              ['Quién decide usarla', true],
              ['El logo de la organización', false],
            ],
          },
        ],
      },
    },
  ],
};

const ADVANCED_MODULE: DemoModule = {
  slug: 'building-unrestricted-income',
  hub: 're-search',
  author: 'dewi@anyam.test',
  title: 'Building unrestricted income through a social enterprise',
  summary: 'A next step after funding diversification: design, price and test a small paid service that funds your core costs without drifting from your mission.',
  level: 'advanced',
  language: 'en',
  hours: 6,
  mode: 'online',
  selfPaced: true,
  themes: ['financial-resilience'],
  prerequisites: ['financial-resilience-funding-diversification'],
  lessons: [
    {
      title: 'Which of your skills would someone pay for?',
      minutes: 30,
      content: `List what your team does well that others ask you about: facilitation, research, translation, training on digital safety. For each, note **who** might pay (other CSOs, local government, companies) and **whether selling it serves your mission**.`,
    },
    {
      title: 'Price it so it pays for core costs',
      minutes: 40,
      content: `Price = direct cost + a share of core costs + a margin for the reserve. A price that only covers direct costs makes you busier, not more resilient.`,
    },
  ],
};

export const DEMO_MODULES: DemoModule[] = [ID_MODULE, EN_MODULE, ES_MODULE, ADVANCED_MODULE];

export type LinkedThreadFactory = (tx: EntityManager, input: { hubId: string; authorId: string; title: string; body: string; language: string }) => Promise<string>;

/**
 * Published training modules from the seeded hubs, each with its discussion thread in the hub's forum
 * group; cohorts with seats; Sari enrolled in the Indonesian module with two lessons done.
 */
export async function seedDemoLearning(tx: EntityManager, memberIds: Map<string, string>, linkedThread: LinkedThreadFactory): Promise<number> {
  const hubs = new Map<string, string>((await tx.query(`SELECT slug, id FROM hubs`)).map((h: { slug: string; id: string }) => [h.slug, h.id]));
  const moduleIds = new Map<string, string>();
  const lessonIds = new Map<string, string[]>();
  const cohortIds = new Map<string, string>();
  for (const m of DEMO_MODULES) {
    const hubId = hubs.get(m.hub)!;
    const authorId = memberIds.get(m.author)!;
    const threadId = await linkedThread(tx, {
      hubId,
      authorId,
      title: m.title,
      body: `${m.summary}\n\n[${m.title}](/learn/modules/${m.slug})`,
      language: m.language,
    });
    const [row] = await tx.query(
      `INSERT INTO learning_modules (hub_id, slug, title, summary, level, language, estimated_hours, delivery_mode, status, self_paced, discussion_thread_id, created_by_id, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published', $9, $10, $11, now()) RETURNING id`,
      [hubId, m.slug, m.title, m.summary, m.level, m.language, m.hours, m.mode, m.selfPaced, threadId, authorId],
    );
    moduleIds.set(m.slug, row.id);
    await tx.query(`INSERT INTO learning_module_authors (module_id, member_id) VALUES ($1, $2)`, [row.id, authorId]);
    for (const theme of m.themes) await tx.query(`INSERT INTO learning_module_themes (module_id, theme_key) VALUES ($1, $2)`, [row.id, theme]);
    for (const p of m.prerequisites) await tx.query(`INSERT INTO learning_module_prerequisites (module_id, prerequisite_id) VALUES ($1, $2)`, [row.id, moduleIds.get(p)]);
    const ids: string[] = [];
    for (const [i, l] of m.lessons.entries()) {
      const [lesson] = await tx.query(
        `INSERT INTO learning_lessons (module_id, position, title, content_markdown, content_html, estimated_minutes, quiz_pass_mark, quiz_attempts_allowed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [row.id, i + 1, l.title, l.content, renderMarkdown(l.content), l.minutes, l.quiz?.passMark ?? null, l.quiz?.attemptsAllowed ?? null],
      );
      ids.push(lesson.id);
      for (const [qi, q] of (l.quiz?.questions ?? []).entries()) {
        const [question] = await tx.query(
          `INSERT INTO learning_quiz_questions (lesson_id, position, prompt, kind, explanation) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [lesson.id, qi + 1, q.prompt, q.kind, q.explanation],
        );
        for (const [oi, [label, correct, feedback]] of q.options.entries()) {
          await tx.query(`INSERT INTO learning_quiz_options (question_id, position, label, correct, feedback) VALUES ($1, $2, $3, $4, $5)`, [
            question.id,
            oi + 1,
            label,
            correct,
            feedback ?? '',
          ]);
        }
      }
    }
    lessonIds.set(m.slug, ids);
    if (m.cohort) {
      const c = m.cohort;
      const [cohort] = await tx.query(
        `INSERT INTO learning_cohorts (module_id, name, starts_on, ends_on, seats, enrolment_closes_at, delivery_mode, place, link, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $3::date, $6, $7, $8, $9) RETURNING id`,
        [row.id, c.name, c.startsOn, c.endsOn, c.seats, c.mode, c.place, c.link, authorId],
      );
      await tx.query(`INSERT INTO learning_cohort_facilitators (cohort_id, member_id) VALUES ($1, $2)`, [cohort.id, authorId]);
      cohortIds.set(m.slug, cohort.id);
    }
  }

  // Sari follows the Indonesian module in its cohort and has done the first two lessons.
  const sari = memberIds.get('sari@anyam.test')!;
  const idModule = moduleIds.get(ID_MODULE.slug)!;
  await tx.query(`INSERT INTO learning_enrolments (module_id, cohort_id, member_id, status, enrolled_at) VALUES ($1, $2, $3, 'enrolled', now() - interval '3 days')`, [
    idModule,
    cohortIds.get(ID_MODULE.slug),
    sari,
  ]);
  await tx.query(`UPDATE learning_cohorts SET seats_taken = 1 WHERE id = $1`, [cohortIds.get(ID_MODULE.slug)]);
  for (const [i, lessonId] of lessonIds.get(ID_MODULE.slug)!.slice(0, 2).entries()) {
    const at = new Date(Date.now() - (2 - i) * 86_400_000);
    await tx.query(
      `INSERT INTO learning_lesson_progress (member_id, lesson_id, module_id, started_at, completed_at, last_activity_at) VALUES ($1, $2, $3, $4, $4, $4)`,
      [sari, lessonId, idModule, at],
    );
  }

  // Lucía completed the English module: a certificate to verify.
  const lucia = memberIds.get('lucia@anyam.test')!;
  const enModule = moduleIds.get(EN_MODULE.slug)!;
  const [enrolment] = await tx.query(
    `INSERT INTO learning_enrolments (module_id, member_id, status, enrolled_at, completed_at) VALUES ($1, $2, 'completed', now() - interval '20 days', now() - interval '5 days') RETURNING id`,
    [enModule, lucia],
  );
  const enLessons = lessonIds.get(EN_MODULE.slug)!;
  for (const [i, lessonId] of enLessons.entries()) {
    const at = new Date(Date.now() - (19 - i * 4) * 86_400_000);
    await tx.query(
      `INSERT INTO learning_lesson_progress (member_id, lesson_id, module_id, started_at, completed_at, last_activity_at) VALUES ($1, $2, $3, $4, $4, $4)`,
      [lucia, lessonId, enModule, at],
    );
  }
  await tx.query(
    `INSERT INTO learning_quiz_attempts (lesson_id, member_id, attempt_number, score, passed, answers, created_at) VALUES ($1, $2, 1, 100, true, '{}', now() - interval '5 days')`,
    [enLessons.at(-1), lucia],
  );
  await tx.query(`INSERT INTO learning_certificates (code, member_id, module_id, enrolment_id, issued_at) VALUES ($1, $2, $3, $4, now() - interval '5 days')`, [
    certificateCode(),
    lucia,
    enModule,
    enrolment.id,
  ]);
  return DEMO_MODULES.length;
}
