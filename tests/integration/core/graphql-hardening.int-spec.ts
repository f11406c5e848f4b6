import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApp, TestApp } from '../support/test-app';

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

describe('GraphQL hardening and runtime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves liveness and readiness probes', async () => {
    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: 'up' } });
  });

  it('sends security headers (helmet)', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps GraphQL answers to the headers that matter for JSON (no page CSP, no ETag)', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
  });

  it('refuses cross-site simple requests (Apollo CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(form.status).toBe(400);
  });

  it('accepts automatic persisted queries: a hash alone once the server has seen the query', async () => {
    const query = '{ regions { slug } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const post = (body: object) =>
      fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect(code(await post({ extensions }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    const first = await post({ query, extensions });
    expect(first.errors).toBeUndefined();
    const byHash = await post({ extensions });
    expect(byHash).toEqual(first);
    // A query that does not match its hash is refused, not cached under the wrong name.
    const wrong = await post({ query: '{ themes { key } }', extensions });
    expect(code(wrong)).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested deeper than the limit', async () => {
    const deep = `{ me { ${'__typename '.repeat(1)} } ${'a: me { id } '.repeat(1)} }`;
    expect((await t.gql(deep)).errors).toBeUndefined();
    const tooDeep = `{ me ${'{ a '.repeat(12)}{ id }${' }'.repeat(12)} }`;
    const r = await t.gql(tooDeep);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message).join('\n')).toMatch(/exceeds maximum operation depth/);
  });

  it('counts aliases against the cost limit', async () => {
    const aliases = Array.from({ length: 6000 }, (_, i) => `a${i}: __typename`).join(' ');
    const r = await t.gql(`{ ${aliases} }`);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.reason).toBe('tooComplex');
  });

  it('refuses batched operations', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('answers unknown fields and syntax errors with 400 and no stack trace', async () => {
    for (const query of ['{ nope }', '{ me { ', 'mutation { signUp }']) {
      const r = await t.gql(query);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|\.ts:\d+|node_modules/);
    }
  });

  it('delivers a member’s own profile changes over graphql-ws, only to that member', async () => {
    const sari = await t.signUp({ locale: 'id' });
    const other = await t.signUp();
    const wsUrl = t.url.replace('http', 'ws') + '/graphql';
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${sari.accessToken}` } });
    const otherClient = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${other.accessToken}` } });
    const received: any[] = [];
    const otherReceived: any[] = [];
    const subscribed = new Promise<void>((resolve) => {
      client.subscribe({ query: 'subscription { meUpdated { id locale } }' }, { next: (v) => received.push(v), error: () => undefined, complete: () => undefined });
      otherClient.subscribe({ query: 'subscription { meUpdated { id locale } }' }, { next: (v) => otherReceived.push(v), error: () => undefined, complete: () => undefined });
      setTimeout(resolve, 500);
    });
    await subscribed;
    await t.gql(`mutation { updateProfile(input: { locale: "en" }) { id } }`, {}, { token: sari.accessToken });
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([{ data: { meUpdated: { id: sari.id, locale: 'en' } } }]);
    expect(otherReceived).toEqual([]);
    await client.dispose();
    await otherClient.dispose();
  });

  it('refuses a subscription from a visitor', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
    const error = await new Promise<any>((resolve) => {
      client.subscribe({ query: 'subscription { meUpdated { id } }' }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(error)).toMatch(/UNAUTHENTICATED/);
    await client.dispose();
  });
});

describe('production settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(16) + 'q'.repeat(16) + 'r'.repeat(8) } });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const r = await t.gql('{ __schema { queryType { name } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/introspection/i);
  });
});
