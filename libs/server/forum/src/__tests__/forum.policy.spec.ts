import { ANONYMOUS, memberActor } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { ForumPolicy, GroupViewer, NO_VIEWER, PolicyGroup } from '../forum.policy';

const REGION = 'r-1';
const HUB = 'h-1';
const group = (over: Partial<PolicyGroup> = {}): PolicyGroup => ({ id: 'g-1', kind: 'region', visibility: 'public', regionId: REGION, hubId: null, ...over });
const hubGroup = (visibility: PolicyGroup['visibility']) => group({ kind: 'hub', hubId: HUB, visibility });
const viewer = (over: Partial<GroupViewer> = {}): GroupViewer => ({ ...NO_VIEWER, ...over });

const member = memberActor('m-1', []);
const other = memberActor('m-2', []);
const admin = memberActor('a-1', [{ role: Role.Admin, scope: RoleScope.Network, scopeId: null }]);
const networkModerator = memberActor('nm', [{ role: Role.Moderator, scope: RoleScope.Network, scopeId: null }]);
const regionModerator = memberActor('rm', [{ role: Role.Moderator, scope: RoleScope.Region, scopeId: REGION }]);
const otherRegionModerator = memberActor('orm', [{ role: Role.Moderator, scope: RoleScope.Region, scopeId: 'r-2' }]);
const hubCoordinator = memberActor('hc', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: HUB }]);

const open = { authorId: 'm-1', locked: false, archived: false };
const locked = { ...open, locked: true };

