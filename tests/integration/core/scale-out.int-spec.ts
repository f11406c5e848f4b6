import * as net from 'node:net';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { randomIp, startTestApp, TestApp } from '../support/test-app';

/** Two API instances on one database and one Redis: events and rate limits cross instances. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('scale-out through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let available = false;

  beforeAll(async () => {
    available = await reachable(REDIS_URL);
    if (!available) {
      if (process.env.CI === 'true') throw new Error(`Redis is required in CI (${REDIS_URL})`);
      console.warn(`Skipping scale-out tests: no Redis at ${REDIS_URL}`);
      return;
    }
    a = await startTestApp({ env: { REDIS_URL } });
    b = await startTestApp({ env: { REDIS_URL, JWT_SECRET: a.config.jwtSecret }, shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a subscription event published by the other instance', async () => {
    if (!available) return;
    const m = await a.signUp();
    const client = createClient({ url: a.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${m.accessToken}` } });
    const received: any[] = [];
    client.subscribe({ query: 'subscription { meUpdated { name } }' }, { next: (v) => received.push(v), error: () => undefined, complete: () => undefined });
    await new Promise((r) => setTimeout(r, 500));
    const r = await b.gql(`mutation { updateProfile(input: { name: "Renamed on B" }) { name } }`, {}, { token: m.accessToken });
    expect(r.errors).toBeUndefined();
    for (let i = 0; i < 60 && received.length === 0; i++) await new Promise((res) => setTimeout(res, 50));
    expect(received).toEqual([{ data: { meUpdated: { name: 'Renamed on B' } } }]);
    await client.dispose();
  });

  it('counts sign-in failures across instances', async () => {
    if (!available) return;
    const m = await a.signUp();
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      const target = i % 2 ? a : b;
      await target.gql(`mutation { signIn(input: { email: "${m.email}", password: "wrong password ${i}" }) { accessToken } }`, {}, { ip });
    }
    const r = await a.gql(`mutation { signIn(input: { email: "${m.email}", password: "${m.password}" }) { accessToken } }`);
    expect(r.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('reports Redis in readiness', async () => {
    if (!available) return;
    expect(await (await fetch(`${a.url}/health/ready`)).json()).toMatchObject({ checks: { database: 'up', redis: 'up' } });
  });
});
