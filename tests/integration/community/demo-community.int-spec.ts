import { startTestApp, TestApp } from '../support/test-app';

describe('demo community data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
  });
  afterAll(() => t.close());

  it('loads Jalin Tenggara and Enlaza Sur with their hubs, organisations and memberships', async () => {
    const rows: { alliance: string; hubs: string[] }[] = await t.db.query(
      `SELECT a.name AS alliance, array_agg(h.slug ORDER BY h.slug) AS hubs
         FROM alliances a JOIN hubs h ON h.alliance_id = a.id GROUP BY a.name ORDER BY a.name`,
    );
    expect(rows).toEqual([
      { alliance: 'Enlaza Sur', hubs: ['cuidado-colectivo-quito', 'fondo-comun-andino', 'voces-andinas'] },
      { alliance: 'Jalin Tenggara', hubs: ['ananta-fund', 're-search', 'reach'] },
    ]);
    const [{ launched }] = await t.db.query(`SELECT launched_on::text AS launched FROM alliances WHERE slug = 'jalin-tenggara'`);
    expect(launched).toBe('2023-05-09');
    const [{ role }] = await t.db.query(
      `SELECT g.role FROM role_grants g JOIN members m ON m.id = g.member_id JOIN hubs h ON h.id = g.scope_id
        WHERE m.email = 'dewi@anyam.test' AND g.scope = 'hub' AND h.slug = 're-search'`,
    );
    expect(role).toBe('coordinator');
  });
});