describe('ForumPolicy.canReadGroup', () => {
  it('public groups: everyone, visitors included', () => {
    expect(ForumPolicy.canReadGroup(ANONYMOUS, group(), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canReadGroup(member, group(), NO_VIEWER)).toBe(true);
  });

  it('members-only regional and thematic groups: any signed-in member, never visitors', () => {
    for (const g of [group({ visibility: 'members' }), group({ kind: 'theme', regionId: null, visibility: 'members' })]) {
      expect(ForumPolicy.canReadGroup(ANONYMOUS, g, NO_VIEWER)).toBe(false);
      expect(ForumPolicy.canReadGroup(member, g, NO_VIEWER)).toBe(true);
    }
  });

  it('members-only hub groups: members of that hub only', () => {
    expect(ForumPolicy.canReadGroup(member, hubGroup('members'), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canReadGroup(member, hubGroup('members'), viewer({ hubMember: true }))).toBe(true);
    expect(ForumPolicy.canReadGroup(ANONYMOUS, hubGroup('members'), viewer({ hubMember: true }))).toBe(false);
  });

  it('private groups: invited members and admins only; hub membership is not enough', () => {
    expect(ForumPolicy.canReadGroup(member, hubGroup('private'), viewer({ hubMember: true }))).toBe(false);
    expect(ForumPolicy.canReadGroup(member, hubGroup('private'), viewer({ groupRole: 'member' }))).toBe(true);
    expect(ForumPolicy.canReadGroup(admin, hubGroup('private'), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canReadGroup(networkModerator, hubGroup('private'), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canReadGroup(ANONYMOUS, hubGroup('private'), viewer({ groupRole: 'member' }))).toBe(false);
  });
});

describe('ForumPolicy moderation', () => {
  it('admins, network moderators, the region’s moderators, the hub’s coordinators and group moderators', () => {
    expect(ForumPolicy.canModerateGroup(admin, group(), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canModerateGroup(networkModerator, group(), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canModerateGroup(regionModerator, group(), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canModerateGroup(otherRegionModerator, group(), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canModerateGroup(hubCoordinator, hubGroup('members'), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canModerateGroup(hubCoordinator, group(), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canModerateGroup(member, group(), viewer({ groupRole: 'moderator' }))).toBe(true);
    expect(ForumPolicy.canModerateGroup(member, group(), viewer({ groupRole: 'member' }))).toBe(false);
    expect(ForumPolicy.canModerateGroup(ANONYMOUS, group(), NO_VIEWER)).toBe(false);
  });

  it('assertCanModerateGroup throws FORBIDDEN for others', () => {
    expect(() => ForumPolicy.assertCanModerateGroup(member, group(), NO_VIEWER)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => ForumPolicy.assertCanModerateGroup(regionModerator, group(), NO_VIEWER)).not.toThrow();
  });
});

describe('ForumPolicy posting', () => {
  it('members who can read start threads; visitors never', () => {
    expect(ForumPolicy.canCreateThread(member, group(), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canCreateThread(ANONYMOUS, group(), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canCreateThread(member, hubGroup('members'), NO_VIEWER)).toBe(false);
  });

  it('a locked or archived thread takes replies from moderators only', () => {
    expect(ForumPolicy.canReply(member, group(), NO_VIEWER, open)).toBe(true);
    expect(ForumPolicy.canReply(member, group(), NO_VIEWER, locked)).toBe(false);
    expect(ForumPolicy.canReply(regionModerator, group(), NO_VIEWER, locked)).toBe(true);
    expect(ForumPolicy.canReply(regionModerator, group(), NO_VIEWER, { ...open, archived: true })).toBe(false);
    expect(() => ForumPolicy.assertCanReply(member, group(), NO_VIEWER, locked)).toThrow(/closed/);
  });

  it('the author edits and deletes their live post; moderators any; nobody a removed one', () => {
    const post = { authorId: 'm-1', deletedAt: null };
    expect(ForumPolicy.canEditPost(member, group(), NO_VIEWER, open, post)).toBe(true);
    expect(ForumPolicy.canEditPost(other, group(), NO_VIEWER, open, post)).toBe(false);
    expect(ForumPolicy.canEditPost(member, group(), NO_VIEWER, locked, post)).toBe(false);
    expect(ForumPolicy.canEditPost(regionModerator, group(), NO_VIEWER, locked, post)).toBe(true);
    expect(ForumPolicy.canDeletePost(member, group(), NO_VIEWER, open, { ...post, deletedAt: new Date() })).toBe(false);
    expect(ForumPolicy.canEditPost(ANONYMOUS, group(), NO_VIEWER, open, post)).toBe(false);
  });

  it('the thread author or a moderator accepts an answer', () => {
    expect(ForumPolicy.canAcceptAnswer(member, group(), NO_VIEWER, open)).toBe(true);
    expect(ForumPolicy.canAcceptAnswer(other, group(), NO_VIEWER, open)).toBe(false);
    expect(ForumPolicy.canAcceptAnswer(regionModerator, group(), NO_VIEWER, open)).toBe(true);
  });
});

describe('ForumPolicy.canCreateGroup', () => {
  it('admins any group; hub coordinators groups of their own hub; nobody else', () => {
    expect(ForumPolicy.canCreateGroup(admin, { kind: 'region', hubId: null })).toBe(true);
    expect(ForumPolicy.canCreateGroup(hubCoordinator, { kind: 'hub', hubId: HUB })).toBe(true);
    expect(ForumPolicy.canCreateGroup(hubCoordinator, { kind: 'hub', hubId: 'h-2' })).toBe(false);
    expect(ForumPolicy.canCreateGroup(hubCoordinator, { kind: 'theme', hubId: null })).toBe(false);
    expect(ForumPolicy.canCreateGroup(member, { kind: 'theme', hubId: null })).toBe(false);
    expect(ForumPolicy.canCreateGroup(ANONYMOUS, { kind: 'theme', hubId: null })).toBe(false);
  });
});

describe('ForumPolicy: reactions and flags', () => {
  const post = (over: Partial<{ authorId: string; deletedAt: Date | null; hiddenAt: Date | null; status: 'visible' | 'held' | 'rejected' }> = {}) => ({
    authorId: 'm-2',
    deletedAt: null,
    hiddenAt: null,
    status: 'visible' as const,
    ...over,
  });

  it('members react to others’ published posts in groups they read; not to their own, hidden, held or removed ones', () => {
    expect(ForumPolicy.canReact(member, group(), NO_VIEWER, post())).toBe(true);
    expect(ForumPolicy.canReact(other, group(), NO_VIEWER, post())).toBe(false);
    expect(ForumPolicy.canReact(ANONYMOUS, group(), NO_VIEWER, post())).toBe(false);
    expect(ForumPolicy.canReact(member, group(), NO_VIEWER, post({ hiddenAt: new Date() }))).toBe(false);
    expect(ForumPolicy.canReact(member, group(), NO_VIEWER, post({ status: 'held' }))).toBe(false);
    expect(ForumPolicy.canReact(member, group(), NO_VIEWER, post({ deletedAt: new Date() }))).toBe(false);
    expect(ForumPolicy.canReact(member, hubGroup('members'), NO_VIEWER, post())).toBe(false);
  });

  it('readers flag others’ posts that are not removed', () => {
    expect(ForumPolicy.canFlag(member, group(), NO_VIEWER, post())).toBe(true);
    expect(ForumPolicy.canFlag(other, group(), NO_VIEWER, post())).toBe(false);
    expect(ForumPolicy.canFlag(ANONYMOUS, group(), NO_VIEWER, post())).toBe(false);
    expect(ForumPolicy.canFlag(member, group(), NO_VIEWER, post({ deletedAt: new Date() }))).toBe(false);
    expect(ForumPolicy.canFlag(member, group({ visibility: 'private' }), NO_VIEWER, post())).toBe(false);
  });

  it('a hub’s coordinators update its groups; members and other regions’ moderators do not', () => {
    expect(ForumPolicy.canUpdateGroup(hubCoordinator, hubGroup('members'), NO_VIEWER)).toBe(true);
    expect(ForumPolicy.canUpdateGroup(member, hubGroup('members'), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canUpdateGroup(otherRegionModerator, group(), NO_VIEWER)).toBe(false);
    expect(ForumPolicy.canUpdateGroup(regionModerator, group(), NO_VIEWER)).toBe(true);
  });
});
