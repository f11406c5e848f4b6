import { Actor, AppError, holdsRole, isAdmin, isMember } from '@anyam/server/core';
import { Permission, Role, RoleScope } from '@anyam/shared/domain';
import type { GroupKind, GroupVisibility } from './entities/group.entity';
import type { GroupRole } from './entities/group-member.entity';

export interface PolicyGroup {
  id: string;
  kind: GroupKind;
  visibility: GroupVisibility;
  regionId: string | null;
  hubId: string | null;
}

/**
 * What the database knows about the viewer and one group (fresher than the token's grants):
 * whether they belong to the group's hub (any role grant there), and their role in the group's own
 * member list (private-group invitations, group moderators).
 */
export interface GroupViewer {
  hubMember: boolean;
  groupRole: GroupRole | null;
}

export const NO_VIEWER: GroupViewer = Object.freeze({ hubMember: false, groupRole: null });

export interface PolicyThread {
  authorId: string;
  locked: boolean;
  archived: boolean;
}

export interface PolicyPost {
  authorId: string;
  deletedAt: Date | null;
  hiddenAt?: Date | null;
  status?: 'visible' | 'held' | 'rejected';
}

/** A post everyone who reads the thread sees in full (not removed, hidden, held or rejected). */
export const isPublished = (post: PolicyPost) => !post.deletedAt && !post.hiddenAt && (post.status ?? 'visible') === 'visible';

/**
 * Who may do what in the forum. Pure functions of (actor, record, viewer facts). The SQL twin of
 * `canReadGroup` is `ForumRepository.visibleGroups`; the integration tests hold the two together.
 *
 * Reading: public groups to everyone; members-only hub groups to members of that hub; members-only
 * regional and thematic groups to any signed-in member (for now: members are not yet tied to a region);
 * private groups only to their invited members. Network admins read everything.
 */
export const ForumPolicy = {
  canReadGroup(actor: Actor, group: PolicyGroup, viewer: GroupViewer): boolean {
    if (group.visibility === 'public') return true;
    if (!isMember(actor)) return false;
    if (isAdmin(actor) || viewer.groupRole !== null) return true;
    if (group.visibility === 'private') return false;
    return group.kind === 'hub' ? viewer.hubMember : true;
  },

  /** Moderators: network admins and moderators, the hub's coordinators and moderators, the region's, and the group's own. */
  canModerateGroup(actor: Actor, group: PolicyGroup, viewer: GroupViewer): boolean {
    if (!isMember(actor)) return false;
    if (isAdmin(actor) || holdsRole(actor, Role.Moderator, RoleScope.Network) || viewer.groupRole === 'moderator') return true;
    if (group.hubId && (holdsRole(actor, Role.Moderator, RoleScope.Hub, group.hubId) || holdsRole(actor, Role.Coordinator, RoleScope.Hub, group.hubId))) {
      return true;
    }
    if (group.kind === 'region' && group.regionId) {
      return holdsRole(actor, Role.Moderator, RoleScope.Region, group.regionId) || holdsRole(actor, Role.Coordinator, RoleScope.Region, group.regionId);
    }
    return false;
  },

  /** Start a thread: a member allowed to post who can read the group. */
  canCreateThread(actor: Actor, group: PolicyGroup, viewer: GroupViewer): boolean {
    return isMember(actor) && actor.permissions.has(Permission.PostInForum) && ForumPolicy.canReadGroup(actor, group, viewer);
  },

  /** Reply: as above, and the thread is open (moderators may still reply to a locked thread). */
  canReply(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread): boolean {
    if (!ForumPolicy.canCreateThread(actor, group, viewer) || thread.archived) return false;
    return !thread.locked || ForumPolicy.canModerateGroup(actor, group, viewer);
  },

  canEditPost(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread, post: PolicyPost): boolean {
    if (!isMember(actor) || post.deletedAt) return false;
    if (ForumPolicy.canModerateGroup(actor, group, viewer)) return true;
    return post.authorId === actor.memberId && !thread.locked && !thread.archived && ForumPolicy.canReadGroup(actor, group, viewer);
  },

  canDeletePost(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread, post: PolicyPost): boolean {
    return ForumPolicy.canEditPost(actor, group, viewer, thread, post);
  },

  /** The thread's author or a moderator marks the answer. */
  canAcceptAnswer(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread): boolean {
    if (!isMember(actor) || thread.archived) return false;
    return ForumPolicy.canModerateGroup(actor, group, viewer) || (thread.authorId === actor.memberId && ForumPolicy.canReadGroup(actor, group, viewer));
  },

  /** Regional forums and theme groups: admins; hub groups: also the hub's coordinators. */
  canCreateGroup(actor: Actor, target: { kind: GroupKind; hubId: string | null }): boolean {
    if (!isMember(actor)) return false;
    if (isAdmin(actor)) return true;
    return target.kind === 'hub' && target.hubId !== null && holdsRole(actor, Role.Coordinator, RoleScope.Hub, target.hubId);
  },

  /** Change a group's name, description, language, visibility or hold setting: its moderators. */
  canUpdateGroup(actor: Actor, group: PolicyGroup, viewer: GroupViewer): boolean {
    return ForumPolicy.canModerateGroup(actor, group, viewer);
  },

  /** React to someone else's published post in a group one reads. */
  canReact(actor: Actor, group: PolicyGroup, viewer: GroupViewer, post: PolicyPost): boolean {
    return (
      isMember(actor) &&
      actor.permissions.has(Permission.PostInForum) &&
      ForumPolicy.canReadGroup(actor, group, viewer) &&
      isPublished(post) &&
      post.authorId !== actor.memberId
    );
  },

  /** Flag someone else's published post for the group's moderators. */
  canFlag(actor: Actor, group: PolicyGroup, viewer: GroupViewer, post: PolicyPost): boolean {
    return isMember(actor) && ForumPolicy.canReadGroup(actor, group, viewer) && !post.deletedAt && post.authorId !== actor.memberId;
  },

  assertCanModerateGroup(actor: Actor, group: PolicyGroup, viewer: GroupViewer): void {
    if (!ForumPolicy.canModerateGroup(actor, group, viewer)) throw AppError.forbidden('Only moderators of this group can do that.');
  },
  assertCanCreateThread(actor: Actor, group: PolicyGroup, viewer: GroupViewer): void {
    if (!ForumPolicy.canCreateThread(actor, group, viewer)) throw AppError.forbidden('You cannot start a thread in this group.');
  },
  assertCanReply(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread): void {
    if (!ForumPolicy.canReply(actor, group, viewer, thread)) {
      throw AppError.forbidden(thread.locked || thread.archived ? 'This thread is closed for replies.' : 'You cannot reply in this group.');
    }
  },
  assertCanEditPost(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread, post: PolicyPost): void {
    if (!ForumPolicy.canEditPost(actor, group, viewer, thread, post)) throw AppError.forbidden('Only the author or a moderator can change this post.');
  },
  assertCanAcceptAnswer(actor: Actor, group: PolicyGroup, viewer: GroupViewer, thread: PolicyThread): void {
    if (!ForumPolicy.canAcceptAnswer(actor, group, viewer, thread)) throw AppError.forbidden('Only the thread’s author or a moderator can accept an answer.');
  },
  assertCanCreateGroup(actor: Actor, target: { kind: GroupKind; hubId: string | null }): void {
    if (!ForumPolicy.canCreateGroup(actor, target)) {
      throw AppError.forbidden('Network admins create groups; a hub’s coordinators create groups for their hub.');
    }
  },
};
