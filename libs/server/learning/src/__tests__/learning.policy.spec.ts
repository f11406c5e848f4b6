import { ANONYMOUS, memberActor } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { LearningPolicy, ModuleViewer, PolicyModule, staffHubIds } from '../learning.policy';

const HUB = 'h-1';
const mod = (status: PolicyModule['status']): PolicyModule => ({ hubId: HUB, status });
const viewer = (over: Partial<ModuleViewer> = {}): ModuleViewer => ({ hubVisibility: 'public', isAuthor: false, enrolmentStatus: null, ...over });

const member = memberActor('m-1', []);
const admin = memberActor('a-1', [{ role: Role.Admin, scope: RoleScope.Network, scopeId: null }]);
const facilitator = memberActor('f-1', [{ role: Role.Facilitator, scope: RoleScope.Hub, scopeId: HUB }]);
const coordinator = memberActor('c-1', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: HUB }]);
const otherFacilitator = memberActor('f-2', [{ role: Role.Facilitator, scope: RoleScope.Hub, scopeId: 'h-2' }]);
const orgCoordinator = memberActor('oc', [{ role: Role.Coordinator, scope: RoleScope.Organisation, scopeId: HUB }]);

describe('LearningPolicy: authoring', () => {
  it('the hub’s facilitators and coordinators and admins create modules; nobody else', () => {
    for (const a of [facilitator, coordinator, admin]) expect(LearningPolicy.canCreateModule(a, HUB)).toBe(true);
    for (const a of [ANONYMOUS, member, otherFacilitator, orgCoordinator]) expect(LearningPolicy.canCreateModule(a, HUB)).toBe(false);
    expect(() => LearningPolicy.assertCanCreateModule(member, HUB)).toThrow('facilitators');
  });

  it('listed authors edit too, but only while they may facilitate somewhere', () => {
    expect(LearningPolicy.canEditModule(otherFacilitator, mod('draft'), viewer({ isAuthor: true }))).toBe(true);
    expect(LearningPolicy.canEditModule(otherFacilitator, mod('draft'), viewer())).toBe(false);
    expect(LearningPolicy.canEditModule(member, mod('draft'), viewer({ isAuthor: true }))).toBe(false);
  });
});

describe('LearningPolicy: seeing modules', () => {
  it('drafts only to editors', () => {
    expect(LearningPolicy.canSeeModule(facilitator, mod('draft'), viewer())).toBe(true);
    for (const a of [ANONYMOUS, member, otherFacilitator]) expect(LearningPolicy.canSeeModule(a, mod('draft'), viewer())).toBe(false);
  });

  it('published modules of public hubs to everyone, of members-only hubs to members', () => {
    expect(LearningPolicy.canSeeModule(ANONYMOUS, mod('published'), viewer())).toBe(true);
    expect(LearningPolicy.canSeeModule(ANONYMOUS, mod('published'), viewer({ hubVisibility: 'members' }))).toBe(false);
    expect(LearningPolicy.canSeeModule(member, mod('published'), viewer({ hubVisibility: 'members' }))).toBe(true);
  });

  it('archived modules to editors and to members enrolled in them', () => {
    expect(LearningPolicy.canSeeModule(member, mod('archived'), viewer())).toBe(false);
    expect(LearningPolicy.canSeeModule(member, mod('archived'), viewer({ enrolmentStatus: 'completed' }))).toBe(true);
    expect(LearningPolicy.canSeeModule(coordinator, mod('archived'), viewer())).toBe(true);
  });
});

describe('LearningPolicy: lessons, enrolment, rosters', () => {
  it('lesson content to members with a seat (or done) and to editors; not to the waitlist', () => {
    expect(LearningPolicy.canReadLessons(member, mod('published'), viewer({ enrolmentStatus: 'enrolled' }))).toBe(true);
    expect(LearningPolicy.canReadLessons(member, mod('published'), viewer({ enrolmentStatus: 'completed' }))).toBe(true);
    expect(LearningPolicy.canReadLessons(member, mod('published'), viewer({ enrolmentStatus: 'waitlisted' }))).toBe(false);
    expect(LearningPolicy.canReadLessons(member, mod('published'), viewer())).toBe(false);
    expect(LearningPolicy.canReadLessons(ANONYMOUS, mod('published'), viewer())).toBe(false);
    expect(LearningPolicy.canReadLessons(facilitator, mod('draft'), viewer())).toBe(true);
  });

  it('enrolment only in published modules, by members', () => {
    expect(LearningPolicy.canEnrol(member, mod('published'), viewer())).toBe(true);
    expect(LearningPolicy.canEnrol(member, mod('archived'), viewer({ enrolmentStatus: 'completed' }))).toBe(false);
    expect(LearningPolicy.canEnrol(ANONYMOUS, mod('published'), viewer())).toBe(false);
    expect(LearningPolicy.canEnrol(facilitator, mod('draft'), viewer())).toBe(false);
  });

  it('rosters: editors and the cohort’s own facilitators', () => {
    expect(LearningPolicy.canManageCohort(facilitator, mod('published'), viewer(), false)).toBe(true);
    expect(LearningPolicy.canManageCohort(otherFacilitator, mod('published'), viewer(), true)).toBe(true);
    expect(LearningPolicy.canManageCohort(otherFacilitator, mod('published'), viewer(), false)).toBe(false);
    expect(LearningPolicy.canManageCohort(member, mod('published'), viewer(), true)).toBe(false);
  });

  it('staffHubIds lists hubs where the actor facilitates or coordinates', () => {
    expect(staffHubIds(facilitator)).toEqual([HUB]);
    expect(staffHubIds(orgCoordinator)).toEqual([]);
    expect(staffHubIds(ANONYMOUS)).toEqual([]);
  });
});
