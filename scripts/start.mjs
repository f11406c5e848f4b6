#!/usr/bin/env node
// `npm start`: build the API and the web app through Nx (cached, so a second start is quick), then run
// the built API, which also serves the built web app, in this terminal. Signals go to the server once;
// this script exits with the server's exit code.
//   npm start -- --no-build    run what is in dist/ as it is
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // the app resolves ANYAM_HOME (default ./.anyam) and dist/ from here

/** API_ENTRY from the API's own constants file, so the path is written down in one place only. */
function apiEntry() {
  const file = path.join(root, 'libs/server/core/src/config/config.constants.ts');
  const match = existsSync(file) && readFileSync(file, 'utf8').match(/export const API_ENTRY\s*=\s*['"]([^'"]+)['"]/);
  return match ? match[1] : 'dist/api/apps/api/src/main.js';
}

function fail(message, code = 1) {
  process.stderr.write(`anyam: ${message}\n`);
  process.exit(code);
}

const nxBin = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
if (!existsSync(nxBin)) fail('dependencies are not installed: run `npm ci` first.');

// ——— build (output kept in a log; shown only when the build fails) ———
const started = Date.now();
const skipBuild = process.argv.includes('--no-build');
if (!skipBuild) process.stdout.write('anyam: building api and web…\n');
const build = skipBuild ? { code: 0 } : await new Promise((resolve) => {
  const chunks = [];
  const child = spawn(process.execPath, [nxBin, 'run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], {
    cwd: root,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c) => chunks.push(c));
  child.stderr.on('data', (c) => chunks.push(c));
  child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8') }));
});
if (build.signal) process.exit(130);
if (build.code !== 0) {
  const logFile = path.join(root, 'tmp', 'start-build.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, build.output);
  const tail = build.output.trimEnd().split('\n').slice(-25).join('\n');
  process.stderr.write(`${tail}\n\n`);
  fail(`build failed (nx run-many -t build --projects=api,web); full output in ${path.relative(root, logFile)}`);
}

const entry = apiEntry();
if (!existsSync(path.join(root, entry))) fail(`the build finished but ${entry} does not exist.`);
if (!skipBuild) process.stdout.write(`anyam: built in ${((Date.now() - started) / 1000).toFixed(1)} s; starting the server…\n`);

// ——— run ———
// The server gets its own process group, so a Ctrl-C in the terminal reaches it exactly once (through
// us) rather than twice (directly from the terminal and forwarded by us).
const server = spawn(process.execPath, [entry], { cwd: root, env: process.env, stdio: 'inherit', detached: true });
server.on('error', (error) => fail(`could not start ${entry}: ${error.message}`));

const forward = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

server.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so whoever started us sees what happened to the server.
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
