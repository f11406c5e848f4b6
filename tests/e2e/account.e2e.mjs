// Account journeys in a real browser: sign up, sign out and in, switch language (remembered for the
// member), reset a forgotten password by mail, the profile page; axe-core on every page, in English and
// Bahasa Indonesia, signed in and out. Everything is found by role and label, as a person would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, readMail, startApp } from './support/harness.mjs';

const webId = JSON.parse(readFileSync(path.join(ROOT, 'apps/web/src/locales/id.json'), 'utf8'));
const TIMEOUT = 240_000;

const member = {
  name: 'Siti Rahmawati',
  email: `siti.${Date.now()}@example.org`,
  password: 'tenun-ikat-biru-2025',
  newPassword: 'songket-merah-kunyit-7',
};

async function expectHeading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function expectLang(page, lang) {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function signIn(page, email, password) {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByRole('link', { name: member.name }).waitFor();
}

async function signOut(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
}

describe('account pages', () => {
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

  test('sign up, sign out and in, language, password reset and profile', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser);

    // Home, signed out
    await page.goto(app.baseUrl + '/');
    await expectHeading(page, 'Anyam: weaving civil society together');
    await expectLang(page, 'en');
    assert.match(await page.title(), /Anyam/);
    await expectNoA11yViolations(page, 'home, signed out');

    // The skip link is the first thing the keyboard reaches
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');

    // Sign up: the form, then its problems, then for real
    await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
    await expectHeading(page, 'Create your Anyam account');
    assert.equal(await page.title(), 'Create account · Anyam');
    await expectNoA11yViolations(page, 'sign-up form');

    const main = page.getByRole('main');
    await main.getByLabel('Email address').fill('siti@');
    await main.getByLabel('Email address').blur();
    await main.getByText('Enter an email address like name@example.org').first().waitFor();
    await main.getByRole('button', { name: 'Create account' }).click();
    await main.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await main.getByRole('link', { name: 'Enter your name' }).waitFor();
    assert.equal(await main.getByLabel('Your name').getAttribute('aria-invalid'), 'true');
    await expectNoA11yViolations(page, 'sign-up form with problems');

    await main.getByLabel('Your name').fill(member.name);
    await main.getByLabel('Email address').fill(member.email);
    await main.getByLabel('Password', { exact: true }).fill(member.password);
    assert.equal(await main.getByLabel('Language').inputValue(), 'en', 'language preselected from the interface');
    assert.ok(await main.getByLabel('Time zone', { exact: true }).inputValue(), 'a time zone is preselected');
    await main.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('banner').getByRole('link', { name: member.name }).waitFor();
    await expectHeading(page, `Welcome back, ${member.name}`);
    await expectNoA11yViolations(page, 'home, signed in');

    // Taken address: a message next to the field, never a code
    // (checked in a second browser context so this session stays signed in)
    const other = await newPage(browser);
    await other.goto(app.baseUrl + '/sign-up');
    await expectHeading(other, 'Create your Anyam account');
    await other.getByLabel('Your name').fill('Someone Else');
    await other.getByLabel('Email address').fill(member.email);
    await other.getByLabel('Password', { exact: true }).fill('another-long-passphrase');
    await other.getByRole('button', { name: 'Create account' }).click();
    await other.getByText(/An account already uses this email address/).first().waitFor();
    await other.close();

    // Sign out, sign in
    await signOut(page);
    await signIn(page, member.email, member.password);

    // Switch to Bahasa Indonesia: translated, announced in <html lang>, saved for the member
    const saved = page.waitForResponse((r) => r.url().endsWith('/graphql') && /UpdateProfile/.test(r.request().postData() ?? ''));
    await page.getByRole('banner').getByLabel('Language').selectOption('id');
    await expectLang(page, 'id');
    assert.equal((await saved).status(), 200);
    const greetingId = webId.home.greeting.replace('{{name}}', member.name);
    await expectHeading(page, greetingId);
    await expectNoA11yViolations(page, 'home, signed in, Bahasa Indonesia');

    // Remembered for the member, not just in this browser's storage
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expectLang(page, 'id');
    await expectHeading(page, greetingId);
    await page.getByRole('banner').getByLabel(webId.language).selectOption('en');
    await expectLang(page, 'en');
    await expectHeading(page, `Welcome back, ${member.name}`);

    // Forgotten password: request, mail, link, new password, sign in with it
    await signOut(page);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectHeading(page, 'Reset your password');
    await expectNoA11yViolations(page, 'forgot password');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'If an account exists for that address, we sent a link' }).waitFor();

    const mail = await readMail(app.mailDir, member.email);
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[^\s>)"]+/)?.[0];
    assert.ok(link, `a reset link in the mail:\n${mail.text}`);
    await page.goto(link);
    await expectHeading(page, 'Choose a new password');
    await expectNoA11yViolations(page, 'reset password');
    await page.getByLabel('New password', { exact: true }).fill(member.newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Your password has been changed.').waitFor();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(member.newPassword);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('banner').getByRole('link', { name: member.name }).waitFor();

    // Profile
    await page.getByRole('banner').getByRole('link', { name: member.name }).click();
    await expectHeading(page, 'Your profile');
    assert.equal(await page.getByLabel('Your name').inputValue(), member.name);
    await page.getByText(member.email).waitFor();
    await expectNoA11yViolations(page, 'profile');
    await page.getByLabel('Your name').fill('Siti R.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Siti R.' }).waitFor();
    await page.close();
  });

  test('profile asks a visitor to sign in first, and 404 is translated', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { locale: 'id-ID' });
    await page.goto(app.baseUrl + '/profile');
    await page.waitForURL(/\/sign-in\?next=%2Fprofile$/);
    await expectLang(page, 'id');
    await page.goto(app.baseUrl + '/no-such-page');
    await expectHeading(page, webId.notFound.title);
    await expectNoA11yViolations(page, 'not found, Bahasa Indonesia');
    await page.close();
  });

  test('sign-up form on a 360 px phone', { timeout: TIMEOUT }, async (t) => {
    if (!browser) return t.skip('no Chromium on this machine');
    const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(app.baseUrl + '/sign-up');
    await expectHeading(page, 'Create your Anyam account');
    await expectNoA11yViolations(page, 'sign-up form at 360 px');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoA11yViolations(page, 'sign-up form with problems at 360 px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing scrolls sideways at 360 px');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main input, main select')]
        .map((el) => ({ el: el.id || el.textContent, h: el.getBoundingClientRect().height }))
        .filter((x) => x.h < 44),
    );
    assert.deepEqual(small, [], 'touch targets are at least 44 px high');
    await page.close();
  });
});
