// Forum journey in two browsers: Sari (who reads Anyam in Bahasa Indonesia) asks a question in the Southeast Asia
// regional forum; Lucía (in Spanish) opens it, quotes the question and mentions Sari by @name in her reply; Sari
// sees the reply appear without reloading, announced in the polite live region, and accepts it as the answer.
// axe-core runs on every forum page signed out (at 360 px, English) and signed in (Sari, Indonesian), so the
// thread page is checked once in Bahasa Indonesia and once at 360 px. Screenshots go to tests/e2e/artifacts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, screenshot, startApp } from './support/harness.mjs';

const strings = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/forum/src/locales/${lang}.json`), 'utf8'));
const en = strings('en');
const id = strings('id');
const es = strings('es');
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));
const TIMEOUT = 300_000;
const PHONE = { width: 360, height: 760 };
const GROUP = { slug: 'southeast-asia-forum', name: 'Southeast Asia forum' };

const sari = { email: 'sari@anyam.test', password: 'anyam-demo-2023', name: 'Sari Wulandari' };
const lucia = { email: 'lucia@anyam.test', password: 'anyam-demo-2023', name: 'Lucía Quispe' };

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function signIn(page, baseUrl, { email, password, name }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByRole('link', { name }).waitFor();
}

async function noSideways(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

describe('forum pages', () => {
  let app;
  let browser;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('visitor pages at 360 px pass axe and do not scroll sideways', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: PHONE });

    await page.goto(`${app.baseUrl}/forum`);
    await heading(page, en.groups.title);
    await page.getByRole('link', { name: GROUP.name }).waitFor();
    await expectNoA11yViolations(page, 'forum groups, signed out, 360 px');
    await noSideways(page, 'forum groups');
    await screenshot(page, 'forum-groups-en-360');

    await page.getByRole('link', { name: GROUP.name }).click();
    await heading(page, GROUP.name);
    const demo = page.getByRole('link', { name: 'Bagaimana memulai diversifikasi pendanaan di luar donor?' });
    await demo.waitFor();
    await page.getByRole('link', { name: en.group.signInToPost }).waitFor();
    await expectNoA11yViolations(page, 'forum group, signed out, 360 px');
    await noSideways(page, 'forum group');
    await screenshot(page, 'forum-group-en-360');

    await demo.click();
    await heading(page, 'Bagaimana memulai diversifikasi pendanaan di luar donor?');
    await page.getByRole('link', { name: en.thread.signInToReply }).waitFor();
    await expectNoA11yViolations(page, 'forum thread, signed out, 360 px');
    await noSideways(page, 'forum thread');
    await screenshot(page, 'forum-thread-en-360');
    await page.setViewportSize({ width: 320, height: 700 });
    await noSideways(page, 'forum thread at 320 px');
    await page.setViewportSize(PHONE);

    // Search in each post's own language: "dana" finds "pendanaan".
    await page.goto(`${app.baseUrl}/forum`);
    await page.getByRole('searchbox', { name: en.groups.searchLabel }).fill('dana');
    await page.getByRole('button', { name: en.groups.searchButton }).click();
    await heading(page, en.search.title);
    await page.getByRole('link', { name: 'Bagaimana memulai diversifikasi pendanaan di luar donor?' }).first().waitFor();
    assert.ok((await page.locator('.an-forum-snippet mark').count()) > 0, 'the snippet highlights the match');
    await expectNoA11yViolations(page, 'forum search, signed out, 360 px');
    await noSideways(page, 'forum search');
    await screenshot(page, 'forum-search-en-360');

    // Starting a thread needs an account.
    await page.goto(`${app.baseUrl}/forum/${GROUP.slug}/new`);
    await heading(page, 'Sign in');
    await page.close();
  });

  test('ask, reply with a quote and a mention, see it live, accept the answer', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const asker = await newPage(browser);
    const helper = await newPage(browser);
    const title = `Bagaimana menyusun laporan donor yang sederhana? ${Date.now()}`;
    const question = 'Kami organisasi kecil di Makassar. Bagaimana cara menyusun laporan keuangan untuk donor tanpa akuntan?';
    const answer = 'Empiecen con una plantilla de ingresos y gastos por proyecto; nosotras la compartimos en la red.';

    // Sari asks, in Indonesian (her profile language).
    await signIn(asker, app.baseUrl, sari);
    await asker.getByRole('navigation').getByRole('link', { name: 'Forum' }).click();
    await heading(asker, id.groups.title);
    await expectNoA11yViolations(asker, 'forum groups, signed in, Indonesian');
    await asker.getByRole('link', { name: GROUP.name }).click();
    await heading(asker, GROUP.name);
    await expectNoA11yViolations(asker, 'forum group, signed in, Indonesian');
    await screenshot(asker, 'forum-group-id-1280');
    await asker.getByRole('link', { name: id.group.startThread }).click();
    await heading(asker, id.newThread.title);
    assert.equal(await asker.getByLabel(id.newThread.language).inputValue(), 'id', 'the language defaults to the interface language');
    // Submitting empty names the fixes.
    await asker.getByRole('button', { name: id.newThread.submit }).click();
    await asker.locator('.an-error-summary').getByText(id.rules.titleRequired).waitFor();
    await expectNoA11yViolations(asker, 'new thread with errors, Indonesian');
    await asker.getByLabel(id.newThread.titleLabel).fill(title);
    await asker.getByLabel(id.newThread.bodyLabel).fill(question);
    await screenshot(asker, 'forum-new-thread-id-1280');
    await asker.getByRole('button', { name: id.newThread.submit }).click();
    await heading(asker, title);
    const threadUrl = asker.url();
    assert.match(threadUrl, /\/forum\/t\/[^/]+$/);
    await asker.getByText(question).waitFor();
    await expectNoA11yViolations(asker, 'thread, signed in, Bahasa Indonesia');

    // Lucía replies, in Spanish: quotes the question and mentions Sari.
    await signIn(helper, app.baseUrl, lucia);
    await helper.goto(threadUrl);
    await heading(helper, title);
    await helper.getByRole('button', { name: fill(es.thread.quoteLabel, { name: sari.name }) }).click();
    const box = helper.getByLabel(es.thread.replyLabel, { exact: true });
    await box.waitFor();
    const prefilled = await box.inputValue();
    assert.match(prefilled, /^> \*\*Sari Wulandari escribió:\*\*/);
    assert.ok(prefilled.includes(`> ${question}`), 'the reply starts with the quoted question');
    assert.ok(prefilled.trimEnd().endsWith('@Sari'), 'the quote ends with a mention of the asker');
    await box.press('End');
    await box.pressSequentially(` ${answer}`, { delay: 0 });
    await helper.getByRole('button', { name: es.thread.send }).click();
    const mine = helper.locator('article.an-forum-post', { hasText: answer });
    await mine.waitFor();
    await mine.locator('blockquote').waitFor();
    assert.equal(await box.inputValue(), '', 'the reply box is emptied after sending');

    // A second reply within 10 s is refused with the wait, in her language, and her text is kept.
    await box.fill('Y otra cosa: guarden los recibos.');
    await helper.getByRole('button', { name: es.thread.send }).click();
    const waitMessage = new RegExp(es.errors.wait_other.replace('{{count}}', '\\d+').replace(/[.?]/g, '\\$&'));
    await helper.locator('#forum-reply-body-error').getByText(waitMessage).waitFor();
    assert.equal(await box.inputValue(), 'Y otra cosa: guarden los recibos.');
    assert.equal(await helper.locator('article.an-forum-post', { hasText: 'guarden los recibos' }).count(), 0);

    // Sari sees it without reloading, announced politely, and accepts it.
    const reply = asker.locator('article.an-forum-post', { hasText: answer });
    await reply.waitFor({ timeout: 20_000 });
    await asker.getByTestId('live-polite').getByText(fill(id.thread.newReply, { name: lucia.name })).waitFor();
    assert.ok((await reply.locator('blockquote').count()) > 0, 'the quote shows in the reply');
    await reply.getByRole('button', { name: id.thread.accept }).click();
    await asker.locator('article.an-forum-post--accepted', { hasText: answer }).waitFor();
    await reply.getByText(id.thread.acceptedAnswer).first().waitFor();
    assert.equal(await reply.getByRole('button', { name: id.thread.accept }).count(), 0, 'no accept button on the accepted answer');
    await expectNoA11yViolations(asker, 'thread with accepted answer, Bahasa Indonesia');
    await screenshot(asker, 'forum-thread-id-1280');

    // After a reload the answer is still accepted and listed right after the question.
    await asker.reload();
    await heading(asker, title);
    const order = await asker.locator('article.an-forum-post').evaluateAll((nodes) => nodes.map((n) => n.className));
    assert.ok(order[1]?.includes('an-forum-post--accepted'), 'the accepted answer comes right after the question');

    // The same thread at 360 px in Indonesian.
    await asker.setViewportSize(PHONE);
    await expectNoA11yViolations(asker, 'thread, Bahasa Indonesia, 360 px');
    await noSideways(asker, 'thread at 360 px');
    await screenshot(asker, 'forum-thread-id-360');

    // Search signed in.
    await asker.goto(`${app.baseUrl}/forum/search?q=${encodeURIComponent('laporan donor')}`);
    await asker.getByRole('link', { name: title }).first().waitFor();
    await expectNoA11yViolations(asker, 'search, signed in, Indonesian');

    await asker.close();
    await helper.close();
  });
});
