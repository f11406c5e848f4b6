// Forum journey in two browsers: Sari (who reads Anyam in Bahasa Indonesia) asks a question in the Southeast Asia
// regional forum; Lucía (in Spanish) opens it, quotes the question and mentions Sari by @name in her reply; Sari
// sees the reply appear without reloading, announced in the polite live region, and accepts it as the answer.
// Then the rest of the thread page (reactions, Markdown preview, draft autosave, edit history, delete with
// confirmation, flag dialog), the notifications page and its settings, and the group's moderation queue worked by
// the network admin (pin, lock, dismiss a flag). axe-core runs on every page signed out (at 360 px, English) and
// signed in (Indonesian, Spanish, English), with dialogs open; screenshots at 360 and 1280 px go to
// tests/e2e/artifacts. The visitor's first load of a thread page is measured and must stay under 200 KB.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, screenshot, startApp, noSideways } from './support/harness.mjs';
import { firstLoadBytes, kb } from './support/transfer.mjs';

const strings = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/forum/src/locales/${lang}.json`), 'utf8'));
const en = strings('en');
const id = strings('id');
const es = strings('es');
const notes = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/notifications/src/locales/${lang}.json`), 'utf8'));
const web = (lang) => JSON.parse(readFileSync(path.join(ROOT, `apps/web/src/locales/${lang}.json`), 'utf8'));
const FIRST_LOAD_BUDGET = 200_000;
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));
const TIMEOUT = 300_000;
const PHONE = { width: 360, height: 760 };
const GROUP = { slug: 'southeast-asia-forum', name: 'Southeast Asia forum' };

const sari = { email: 'sari@anyam.test', password: 'anyam-demo-2023', name: 'Sari Wulandari' };
const lucia = { email: 'lucia@anyam.test', password: 'anyam-demo-2023', name: 'Lucía Quispe' };
const admin = { email: 'admin@anyam.test', password: 'anyam-demo-2023', name: 'Network Admin' };

