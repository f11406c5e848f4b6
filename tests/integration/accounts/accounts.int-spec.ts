import { latestMail, randomIp, startTestApp, TestApp } from '../support/test-app';

const ME = `{ me { id name email locale timeZone viewerCanEdit } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken expiresAt member { id email name locale timeZone } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken member { id } } }`;
const REFRESH = `mutation { refreshSession { accessToken member { id } } }`;
const SIGN_OUT = `mutation { signOut }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name locale timeZone } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const countMembers = async () => (await t.db.query('SELECT count(*)::int AS n FROM members'))[0].n as number;

  describe('signUp', () => {
    it('creates an account, returns an access token and sets an httpOnly refresh cookie', async () => {
      const input = { email: 'Sari@Plus.or.id', password: 'tenun-awayu-2023', name: '  Sari   Wulandari ', locale: 'id', timeZone: 'Asia/Makassar' };
      const r = await t.gql(SIGN_UP, { input });
      expect(r.errors).toBeUndefined();
      expect(r.data!.signUp.member).toMatchObject({ email: 'sari@plus.or.id', name: 'Sari Wulandari', locale: 'id', timeZone: 'Asia/Makassar' });
      expect(r.refreshCookie).toBeTruthy();
      const cookies = r.headers.getSetCookie();
      const refresh = cookies.find((c) => c.startsWith('anyam_refresh='))!;
      expect(refresh).toMatch(/HttpOnly/i);
      expect(refresh).toMatch(/SameSite=Strict/i);
      expect(refresh).toMatch(/Path=\/graphql/);
      // Beside it, a script-readable hint with no secret in it, so the web app knows a session exists.
      const hint = cookies.find((c) => c.startsWith('anyam_session='))!;
      expect(hint).toMatch(/^anyam_session=1;/);
      expect(hint).not.toMatch(/HttpOnly/i);
      expect(hint).toMatch(/SameSite=Strict/i);
      const me = await t.gql(ME, {}, { token: r.data!.signUp.accessToken });
      expect(me.data!.me).toMatchObject({ email: 'sari@plus.or.id', viewerCanEdit: true });
      const [row] = await t.db.query(`SELECT password_hash FROM members WHERE email = 'sari@plus.or.id'`);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it.each([
      ['email', { email: 'not-an-email' }, 'BAD_USER_INPUT', 'invalid'],
      ['password', { password: 'short' }, 'BAD_USER_INPUT', 'tooShort'],
      ['password', { password: 'aaaaaaaaaaaaaa' }, 'BAD_USER_INPUT', 'repetitive'],
      ['name', { name: '   ' }, 'BAD_USER_INPUT', 'empty'],
      ['name', { name: 'x'.repeat(81) }, 'BAD_USER_INPUT', 'tooLong'],
      ['locale', { locale: 'fr' }, 'BAD_USER_INPUT', 'unsupported'],
      ['timeZone', { timeZone: 'Mars/Olympus_Mons' }, 'BAD_USER_INPUT', 'unknown'],
    ])('refuses a bad %s with a clear error and creates nothing', async (field, override, expectedCode, reason) => {
      const before = await countMembers();
      const input = { email: `bad-${Math.random()}@example.org`, password: 'correct horse battery', name: 'Ana', locale: 'pt', timeZone: 'America/Sao_Paulo', ...override };
      const r = await t.gql(SIGN_UP, { input });
      expect(r.status).toBeLessThan(500);
      expect(code(r)).toBe(expectedCode);
      expect(ext(r)).toMatchObject({ field, reason });
      expect(r.errors![0].message).not.toMatch(/stack|at \w+ \(|SELECT|INSERT/);
      expect(r.refreshCookie).toBeUndefined();
      expect(await countMembers()).toBe(before);
    });

    it('refuses a second account for the same address (any case) with CONFLICT', async () => {
      const m = await t.signUp();
      const before = await countMembers();
      const r = await t.gql(SIGN_UP, { input: { email: m.email.toUpperCase(), password: 'another good one', name: 'Copy', locale: 'en', timeZone: 'UTC' } });
      expect(code(r)).toBe('CONFLICT');
      expect(ext(r)).toMatchObject({ field: 'email', reason: 'taken' });
      expect(await countMembers()).toBe(before);
    });

    it('refuses a missing field as a GraphQL validation error, not a 500', async () => {
      const r = await t.gql(SIGN_UP, { input: { email: 'x@example.org' } });
      expect(r.status).toBe(400);
      expect(code(r)).toBe('BAD_USER_INPUT');
    });

    it('limits sign-ups per address', async () => {
      const ip = randomIp();
      const results = [];
      for (let i = 0; i < 11; i++) {
        results.push(
          await t.gql(SIGN_UP, { input: { email: `burst${i}-${Date.now()}@example.org`, password: 'correct horse battery', name: 'Burst', locale: 'en', timeZone: 'UTC' } }, { ip }),
        );
      }
      expect(results.slice(0, 10).every((r) => !r.errors)).toBe(true);
      expect(code(results[10])).toBe('RATE_LIMITED');
      expect(ext(results[10]).retryAfterSeconds).toBeGreaterThan(0);
    });
  });

  describe('signIn', () => {
    it('signs in with the right password, whatever the e-mail case', async () => {
      const m = await t.signUp();
      const r = await t.gql(SIGN_IN, { input: { email: m.email.toUpperCase(), password: m.password } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.signIn.member.id).toBe(m.id);
      expect(r.refreshCookie).toBeTruthy();
    });

    it('answers a wrong password and an unknown address the same way', async () => {
      const m = await t.signUp();
      const wrong = await t.gql(SIGN_IN, { input: { email: m.email, password: 'not the password' } });
      const unknown = await t.gql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'not the password' } });
      for (const r of [wrong, unknown]) {
        expect(code(r)).toBe('UNAUTHENTICATED');
        expect(ext(r).reason).toBe('invalidCredentials');
        expect(r.refreshCookie).toBeUndefined();
      }
      expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    });

    it('locks an account after 5 failures, even from many addresses, and says when to retry', async () => {
      const m = await t.signUp();
      for (let i = 0; i < 5; i++) await t.gql(SIGN_IN, { input: { email: m.email, password: `wrong-${i}-password` } });
      const r = await t.gql(SIGN_IN, { input: { email: m.email, password: m.password } });
      expect(code(r)).toBe('RATE_LIMITED');
      expect(ext(r).retryAfterSeconds).toBeGreaterThan(60);
    });

    it('limits failures per client address', async () => {
      const ip = randomIp();
      for (let i = 0; i < 10; i++) await t.gql(SIGN_IN, { input: { email: `spray${i}@example.org`, password: 'guess-guess-guess' } }, { ip });
      const r = await t.gql(SIGN_IN, { input: { email: 'another@example.org', password: 'guess-guess-guess' } }, { ip });
      expect(code(r)).toBe('RATE_LIMITED');
    });
  });

  describe('sessions', () => {
    it('rotates the refresh cookie and refuses a replayed one by ending the whole session family', async () => {
      const m = await t.signUp();
      const first = await t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie });
      expect(first.errors).toBeUndefined();
      expect(first.refreshCookie).toBeTruthy();
      expect(first.refreshCookie).not.toBe(m.refreshCookie);
      // Move the rotation outside the grace period, then replay the old cookie: a stolen-token signal.
      await t.db.query(`UPDATE sessions SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL AND member_id = $1`, [m.id]);
      const replay = await t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie });
      expect(code(replay)).toBe('UNAUTHENTICATED');
      const next = await t.gql(REFRESH, {}, { refreshCookie: first.refreshCookie });
      expect(code(next)).toBe('UNAUTHENTICATED');
    });

    it('tolerates two tabs refreshing with the same cookie at once', async () => {
      const m = await t.signUp();
      const [a, b] = await Promise.all([
        t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie }),
        t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie }),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
    });

    it('refuses refresh without a cookie, and signOut ends the session', async () => {
      expect(code(await t.gql(REFRESH))).toBe('UNAUTHENTICATED');
      const m = await t.signUp();
      const out = await t.gql(SIGN_OUT, {}, { refreshCookie: m.refreshCookie });
      expect(out.data!.signOut).toBe(true);
      expect(out.refreshCookie).toBe('');
      expect(out.headers.getSetCookie().find((c) => c.startsWith('anyam_session='))).toMatch(/^anyam_session=;.*Expires=Thu, 01 Jan 1970/);
      expect(code(await t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie }))).toBe('UNAUTHENTICATED');
    });

    it('treats a visitor as signed out and a forged token as an expired session', async () => {
      expect((await t.gql(ME)).data!.me).toBeNull();
      const forged = await t.gql(UPDATE, { input: { name: 'X' } }, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
      expect(code(forged)).toBe('UNAUTHENTICATED');
      expect(ext(forged).reason).toBe('sessionExpired');
    });
  });

  describe('profile', () => {
    it('lets a member change their name, language and time zone', async () => {
      const m = await t.signUp();
      const r = await t.gql(UPDATE, { input: { name: 'Lucía Quispe', locale: 'es', timeZone: 'America/Lima' } }, { token: m.accessToken });
      expect(r.data!.updateProfile).toMatchObject({ name: 'Lucía Quispe', locale: 'es', timeZone: 'America/Lima' });
    });

    it('refuses visitors and bad values, changing nothing', async () => {
      const m = await t.signUp({ locale: 'en', timeZone: 'Asia/Jakarta' });
      expect(code(await t.gql(UPDATE, { input: { name: 'Visitor' } }))).toBe('UNAUTHENTICATED');
      const bad = await t.gql(UPDATE, { input: { locale: 'en', timeZone: 'Asia/Atlantis' } }, { token: m.accessToken });
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(ext(bad).field).toBe('timeZone');
      const me = await t.gql(ME, {}, { token: m.accessToken });
      expect(me.data!.me).toMatchObject({ locale: 'en', timeZone: 'Asia/Jakarta' });
    });
  });

  describe('changePassword', () => {
    it('changes the password and ends other sessions, keeping this one', async () => {
      const m = await t.signUp();
      const other = await t.signIn(m.email, m.password);
      const r = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: m.password, newPassword: 'a brand new passphrase' } }, { token: m.accessToken, refreshCookie: m.refreshCookie });
      expect(r.data!.changePassword).toBe(true);
      expect(code(await t.gql(REFRESH, {}, { refreshCookie: other.refreshCookie }))).toBe('UNAUTHENTICATED');
      expect((await t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie })).errors).toBeUndefined();
      await expect(t.signIn(m.email, 'a brand new passphrase')).resolves.toMatchObject({ id: m.id });
    });

    it('refuses a wrong current password, a weak new one, and visitors', async () => {
      const m = await t.signUp();
      const wrong = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' } }, { token: m.accessToken });
      expect(ext(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', reason: 'incorrect' });
      const weak = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: m.password, newPassword: 'short' } }, { token: m.accessToken });
      expect(ext(weak)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'tooShort' });
      expect(code(await t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'a', newPassword: 'b' } }))).toBe('UNAUTHENTICATED');
      await expect(t.signIn(m.email, m.password)).resolves.toMatchObject({ id: m.id });
    });
  });

  describe('password reset', () => {
    it('mails a single-use link in the member’s language that sets a new password and ends sessions', async () => {
      const m = await t.signUp({ locale: 'id' });
      const r = await t.gql(REQUEST_RESET, { email: m.email });
      expect(r.data!.requestPasswordReset).toBe(true);
      const mail = latestMail(t.mailDir, m.email)!;
      expect(mail.subject).toBe('Atur ulang kata sandi Anyam Anda');
      const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1];
      const weak = await t.gql(RESET, { token, password: 'short' });
      expect(ext(weak)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', reason: 'tooShort' });
      expect((await t.gql(RESET, { token, password: 'after the reset 2023' })).data!.resetPassword).toBe(true);
      expect(code(await t.gql(REFRESH, {}, { refreshCookie: m.refreshCookie }))).toBe('UNAUTHENTICATED');
      await expect(t.signIn(m.email, 'after the reset 2023')).resolves.toMatchObject({ id: m.id });
      const reused = await t.gql(RESET, { token, password: 'yet another one 2024' });
      expect(ext(reused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'invalidOrExpired' });
    });

    it('answers true for an unknown address without sending anything', async () => {
      const r = await t.gql(REQUEST_RESET, { email: 'nobody-here@example.org' });
      expect(r.data!.requestPasswordReset).toBe(true);
      expect(latestMail(t.mailDir, 'nobody-here@example.org')).toBeNull();
    });

    it('refuses an expired token and a malformed address', async () => {
      const m = await t.signUp();
      await t.gql(REQUEST_RESET, { email: m.email });
      const token = /token=([\w-]+)/.exec(latestMail(t.mailDir, m.email)!.text)![1];
      await t.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE member_id = $1`, [m.id]);
      expect(ext(await t.gql(RESET, { token, password: 'after the reset 2023' }))).toMatchObject({ reason: 'invalidOrExpired' });
      expect(ext(await t.gql(REQUEST_RESET, { email: 'nope' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    });

    it('limits reset mails per address', async () => {
      const m = await t.signUp();
      for (let i = 0; i < 3; i++) expect((await t.gql(REQUEST_RESET, { email: m.email })).errors).toBeUndefined();
      expect(code(await t.gql(REQUEST_RESET, { email: m.email }))).toBe('RATE_LIMITED');
    });
  });
});
