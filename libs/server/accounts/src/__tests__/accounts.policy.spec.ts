import { ANONYMOUS, memberActor } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { AccountsPolicy } from '../accounts.policy';
import { toMemberType } from '../member.mapper';
import { MemberEntity } from '../entities/member.entity';

const sari = { id: 'sari' };
const asSari = memberActor('sari', []);
const asLucia = memberActor('lucia', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: 'hub-1' }]);
const asAdmin = memberActor('admin', [{ role: Role.Admin, scope: RoleScope.Network, scopeId: null }]);

describe('AccountsPolicy', () => {
  it('lets members edit only their own profile (and admins any)', () => {
    expect(AccountsPolicy.canEditProfile(asSari, sari)).toBe(true);
    expect(AccountsPolicy.canEditProfile(asLucia, sari)).toBe(false);
    expect(AccountsPolicy.canEditProfile(ANONYMOUS, sari)).toBe(false);
    expect(AccountsPolicy.canEditProfile(asAdmin, sari)).toBe(true);
    expect(() => AccountsPolicy.assertCanEditProfile(asLucia, sari)).toThrow(/own profile/);
  });

  it('never shows an e-mail address to other members or visitors', () => {
    const entity = Object.assign(new MemberEntity(), {
      id: 'sari',
      email: 'sari@plus.or.id',
      name: 'Sari',
      locale: 'id',
      timeZone: 'Asia/Jakarta',
      createdAt: new Date(),
    });
    expect(toMemberType(entity, asSari)).toMatchObject({ email: 'sari@plus.or.id', viewerCanEdit: true });
    expect(toMemberType(entity, asLucia)).toMatchObject({ email: null, viewerCanEdit: false });
    expect(toMemberType(entity, ANONYMOUS)).toMatchObject({ email: null, viewerCanEdit: false });
  });
});
