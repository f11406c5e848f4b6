import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { RoleGrantEntity } from '@anyam/server/accounts';
import { createApp } from '../../../apps/api/src/bootstrap';
import { adminQuery, randomDatabaseName, withDatabase } from './test-database';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
  headers: Headers;
  /** The anyam_refresh cookie value set by this response, if any ('' when cleared). */
  refreshCookie?: string;
}

export interface GqlOptions {
  token?: string;
  /** Value of the anyam_refresh cookie to send. */
  refreshCookie?: string;
  /** Client address (X-Forwarded-For); a random one by default so rate limits do not spill across tests. */
  ip?: string;
}

export interface TestMember {
  id: string;
  email: string;
  password: string;
  name: string;
  accessToken: string;
  refreshCookie: string;
}

export interface TestApp {
  url: string;
  databaseName: string;
  app: NestExpressApplication;
  db: DataSource;
  config: AppConfig;
  mailDir: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResult<T>>;
  /** Signs up a new member through the API (unique e-mail unless given). */
  signUp(overrides?: Partial<{ email: string; password: string; name: string; locale: string; timeZone: string }>): Promise<TestMember>;
  signIn(email: string, password: string): Promise<TestMember>;
  /** Grants a role directly in the database, then signs in again so the access token carries it. */
  grantRole(member: TestMember, role: Role, scope?: RoleScope, scopeId?: string | null): Promise<TestMember>;
  close(): Promise<void>;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken member { id email name } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken member { id email name } } }`;

export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

let counter = 0;

/** A fresh database copied from the migrated template, and the real app listening on a free port. */
export async function startTestApp(
  options: { demoData?: boolean; env?: Record<string, string>; /** Run a second instance on another app's database. */ shareDatabaseWith?: TestApp } = {},
): Promise<TestApp> {
  const serverUrl = process.env.ANYAM_IT_SERVER_URL!;
  const run = process.env.ANYAM_IT_RUN!;
  const ownsDatabase = !options.shareDatabaseWith;
  const dbName = options.shareDatabaseWith?.databaseName ?? randomDatabaseName(run);
  if (ownsDatabase) await adminQuery(serverUrl, `CREATE DATABASE "${dbName}" TEMPLATE "${process.env.ANYAM_IT_TEMPLATE}"`);
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyam-it-mail-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: withDatabase(serverUrl, dbName),
    SEED_DEMO_DATA: options.demoData ? 'true' : 'false',
    MAIL_DIR: mailDir,
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...options.env,
  });
  const app = await createApp(config, { webDist: path.join(os.tmpdir(), 'anyam-no-web') });
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const db = app.get(DataSource);

  const gql: TestApp['gql'] = async (query, variables, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': opts.ip ?? randomIp() };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.refreshCookie !== undefined) headers.cookie = `anyam_refresh=${opts.refreshCookie}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: GqlResult['errors'] };
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('anyam_refresh='));
    return {
      status: res.status,
      data: body.data,
      errors: body.errors,
      headers: res.headers,
      refreshCookie: cookie ? decodeURIComponent(cookie.split(';')[0].slice('anyam_refresh='.length)) : undefined,
    };
  };

  const toMember = (r: GqlResult, key: string, password: string): TestMember => {
    if (r.errors?.length) throw new Error(`${key} failed: ${JSON.stringify(r.errors)}`);
    const payload = r.data![key];
    return { ...payload.member, password, accessToken: payload.accessToken, refreshCookie: r.refreshCookie! };
  };

  const signIn: TestApp['signIn'] = async (email, password) =>
    toMember(await gql(SIGN_IN, { input: { email, password } }), 'signIn', password);

  return {
    url,
    databaseName: dbName,
    app,
    db,
    config,
    mailDir,
    gql,
    signIn,
    async signUp(overrides = {}) {
      counter += 1;
      const input = {
        email: `member${counter}-${randomBytes(3).toString('hex')}@example.org`,
        password: 'correct horse battery',
        name: `Test Member ${counter}`,
        locale: 'en',
        timeZone: 'Asia/Jakarta',
        ...overrides,
      };
      return toMember(await gql(SIGN_UP, { input }), 'signUp', input.password);
    },
    async grantRole(member, role, scope = RoleScope.Network, scopeId = null) {
      await db.getRepository(RoleGrantEntity).insert({ memberId: member.id, role, scope, scopeId });
      return signIn(member.email, member.password);
    },
    async close() {
      await app.close();
      if (ownsDatabase) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      fs.rmSync(mailDir, { recursive: true, force: true });
    },
  };
}

/** The newest mail written to the mail folder for an address: { subject, text }. */
export function latestMail(mailDir: string, to: string): { subject: string; text: string } | null {
  const files = fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files.reverse()) {
    const content = fs.readFileSync(path.join(mailDir, file), 'utf8');
    const [head, ...body] = content.split('\n\n');
    if (head.includes(`To: ${to}`)) {
      return { subject: /Subject: (.*)/.exec(head)?.[1] ?? '', text: body.join('\n\n') };
    }
  }
  return null;
}
