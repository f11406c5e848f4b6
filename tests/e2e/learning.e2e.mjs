// Learning journey of issue #5 on the demo data: Ana (who reads Anyam in Portuguese) enrols in a published
// module, reads its first lesson, loses her connection (the browser's offline emulation), reads the next lesson from
// the copy on her phone and marks it complete, sees "waiting to sync", comes back online and sees the progress
// synced, finishes the module by passing its quiz (graded by the server), and a visitor verifies her certificate.
// Sari, halfway through the Indonesian module in the demo data, finds "continue where you left off" in Indonesian.
// Also: a visitor's catalogue and module page at 360 px, the app shell opening offline from the service worker,
// the facilitator pages (edit module, add a lesson with Markdown preview, schedule a cohort, roster), axe-core on
// every page, screenshots at 360 and 1280 px, and the bytes transferred by a first load of catalogue and lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, screenshot, startApp, noSideways } from './support/harness.mjs';

const strings = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/learning/src/locales/${lang}.json`), 'utf8'));
const en = strings('en');
const id = strings('id');
const pt = strings('pt');
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));
const TIMEOUT = 300_000;
const PHONE = { width: 360, height: 760 };
const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = 'anyam-demo-2023';
const sari = { email: 'sari@anyam.test', name: 'Sari Wulandari' };
const ana = { email: 'ana@anyam.test', name: 'Ana Souza' };
const admin = { email: 'admin@anyam.test', name: 'Network Admin' };

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function signIn(page, baseUrl, { email, name }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByRole('link', { name }).waitFor();
}

/** axe, no sideways scrolling, and a screenshot at 360 and at 1280 px. */
async function checkPage(page, name) {
  const before = page.viewportSize();
  for (const [label, viewport] of [
    ['360', PHONE],
    ['1280', DESKTOP],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    await expectNoA11yViolations(page, `${name} at ${label} px`);
    if (label === '360') await noSideways(page, name);
    await screenshot(page, `learning-${name}-${label}`);
  }
  await page.setViewportSize(before);
}

/** The API, for what the browser must not be told (the quiz's answer key) and to pick the demo module. */
function api(baseUrl) {
  let token = null;
  const gql = async (query, variables = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  return {
    gql,
    async signIn(email) {
      const data = await gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { email, password: PASSWORD } });
      token = data.signIn.accessToken;
    },
  };
}

/** A published, self-paced demo module without prerequisites, with at least three lessons and a quiz, that the learner has not started. */
async function pickModule(client, learner) {
  const { trainingModules } = await client.gql('{ trainingModules(first: 50) { edges { node { slug } } } }');
  for (const { node } of trainingModules.edges) {
    const { trainingModule: m } = await client.gql(
      `query($slug: String!) { trainingModule(slug: $slug) {
        id slug title selfPaced prerequisites { id } hub { name }
        lessons { id title position hasQuiz quizAnswerKey { id options { id correct } } }
      } }`,
      { slug: node.slug },
    );
    if (!(m.selfPaced && m.prerequisites.length === 0 && m.lessons.length >= 3 && m.lessons.some((l) => l.hasQuiz))) continue;
    const mine = await learner.gql('query($slug: String!) { trainingModule(slug: $slug) { viewerEnrolment { id } } }', { slug: m.slug });
    if (!mine.trainingModule.viewerEnrolment) return m;
  }
  throw new Error('the demo data has no self-paced module with three lessons and a quiz');
}

/** Bytes on the wire (compressed, headers included) for everything a page load fetches. */
async function measureLoad(page, url, ready) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.detach();
  return { bytes, requests };
}

describe('learning', () => {
  let app;
  let browser;
  let module;
  const measured = {};

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const editor = api(app.baseUrl);
    await editor.signIn(admin.email);
    const learner = api(app.baseUrl);
    await learner.signIn(ana.email);
    module = await pickModule(editor, learner);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    if (Object.keys(measured).length) process.stdout.write(`learning first loads: ${JSON.stringify(measured)}\n`);
  });

  test('visitor: catalogue with filters and module page at 360 px; first-load bytes', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    // No service worker here: the measure is what a first visit downloads.
    const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    measured.catalogue = await measureLoad(page, `${app.baseUrl}/learn`, () => page.getByRole('link', { name: module.title }).waitFor());
    await heading(page, en.catalogue.title);
    await checkPage(page, 'catalogue');

    // Filters narrow the list (and live in the address, so a filtered list can be shared).
    await page.getByLabel(en.catalogue.level).selectOption('ADVANCED');
    await page.waitForURL(/level=ADVANCED/);
    await page.getByLabel(en.catalogue.level).selectOption('');
    await page.getByRole('searchbox', { name: en.catalogue.search }).fill('zzzz-nothing-matches');
    await page.getByRole('button', { name: en.catalogue.searchButton }).click();
    await page.getByText(en.catalogue.emptyFiltered).waitFor();
    await page.getByRole('searchbox', { name: en.catalogue.search }).fill('');
    await page.getByRole('button', { name: en.catalogue.searchButton }).click();

    await page.getByRole('link', { name: module.title }).click();
    await heading(page, module.title);
    await page.getByRole('link', { name: en.module.signInToEnrol }).waitFor();
    await page.getByRole('heading', { level: 2, name: en.module.lessons }).waitFor();
    // A visitor sees the lesson titles but cannot open them.
    await page.getByText(`1. ${module.lessons[0].title}`).waitFor();
    assert.equal(await page.getByRole('link', { name: `1. ${module.lessons[0].title}` }).count(), 0);
    await checkPage(page, 'module-visitor');
    await context.close();
  });

  test('enrol, read, go offline, read and complete the next lesson, sync, pass the quiz, verify signed out', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: PHONE });
    const context = page.context();
    const [first, second, ...rest] = module.lessons;

    await signIn(page, app.baseUrl, ana);
    await page.locator('.an-nav').getByRole('link', { name: 'Aprendizagem' }).click();
    await heading(page, pt.catalogue.title);
    await page.getByRole('link', { name: module.title }).click();
    await heading(page, module.title);

    // Enrol: the lessons are stored on the phone straight away.
    await page.getByRole('button', { name: pt.module.enrolSelfPaced }).click();
    await page.getByText(pt.offline.available).first().waitFor();
    await page.getByText(fill(pt.progress.text, { done: 0, total: module.lessons.length, percent: 0 })).first().waitFor();
    await checkPage(page, 'module-enrolled-pt');

    // Read the first lesson online and complete it.
    await page.getByRole('link', { name: fill(pt.module.start, { title: first.title }) }).click();
    await heading(page, first.title);
    await page.getByText(fill(pt.lesson.positionOf, { position: 1, total: module.lessons.length })).waitFor();
    await checkPage(page, 'lesson-pt');
    if (!first.hasQuiz) {
      await page.getByRole('button', { name: pt.lesson.markComplete }).click();
      await page.getByText(pt.lesson.completed, { exact: true }).waitFor();
    }
    // The service worker has the app shell by now.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });

    // Offline: the next lesson opens from IndexedDB; completing it is queued.
    await context.setOffline(true);
    await page.getByTestId('learning-status').getByText(pt.status.offline).waitFor();
    await page.getByRole('link', { name: pt.lesson.next }).click();
    await heading(page, second.title);
    await page.getByText(pt.lesson.readingOffline).waitFor();
    assert.ok((await page.locator('.an-learn-content').innerText()).trim().length > 0, 'the lesson text is there offline');
    await page.getByRole('button', { name: pt.lesson.markComplete }).click();
    await page.getByText(pt.offline.waiting).first().waitFor();
    const status = page.getByTestId('learning-status');
    await status.getByText(fill(pt.status.waiting_one, { count: 1 })).waitFor();
    assert.equal(await status.getAttribute('role'), 'status', 'the status line is a polite live region');
    await checkPage(page, 'lesson-offline-pt');

    // The module page offline: the copy on the device, with what is done and what waits.
    await page.locator('.an-learn-crumb').getByRole('link').click();
    await heading(page, module.title);
    await page.getByText(pt.offline.moduleNotice).waitFor();
    await checkPage(page, 'module-offline-pt');
    await page.getByRole('link', { name: `2. ${second.title}` }).click();
    await heading(page, second.title);

    // Even a reload works offline: the shell comes from the service worker, the lesson from IndexedDB,
    // and "my learning" lists what this device keeps.
    await page.reload();
    await heading(page, second.title);
    await page.getByText(pt.lesson.readingOffline).waitFor();
    await screenshot(page, 'learning-lesson-offline-reloaded-pt-360');
    await page.goto(`${app.baseUrl}/learn/my`);
    await heading(page, pt.my.title);
    await page.getByText(pt.my.offline).waitFor();
    await page.getByRole('link', { name: module.title }).waitFor();
    await checkPage(page, 'my-learning-offline-pt');
    await page.getByRole('link', { name: module.title }).click();
    await heading(page, module.title);
    await page.getByRole('link', { name: `2. ${second.title}` }).click();
    await heading(page, second.title);

    // Back online: the queued completion is sent and the progress shows it.
    await context.setOffline(false);
    await status.getByText(fill(pt.status.synced_one, { count: 1 })).waitFor({ timeout: 30_000 });
    const doneSoFar = first.hasQuiz ? 1 : 2;
    await page.goto(`${app.baseUrl}/learn/my`);
    await heading(page, pt.my.title);
    const total = module.lessons.length;
    await page.getByText(fill(pt.progress.text, { done: doneSoFar, total, percent: Math.floor((doneSoFar * 100) / total) })).waitFor();
    await checkPage(page, 'my-learning-pt');

    // Finish: every remaining lesson, and the quizzes passed (the right answers come from the editor's key).
    for (const lesson of [first, ...rest]) {
      await page.goto(`${app.baseUrl}/learn/lessons/${lesson.id}`);
      await heading(page, lesson.title);
      if (lesson.hasQuiz) {
        for (const question of lesson.quizAnswerKey) {
          for (const option of question.options.filter((o) => o.correct)) {
            await page.locator(`input[value="${option.id}"]`).check();
          }
        }
        await page.getByRole('button', { name: pt.quiz.submit }).click();
        await page.getByText(/Você foi aprovado com/).waitFor();
        await checkPage(page, `quiz-passed-${lesson.position}-pt`);
      }
      const mark = page.getByRole('button', { name: pt.lesson.markComplete });
      if (await mark.isVisible()) await mark.click();
      await page.getByText(pt.lesson.completed, { exact: true }).waitFor();
    }

    await page.goto(`${app.baseUrl}/learn/my`);
    await heading(page, pt.my.title);
    await page.getByText(fill(pt.progress.text, { done: total, total, percent: 100 })).waitFor();
    await page.getByRole('link', { name: pt.my.certificate }).click();
    await heading(page, pt.certificate.title);
    await page.getByRole('heading', { level: 2, name: ana.name }).waitFor();
    const code = page.url().split('/').pop();
    const pdfHref = await page.getByRole('link', { name: pt.certificate.pdf }).getAttribute('href');
    assert.equal(pdfHref, `/certificates/${code}.pdf`);
    const pdf = await fetch(`${app.baseUrl}${pdfHref}`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    await checkPage(page, 'certificate-pt');
    await page.close();

    // Anyone can verify it, signed out: name, module, hub, date and nothing else.
    const visitor = await newPage(browser, { viewport: PHONE });
    await visitor.goto(`${app.baseUrl}/verify/${code}`);
    await heading(visitor, en.verify.title);
    await visitor.getByText(en.verify.valid).waitFor();
    await visitor.getByRole('heading', { level: 2, name: ana.name }).waitFor();
    await visitor.getByText(module.title).waitFor();
    await visitor.getByText(fill(en.certificate.offeredBy, { hub: module.hub.name })).waitFor();
    assert.ok(!(await visitor.content()).includes(ana.email), 'the e-mail address is not shown');
    await checkPage(visitor, 'verify');
    await visitor.goto(`${app.baseUrl}/verify/NOSUCHCODE123`);
    await visitor.getByText(fill(en.verify.unknown, { code: 'NOSUCHCODE123' })).waitFor();
    await expectNoA11yViolations(visitor, 'verify, unknown code');
    await visitor.close();
  });

  test('Sari continues where she left off, in Indonesian', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: PHONE });
    await signIn(page, app.baseUrl, sari);
    await page.goto(`${app.baseUrl}/learn/my`);
    await heading(page, id.my.title);
    await page.getByRole('heading', { level: 2, name: id.my.continueTitle }).waitFor();
    const resume = page.getByRole('link', { name: new RegExp(`^${id.my.continue.split('{{')[0]}`) }).first();
    await resume.click();
    await page.getByRole('button', { name: id.lesson.markComplete }).or(page.getByRole('heading', { level: 2, name: id.quiz.title })).first().waitFor();
    await checkPage(page, 'lesson-continue-id');
    await page.close();
  });

  test('first load of a lesson page, transferred bytes', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, ana);
    const lesson = module.lessons[0];
    measured.lesson = await measureLoad(page, `${app.baseUrl}/learn/lessons/${lesson.id}`, () => heading(page, lesson.title));
    assert.ok(measured.lesson.bytes > 0);
    await context.close();
  });

  test('facilitator: edit the module, add a lesson with a preview, schedule a cohort, see its roster', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: DESKTOP });
    await signIn(page, app.baseUrl, admin);
    await page.goto(`${app.baseUrl}/learn/modules/${module.slug}`);
    await heading(page, module.title);
    await page.getByRole('link', { name: en.module.edit }).click();
    await heading(page, en.edit.titleEdit);
    await page.getByRole('button', { name: fill(en.edit.moveDown, { title: module.lessons[0].title }) }).waitFor();
    await checkPage(page, 'module-edit');

    // A lesson, with the Markdown previewed before saving.
    await page.getByRole('link', { name: en.edit.addLesson }).click();
    await heading(page, en.lessonEdit.titleNew);
    await page.getByRole('button', { name: en.lessonEdit.save }).click();
    await page.locator('.an-error-summary').getByText(en.rules.titleRequired).waitFor();
    await page.getByLabel(en.edit.title, { exact: true }).fill('Menyusun kalender penggalangan dana');
    await page.getByLabel(en.lessonEdit.content).fill('## Kalender\n\nTulis **tiga** tenggat donor.\n\n<script>alert(1)</script>');
    await page.getByRole('button', { name: en.lessonEdit.preview }).click();
    const preview = page.getByRole('region', { name: en.lessonEdit.previewLabel });
    await preview.getByRole('heading', { name: 'Kalender' }).waitFor();
    assert.equal(await preview.locator('script').count(), 0, 'HTML typed in the lesson is shown as text, never run');
    await checkPage(page, 'lesson-edit');
    await page.getByRole('button', { name: en.lessonEdit.edit }).click();
    await page.getByRole('button', { name: en.lessonEdit.save }).click();
    await heading(page, en.edit.titleEdit);
    await page.getByRole('link', { name: /Menyusun kalender penggalangan dana/ }).waitFor();

    // A file for the lesson, uploaded with progress; a file of a refused type is named as such.
    await page.getByRole('link', { name: /Menyusun kalender penggalangan dana/ }).click();
    await heading(page, en.lessonEdit.titleEdit);
    const fileInput = page.getByLabel(en.resources.file);
    await fileInput.setInputFiles({ name: 'script.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not allowed') });
    await page.getByRole('button', { name: en.resources.upload }).click();
    await page.getByRole('alert').getByText(en.errors.reason.fileType).waitFor();
    await fileInput.setInputFiles({ name: 'kalender-donor.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% kalender\n%%EOF\n') });
    await page.getByRole('button', { name: en.resources.upload }).click();
    await page.getByRole('button', { name: fill(en.resources.remove, { name: 'kalender-donor.pdf' }) }).waitFor();
    await checkPage(page, 'lesson-edit-resources');
    await page.locator('.an-learn-crumb').getByRole('link').click();
    await heading(page, en.edit.titleEdit);

    // Move it up by keyboard.
    const up = page.getByRole('button', { name: fill(en.edit.moveUp, { title: 'Menyusun kalender penggalangan dana' }) });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('live-polite').getByText(fill(en.edit.moved, { title: 'Menyusun kalender penggalangan dana', position: module.lessons.length })).waitFor();

    // A cohort, then its roster.
    await page.getByRole('link', { name: en.module.newCohort }).first().click();
    await heading(page, en.cohortNew.title);
    await page.getByLabel(en.cohortNew.name).fill('Makassar, Maret 2027');
    await page.getByLabel(en.cohortNew.startsOn).fill('2027-03-01');
    await page.getByLabel(en.cohortNew.endsOn).fill('2027-02-01');
    await page.getByLabel(en.cohortNew.seats).fill('12');
    await page.getByRole('button', { name: en.cohortNew.create }).click();
    await page.locator('.an-error-summary').getByText(en.rules.endBeforeStart).waitFor();
    await checkPage(page, 'cohort-new-errors');
    await page.getByLabel(en.cohortNew.endsOn).fill('2027-04-01');
    await page.getByLabel(en.cohortNew.place).fill('Makassar, Indonesia');
    await page.getByLabel(en.cohortNew.link).fill('https://meet.example.org/makassar');
    await page.getByRole('button', { name: en.cohortNew.create }).click();
    await heading(page, en.roster.title);
    await page.getByText(en.roster.empty).waitFor();
    await checkPage(page, 'cohort-roster');
    await page.close();
  });
});
