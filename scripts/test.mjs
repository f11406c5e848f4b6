#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first stage that fails; always ends with a summary.
//   typecheck → lint → unit (Jest) → integration (Jest, real PostgreSQL) → e2e (node:test + Chromium)
// Counts come from Jest's --json output and from tests/e2e/run.mjs's summary. Under CI=true an e2e
// test skipped for want of a browser counts as failed.
//   npm test -- unit e2e     run only the named stages (default: all of them)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const CI = process.env.CI === 'true';
const resultsDir = path.join(root, 'tmp', 'test-results');
mkdirSync(resultsDir, { recursive: true });

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const INTEGRATION_CONFIG = 'tests/integration/jest.config.js';

let interrupted = null;
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = signal;
    current?.kill(signal);
  });
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      process.stderr.write(`could not run ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A Jest stage: counts from --json --outputFile. */
function jestStage(name, config, extra = []) {
  return async () => {
    const out = path.join(resultsDir, `${name}.json`);
    rmSync(out, { force: true });
    const code = await run(process.execPath, [jest, '--config', config, '--json', `--outputFile=${out}`, ...extra]);
    const report = readJson(out);
    if (!report) return { code, counts: null };
    return {
      code,
      counts: {
        passed: report.numPassedTests ?? 0,
        failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
        skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      },
    };
  };
}

const stages = [
  { name: 'typecheck', run: async () => ({ code: await run(npm, ['run', '--silent', 'typecheck']), counts: null }) },
  { name: 'lint', run: async () => ({ code: await run(npm, ['run', '--silent', 'lint']), counts: null }) },
  { name: 'unit', run: jestStage('unit', 'jest.unit.config.js') },
  {
    name: 'integration',
    skipReason: () => (existsSync(path.join(root, INTEGRATION_CONFIG)) ? null : `${INTEGRATION_CONFIG} does not exist yet`),
    run: jestStage('integration', INTEGRATION_CONFIG, ['--passWithNoTests']),
  },
  {
    name: 'e2e',
    run: async () => {
      const out = path.join(resultsDir, 'e2e.json');
      rmSync(out, { force: true });
      const code = await run(process.execPath, ['tests/e2e/run.mjs', `--summary-json=${out}`]);
      const report = readJson(out);
      if (!report) return { code, counts: null };
      const counts = { passed: report.passed, failed: report.failed, skipped: report.skipped };
      if (CI && !report.browser && counts.skipped > 0) {
        process.stderr.write(`e2e: ${counts.skipped} test(s) skipped without a browser count as failed under CI=true\n`);
        counts.failed += counts.skipped;
        counts.skipped = 0;
        return { code: code || 1, counts };
      }
      return { code, counts };
    },
  },
];

const selected = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = selected.filter((name) => !stages.some((s) => s.name === name));
if (unknown.length) {
  process.stderr.write(`unknown stage(s): ${unknown.join(', ')}; stages are ${stages.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

const results = [];
let failed = false;
for (const stage of stages) {
  if (selected.length && !selected.includes(stage.name)) {
    results.push({ name: stage.name, status: 'not run', note: 'not selected' });
    continue;
  }
  if (failed || interrupted) {
    results.push({ name: stage.name, status: 'not run', note: interrupted ? `interrupted (${interrupted})` : 'an earlier stage failed' });
    continue;
  }
  const reason = stage.skipReason?.();
  if (reason) {
    process.stdout.write(`\n── ${stage.name}: skipped (${reason})\n`);
    results.push({ name: stage.name, status: 'skipped', note: reason });
    continue;
  }
  process.stdout.write(`\n── ${stage.name}\n`);
  const started = Date.now();
  const { code, counts } = await stage.run();
  const seconds = (Date.now() - started) / 1000;
  const ok = code === 0 && !interrupted;
  // A stage without test counts (typecheck, lint, a runner that crashed) that fails counts as one failure,
  // so that the closing line never says "0 failed" about a failing run.
  const c = counts ?? { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (!ok && c.failed === 0) c.failed = 1;
  results.push({ name: stage.name, status: ok ? 'passed' : 'failed', seconds, counts: counts ? c : null, extraFailure: counts ? 0 : c.failed });
  if (!ok) failed = true;
}

// ——— summary ———
const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const r of results) {
  if (r.counts) for (const k of Object.keys(total)) total[k] += r.counts[k];
  else if (r.extraFailure) total.failed += r.extraFailure;
  const time = r.seconds === undefined ? '' : `${r.seconds.toFixed(1)} s`;
  const detail = r.counts
    ? `${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped${r.counts.passed + r.counts.failed + r.counts.skipped === 0 ? ' (no tests)' : ''}`
    : (r.note ?? '');
  lines.push(`  ${r.name.padEnd(12)} ${r.status.padEnd(8)} ${time.padStart(8)}  ${detail}`.trimEnd());
}
// The plain count line first (alone on its line, as CI log readers look for it), then each stage.
// .ci/run repeats the count line as the very last line of the CI log.
process.stdout.write(`\n── summary\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n${lines.join('\n')}\n`);
process.exit(failed || interrupted ? 1 : 0);
