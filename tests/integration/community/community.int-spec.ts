import { latestMail, startTestApp, TestApp, TestMember } from '../support/test-app';

const HUBS = `query($filter: HubFilter, $first: Int, $after: String) { hubs(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id slug name viewerIsMember viewerCanEdit region { slug } alliance { slug } themes { key name(locale: "id") } hostOrganisation { slug } partnerOrganisations { slug } } }
  pageInfo { hasNextPage endCursor } } }`;
const HUB = `query($slug: String!) { hub(slug: $slug) { id name joinPolicy viewerIsMember viewerJoinRequestStatus viewerCanJoin members { edges { node { role member { id name } } } } joinRequests { id requester { name } } } }`;
const MEMBERS = `query($filter: MemberFilter) { members(filter: $filter) { edges { node { id name } } } }`;
const CREATE_HUB = `mutation($input: CreateHubInput!) { createHub(input: $input) { id slug } }`;
const JOIN = `mutation($id: ID!) { joinHub(hubId: $id) { id viewerIsMember viewerJoinRequestStatus } }`;
const PROFILE = `mutation($input: UpdateMemberProfileInput!) { updateMemberProfile(input: $input) { id directoryVisibility } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id email role } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { id acceptedAt } }`;

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

describe('community API', () => {
  let t: TestApp;
  let admin: TestMember;
  let regionId: string;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    admin = await t.signIn('admin@anyam.test', 'anyam-demo-2023');
    [{ id: regionId }] = await t.db.query(`SELECT id FROM regions WHERE slug = 'southeast-asia'`);
    [{ id: orgId }] = await t.db.query(`SELECT id FROM organisations WHERE slug = 'plus'`);
  });
  afterAll(() => t.close());

  const hubInput = (over: Record<string, unknown> = {}) => ({
    hostOrganisationId: orgId,
    name: 'Test Hub',
    slug: `test-hub-${Math.random().toString(36).slice(2, 8)}`,
    regionId,
    country: 'ID',
    latitude: -6.2,
    longitude: 106.8,
    timeZone: 'Asia/Jakarta',
    themeKeys: ['financial-resilience'],
    ...over,
  });

  describe('regions, alliances, themes', () => {
    it('visitors read regions with alliances and hubs, and translated themes', async () => {
      const r = await t.gql(`{ regions { slug alliances { slug launchedOn } hubs { slug } } themes { key parentKey names { id es pt } } }`);
      expect(r.errors).toBeUndefined();
      const sea = r.data!.regions.find((x: any) => x.slug === 'southeast-asia');
      expect(sea.alliances).toEqual([{ slug: 'jalin-tenggara', launchedOn: '2023-05-09' }]);
      expect(sea.hubs.map((h: any) => h.slug).sort()).toEqual(['ananta-fund', 're-search', 'reach']);
      const fin = r.data!.themes.find((x: any) => x.key === 'financial-resilience');
      expect(fin).toEqual({ key: 'financial-resilience', parentKey: 'institutional-resilience', names: { id: 'Ketahanan finansial', es: 'Resiliencia financiera', pt: 'Resiliência financeira' } });
    });

    it('unknown region slug is NOT_FOUND', async () => {
      expect(code(await t.gql(`{ region(slug: "atlantis") { id } }`))).toBe('NOT_FOUND');
    });

    it('admins create regions; members are FORBIDDEN, visitors UNAUTHENTICATED; bad time zone and duplicate slug rejected', async () => {
      const q = `mutation($input: CreateRegionInput!) { createRegion(input: $input) { slug timeZone } }`;
      const input = { name: 'Southern Africa', slug: 'southern-africa', timeZone: 'Africa/Johannesburg' };
      const member = await t.signUp();
      expect(code(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(q, { input }, { token: member.accessToken }))).toBe('FORBIDDEN');
      const bad = await t.gql(q, { input: { ...input, timeZone: 'Mars/Olympus' } }, { token: admin.accessToken });
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.field).toBe('timeZone');
      expect((await t.gql(q, { input }, { token: admin.accessToken })).data!.createRegion).toEqual({ slug: 'southern-africa', timeZone: 'Africa/Johannesburg' });
      const dup = await t.gql(q, { input }, { token: admin.accessToken });
      expect(code(dup)).toBe('CONFLICT');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM regions WHERE slug = 'southern-africa'`);
      expect(n).toBe(1);
    });

    it('createAlliance: allowed for admins, NOT_FOUND for an unknown region, bad date rejected', async () => {
      const q = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { slug region { slug } } }`;
      const input = { name: 'Tejer Juntas', slug: 'tejer-juntas', regionId, launchedOn: '2024-02-30' };
      expect(code(await t.gql(q, { input }, { token: admin.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(q, { input: { ...input, launchedOn: null, regionId: '00000000-0000-0000-0000-000000000000' } }, { token: admin.accessToken }))).toBe('NOT_FOUND');
      const ok = await t.gql(q, { input: { ...input, launchedOn: '2024-02-29' } }, { token: admin.accessToken });
      expect(ok.data!.createAlliance).toEqual({ slug: 'tejer-juntas', region: { slug: 'southeast-asia' } });
    });
  });

  describe('hubs', () => {
    it('lists hubs with keyset pagination, filters by theme (incl. sub-themes), alliance and search', async () => {
      const first = await t.gql(HUBS, { first: 2 });
      expect(first.data!.hubs.edges).toHaveLength(2);
      expect(first.data!.hubs.pageInfo.hasNextPage).toBe(true);
      const second = await t.gql(HUBS, { first: 50, after: first.data!.hubs.pageInfo.endCursor });
      const all = [...first.data!.hubs.edges, ...second.data!.hubs.edges].map((e: any) => e.node.slug);
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBeGreaterThanOrEqual(6);
      const byTheme = await t.gql(HUBS, { filter: { theme: 'institutional-resilience' } });
      expect(byTheme.data!.hubs.edges.map((e: any) => e.node.slug).sort()).toEqual(['ananta-fund', 'fondo-comun-andino', 're-search']);
      const search = await t.gql(HUBS, { filter: { search: 'andin' } });
      expect(search.data!.hubs.edges.map((e: any) => e.node.slug)).toEqual(['fondo-comun-andino', 'voces-andinas']);
      const re = (await t.gql(HUBS, { filter: { search: 're.search' } })).data!.hubs.edges[0].node;
      expect(re).toMatchObject({ alliance: { slug: 'jalin-tenggara' }, hostOrganisation: { slug: 'plus' }, partnerOrganisations: [{ slug: 'yayasan-kehati' }], themes: [{ key: 'financial-resilience', name: 'Ketahanan finansial' }] });
      expect(code(await t.gql(HUBS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    });

    it('createHub: admin allowed; latitude out of range, unknown zone, duplicate slug rejected with no change', async () => {
      const member = await t.signUp();
      expect(code(await t.gql(CREATE_HUB, { input: hubInput() }, { token: member.accessToken }))).toBe('FORBIDDEN');
      const lat = await t.gql(CREATE_HUB, { input: hubInput({ slug: 'lat-hub', latitude: 91 }) }, { token: admin.accessToken });
      expect(lat.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'latitude' });
      const tz = await t.gql(CREATE_HUB, { input: hubInput({ slug: 'tz-hub', timeZone: 'WIB' }) }, { token: admin.accessToken });
      expect(tz.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
      const dup = await t.gql(CREATE_HUB, { input: hubInput({ slug: 're-search' }) }, { token: admin.accessToken });
      expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM hubs WHERE slug IN ('lat-hub','tz-hub')`);
      expect(n).toBe(0);
      const ok = await t.gql(CREATE_HUB, { input: hubInput({ slug: 'new-hub' }) }, { token: admin.accessToken });
      expect(ok.data!.createHub.slug).toBe('new-hub');
    });

    it('members-only hubs are NOT_FOUND to visitors and missing from their lists', async () => {
      await t.gql(CREATE_HUB, { input: hubInput({ slug: 'quiet-hub', name: 'Quiet Hub', visibility: 'MEMBERS' }) }, { token: admin.accessToken });
      expect(code(await t.gql(HUB, { slug: 'quiet-hub' }))).toBe('NOT_FOUND');
      expect((await t.gql(HUBS, { filter: { search: 'quiet' } })).data!.hubs.edges).toEqual([]);
      const member = await t.signUp();
      expect((await t.gql(HUB, { slug: 'quiet-hub' }, { token: member.accessToken })).data!.hub.name).toBe('Quiet Hub');
    });

    it('updateHub: the hub coordinator may, a coordinator of another hub may not', async () => {
      const q = `mutation($input: UpdateHubInput!) { updateHub(input: $input) { stage viewerCanEdit } }`;
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      const [{ id }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`);
      expect(code(await t.gql(q, { input: { id, stage: 4 } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(q, { input: { id, stage: 7 } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      expect((await t.gql(q, { input: { id, stage: 4 } }, { token: dewi.accessToken })).data!.updateHub).toEqual({ stage: 4, viewerCanEdit: true });
    });
  });

  describe('joining hubs', () => {
    it('open hub: join at once; leave; visitors cannot', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 'reach'`);
      const m = await t.signUp();
      expect(code(await t.gql(JOIN, { id }))).toBe('UNAUTHENTICATED');
      expect((await t.gql(JOIN, { id }, { token: m.accessToken })).data!.joinHub.viewerIsMember).toBe(true);
      expect(code(await t.gql(JOIN, { id }, { token: m.accessToken }))).toBe('CONFLICT');
      const left = await t.gql(`mutation($id: ID!) { leaveHub(hubId: $id) { viewerIsMember } }`, { id }, { token: m.accessToken });
      expect(left.data!.leaveHub.viewerIsMember).toBe(false);
      expect(code(await t.gql(JOIN, { id: '00000000-0000-0000-0000-000000000000' }, { token: m.accessToken }))).toBe('NOT_FOUND');
    });

    it('by-request hub: pending request, only its coordinator decides, requester is mailed', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`);
      const m = await t.signUp({ name: 'Ayu Requester' });
      const joined = await t.gql(JOIN, { id }, { token: m.accessToken });
      expect(joined.data!.joinHub).toEqual({ id, viewerIsMember: false, viewerJoinRequestStatus: 'PENDING' });
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      const hub = await t.gql(HUB, { slug: 're-search' }, { token: dewi.accessToken });
      const request = hub.data!.hub.joinRequests.find((r: any) => r.requester.name === 'Ayu Requester');
      expect((await t.gql(HUB, { slug: 're-search' }, { token: m.accessToken })).data!.hub.joinRequests).toBeNull();
      const decide = `mutation($id: ID!, $ok: Boolean!) { decideHubJoinRequest(requestId: $id, approve: $ok) { status } }`;
      expect(code(await t.gql(decide, { id: request.id, ok: true }, { token: lucia.accessToken }))).toBe('NOT_FOUND');
      expect((await t.gql(decide, { id: request.id, ok: true }, { token: dewi.accessToken })).data!.decideHubJoinRequest.status).toBe('APPROVED');
      expect(code(await t.gql(decide, { id: request.id, ok: false }, { token: dewi.accessToken }))).toBe('CONFLICT');
      expect(latestMail(t.mailDir, m.email)?.subject).toContain('Re.Search');
      expect((await t.gql(HUB, { slug: 're-search' }, { token: m.accessToken })).data!.hub.viewerIsMember).toBe(true);
    });
  });

  describe('directory', () => {
    it('hidden members never appear in members, hub.members or search; visible settings apply', async () => {
      const [{ id: reach }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 'reach'`);
      const hidden = await t.signUp({ name: 'Hidden Harimau' });
      const viewer = await t.signUp({ name: 'Viewer Vina' });
      const outsider = await t.signUp({ name: 'Outsider Oka' });
      await t.gql(JOIN, { id: reach }, { token: hidden.accessToken });
      await t.gql(JOIN, { id: reach }, { token: viewer.accessToken });
      const names = async (token: string | undefined, filter: Record<string, unknown> = {}) =>
        (await t.gql(MEMBERS, { filter }, { token })).data?.members.edges.map((e: any) => e.node.name) ?? null;
      const hubMembers = async (token?: string) =>
        (await t.gql(HUB, { slug: 'reach' }, { token })).data!.hub.members?.edges.map((e: any) => e.node.member.name) ?? null;

      expect(await names(viewer.accessToken, { search: 'Harimau' })).toEqual([]);
      expect(await hubMembers(viewer.accessToken)).not.toContain('Hidden Harimau');
      expect(code(await t.gql(`query($id: ID!) { member(id: $id) { name } }`, { id: hidden.id }, { token: viewer.accessToken }))).toBe('NOT_FOUND');

      await t.gql(PROFILE, { input: { directoryVisibility: 'HUBS' } }, { token: hidden.accessToken });
      expect(await names(viewer.accessToken, { search: 'Harimau' })).toEqual(['Hidden Harimau']);
      expect(await hubMembers(viewer.accessToken)).toContain('Hidden Harimau');
      expect(await names(outsider.accessToken, { search: 'Harimau' })).toEqual([]);
      expect(code(await t.gql(MEMBERS, {}))).toBe('UNAUTHENTICATED');
      expect(await hubMembers(undefined)).toBeNull();

      await t.gql(PROFILE, { input: { directoryVisibility: 'MEMBERS' } }, { token: hidden.accessToken });
      expect(await names(outsider.accessToken, { search: 'Harimau' })).toEqual(['Hidden Harimau']);
      const seen = await t.gql(`query($id: ID!) { member(id: $id) { name directoryVisibility } }`, { id: hidden.id }, { token: outsider.accessToken });
      expect(seen.data!.member).toEqual({ name: 'Hidden Harimau', directoryVisibility: null });
      expect(code(await t.gql(PROFILE, { input: { themeKeys: ['no-such-theme'] } }, { token: hidden.accessToken }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('invitations and roles', () => {
    it('a coordinator invites; the invitee accepts once; reuse and other accounts are refused', async () => {
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      const [{ id: hubId }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`);
      const email = `invitee-${Date.now()}@example.org`;
      expect(code(await t.gql(INVITE, { input: { email, hubId, role: 'FACILITATOR' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(INVITE, { input: { email: 'not-an-email', hubId } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(INVITE, { input: { email, hubId, organisationId: orgId } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      const inv = await t.gql(INVITE, { input: { email, hubId, role: 'FACILITATOR' } }, { token: dewi.accessToken });
      expect(inv.data!.inviteMember).toMatchObject({ email, role: 'FACILITATOR' });
      const mail = latestMail(t.mailDir, email)!;
      const token = decodeURIComponent(/\/invitations\/(\S+)/.exec(mail.text)![1]);
      expect((await t.gql(`query($t: String!) { invitation(token: $t) { targetName role usable } }`, { t: token })).data!.invitation).toEqual({ targetName: 'Re.Search', role: 'FACILITATOR', usable: true });

      const other = await t.signUp();
      expect(code(await t.gql(ACCEPT, { token }, { token: other.accessToken }))).toBe('BAD_USER_INPUT');
      const invitee = await t.signUp({ email });
      expect((await t.gql(ACCEPT, { token }, { token: invitee.accessToken })).data!.acceptInvitation.acceptedAt).toBeTruthy();
      const again = await t.gql(ACCEPT, { token }, { token: invitee.accessToken });
      expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      const hub = await t.gql(HUB, { slug: 're-search' }, { token: invitee.accessToken });
      expect(hub.data!.hub.viewerIsMember).toBe(true);
    });

    it('expired and revoked invitations cannot be used', async () => {
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const email = `late-${Date.now()}@example.org`;
      const inv = await t.gql(INVITE, { input: { email, organisationId: orgId } }, { token: dewi.accessToken });
      const token = decodeURIComponent(/\/invitations\/(\S+)/.exec(latestMail(t.mailDir, email)!.text)![1]);
      await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.data!.inviteMember.id]);
      const late = await t.signUp({ email });
      expect(code(await t.gql(ACCEPT, { token }, { token: late.accessToken }))).toBe('BAD_USER_INPUT');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM role_grants WHERE member_id = $1 AND scope = 'organisation'`, [late.id]);
      expect(n).toBe(0);

      const inv2 = await t.gql(INVITE, { input: { email: `r-${email}`, organisationId: orgId } }, { token: dewi.accessToken });
      const revoke = `mutation($id: ID!) { revokeInvitation(id: $id) { revokedAt } }`;
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      expect(code(await t.gql(revoke, { id: inv2.data!.inviteMember.id }, { token: lucia.accessToken }))).toBe('NOT_FOUND');
      expect((await t.gql(revoke, { id: inv2.data!.inviteMember.id }, { token: dewi.accessToken })).data!.revokeInvitation.revokedAt).toBeTruthy();
    });

    it('setMemberRole: a coordinator promotes a hub member; not for non-members or other hubs', async () => {
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      const [{ id: hubId }] = await t.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`);
      const [{ id: sari }] = await t.db.query(`SELECT id FROM members WHERE email = 'sari@anyam.test'`);
      const q = `mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id } }`;
      expect(code(await t.gql(q, { input: { memberId: sari, hubId, role: 'FACILITATOR' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      const stranger = await t.signUp();
      expect(code(await t.gql(q, { input: { memberId: stranger.id, hubId, role: 'FACILITATOR' } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      expect((await t.gql(q, { input: { memberId: sari, hubId, role: 'FACILITATOR' } }, { token: dewi.accessToken })).errors).toBeUndefined();
      const [{ role }] = await t.db.query(`SELECT role FROM role_grants WHERE member_id = $1 AND scope_id = $2`, [sari, hubId]);
      expect(role).toBe('facilitator');
    });
  });

  describe('organisations', () => {
    it('members-only organisations are NOT_FOUND to visitors; coordinators edit theirs only', async () => {
      expect(code(await t.gql(`{ organisation(slug: "corporacion-raices-del-sur") { id } }`))).toBe('NOT_FOUND');
      const m = await t.signUp();
      expect((await t.gql(`{ organisation(slug: "corporacion-raices-del-sur") { name } }`, {}, { token: m.accessToken })).data!.organisation.name).toBe('Corporación Raíces del Sur');
      const list = await t.gql(`{ organisations(first: 50) { edges { node { slug } } } }`);
      expect(list.data!.organisations.edges.map((e: any) => e.node.slug)).not.toContain('corporacion-raices-del-sur');
      const q = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { city verified } }`;
      const dewi = await t.signIn('dewi@anyam.test', 'anyam-demo-2023');
      const lucia = await t.signIn('lucia@anyam.test', 'anyam-demo-2023');
      expect(code(await t.gql(q, { input: { id: orgId, city: 'Jakarta' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(q, { input: { id: orgId, country: 'XX' } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(q, { input: { id: orgId, verified: false } }, { token: dewi.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(q, { input: { id: orgId, city: 'Bogor Barat' } }, { token: dewi.accessToken })).data!.updateOrganisation.city).toBe('Bogor Barat');
      const create = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { slug languages } }`;
      expect(code(await t.gql(create, { input: { name: 'X', slug: 'x-org', country: 'KE', languages: ['sw'] } }, { token: dewi.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(create, { input: { name: 'Sauti Pamoja', slug: 'sauti-pamoja', country: 'KE', languages: ['sw', 'en'] } }, { token: admin.accessToken })).data!.createOrganisation).toEqual({ slug: 'sauti-pamoja', languages: ['sw', 'en'] });
    });
  });
});
