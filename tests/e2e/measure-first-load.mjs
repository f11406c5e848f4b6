#!/usr/bin/env node
// Prints the bytes transferred by the first load of the home, forum group and forum thread pages, for a
// visitor and for a signed-in member, at 360 px with an empty cache (compressed, as sent).
// Build first (`npx nx run-many -t build --projects=api,web`), then: node tests/e2e/measure-first-load.mjs
import { kb, firstLoadBytes } from './support/transfer.mjs';
import { launchBrowser, startApp } from './support/harness.mjs';

const app = await startApp();
const browser = await launchBrowser();
try {
  const probe = await browser.newPage();
  await probe.goto(`${app.baseUrl}/forum/southeast-asia-forum`);
  const link = probe.locator('.an-forum-thread__title a').first();
  await link.waitFor();
  const threadPath = await link.getAttribute('href');
  await probe.close();

  const signIn = async (page) => {
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('sari@anyam.test');
    await page.getByLabel('Password', { exact: true }).fill('anyam-demo-2023');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sari Wulandari' }).waitFor();
  };
  const pages = [
    ['home', '/', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['group', '/forum/southeast-asia-forum', (p) => p.locator('.an-forum-thread').first().waitFor()],
    ['thread', threadPath, (p) => p.locator('article.an-forum-post').first().waitFor()],
  ];
  const rows = [];
  for (const [who, prepare] of [['visitor', undefined], ['member', signIn]]) {
    for (const [name, path, ready] of pages) {
      const r = await firstLoadBytes(browser, app.baseUrl + path, { ready, prepare });
      if (process.argv.includes('--list')) {
        console.log(`\n${name} (${who})`);
        for (const e of r.list.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kb(e.bytes).padStart(9)}  ${e.type.padEnd(10)} ${e.url.replace(app.baseUrl, '')}`);
      }
      rows.push({ page: name, who, total: kb(r.total), requests: r.requests, ...Object.fromEntries(Object.entries(r.byType).map(([k, v]) => [k, kb(v)])) });
    }
  }
  console.table(rows);
} finally {
  await browser?.close();
  await app.stop();
}
