import { isTimeZone, isEmail, passwordProblem, permissionsOf, Permission, Role, ROLE_PERMISSIONS, isLocale } from '../index';

describe('isTimeZone', () => {
  it.each(['Asia/Jakarta', 'America/Lima', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5'])('accepts %s', (tz) =>
    expect(isTimeZone(tz)).toBe(true),
  );
  it.each(['', 'Mars/Olympus', 'WIB', '+07:00', 'Asia/Jakarta; DROP TABLE', 'x'.repeat(70), 42])('rejects %p', (tz) =>
    expect(isTimeZone(tz)).toBe(false),
  );
});

describe('isEmail', () => {
  it('accepts a normal address and rejects malformed ones', () => {
    expect(isEmail('sari@plus.or.id')).toBe(true);
    for (const bad of ['sari', 'sari@', '@plus.or.id', 'sari @plus.or.id', 'sari@plus', `${'a'.repeat(250)}@x.id`]) {
      expect(isEmail(bad)).toBe(false);
    }
  });
});

describe('passwordProblem', () => {
  it('names what is wrong with a weak password', () => {
    expect(passwordProblem('short')).toBe('tooShort');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('repetitive');
    expect(passwordProblem('sari.wulandari-2024', 'sari.wulandari@plus.or.id')).toBe('containsEmail');
    expect(passwordProblem('x'.repeat(300))).toBe('tooLong');
    expect(passwordProblem('tenun-awayu-2023')).toBeNull();
  });
});

describe('role permissions', () => {
  it('gives every role what a member can do, and admins everything', () => {
    for (const role of Object.values(Role)) {
      for (const p of ROLE_PERMISSIONS[Role.Member]) expect(ROLE_PERMISSIONS[role]).toContain(p);
    }
    expect(permissionsOf([Role.Admin]).size).toBe(Object.values(Permission).length);
    expect(permissionsOf([Role.Member]).has(Permission.ManageNetwork)).toBe(false);
    expect(permissionsOf([Role.Member, Role.Moderator]).has(Permission.ModerateForum)).toBe(true);
  });
  it('knows the four interface languages', () => {
    expect(['en', 'id', 'es', 'pt'].every(isLocale)).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
