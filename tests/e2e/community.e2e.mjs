// Community journey in a real browser: a coordinator (Dewi, who reads Anyam in Bahasa Indonesia) invites a new
// person to her organisation by e-mail; the invitee opens the mailed link, signs up, accepts, asks to join the
// by-request hub Re.Search; Dewi approves; the new member shows in the hub's member list only after choosing a
// visible directory setting. The join and approve steps use the keyboard alone. axe-core runs on every
// community page, signed out (at 360 px) and signed in, and on the hub page in Bahasa Indonesia.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, readMail, startApp } from './support/harness.mjs';

const strings = (lang) => JSON.parse(readFileSync(path.join(ROOT, `libs/client/community/src/locales/${lang}.json`), 'utf8'));
const en = strings('en');
const id = strings('id');
const TIMEOUT = 300_000;
const PHONE = { width: 360, height: 760 };

const dewi = { email: 'dewi@anyam.test', password: 'anyam-demo-2023', name: 'Dewi Lestari' };
const newcomer = {
  name: 'Rina Marlina',
  email: `rina.${Date.now()}@example.org`,
  password: 'tenun-ikat-biru-2025',
};

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

/** Presses Tab until the focused element's text matches, then returns; fails after `max` presses. */
async function tabTo(page, pattern, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    if (pattern.test(text)) return text;
  }
  throw new Error(`Tab never reached ${pattern}`);
}

function membersSection(page, lang) {
  return page.getByRole('region', { name: lang.members.ofHub, exact: true });
}

