// Smoke test of the e2e harness and of what every deployment relies on: health probes, security
// headers, CSRF prevention on GraphQL, the built web app served by the API, and an accessible home page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readConstants } from './support/constants.mjs';
import { expectNoA11yViolations, launchBrowser, newPage, screenshot, startApp } from './support/harness.mjs';

const { GRAPHQL_PATH, HEALTH_LIVE_PATH, HEALTH_READY_PATH } = readConstants();

describe('app served by the API process', () => {
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

  it('answers the liveness and readiness probes', async () => {
    for (const probe of [HEALTH_LIVE_PATH, HEALTH_READY_PATH]) {
      const response = await fetch(app.baseUrl + probe);
      assert.equal(response.status, 200, `${probe} status`);
    }
  });

  it('sends helmet security headers on pages and API responses', async () => {
    for (const route of ['/', HEALTH_LIVE_PATH]) {
      const response = await fetch(app.baseUrl + route);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `x-content-type-options on ${route}`);
      assert.ok(response.headers.get('content-security-policy'), `content-security-policy on ${route}`);
      assert.equal(response.headers.get('x-powered-by'), null, `x-powered-by must not be sent on ${route}`);
    }
  });

  it('serves the built web app at / and for client-side routes', async () => {
    for (const route of ['/', '/a/client/side/route']) {
      const response = await fetch(app.baseUrl + route, { headers: { accept: 'text/html' } });
      assert.equal(response.status, 200, `${route} status`);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/, `${route} content type`);
      assert.match(await response.text(), /<div id="root"|<script type="module"/, `${route} is the web app's index.html`);
    }
  });

  it('serves calendar feeds, not the web app, to calendar programs asking for anything (*/*)', async () => {
    const response = await fetch(`${app.baseUrl}/ical/regions/southeast-asia.ics`, { headers: { accept: '*/*' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/calendar/);
    assert.match(await response.text(), /^BEGIN:VCALENDAR/);
  });

  it('answers a GraphQL POST with a JSON body', async () => {
    const response = await fetch(app.baseUrl + GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: { __typename: 'Query' } });
  });

  it('refuses GraphQL requests a browser could send cross-site (CSRF prevention)', async () => {
    const get = await fetch(`${app.baseUrl}${GRAPHQL_PATH}?query=${encodeURIComponent('{ __typename }')}`);
    assert.equal(get.status, 400, 'GET without a preflight header');
    const textPost = await fetch(app.baseUrl + GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(textPost.status, 400, 'POST with text/plain');
    const formPost = await fetch(app.baseUrl + GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    assert.equal(formPost.status, 400, 'POST with a form body');
  });

  it('renders an accessible home page in Chromium', async (t) => {
    if (!browser) return t.skip('no browser');
    const page = await newPage(browser);
    try {
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const response = await page.goto(`${app.baseUrl}/`, { waitUntil: 'networkidle' });
      assert.equal(response?.status(), 200);
      assert.ok(await page.locator('html').getAttribute('lang'), '<html> has a lang attribute');
      assert.ok((await page.title()).trim(), 'the page has a title');
      await screenshot(page, 'harness-home');
      await expectNoA11yViolations(page, 'home page');
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await page.close();
    }
  });
});
