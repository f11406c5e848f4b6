// End-to-end harness: start the built app on a free port with its own database and mail folder, drive
// Debian's Chromium through playwright-core, check pages with axe-core, read the mail the app wrote.
// `node tests/e2e/run.mjs` builds first; these helpers only use what is in dist/.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readConstants, ROOT } from './constants.mjs';

const require = createRequire(import.meta.url);
const constants = readConstants();

const CHROMIUM_PATH = '/usr/bin/chromium';
const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'e2e', 'artifacts');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LINES_SHOWN = 40;

// ——— app ———

/** A TCP port nobody listens on right now (the OS picks it). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function tempDir(prefix) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // mkdtemp makes 0700; embedded PostgreSQL run as root drops to the `postgres` OS user, which must traverse it.
  await chmod(dir, 0o755);
  return dir;
}

async function withPg(url, fn) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty database on the server of `serverUrl`; returns its URL and a function that drops it. */
async function createTestDatabase(serverUrl) {
  const name = `anyam_e2e_${randomBytes(5).toString('hex')}`;
  await withPg(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => withPg(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return { name, url: url.toString(), drop };
}

/** After a SIGKILL the embedded PostgreSQL server outlives the app: stop any left under `home`. */
async function stopStrayPostgres(home) {
  const pidFiles = [];
  const walk = async (dir, depth) => {
    if (depth > 4) return;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && entry.name === 'postmaster.pid') pidFiles.push(full);
      else if (entry.isDirectory()) await walk(full, depth + 1);
    }
  };
  await walk(home, 0);
  for (const file of pidFiles) {
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 'SIGQUIT'); // PostgreSQL's "immediate shutdown"
    } catch {
      continue; // already gone
    }
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const running = new Set();
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // Never leave a server behind: on a normal exit ask each to shut down (it finishes on its own)…
  process.on('exit', () => {
    for (const app of running) app.child.kill('SIGTERM');
  });
  // …and on Ctrl-C or the test runner's SIGTERM, stop them properly first.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      await Promise.allSettled([...running].map((app) => app.stop()));
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Starts the built API (which serves the built web app) and waits until /health/ready answers 200.
 * Database: a fresh `anyam_e2e_<random>` on the server of TEST_DATABASE_URL or DATABASE_URL when one is
 * set (dropped on stop), otherwise the app's embedded PostgreSQL in a fresh temporary ANYAM_HOME.
 * `env` is applied last, so a test can override any of the defaults.
 * @returns {Promise<{ baseUrl: string, mailDir: string, stop: () => Promise<void> }>}
 */
