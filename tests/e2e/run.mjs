#!/usr/bin/env node
// `npm run test:e2e`: build api + web through Nx (cached), then run every tests/e2e/*.e2e.mjs with
// node's test runner, one file at a time. Exits with the test runner's code.
//   --summary-json=FILE   also write {"passed","failed","skipped","browser"} there (used by scripts/test.mjs)
//   --no-build            skip the build (dist/ must be current)
//   any other argument is a file filter: `node tests/e2e/run.mjs account` runs account.e2e.mjs only
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const summaryFile = args.find((a) => a.startsWith('--summary-json='))?.slice('--summary-json='.length);
const build = !args.includes('--no-build');
const filters = args.filter((a) => !a.startsWith('--'));
const browser = existsSync('/usr/bin/chromium');

function run(command, argv, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: root, ...options });
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

function writeSummary(counts) {
  if (!summaryFile) return;
  mkdirSync(path.dirname(path.resolve(summaryFile)), { recursive: true });
  writeFileSync(summaryFile, JSON.stringify({ ...counts, browser }, null, 2));
}

if (build) {
  const started = Date.now();
  const nx = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  const result = await run(process.execPath, [nx, 'run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], {
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.code !== 0) {
    process.stderr.write(`${result.output.trimEnd().split('\n').slice(-40).join('\n')}\n`);
    process.stderr.write('e2e: build failed (nx run-many -t build --projects=api,web); no e2e test ran.\n');
    writeSummary({ passed: 0, failed: 1, skipped: 0, error: 'build failed' });
    process.exit(1);
  }
  process.stdout.write(`e2e: api and web built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const files = readdirSync(here)
  .filter((name) => name.endsWith('.e2e.mjs'))
  .filter((name) => !filters.length || filters.some((f) => name.includes(f)))
  .sort()
  .map((name) => path.join('tests', 'e2e', name));
if (!files.length) {
  process.stdout.write('e2e: no tests/e2e/*.e2e.mjs files to run\n');
  writeSummary({ passed: 0, failed: 0, skipped: 0 });
  process.exit(0);
}

// Human-readable spec output on the terminal, TAP in a file for the counts.
const tapFile = path.join(os.tmpdir(), `anyam-e2e-${process.pid}.tap`);
const result = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1) }));
});

const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
rmSync(tapFile, { force: true });
const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
const counts = {
  passed: count('pass'),
  failed: count('fail') + count('cancelled'),
  skipped: count('skipped') + count('todo'),
};
if (result.code !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed (crash, bad file)
writeSummary(counts);
process.exit(result.code);
