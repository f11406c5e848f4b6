import { DemoDataService } from '../../../apps/api/src/demo/demo-data.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-accounts';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('loads the demo accounts on an empty database, with the password the README states', async () => {
    expect(await count('members')).toBe(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      await expect(t.signIn(account.email, DEMO_PASSWORD)).resolves.toMatchObject({ email: account.email });
    }
  });

  it('does not load twice', async () => {
    expect(await t.app.get(DemoDataService).seedIfEmpty()).toBe(false);
    expect(await count('members')).toBe(DEMO_ACCOUNTS.length);
  });

  it('reset (npm run seed -- --reset) returns to a fresh install', async () => {
    await t.signUp({ email: 'temporary@example.org' });
    await t.app.get(DemoDataService).reset();
    expect(await count('members')).toBe(DEMO_ACCOUNTS.length);
    await expect(t.signIn('temporary@example.org', 'correct horse battery')).rejects.toThrow(/invalidCredentials/);
  });
});