/** Both sizes of a page: 360 px (phone) and 1280 px, each checked for sideways scrolling. */
async function bothSizes(page, name) {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  await noSideways(page, `${name} at 360 px`);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize(before);
}

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

    const threadPath = await demo.getAttribute('href');
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
    // Narrowed by period (the demo thread is recent), kept in the address.
    await page.getByLabel(en.search.period).selectOption('week');
    await page.waitForURL(/period=week/);
    await page.getByRole('link', { name: 'Bagaimana memulai diversifikasi pendanaan di luar donor?' }).first().waitFor();
    await expectNoA11yViolations(page, 'forum search, signed out, 360 px');
    await noSideways(page, 'forum search');
    await screenshot(page, 'forum-search-en-360');

    // Starting a thread, notifications and moderation need an account.
    for (const where of [`/forum/${GROUP.slug}/new`, '/notifications', `/forum/${GROUP.slug}/moderation`]) {
      await page.goto(`${app.baseUrl}${where}`);
      await heading(page, 'Sign in');
    }
    await page.close();

    // What a visitor's phone downloads to open a thread, from an empty cache (compressed, as sent).
    const load = await firstLoadBytes(browser, app.baseUrl + threadPath, {
      ready: (p) => p.locator('article.an-forum-post').first().waitFor(),
    });
    process.stdout.write(`thread page first load (visitor, 360 px): ${kb(load.total)} in ${load.requests} requests\n`);
    assert.ok(load.total < FIRST_LOAD_BUDGET, `the thread page's first load is ${kb(load.total)}, over ${kb(FIRST_LOAD_BUDGET)}`);

    // Scripts go out as their build-time Brotli twin to browsers that accept br, as plain files to others.
    const html = await (await fetch(`${app.baseUrl}/`, { headers: { accept: 'text/html' } })).text();
    // The largest script index.html loads or preloads (tiny files get no twin).
    const script = [...html.matchAll(/"(\/assets\/[^"]+\.js)"/g)]
      .map((m) => m[1])
      .sort((a, b) => readFileSync(path.join(ROOT, 'dist/web', b)).length - readFileSync(path.join(ROOT, 'dist/web', a)).length)[0];
    assert.ok(script, 'index.html loads a script from /assets');
    const onDisk = readFileSync(path.join(ROOT, 'dist/web', script), 'utf8');
    const br = await fetch(app.baseUrl + script, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
    assert.match(br.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await br.text(), onDisk, 'the Brotli twin decodes to the built file');
    const plain = await fetch(app.baseUrl + script, { headers: { 'accept-encoding': 'identity' } });
    assert.notEqual(plain.headers.get('content-encoding'), 'br');
    assert.equal(await plain.text(), onDisk);
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
    const askedAt = Date.now();
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
    assert.ok(prefilled.trimEnd().endsWith('@sari_wulandari'), 'the quote ends with a mention of the asker by handle');
    await box.press('End');
    await box.pressSequentially(` ${answer}`, { delay: 0 });
    // The preview shows the Markdown formatted: the quote as a quote, the bold name in bold.
    await helper.getByRole('button', { name: es.newThread.preview }).click();
    const preview = helper.getByRole('region', { name: es.newThread.previewLabel });
    await preview.locator('blockquote strong').getByText(fill(es.thread.wrote, { name: sari.name })).waitFor();
    await expectNoA11yViolations(helper, 'reply preview, Spanish');
    await helper.getByRole('button', { name: es.newThread.edit }).click();
    await box.waitFor();
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
    // Only her own posts: her question is still there.
    await asker.getByRole('checkbox', { name: id.search.mine }).check();
    await asker.waitForURL(/mine=1/);
    await asker.getByRole('link', { name: title }).first().waitFor();
    await expectNoA11yViolations(asker, 'search, signed in, Indonesian');

    // Sari thanks Lucía with a reaction: a toggle button with its count in its name.
    await asker.setViewportSize({ width: 1280, height: 900 });
    await asker.goto(threadUrl);
    await heading(asker, title);
    const thanks = asker
      .locator('article.an-forum-post', { hasText: answer })
      .getByRole('button', { name: id.reactions.name.THANKS, exact: true });
    await thanks.focus();
    await asker.keyboard.press('Enter');
    const thanked = asker
      .locator('article.an-forum-post', { hasText: answer })
      .getByRole('button', { name: `${id.reactions.name.THANKS} 1`, exact: true });
    await thanked.waitFor();
    assert.equal(await thanked.getAttribute('aria-pressed'), 'true');
    // Own posts take no reactions: the question shows none of the buttons to its author.
    assert.equal(await asker.locator('article.an-forum-post').first().locator('.an-forum-reaction').count(), 0);

    // A draft survives a reload: typed, saved after a pause, restored in the box.
    const sariBox = asker.getByLabel(id.thread.replyLabel, { exact: true });
    await sariBox.fill('Terima kasih banyak, Lucía! Kami akan mencoba templatnya.');
    await asker.getByText(id.draft.saved).waitFor();
    await asker.reload();
    await heading(asker, title);
    assert.equal(await sariBox.inputValue(), 'Terima kasih banyak, Lucía! Kami akan mencoba templatnya.', 'the draft is back after a reload');
    // Members post at most once every 10 s (a rate limit the API enforces): on a fast machine the journey
    // gets here sooner than that after her question.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, askedAt + 10_500 - Date.now())));
    await asker.getByRole('button', { name: id.thread.send }).click();
    const sariReply = asker.locator('article.an-forum-post', { hasText: 'Kami akan mencoba templatnya' });
    await sariReply.locator('.an-forum-post__actions').waitFor();

    // Deleting her own reply asks first (an accessible modal), then leaves the "removed" placeholder.
    await sariReply.getByRole('button', { name: fill(id.thread.deleteLabel, { number: 3 }) }).click();
    const confirm = asker.getByRole('dialog', { name: id.thread.deleteTitle });
    await confirm.waitFor();
    await expectNoA11yViolations(asker, 'delete confirmation, Indonesian');
    await screenshot(asker, 'forum-delete-dialog-id-1280');
    await confirm.getByRole('button', { name: id.thread.deleteConfirm }).click();
    await asker.getByText(id.thread.deleted).waitFor();
    await asker.locator('article.an-forum-post[data-post-number="3"] .an-forum-post__body--removed').waitFor();

    // The bell and the notifications page: Lucía's mention, in Indonesian, links to her post.
    const sariWeb = web('id');
    await asker.getByRole('link', { name: new RegExp(fill(sariWeb.bell.unread_other, { count: '\\d+' })) }).click();
    const idNotes = notes('id');
    await heading(asker, idNotes.page.title);
    const mention = asker.getByRole('link', { name: fill(idNotes.kind.forum.mention, { actorName: lucia.name, threadTitle: title }) });
    await mention.waitFor();
    await expectNoA11yViolations(asker, 'notifications, Indonesian');
    await bothSizes(asker, 'notifications-id');
    await asker.getByRole('button', { name: idNotes.page.markAll }).click();
    await asker.getByText(fill(idNotes.page.unread_other, { count: 0 })).waitFor();
    await asker.getByRole('link', { name: sariWeb.bell.none }).waitFor();
    await mention.click();
    await heading(asker, title);
    assert.match(asker.url(), /#post-/);

    // Settings: the daily e-mail digest, switched off and kept.
    await asker.goto(`${app.baseUrl}/notifications/settings`);
    await heading(asker, idNotes.settings.title);
    const digest = asker.getByLabel(idNotes.settings.digest);
    assert.equal(await digest.isChecked(), true, 'the digest is on by default');
    await digest.press('Space');
    await asker.getByRole('button', { name: idNotes.settings.save }).click();
    await asker.getByRole('main').getByText(idNotes.settings.saved).waitFor();
    await expectNoA11yViolations(asker, 'notification settings, Indonesian');
    await bothSizes(asker, 'notification-settings-id');
    await asker.reload();
    await heading(asker, idNotes.settings.title);
    await asker.getByLabel(idNotes.settings.digest).waitFor();
    assert.equal(await asker.getByLabel(idNotes.settings.digest).isChecked(), false, 'the setting is saved');

    // Lucía edits her answer; the edit history shows what it said before.
    await helper.reload();
    await heading(helper, title);
    const hers = helper.locator('article.an-forum-post', { hasText: answer });
    await hers.getByRole('button', { name: fill(es.thread.editLabel, { number: 2 }) }).click();
    const editBox = helper.getByLabel(fill(es.thread.editBodyLabel, { number: 2 }));
    await editBox.waitFor();
    await editBox.press('Control+End');
    await editBox.pressSequentially(' Y guarden los recibos.', { delay: 0 });
    await helper.getByRole('button', { name: es.thread.editSave }).click();
    await hers.getByText('Y guarden los recibos.').waitFor();
    await hers.getByRole('button', { name: fill(es.thread.historyLabel, { number: 2 }) }).click();
    const historyDialog = helper.getByRole('dialog', { name: fill(es.thread.historyTitle, { number: 2 }) });
    await historyDialog.getByText(es.thread.historyBefore).waitFor();
    assert.ok(!(await historyDialog.locator('pre').first().innerText()).includes('guarden los recibos'), 'the history shows the text before the edit');
    await expectNoA11yViolations(helper, 'edit history dialog, Spanish');
    await screenshot(helper, 'forum-history-dialog-es-1280');
    await helper.keyboard.press('Escape');
    await historyDialog.waitFor({ state: 'hidden' });

    // Lucía flags the demo thread's reply by Dewi, by keyboard: the dialog asks for a reason first.
    await helper.goto(`${app.baseUrl}/forum/${GROUP.slug}`);
    await helper.getByRole('link', { name: 'Bagaimana memulai diversifikasi pendanaan di luar donor?' }).click();
    await heading(helper, 'Bagaimana memulai diversifikasi pendanaan di luar donor?');
    const flagButton = helper.getByRole('button', { name: fill(es.flag.buttonLabel, { number: 2, name: 'Dewi Lestari' }) });
    await flagButton.focus();
    await helper.keyboard.press('Enter');
    const flagDialog = helper.getByRole('dialog', { name: es.flag.title });
    await flagDialog.waitFor();
    await flagDialog.getByRole('button', { name: es.flag.submit }).click();
    await flagDialog.getByText(es.flag.reasonRequired).waitFor();
    await expectNoA11yViolations(helper, 'flag dialog with its error, Spanish');
    await bothSizes(helper, 'forum-flag-dialog-es');
    await flagDialog.getByLabel(es.flag.reasons.offTopic).check();
    await flagDialog.getByLabel(es.flag.details).fill('No responde a la pregunta.');
    await flagDialog.getByRole('button', { name: es.flag.submit }).click();
    await flagDialog.waitFor({ state: 'hidden' });
    await helper.getByTestId('live-polite').getByText(es.flag.sent).waitFor();
    assert.equal(await helper.evaluate(() => document.activeElement?.textContent?.trim()), es.flag.button, 'focus is back on the Flag button');

    // The network admin moderates the group: the queue shows the flag with its reason; keeping the post clears it.
    const mod = await newPage(browser);
    await signIn(mod, app.baseUrl, admin);
    await mod.goto(`${app.baseUrl}/forum/${GROUP.slug}`);
    await heading(mod, GROUP.name);
    await mod.getByRole('link', { name: en.queue.link }).click();
    await heading(mod, en.queue.title);
    const item = mod.locator('.an-forum-queue__item', { hasText: 'No responde a la pregunta.' });
    await item.waitFor();
    await item.getByText(fill(en.queue.flagged_one, { count: 1 })).waitFor();
    await expectNoA11yViolations(mod, 'moderation queue, English');
    await bothSizes(mod, 'forum-moderation-en');
    await item.getByRole('button', { name: fill(en.queue.dismissLabel, { name: 'Dewi Lestari' }) }).click();
    await mod.getByTestId('live-polite').getByText(en.queue.done.dismiss).waitFor();
    await item.waitFor({ state: 'detached' });

    // The group's setting to hold new members' first posts, saved and shown again after a reload.
    await mod.getByLabel(en.groupSettings.hold).check();
    await mod.getByRole('button', { name: en.groupSettings.save }).click();
    await mod.getByRole('main').getByText(en.groupSettings.saved).waitFor();
    await expectNoA11yViolations(mod, 'moderation queue with saved group settings, English');
    await mod.reload();
    await heading(mod, en.queue.title);
    await mod.getByLabel(en.groupSettings.hold).waitFor();
    assert.equal(await mod.getByLabel(en.groupSettings.hold).isChecked(), true, 'the group now holds first posts');
    await mod.getByLabel(en.groupSettings.hold).uncheck();
    await mod.getByRole('button', { name: en.groupSettings.save }).click();
    await mod.getByRole('main').getByText(en.groupSettings.saved).waitFor();

    // Moderator tools on the thread: pin and lock, seen by the asker too.
    await mod.goto(threadUrl);
    await heading(mod, title);
    await mod.getByRole('heading', { name: en.moderation.threadTools }).waitFor();
    await mod.getByRole('button', { name: en.moderation.pin }).click();
    await mod.getByRole('button', { name: en.moderation.unpin }).waitFor();
    await mod.getByRole('button', { name: en.moderation.lock }).click();
    await mod.getByRole('button', { name: en.moderation.unlock }).waitFor();
    await mod.getByText(en.thread.locked).waitFor();
    await expectNoA11yViolations(mod, 'thread with moderator tools, English');
    await bothSizes(mod, 'forum-thread-moderator-en');
    await asker.goto(threadUrl);
    await heading(asker, title);
    await asker.getByText(id.thread.locked).waitFor();
    await asker.locator('.an-forum-markers').getByText(id.group.pinned).waitFor();
    assert.equal(await asker.getByLabel(id.thread.replyLabel, { exact: true }).count(), 0, 'a locked thread takes no replies');

    await mod.close();
    await asker.close();
    await helper.close();
  });
});
