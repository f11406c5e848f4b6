// Meetings journey (issue 6) in two browsers: Dewi, coordinator of Re.Search in Jalin Tenggara (reads Anyam in
// Bahasa Indonesia, zone Asia/Jakarta), schedules the monthly Jalin Tenggara hub meeting with the readable
// recurrence editor ("every second Tuesday at 09:00 Asia/Jakarta"), checks the server's preview, and adds an
// agenda item. Lucía, a member in Lima (Spanish, America/Lima), opens the meeting, sees it at 21:00 the Monday
// before in Lima with the Jakarta time in the detail line, answers "going online" (seats left go down), downloads
// the .ics file (its contents are checked), finds it under "my meetings", makes her private feed and reads it,
// and sees the inter-hub meeting's local time in each hub side by side.
// axe-core runs on every meetings page (calendar list/week/month, meeting page, series form, my meetings, feeds);
// screenshots at 360 and 1280 px go to tests/e2e/artifacts. The month grid is walked with the keyboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, screenshot, startApp, noSideways } from './support/harness.mjs';

const strings = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/meetings/src/locales/${lang}.json`), 'utf8'));
const en = strings('en');
const id = strings('id');
const es = strings('es');
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));
const TIMEOUT = 300_000;
const PHONE = { width: 360, height: 760 };
const WIDE = { width: 1280, height: 900 };

const dewi = { email: 'dewi@anyam.test', password: 'anyam-demo-2023', name: 'Dewi Lestari' };
const lucia = { email: 'lucia@anyam.test', password: 'anyam-demo-2023', name: 'Lucía Quispe' };
const TITLE = 'Pertemuan bulanan hub Jalin Tenggara 2027';
// 12 January 2027 is the second Tuesday of the month; 09:00 in Jakarta (UTC+7) is 02:00 UTC, 21:00 on Monday 11 in Lima.
const FIRST = { date: '2027-01-12', time: '09:00', utc: '2027-01-12T02:00:00.000Z' };

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

/** axe, no sideways scroll and a screenshot at 360 px and at 1280 px. */
async function checkBothWidths(page, label, name) {
  for (const [viewport, suffix] of [
    [PHONE, '360'],
    [WIDE, '1280'],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await expectNoA11yViolations(page, `${label}, ${suffix} px`);
    await noSideways(page, `${label} at ${suffix} px`);
    await screenshot(page, `${name}-${suffix}`);
  }
}

describe('meetings pages', () => {
  let app;
  let browser;
  let meetingPath;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('visitor: agenda list on a phone, month grid by keyboard on a wide screen, filters, week', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto(`${app.baseUrl}/meetings`);
    await heading(page, en.calendar.title);
    // Phones start on the list.
    const views = page.getByRole('navigation', { name: en.calendar.views });
    assert.equal(await views.getByRole('link', { name: en.calendar.view.list }).getAttribute('aria-current'), 'page');
    await page.getByRole('link', { name: /^Jalin Tenggara monthly hub meeting/ }).first().waitFor();
    await expectNoA11yViolations(page, 'meetings list, signed out, 360 px');
    await noSideways(page, 'meetings list');
    await screenshot(page, 'meetings-list-en-360');

    // Filter by kind: the inter-hub meeting is hubs-only, so a visitor sees no inter-hub meeting at all.
    // On phones the filters are folded under their summary; Enter opens them.
    await page.locator('summary', { hasText: en.calendar.filters }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(en.calendar.kind).selectOption('inter_hub');
    await page.locator('summary', { hasText: fill(en.calendar.filtersActive_one, { count: 1 }) }).waitFor();
    await page.getByText(en.calendar.empty).waitFor();
    await page.getByLabel(en.calendar.kind).selectOption('');
    await page.getByRole('link', { name: /^Jalin Tenggara monthly hub meeting/ }).first().waitFor();

    // Wide screens start on the month; the grid is one tab stop and moves with the arrow keys.
    await page.setViewportSize(WIDE);
    await page.goto(`${app.baseUrl}/meetings?day=2027-03-01`);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    assert.equal(await views.getByRole('link', { name: en.calendar.view.month }).getAttribute('aria-current'), 'page');
    const focusable = await grid.locator('button[tabindex="0"]').count();
    assert.equal(focusable, 1, 'the month grid has exactly one tab stop');
    await grid.locator('button[tabindex="0"]').focus();
    // 1 March 2027 → ArrowDown ×1 = 8 March → ArrowRight = 9 March, the second Tuesday.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.querySelector('.an-vh')?.textContent ?? '');
    assert.match(focused, /9 March 2027/);
    assert.match(focused, /1 meeting|2 meetings/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Meetings on Tuesday,? 9 March 2027/ }).waitFor();
    await page.getByRole('region', { name: /Meetings on Tuesday,? 9 March 2027/ }).getByRole('link', { name: /^Jalin Tenggara monthly hub meeting/ }).waitFor();
    await expectNoA11yViolations(page, 'meetings month, signed out, 1280 px');
    await noSideways(page, 'meetings month');
    await screenshot(page, 'meetings-month-en-1280');
    // Page Down moves to the next month.
    await page.getByRole('grid').locator('button[tabindex="0"]').focus();
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { level: 2, name: /April 2027/ }).waitFor();

    await page.setViewportSize(PHONE);
    await page.goto(`${app.baseUrl}/meetings?view=month&day=2027-03-09`);
    await page.getByRole('grid').waitFor();
    await expectNoA11yViolations(page, 'meetings month, signed out, 360 px');
    await noSideways(page, 'meetings month at 360 px');
    await screenshot(page, 'meetings-month-en-360');
    // The narrowest phones: nothing scrolls sideways at 320 px either.
    await page.setViewportSize({ width: 320, height: 700 });
    await noSideways(page, 'meetings month at 320 px');
    await page.goto(`${app.baseUrl}/meetings?view=list`);
    await page.getByRole('link', { name: /^Jalin Tenggara monthly hub meeting/ }).first().waitFor();
    await noSideways(page, 'meetings list at 320 px');
    await page.setViewportSize(PHONE);

    await page.goto(`${app.baseUrl}/meetings?view=week&day=2027-03-09`);
    await page.getByRole('heading', { level: 3, name: /Tuesday,? 9 March 2027/ }).waitFor();
    await checkBothWidths(page, 'meetings week, signed out', 'meetings-week-en');
    await page.close();
  });

  test('Dewi schedules the monthly Jalin Tenggara hub meeting with the recurrence editor', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: WIDE });
    await signIn(page, app.baseUrl, dewi);
    // Dewi's profile language is Indonesian.
    await page.goto(`${app.baseUrl}/meetings?view=list`);
    await heading(page, id.calendar.title);
    await page.getByRole('link', { name: /^Jalin Tenggara monthly hub meeting/ }).first().waitFor();
    await checkBothWidths(page, 'meetings list (Dewi, Indonesian)', 'meetings-list-id');
    await page.getByRole('link', { name: id.calendar.newSeries }).first().click();
    await heading(page, id.form.newTitle);

    await page.getByLabel(id.form.title, { exact: true }).fill(TITLE);
    await page.getByLabel(id.form.description).fill('Kabar dari setiap hub, satu masalah bersama, langkah berikutnya.');
    await page.getByLabel(id.form.kind).selectOption('regional');
    await page.getByRole('checkbox', { name: /Ananta Fund/ }).check();
    await page.getByRole('checkbox', { name: /REACH/ }).check();
    // The organising hub's zone is the default.
    assert.equal(await page.getByLabel(id.form.timeZone).inputValue(), 'Asia/Jakarta');
    await page.getByLabel(id.form.firstDate).fill(FIRST.date);
    await page.getByLabel(fill(id.form.time, { zone: 'Asia/Jakarta' })).fill(FIRST.time);
    await page.getByLabel(id.form.duration).fill('90');
    await page.getByLabel(id.form.repeats).selectOption('monthly');
    // The first date fixes the default: the second Tuesday. The sentence reads it back.
    const sentence = page.locator('.an-recurrence__sentence');
    await sentence.waitFor();
    const text = await sentence.textContent();
    assert.match(text, /Setiap Selasa kedua dalam sebulan pukul 09:00 Asia\/Jakarta/);
    await page.getByLabel(id.form.end.count).check();
    await page.getByLabel(id.form.count, { exact: true }).fill('12');
    assert.match(await sentence.textContent(), /12 kali/);

    // The preview comes from the server: the next five meetings, the first on Tuesday 12 January 2027 at 09:00 WIB.
    const preview = page.getByRole('region', { name: id.form.preview });
    await preview.locator('li').nth(4).waitFor();
    const rows = await preview.locator('li').allTextContents();
    assert.equal(rows.length, 5);
    assert.match(rows[0], /12 Jan 2027/);
    assert.match(rows[0], /09\.00|09:00/);
    assert.match(rows[0], /Asia\/Jakarta/);
    assert.match(rows[1], /9 Feb 2027/);

    await page.getByLabel(id.form.mode).selectOption('hybrid');
    await page.getByLabel(id.form.place, { exact: true }).fill('Kantor PLUS, Surabaya, Indonesia');
    await page.getByLabel(id.form.onlineUrl).fill('https://meet.example.org/jalin-tenggara-2027');
    await page.getByLabel(id.form.capacityInPerson).fill('20');
    await page.getByLabel(id.form.capacityOnline).fill('50');
    await checkBothWidths(page, 'series form (Dewi, Indonesian)', 'meetings-series-form-id');

    await page.getByRole('button', { name: id.form.create }).click();
    await heading(page, TITLE);
    meetingPath = new URL(page.url()).pathname;
    assert.match(decodeURIComponent(meetingPath), new RegExp(`/meetings/[0-9a-f-]+/${FIRST.utc.replace(/\./g, '\\.')}$`));
    // Dewi sees it in her own zone, planned there.
    const when = await page.locator('.an-meeting-when').textContent();
    assert.match(when, /12 Jan 2027/);
    assert.match(when, /09\.00|09:00/);
    await page.getByText(id.occurrence.plannedHere).waitFor();

    // The organiser writes the agenda.
    await page.getByRole('button', { name: id.agenda.edit }).click();
    await page.getByLabel(id.agenda.itemTitle, { exact: true }).fill('Kabar dari setiap hub');
    await page.getByLabel(id.agenda.presenter).fill('Dewi');
    await page.getByLabel(id.agenda.allotted).fill('30');
    await page.getByRole('button', { name: id.agenda.save }).click();
    await page.getByText('Kabar dari setiap hub').waitFor();
    await page.getByText(fill(id.agenda.total_other, { count: 30 })).waitFor();

    // Minutes in Markdown, shown as headings and lists, then published to the hub's forum.
    await page.getByRole('button', { name: id.minutes.write }).click();
    await page.getByRole('textbox', { name: id.minutes.label, exact: true }).fill('## Keputusan\n\n- Pertemuan berikutnya di **Bogor**\n- Kirim laporan keuangan');
    await page.getByRole('button', { name: id.minutes.save }).click();
    await page.getByRole('heading', { level: 4, name: 'Keputusan' }).waitFor();
    await page.locator('.an-minutes li strong', { hasText: 'Bogor' }).waitFor();
    await page.getByRole('button', { name: id.minutes.publish }).click();
    const inForum = page.getByRole('link', { name: id.minutes.inForum });
    await inForum.waitFor();
    assert.match(await inForum.getAttribute('href'), /^\/forum\/t\//);

    // An action item for herself.
    await page.getByLabel(id.actions.description).fill('Kirim undangan ke semua hub');
    await page.getByLabel(id.actions.owner).selectOption({ label: id.actions.me });
    await page.getByLabel(id.actions.dueOn).fill('2027-01-05');
    await page.getByRole('button', { name: id.actions.add }).click();
    await page.getByLabel(fill(id.actions.statusOf, { item: 'Kirim undangan ke semua hub' })).waitFor();
    await checkBothWidths(page, 'meeting page (organiser, Indonesian)', 'meetings-occurrence-organiser-id');

    // Editing the series reads the stored rule back into the editor.
    await page.getByRole('link', { name: id.organise.editSeries }).click();
    await heading(page, fill(id.form.editTitle, { title: TITLE }));
    assert.equal(await page.getByLabel(id.form.repeats).inputValue(), 'monthly');
    assert.equal(await page.getByLabel(id.form.count, { exact: true }).inputValue(), '12');
    assert.match(await page.locator('.an-recurrence__sentence').textContent(), /Setiap Selasa kedua dalam sebulan pukul 09:00 Asia\/Jakarta, 12 kali/);
    await expectNoA11yViolations(page, 'series edit form (Indonesian), 1280 px');
    await page.getByRole('button', { name: id.form.save }).click();
    await heading(page, TITLE);

    // An exception: the February meeting is cancelled, with a note, from its own page (by keyboard).
    const february = meetingPath.replace(encodeURIComponent(FIRST.utc), encodeURIComponent('2027-02-09T02:00:00.000Z'));
    await page.goto(`${app.baseUrl}${february}`);
    await heading(page, TITLE);
    await page.getByRole('button', { name: id.organise.cancel, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(id.organise.note).fill('Bertepatan dengan libur nasional.');
    await page.getByRole('button', { name: id.organise.confirmCancel }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(id.occurrence.cancelledNotice).waitFor();
    await page.getByText('Bertepatan dengan libur nasional.').waitFor();
    await page.close();
  });

  test('Lucía in Lima answers going online, sees the Lima time and downloads the meeting', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    assert.ok(meetingPath, 'the previous test scheduled the meeting');
    const page = await newPage(browser, { viewport: PHONE });
    await signIn(page, app.baseUrl, lucia);
    await page.goto(`${app.baseUrl}${meetingPath}`);
    await heading(page, TITLE);

    // 09:00 in Jakarta is 21:00 the Monday before in Lima; the detail line names the series' zone.
    const when = await page.locator('.an-meeting-when').textContent();
    assert.match(when, /lun/i);
    assert.match(when, /11/);
    assert.match(when, /21:00–22:30/);
    assert.match(when, /America\/Lima/);
    const detail = await page.getByText(/Asia\/Jakarta/).first().textContent();
    assert.match(detail, /09:00–10:30/);
    assert.match(detail, /mar/i);

    // Seats before and after the answer.
    await page.getByText(fill(es.rsvp.onlineSeats, { seats: fill(es.rsvp.seatsLeftOf_other, { count: 50, capacity: 50 }) })).waitFor();
    // By keyboard: focus the answer and press Enter.
    await page.getByRole('button', { name: es.rsvp.action.going_online }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(fill(es.rsvp.current, { answer: es.rsvp.answer.going_online })).waitFor();
    await page.getByText(fill(es.rsvp.onlineSeats, { seats: fill(es.rsvp.seatsLeftOf_other, { count: 49, capacity: 50 }) })).waitFor();
    assert.equal(await page.getByRole('button', { name: es.rsvp.action.going_online }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('link', { name: es.occurrence.join }).waitFor();

    // Download the meeting to a calendar and read the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: es.ics.download }).click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const file = await download.path();
    const ics = readFileSync(file, 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /BEGIN:VEVENT/);
    assert.match(ics.replace(/\r?\n[ \t]/g, ''), new RegExp(`SUMMARY:${TITLE}`));
    // The instant is the same as the page's: 09:00 Asia/Jakarta = 02:00 UTC on 12 January 2027.
    const unfolded = ics.replace(/\r?\n[ \t]/g, '');
    const start = /DTSTART(;TZID=([^:;]+))?:(\d{8}T\d{6}Z?)/.exec(unfolded);
    assert.ok(start, 'the .ics has a DTSTART');
    if (start[3].endsWith('Z')) assert.equal(start[3], '20270112T020000Z');
    else assert.deepEqual([start[2], start[3]], ['Asia/Jakarta', '20270112T090000']);
    assert.match(unfolded, /RECURRENCE-ID[^:]*:20270112T0(2|9)0000Z?/);
    assert.match(unfolded, /UID:[0-9a-f-]+@meetings\.anyam/);

    await checkBothWidths(page, 'meeting page (member in Lima, Spanish)', 'meetings-occurrence-member-es');
    await page.setViewportSize({ width: 320, height: 700 });
    await noSideways(page, 'meeting page at 320 px');
    await page.setViewportSize(PHONE);

    // My meetings lists it, at the Lima time.
    await page.goto(`${app.baseUrl}/meetings/mine`);
    await heading(page, es.mine.title);
    const mine = page.getByRole('link', { name: TITLE });
    await mine.waitFor();
    assert.match(await page.locator('.an-meeting', { has: mine }).locator('.an-meeting__time').textContent(), /21:00–22:30 .*America\/Lima/);
    await checkBothWidths(page, 'my meetings (Spanish)', 'meetings-mine-es');

    // The private feed: made once, shown to copy, and it carries the series she answered.
    await page.getByRole('link', { name: es.mine.feedLink }).click();
    await heading(page, es.feeds.title);
    await page.getByRole('button', { name: es.feeds.make }).click();
    const url = await page.getByLabel(es.feeds.urlLabel).inputValue();
    assert.match(url, /\/ical\/me\/[^/]+\.ics$/);
    const feed = await (await fetch(url)).text();
    assert.match(feed.replace(/\r?\n[ \t]/g, ''), new RegExp(`SUMMARY:${TITLE}`));
    assert.match(feed, /meet\.example\.org\/jalin-tenggara-2027/);

    // Reminder preferences: change one lead time, save, and find it saved after a reload.
    const leadTimes = page.getByRole('group', { name: es.reminders.when }).getByRole('checkbox');
    await leadTimes.first().waitFor();
    const before = await leadTimes.first().isChecked();
    await leadTimes.first().setChecked(!before);
    await page.getByRole('button', { name: es.reminders.save }).click();
    await page.getByRole('status').filter({ hasText: /Recordatorios guardados|sin recordatorios/ }).waitFor();
    await page.reload();
    await heading(page, es.feeds.title);
    await leadTimes.first().waitFor();
    assert.equal(await leadTimes.first().isChecked(), !before);
    await checkBothWidths(page, 'calendar feeds (Spanish)', 'meetings-feeds-es');

    // The inter-hub meeting (hubs only; Lucía coordinates Fondo Común Andino) shows each hub's local time.
    await page.setViewportSize(WIDE);
    await page.goto(`${app.baseUrl}/meetings?view=list&kind=inter_hub`);
    await page.getByRole('link', { name: /^Inter-hub: financial resilience/ }).first().click();
    await heading(page, /^Inter-hub: financial resilience/);
    const table = page.getByRole('table', { name: es.occurrence.hubTimes });
    await table.waitFor();
    const reSearch = await table.getByRole('row', { name: /Re\.Search/ }).textContent();
    const fondo = await table.getByRole('row', { name: /Fondo Común Andino/ }).textContent();
    assert.match(reSearch, /20:00/);
    assert.match(reSearch, /Asia\/Jakarta/);
    assert.match(fondo, /08:00/);
    assert.match(fondo, /America\/Lima/);
    await checkBothWidths(page, 'inter-hub meeting page (Spanish)', 'meetings-occurrence-interhub-es');
    await page.close();
  });
});
