import { Actor, AppError, isAdmin, isMember } from '@anyam/server/core';

/** Who may do what with accounts. Pure functions of (actor, record). */
export const AccountsPolicy = {
  canEditProfile(actor: Actor, member: { id: string }): boolean {
    return isMember(actor) && (actor.memberId === member.id || isAdmin(actor));
  },
  canSeeEmail(actor: Actor, member: { id: string }): boolean {
    return isMember(actor) && (actor.memberId === member.id || isAdmin(actor));
  },
  assertCanEditProfile(actor: Actor, member: { id: string }): void {
    if (!AccountsPolicy.canEditProfile(actor, member)) throw AppError.forbidden('You can only change your own profile.');
  },
};