describe('community pages', () => {
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

  test('visitor pages at 360 px pass axe', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: PHONE });
    const noSideways = async (label) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px at 360 px`);
    };

    await page.goto(`${app.baseUrl}/regions`);
    await heading(page, en.regions.title);
    await page.getByRole('link', { name: 'Jalin Tenggara' }).first().waitFor();
    await expectNoA11yViolations(page, 'regions, signed out, 360 px');
    await noSideways('regions');

    await page.getByRole('link', { name: 'Southeast Asia' }).click();
    await heading(page, 'Southeast Asia');
    await page.getByRole('link', { name: 'Re.Search' }).waitFor();
    await expectNoA11yViolations(page, 'region, signed out, 360 px');

    await page.goto(`${app.baseUrl}/alliances/enlaza-sur`);
    await heading(page, 'Enlaza Sur');
    await page.getByRole('link', { name: 'Voces Andinas' }).waitFor();
    await expectNoA11yViolations(page, 'alliance, signed out, 360 px');

    // Hubs: the filters narrow the list
    await page.goto(`${app.baseUrl}/hubs`);
    await heading(page, en.hubs.title);
    await page.getByRole('link', { name: 'Re.Search' }).waitFor();
    await expectNoA11yViolations(page, 'hubs, signed out, 360 px');
    await noSideways('hubs');
    await page.getByLabel(en.hubs.region).selectOption({ label: 'Andean Region' });
    await page.getByRole('button', { name: en.hubs.apply }).click();
    await page.getByRole('link', { name: 'Voces Andinas' }).waitFor();
    await page.getByRole('link', { name: 'Re.Search' }).waitFor({ state: 'detached' });

    await page.goto(`${app.baseUrl}/hubs/re-search`);
    await heading(page, 'Re.Search');
    await page.getByText('Bogor, Indonesia').first().waitFor();
    await page.getByRole('link', { name: en.join.signIn }).first().waitFor();
    await expectNoA11yViolations(page, 'hub, signed out, 360 px');
    await noSideways('hub');

    await page.goto(`${app.baseUrl}/organisations/plus`);
    await heading(page, 'PLUS — Platform Usaha Sosial');
    await expectNoA11yViolations(page, 'organisation, signed out, 360 px');

    // Signed-in only pages send a visitor to sign in
    await page.goto(`${app.baseUrl}/members`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.close();
  });

  test('invite, sign up, accept, ask to join, approve, appear only when visible', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');

    // Dewi, coordinator of PLUS and of Re.Search (by request); her interface language is Indonesian.
    const coord = await newPage(browser);
    await signIn(coord, app.baseUrl, dewi);
    await coord.waitForFunction(() => document.documentElement.lang === 'id');
    await coord.goto(`${app.baseUrl}/organisations/plus`);
    await heading(coord, 'PLUS — Platform Usaha Sosial');
    await expectNoA11yViolations(coord, 'organisation, coordinator, id');
    const sentAt = Date.now();
    await coord.getByLabel(id.invite.email).fill(newcomer.email);
    await coord.getByRole('button', { name: id.invite.submit }).click();
    await coord.getByRole('status').filter({ hasText: newcomer.email }).waitFor();

    // The invitee opens the mailed link, signed out
    const mail = await readMail(app.mailDir, newcomer.email, { since: sentAt });
    const link = mail.text.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0];
    assert.ok(link, `an invitation link in the mail:\n${mail.text}`);
    const person = await newPage(browser);
    await person.goto(link);
    await heading(person, en.invitation.title.replace('{{target}}', 'PLUS — Platform Usaha Sosial'));
    await expectNoA11yViolations(person, 'invitation, signed out');

    // …signs up, and comes back to the invitation
    await person.getByRole('main').getByRole('link', { name: en.invitation.signUp }).click();
    await heading(person, 'Create your Anyam account');
    const main = person.getByRole('main');
    await main.getByLabel('Your name').fill(newcomer.name);
    await main.getByLabel('Email address').fill(newcomer.email);
    await main.getByLabel('Password', { exact: true }).fill(newcomer.password);
    await main.getByRole('button', { name: 'Create account' }).click();
    await person.getByRole('button', { name: en.invitation.accept }).waitFor();
    await expectNoA11yViolations(person, 'invitation, signed in');
    await person.getByRole('button', { name: en.invitation.accept }).click();
    await heading(person, 'PLUS — Platform Usaha Sosial');
    await person.getByText(en.organisation.yourRole).waitFor();

    // The link works once
    await person.goto(link);
    await heading(person, en.invitation.unusableTitle);

    // Asks to join the by-request hub, by keyboard only
    await person.goto(`${app.baseUrl}/hubs/re-search`);
    await heading(person, 'Re.Search');
    await person.getByRole('button', { name: en.join.ask }).waitFor();
    await expectNoA11yViolations(person, 'hub, signed-in non-member');
    await tabTo(person, new RegExp(`^${en.join.ask}$`));
    await person.keyboard.press('Enter');
    await person.getByText(en.join.pending).waitFor();

    // Dewi approves, by keyboard only; the request list says who is waiting
    await coord.goto(`${app.baseUrl}/hubs/re-search`);
    await heading(coord, 'Re.Search');
    await coord.getByText(newcomer.name).first().waitFor();
    await expectNoA11yViolations(coord, 'hub, coordinator with a pending request, id');
    await tabTo(coord, new RegExp(`^${id.requests.approve} ${newcomer.name}$`));
    await coord.keyboard.press('Enter');
    await coord.getByText(id.requests.none).waitFor();

    // Approved, but hidden by default: not in the hub's member list
    await coord.reload();
    await heading(coord, 'Re.Search');
    const coordMembers = membersSection(coord, id);
    await coordMembers.getByRole('link', { name: 'Sari Wulandari' }).waitFor();
    assert.equal(await coordMembers.getByText(newcomer.name).count(), 0, 'a hidden member is not listed');

    await person.reload();
    await person.getByRole('button', { name: en.join.leave }).waitFor();

    // The newcomer chooses to be seen by members of their hubs
    await person.goto(`${app.baseUrl}/profile/community`);
    await heading(person, en.profile.title);
    await expectNoA11yViolations(person, 'community profile');
    assert.equal(await person.getByRole('radio', { name: new RegExp(en.profile.visibilities.HIDDEN.label) }).isChecked(), true);
    await person.getByRole('radio', { name: new RegExp(en.profile.visibilities.HUBS.label) }).check();
    await person.getByLabel(en.profile.pronouns).fill('she/her');
    await person.getByLabel(en.profile.largerText).check();
    await person.getByRole('button', { name: en.profile.save }).click();
    await person.getByRole('status').filter({ hasText: en.profile.saved }).waitFor();
    // The saved preference applies to the whole interface at once, and after a reload.
    await person.waitForFunction(() => document.documentElement.hasAttribute('data-larger-text'));
    await person.reload();
    await person.waitForFunction(() => document.documentElement.hasAttribute('data-larger-text'));
    assert.equal(await person.evaluate(() => getComputedStyle(document.documentElement).fontSize), '19px');

    // …and now Dewi sees them in the list
    await coord.reload();
    await heading(coord, 'Re.Search');
    await membersSection(coord, id).getByRole('link', { name: newcomer.name }).waitFor();

    // Remaining pages, signed in: the directory, a member, the edit forms
    await person.goto(`${app.baseUrl}/members`);
    await heading(person, en.members.title);
    await person.getByRole('link', { name: dewi.name }).waitFor();
    await expectNoA11yViolations(person, 'member directory');
    await person.getByRole('link', { name: dewi.name }).click();
    await heading(person, dewi.name);
    await expectNoA11yViolations(person, 'member profile');

    await person.goto(`${app.baseUrl}/regions`);
    await heading(person, en.regions.title);
    await expectNoA11yViolations(person, 'regions, signed in');
    await person.goto(`${app.baseUrl}/hubs`);
    await heading(person, en.hubs.title);
    await expectNoA11yViolations(person, 'hubs, signed in');

    await coord.goto(`${app.baseUrl}/hubs/re-search/edit`);
    await heading(coord, id.edit.hubTitle);
    await expectNoA11yViolations(coord, 'hub edit, id');
    // Validation on leaving a field, then a server answer per field
    await coord.getByLabel(id.edit.latitude).fill('123');
    await coord.getByLabel(id.edit.latitude).blur();
    await coord.getByText(id.errors.latitude.outOfRange).first().waitFor();
    await coord.getByLabel(id.edit.latitude).fill('-6.5971');
    await coord.getByRole('button', { name: id.edit.save }).click();
    await heading(coord, 'Re.Search');

    await coord.goto(`${app.baseUrl}/organisations/plus/edit`);
    await heading(coord, id.edit.orgTitle);
    await expectNoA11yViolations(coord, 'organisation edit, id');

    await coord.goto(`${app.baseUrl}/members/does-not-exist`);
    await heading(coord, id.state.notFoundTitle);

    await coord.close();
    await person.close();
  });
});
