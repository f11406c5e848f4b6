import { ANONYMOUS, memberActor } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { CommunityPolicy } from '../community.policy';

const HUB = { id: 'hub-1', visibility: 'public' as const };
const QUIET_HUB = { id: 'hub-2', visibility: 'members' as const };
const plain = memberActor('m-1', []);
const coordinator = memberActor('m-2', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: 'hub-1' }]);
const otherCoordinator = memberActor('m-3', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: 'hub-9' }]);
const admin = memberActor('m-4', [{ role: Role.Admin, scope: RoleScope.Network, scopeId: null }]);

describe('CommunityPolicy', () => {
  it('public records are seen by everyone, members-only records by signed-in members only', () => {
    expect(CommunityPolicy.canSee(ANONYMOUS, HUB)).toBe(true);
    expect(CommunityPolicy.canSee(ANONYMOUS, QUIET_HUB)).toBe(false);
    expect(CommunityPolicy.canSee(plain, QUIET_HUB)).toBe(true);
  });

  it('only the hub’s coordinators and admins edit a hub', () => {
    expect(CommunityPolicy.canEditHub(coordinator, HUB)).toBe(true);
    expect(CommunityPolicy.canEditHub(otherCoordinator, HUB)).toBe(false);
    expect(CommunityPolicy.canEditHub(plain, HUB)).toBe(false);
    expect(CommunityPolicy.canEditHub(ANONYMOUS, HUB)).toBe(false);
    expect(CommunityPolicy.canEditHub(admin, HUB)).toBe(true);
    expect(() => CommunityPolicy.assertCanEditHub(otherCoordinator, HUB)).toThrow();
  });

  it('organisation coordinators edit their organisation; only admins verify and manage structure', () => {
    const orgCoordinator = memberActor('m-5', [{ role: Role.Coordinator, scope: RoleScope.Organisation, scopeId: 'org-1' }]);
    expect(CommunityPolicy.canEditOrganisation(orgCoordinator, { id: 'org-1' })).toBe(true);
    expect(CommunityPolicy.canEditOrganisation(orgCoordinator, { id: 'org-2' })).toBe(false);
    expect(CommunityPolicy.canEditOrganisation(coordinator, { id: 'org-1' })).toBe(false);
    expect(CommunityPolicy.canVerifyOrganisation(orgCoordinator)).toBe(false);
    expect(CommunityPolicy.canManageStructure(admin)).toBe(true);
    expect(CommunityPolicy.canManageStructure(coordinator)).toBe(false);
  });

  it('a member may join a visible hub once; visitors never', () => {
    expect(CommunityPolicy.canJoinHub(plain, HUB, { isMember: false, hasPendingRequest: false })).toBe(true);
    expect(CommunityPolicy.canJoinHub(plain, HUB, { isMember: true, hasPendingRequest: false })).toBe(false);
    expect(CommunityPolicy.canJoinHub(plain, HUB, { isMember: false, hasPendingRequest: true })).toBe(false);
    expect(CommunityPolicy.canJoinHub(ANONYMOUS, HUB, { isMember: false, hasPendingRequest: false })).toBe(false);
  });

  describe('directory', () => {
    const target = (directoryVisibility: 'hidden' | 'hubs' | 'members') => ({ memberId: 'm-9', directoryVisibility });

    it('hidden members are in nobody’s directory, not even admins’ or co-members’', () => {
      expect(CommunityPolicy.canSeeInDirectory(plain, target('hidden'), true)).toBe(false);
      expect(CommunityPolicy.canSeeInDirectory(admin, target('hidden'), true)).toBe(false);
    });

    it('"hubs" is for members sharing a hub; "members" for any signed-in member; visitors never', () => {
      expect(CommunityPolicy.canSeeInDirectory(plain, target('hubs'), true)).toBe(true);
      expect(CommunityPolicy.canSeeInDirectory(plain, target('hubs'), false)).toBe(false);
      expect(CommunityPolicy.canSeeInDirectory(plain, target('members'), false)).toBe(true);
      expect(CommunityPolicy.canSeeInDirectory(ANONYMOUS, target('members'), true)).toBe(false);
    });

    it('a member always sees their own page and settings; others never see the settings', () => {
      const self = memberActor('m-9', []);
      expect(CommunityPolicy.canSeeMember(self, target('hidden'), false)).toBe(true);
      expect(CommunityPolicy.canSeeOwnSettings(self, target('hidden'))).toBe(true);
      expect(CommunityPolicy.canSeeOwnSettings(plain, target('members'))).toBe(false);
      expect(CommunityPolicy.canSeeMember(ANONYMOUS, target('members'), true)).toBe(false);
    });
  });
});