export async function startApp({ env = {} } = {}) {
  const entry = path.join(ROOT, constants.API_ENTRY);
  const webIndex = path.join(ROOT, constants.WEB_DIST, 'index.html');
  for (const required of [entry, webIndex]) {
    if (!existsSync(required)) {
      throw new Error(`${path.relative(ROOT, required)} is missing: build first (node tests/e2e/run.mjs builds api and web).`);
    }
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const mailDir = await tempDir('anyam-e2e-mail-');
  const cleanups = [() => rm(mailDir, { recursive: true, force: true })];

  const childEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'ANYAM_HOME', 'EMBEDDED_PG_PORT', 'MAIL_DIR', 'PUBLIC_URL', 'PORT']) {
    delete childEnv[name];
  }
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let database;
  if (serverUrl) {
    const db = await createTestDatabase(serverUrl);
    childEnv.DATABASE_URL = db.url;
    cleanups.push(db.drop);
    database = `database ${db.name}`;
  } else {
    const home = await tempDir('anyam-e2e-home-');
    childEnv.ANYAM_HOME = home;
    childEnv.EMBEDDED_PG_PORT = String(await freePort());
    cleanups.push(async () => {
      await stopStrayPostgres(home);
      await rm(home, { recursive: true, force: true });
    });
    database = `embedded PostgreSQL in ${home}`;
  }
  Object.assign(childEnv, {
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    MAIL_DIR: mailDir,
    SEED_DEMO_DATA: 'true',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...env,
  });

  const child = spawn(process.execPath, [entry], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const verbose = process.env.E2E_VERBOSE === '1';
  const collect = (stream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      if (verbose) process.stderr.write(chunk);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      lines.push(...parts);
      if (lines.length > 500) lines.splice(0, lines.length - 500);
    });
    stream.on('end', () => partial && lines.push(partial));
  };
  collect(child.stdout);
  collect(child.stderr);
  const output = () => lines.slice(-OUTPUT_LINES_SHOWN).join('\n') || '(no output)';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let stopped;
  const app = {
    child,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const result = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
          if (!result) {
            child.kill('SIGKILL');
            await exited;
          }
        }
        running.delete(app);
        for (const cleanup of cleanups.reverse()) {
          await cleanup().catch((error) => process.stderr.write(`e2e harness: cleanup failed: ${error.message}\n`));
        }
      })();
      return stopped;
    },
  };
  running.add(app);
  installExitHooks();

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let early = null;
  exited.then((result) => (early = result));
  let lastProblem = 'no answer yet';
  for (;;) {
    if (early) {
      await app.stop();
      const how = early.signal ? `was killed by ${early.signal}` : `exited with code ${early.code}`;
      throw new Error(`The app ${how} before it was ready (${database}). Last ${OUTPUT_LINES_SHOWN} lines:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(
        `The app was not ready after ${READY_TIMEOUT_MS / 1000} s (${constants.HEALTH_READY_PATH}: ${lastProblem}; ${database}). ` +
          `Last ${OUTPUT_LINES_SHOWN} lines:\n${output()}`,
      );
    }
    try {
      const response = await fetch(baseUrl + constants.HEALTH_READY_PATH, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) break;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }

  return { baseUrl, mailDir, stop: () => app.stop() };
}

// ——— browser ———

/**
 * Debian's Chromium, headless. Playwright already gives every launch a fresh temporary profile
 * (and refuses a `--user-data-dir` argument), so none is passed here.
 * Returns null (after saying why) when Chromium is missing, except under CI=true where that is an error.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    const why = `${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`;
    if (process.env.CI === 'true') throw new Error(`${why}; browser tests cannot be skipped under CI=true.`);
    process.stderr.write(`e2e: ${why}; skipping browser tests.\n`);
    return null;
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh browser context (own cookies and storage). Closing the page closes its context;
 * the context is also `page.context()`.
 */
export async function newPage(browser, { locale = 'en-GB', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  page.once('close', () => {
    context.close().catch(() => {});
  });
  return page;
}

// ——— accessibility ———

let axeSource;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page as it is now; throws listing every WCAG 2.2 AA violation. */
export async function expectNoA11yViolations(page, label) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol rather than a <script> tag, so the app's CSP does not block it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
  if (violations.length) {
    const list = violations
      .map((v) => `  - ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `      ${t}`).join('\n')}`)
      .join('\n');
    throw new Error(`${violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${list}`);
  }
}

// ——— mail ———

function parseMail(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? '' : text.slice(blank + 2);
  const header = (name) => head.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'im'))?.[1].trim() ?? '';
  return { to: header('To'), subject: header('Subject'), text: body };
}

/**
 * The newest mail to `to` in `mailDir` (the readable `.txt` twin of each `.eml`), waiting up to 10 s for
 * one to appear. Returns `{ subject, text }`, text being the plain-text body.
 * Options: `since` (a Date or epoch ms): ignore mails written before it, to wait for a second mail to the
 * same address rather than find the first one again; `timeoutMs`.
 */
export async function readMail(mailDir, to, { since = 0, timeoutMs = 10_000 } = {}) {
  const notBefore = Number(since) - 20; // the kernel stamps files with a coarse clock, a few ms behind Date.now()
  const wanted = to.trim().toLowerCase();
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  for (;;) {
    const names = (await readdir(mailDir).catch(() => [])).filter((n) => n.endsWith('.txt'));
    const mails = [];
    for (const name of names) {
      const file = path.join(mailDir, name);
      const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]).catch(() => []);
      if (raw === undefined) continue;
      const mail = parseMail(raw);
      mails.push({ name, mtime: info.mtimeMs, ...mail });
    }
    seen = mails.map((m) => `${m.name} (To: ${m.to})`);
    const matching = mails
      .filter((m) => m.mtime >= notBefore)
      .filter((m) => m.to.toLowerCase().split(/[,\s<>]+/).includes(wanted) || m.to.toLowerCase() === wanted)
      .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
    if (matching.length) return { subject: matching[0].subject, text: matching[0].text };
    if (Date.now() > deadline) {
      throw new Error(
        `No mail to ${to} in ${mailDir} after ${timeoutMs / 1000} s. Mails there: ${seen.length ? seen.join(', ') : 'none'}`,
      );
    }
    await sleep(200);
  }
}

// ——— screenshots ———

/** Saves a full-page PNG as tests/e2e/artifacts/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails when the page is wider than the viewport (a phone would scroll sideways). */
export async function noSideways(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${label} scrolls sideways by ${overflow}px`);
}
