import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { spawnSync } from 'node:child_process';
// Relative import: Jest's global setup runs outside its module mapper.
import { EmbeddedPostgres } from '../../../libs/server/core/src/database/embedded-postgres';

/** The server tests create their databases on: TEST_DATABASE_URL, DATABASE_URL, or an embedded one. */
export function configuredServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export const EMBEDDED_TEST_PORT = 54339;

export function embeddedTestServer(): EmbeddedPostgres {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = path.join(os.tmpdir(), `anyam-test-pg-${uid}`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  return new EmbeddedPostgres({ dataDir: dir, port: EMBEDDED_TEST_PORT, database: 'postgres' });
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * Creates a database and applies every migration, as the app does at start. Runs in a child process
 * with @swc-node/register, which resolves the tsconfig path aliases the app's modules use.
 */
export async function createMigratedDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const script = path.join(__dirname, 'migrate-database.ts');
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', script, withDatabase(serverUrl, name)], {
    cwd: path.resolve(__dirname, '../../..'),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Migrating the test database failed:\n${result.stderr || result.stdout}`);
}
