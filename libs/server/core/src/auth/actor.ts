import { Permission, permissionsOf, Role, RoleScope } from '@anyam/shared/domain';

export interface RoleGrant {
  role: Role;
  scope: RoleScope;
  /** The region, hub or organisation the role applies to; null for network-wide roles. */
  scopeId: string | null;
}

export interface MemberActor {
  kind: 'member';
  memberId: string;
  grants: readonly RoleGrant[];
  permissions: ReadonlySet<Permission>;
}

export interface AnonymousActor {
  kind: 'anonymous';
  permissions: ReadonlySet<Permission>;
}

/** Who is asking. Visitors are an anonymous actor, so policies are total functions of (actor, record). */
export type Actor = MemberActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = Object.freeze({ kind: 'anonymous', permissions: new Set<Permission>() });

export function memberActor(memberId: string, grants: readonly RoleGrant[]): MemberActor {
  const roles = new Set<Role>([Role.Member, ...grants.map((g) => g.role)]);
  return { kind: 'member', memberId, grants, permissions: permissionsOf([...roles]) };
}

export function isMember(actor: Actor): actor is MemberActor {
  return actor.kind === 'member';
}

/** True when the actor holds `role` for the given scope (or network-wide admin). */
export function holdsRole(actor: Actor, role: Role, scope?: RoleScope, scopeId?: string | null): boolean {
  if (!isMember(actor)) return false;
  return actor.grants.some(
    (g) =>
      (g.role === Role.Admin && g.scope === RoleScope.Network) ||
      (g.role === role && (scope === undefined || (g.scope === scope && (scopeId === undefined || g.scopeId === scopeId)))),
  );
}

export function isAdmin(actor: Actor): boolean {
  return isMember(actor) && actor.grants.some((g) => g.role === Role.Admin);
}
