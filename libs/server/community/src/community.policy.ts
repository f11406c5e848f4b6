import { Actor, AppError, holdsRole, isAdmin, isMember } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';

interface Visible {
  visibility: 'public' | 'members';
}

/**
 * Who may do what in the community. Pure functions of (actor, record). Edit rights come from the
 * actor's role grants (in the access token); membership facts that change often (joined a hub a second
 * ago) are passed in by the caller from the database.
 */
export const CommunityPolicy = {
  canManageStructure(actor: Actor): boolean {
    return isAdmin(actor);
  },
  /** Public records to everyone; members-only records to signed-in members. */
  canSee(actor: Actor, record: Visible): boolean {
    return record.visibility === 'public' || isMember(actor);
  },
  canEditOrganisation(actor: Actor, organisation: { id: string }): boolean {
    return holdsRole(actor, Role.Coordinator, RoleScope.Organisation, organisation.id);
  },
  canVerifyOrganisation(actor: Actor): boolean {
    return isAdmin(actor);
  },
  canEditHub(actor: Actor, hub: { id: string }): boolean {
    return holdsRole(actor, Role.Coordinator, RoleScope.Hub, hub.id);
  },
  /** Coordinators decide join requests, invite, and change roles in their own hub. */
  canCoordinateHub(actor: Actor, hub: { id: string }): boolean {
    return CommunityPolicy.canEditHub(actor, hub);
  },
  canCoordinateOrganisation(actor: Actor, organisation: { id: string }): boolean {
    return CommunityPolicy.canEditOrganisation(actor, organisation);
  },
  /** Signed-in members may join a hub they can see and do not belong to. */
  canJoinHub(actor: Actor, hub: Visible, viewer: { isMember: boolean; hasPendingRequest: boolean }): boolean {
    return isMember(actor) && CommunityPolicy.canSee(actor, hub) && !viewer.isMember && !viewer.hasPendingRequest;
  },
  /**
   * Whether `viewer` may see `target` in the directory (lists, search, member pages). Hidden members are
   * seen by nobody else; `sharesHub` is true when both belong to at least one common hub. Visitors never.
   */
  canSeeInDirectory(
    actor: Actor,
    target: { memberId: string; directoryVisibility: 'hidden' | 'hubs' | 'members' },
    sharesHub: boolean,
  ): boolean {
    if (!isMember(actor)) return false;
    if (target.directoryVisibility === 'members') return true;
    if (target.directoryVisibility === 'hubs') return sharesHub;
    return false;
  },
  /** A member's own page: themself, admins, and whoever the directory rule allows. */
  canSeeMember(actor: Actor, target: { memberId: string; directoryVisibility: 'hidden' | 'hubs' | 'members' }, sharesHub: boolean) {
    if (!isMember(actor)) return false;
    return actor.memberId === target.memberId || isAdmin(actor) || CommunityPolicy.canSeeInDirectory(actor, target, sharesHub);
  },
  /** Profile settings (visibility, accessibility) are only for the member themself. */
  canSeeOwnSettings(actor: Actor, target: { memberId: string }): boolean {
    return isMember(actor) && actor.memberId === target.memberId;
  },

  assertCanManageStructure(actor: Actor): void {
    if (!CommunityPolicy.canManageStructure(actor)) throw AppError.forbidden('Only network admins manage regions, alliances, hubs and organisations.');
  },
  assertCanEditOrganisation(actor: Actor, organisation: { id: string }): void {
    if (!CommunityPolicy.canEditOrganisation(actor, organisation)) throw AppError.forbidden('Only coordinators of this organisation can do that.');
  },
  assertCanEditHub(actor: Actor, hub: { id: string }): void {
    if (!CommunityPolicy.canEditHub(actor, hub)) throw AppError.forbidden('Only coordinators of this hub can do that.');
  },
};
