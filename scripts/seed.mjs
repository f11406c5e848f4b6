#!/usr/bin/env node
// `npm run seed` (demo data into an empty database) and `npm run seed -- --reset` (empty every table and
// reload it). Builds the API through Nx (cached), then runs the built seeder with the same settings as
// `npm start` (DATABASE_URL, or the embedded PostgreSQL under ./.anyam/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const nx = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
if (!existsSync(nx)) {
  console.error('anyam: dependencies are not installed: run `npm ci` first.');
  process.exit(1);
}
const build = spawnSync(process.execPath, [nx, 'run', 'api:build', '--outputStyle=static'], { env, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}\nanyam: building the API failed.\n`);
  process.exit(1);
}
const seed = spawnSync(process.execPath, ['dist/api/apps/api/src/seed.js', ...process.argv.slice(2)], { env, stdio: 'inherit' });
process.exit(seed.status ?? 1);
