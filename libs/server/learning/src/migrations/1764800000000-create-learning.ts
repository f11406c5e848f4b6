import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning: training modules (themes, authors, prerequisites), ordered lessons with resources and quizzes
 * (correct options stay in `learning_quiz_options.correct`, never sent before a submission), cohorts with a
 * seat counter kept under the cohort's row lock, enrolments (one active per member and module), per-lesson
 * progress with client timestamps, quiz attempts, and certificates with a random public code.
 */
export class CreateLearning1764800000000 implements MigrationInterface {
  name = 'CreateLearning1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learning_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE RESTRICT,
        slug varchar(80) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        summary text NOT NULL DEFAULT '',
        level varchar(12) NOT NULL CHECK (level IN ('introductory','intermediate','advanced')),
        language varchar(35) NOT NULL CHECK (language ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        estimated_hours numeric(6,1) NOT NULL DEFAULT 1 CHECK (estimated_hours > 0),
        delivery_mode varchar(8) NOT NULL CHECK (delivery_mode IN ('online','hybrid','offline')),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        self_paced boolean NOT NULL DEFAULT true,
        discussion_thread_id uuid REFERENCES forum_threads(id) ON DELETE SET NULL,
        created_by_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX learning_modules_slug_key ON learning_modules (slug)`);
    await q.query(`CREATE INDEX learning_modules_catalogue ON learning_modules (status, title, id)`);
    await q.query(`CREATE INDEX learning_modules_hub ON learning_modules (hub_id)`);

    await q.query(`
      CREATE TABLE learning_module_themes (
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        theme_key varchar(48) NOT NULL REFERENCES themes(key) ON DELETE RESTRICT,
        PRIMARY KEY (module_id, theme_key)
      )`);
    await q.query(`CREATE INDEX learning_module_themes_theme ON learning_module_themes (theme_key)`);
    await q.query(`
      CREATE TABLE learning_module_authors (
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        PRIMARY KEY (module_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE learning_module_prerequisites (
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        prerequisite_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        PRIMARY KEY (module_id, prerequisite_id),
        CHECK (module_id <> prerequisite_id)
      )`);

    await q.query(`
      CREATE TABLE learning_lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        content_markdown text NOT NULL DEFAULT '',
        content_html text NOT NULL DEFAULT '',
        estimated_minutes integer NOT NULL DEFAULT 10 CHECK (estimated_minutes BETWEEN 1 AND 1440),
        quiz_pass_mark integer CHECK (quiz_pass_mark BETWEEN 1 AND 100),
        quiz_attempts_allowed integer CHECK (quiz_attempts_allowed BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learning_lessons_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`
      CREATE TABLE learning_lesson_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lesson_id uuid NOT NULL REFERENCES learning_lessons(id) ON DELETE CASCADE,
        file_name varchar(200) NOT NULL,
        media_type varchar(120) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        storage_key varchar(80) NOT NULL,
        uploaded_by_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX learning_lesson_resources_lesson ON learning_lesson_resources (lesson_id, created_at)`);

    await q.query(`
      CREATE TABLE learning_quiz_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lesson_id uuid NOT NULL REFERENCES learning_lessons(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        prompt text NOT NULL CHECK (length(btrim(prompt)) > 0),
        kind varchar(8) NOT NULL CHECK (kind IN ('single','multiple')),
        explanation text NOT NULL DEFAULT '',
        UNIQUE (lesson_id, position)
      )`);
    await q.query(`
      CREATE TABLE learning_quiz_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES learning_quiz_questions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        label text NOT NULL CHECK (length(btrim(label)) > 0),
        correct boolean NOT NULL DEFAULT false,
        feedback text NOT NULL DEFAULT '',
        UNIQUE (question_id, position)
      )`);

    await q.query(`
      CREATE TABLE learning_cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        seats integer NOT NULL CHECK (seats BETWEEN 1 AND 10000),
        seats_taken integer NOT NULL DEFAULT 0,
        enrolment_opens_at timestamptz,
        enrolment_closes_at timestamptz,
        delivery_mode varchar(8) NOT NULL CHECK (delivery_mode IN ('online','hybrid','offline')),
        place varchar(300),
        link varchar(500),
        created_by_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK (seats_taken BETWEEN 0 AND seats),
        CHECK (enrolment_opens_at IS NULL OR enrolment_closes_at IS NULL OR enrolment_opens_at < enrolment_closes_at)
      )`);
    await q.query(`CREATE INDEX learning_cohorts_module ON learning_cohorts (module_id, starts_on, id)`);
    await q.query(`
      CREATE TABLE learning_cohort_facilitators (
        cohort_id uuid NOT NULL REFERENCES learning_cohorts(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        PRIMARY KEY (cohort_id, member_id)
      )`);
    await q.query(`CREATE INDEX learning_cohort_facilitators_member ON learning_cohort_facilitators (member_id)`);

    await q.query(`
      CREATE TABLE learning_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        cohort_id uuid REFERENCES learning_cohorts(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL CHECK (status IN ('enrolled','waitlisted','withdrawn','completed')),
        waitlist_position integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        enrolled_at timestamptz,
        completed_at timestamptz,
        withdrawn_at timestamptz,
        CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)),
        CHECK (status <> 'waitlisted' OR cohort_id IS NOT NULL)
      )`);
    // One live enrolment per member and module; a withdrawn one may be followed by a new one.
    await q.query(`CREATE UNIQUE INDEX learning_enrolments_live ON learning_enrolments (member_id, module_id) WHERE status <> 'withdrawn'`);
    await q.query(`CREATE INDEX learning_enrolments_member ON learning_enrolments (member_id, created_at)`);
    await q.query(`CREATE INDEX learning_enrolments_cohort ON learning_enrolments (cohort_id, status, waitlist_position) WHERE cohort_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE learning_lesson_progress (
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES learning_lessons(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        last_activity_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, lesson_id)
      )`);
    await q.query(`CREATE INDEX learning_lesson_progress_module ON learning_lesson_progress (member_id, module_id)`);

    await q.query(`
      CREATE TABLE learning_quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lesson_id uuid NOT NULL REFERENCES learning_lessons(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        attempt_number integer NOT NULL CHECK (attempt_number >= 1),
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        answers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (lesson_id, member_id, attempt_number)
      )`);
    await q.query(`CREATE INDEX learning_quiz_attempts_member ON learning_quiz_attempts (member_id, lesson_id)`);

    await q.query(`
      CREATE TABLE learning_certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES learning_modules(id) ON DELETE CASCADE,
        enrolment_id uuid NOT NULL REFERENCES learning_enrolments(id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (member_id, module_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'learning_certificates',
      'learning_quiz_attempts',
      'learning_lesson_progress',
      'learning_enrolments',
      'learning_cohort_facilitators',
      'learning_cohorts',
      'learning_quiz_options',
      'learning_quiz_questions',
      'learning_lesson_resources',
      'learning_lessons',
      'learning_module_prerequisites',
      'learning_module_authors',
      'learning_module_themes',
      'learning_modules',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
