import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '../../../libs/server/core/src/database/embedded-postgres';

/**
 * `npm start` without DATABASE_URL: the real API process on its embedded PostgreSQL, killed with
 * SIGKILL and started again, and the one-line messages when it cannot start.
 */
const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'apps/api/src/main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApi(env: Record<string, string>, user?: { uid: number; gid: number }): Running {
  const args = ['-r', '@swc-node/register', MAIN];
  const cleanEnv = { ...process.env, DATABASE_URL: '', TEST_DATABASE_URL: '', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env };
  const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv, ...user });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitReady(port: number, running: Running, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`API exited early:\n${running.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API not ready in time:\n${running.output()}`);
}

async function gql(port: number, query: string, variables?: object) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

function postmasterPid(home: string): number | null {
  const file = path.join(home, 'pg', 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { member { id } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { member { id } } }`;

describe('embedded PostgreSQL (npm start without DATABASE_URL)', () => {
  const homes: string[] = [];
  const newHome = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyam-home-'));
    fs.chmodSync(dir, 0o755);
    homes.push(dir);
    return dir;
  };

  afterAll(() => {
    for (const home of homes) {
      const pid = postmasterPid(home);
      if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    }
  });

  it('keeps acknowledged data through a SIGKILL of the app and a restart, and stops cleanly on SIGTERM', async () => {
    const home = newHome();
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { ANYAM_HOME: home, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort) };

    const first = startApi(env);
    await waitReady(port, first);
    const demo = await gql(port, SIGN_IN, { input: { email: 'admin@anyam.test', password: 'anyam-demo-2023' } });
    expect(demo.errors).toBeUndefined();
    const created = await gql(port, SIGN_UP, {
      input: { email: 'survivor@example.org', password: 'still here after a kill', name: 'Survivor', locale: 'es', timeZone: 'America/La_Paz' },
    });
    expect(created.errors).toBeUndefined();

    first.child.kill('SIGKILL');
    await first.exited;
    const pgPid = postmasterPid(home)!;
    expect(alive(pgPid)).toBe(true);

    const second = startApi(env);
    await waitReady(port, second);
    const again = await gql(port, SIGN_IN, { input: { email: 'survivor@example.org', password: 'still here after a kill' } });
    expect(again.data?.signIn.member.id).toBe(created.data.signUp.member.id);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pgPid)).toBe(false);
  }, 120000);

  it('survives the database going away: clear errors while it is down, working again within 5 s of its return', async () => {
    const home = newHome();
    const [port, pgPort] = [await freePort(), await freePort()];
    const api = startApi({ ANYAM_HOME: home, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort) });
    await waitReady(port, api);
    const signIn = { input: { email: 'admin@anyam.test', password: 'anyam-demo-2023' } };
    expect((await gql(port, SIGN_IN, signIn)).errors).toBeUndefined();

    const pgPid = postmasterPid(home)!;
    process.kill(pgPid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pgPid)).toBe(false);

    const down = await gql(port, SIGN_IN, signIn);
    expect(down.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0].message).toMatch(/cannot reach its database/);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(503);
    expect(api.child.exitCode).toBeNull();

    const server = new EmbeddedPostgres({ dataDir: path.join(home, 'pg'), port: pgPort, database: 'anyam' });
    await server.start();
    const back = Date.now();
    let ok = false;
    while (!ok && Date.now() - back < 5000) {
      ok = !(await gql(port, SIGN_IN, signIn)).errors;
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ok).toBe(true);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    await server.stop(true);
  }, 120000);

  it('says in one line why it cannot start when the database port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const pgPort = (blocker.address() as net.AddressInfo).port;
    const run = startApi({ ANYAM_HOME: newHome(), PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort) });
    expect(await run.exited).toBe(1);
    blocker.close();
    const lines = run.output().trim().split('\n').filter((l) => !l.startsWith('{'));
    expect(lines).toEqual([`Anyam cannot start its embedded PostgreSQL: port ${pgPort} is already in use; set EMBEDDED_PG_PORT to a free port.`]);
  }, 60000);

  it('says in one line which setting is wrong', async () => {
    const run = startApi({ ANYAM_HOME: newHome(), PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^Anyam cannot start: PORT is invalid \(.*\)\.$/);
  }, 30000);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const nobodyCanRead = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', MAIN]).status === 0;

  (nobodyCanRead ? it : it.skip)('also runs as an ordinary user', async () => {
    const home = newHome();
    const nobody = { uid: Number(spawnSync('id', ['-u', 'nobody']).stdout), gid: Number(spawnSync('id', ['-g', 'nobody']).stdout) };
    fs.chownSync(home, nobody.uid, nobody.gid);
    const port = await freePort();
    const run = startApi({ ANYAM_HOME: home, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), HOME: home }, nobody);
    await waitReady(port, run);
    const r = await gql(port, SIGN_IN, { input: { email: 'admin@anyam.test', password: 'anyam-demo-2023' } });
    expect(r.errors).toBeUndefined();
    const owner = fs.statSync(path.join(home, 'pg')).uid;
    expect(owner).toBe(nobody.uid);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 120000);
});
