/**
 * Roles a member can hold. `member` is what every signed-in account has; the others are granted within a
 * scope (an organisation, hub or region) or, for `admin`, across the whole network.
 */
export enum Role {
  Member = 'member',
  Facilitator = 'facilitator',
  Coordinator = 'coordinator',
  Moderator = 'moderator',
  Admin = 'admin',
}

export enum RoleScope {
  Network = 'network',
  Region = 'region',
  Hub = 'hub',
  Organisation = 'organisation',
}

/** Where each role may be granted. */
export const ROLE_SCOPES: Record<Role, readonly RoleScope[]> = {
  [Role.Member]: [RoleScope.Network, RoleScope.Organisation, RoleScope.Hub],
  [Role.Facilitator]: [RoleScope.Hub],
  [Role.Coordinator]: [RoleScope.Organisation, RoleScope.Hub, RoleScope.Region],
  [Role.Moderator]: [RoleScope.Region, RoleScope.Hub, RoleScope.Network],
  [Role.Admin]: [RoleScope.Network],
};

/**
 * What an operation needs. Resolvers declare one with `@RequirePermission(...)` (or `@Public()`); the
 * guard checks the actor holds it. Record-level checks (is this *my* hub?) live in each domain's policy.
 */
export enum Permission {
  /** Anything a signed-in member may do for themselves: their profile, password, session. */
  ManageOwnAccount = 'account:manage-own',
  ReadCommunity = 'community:read',
  PostInForum = 'forum:post',
  EnrolInModules = 'learning:enrol',
  RsvpToMeetings = 'meetings:rsvp',
  FacilitateHub = 'hub:facilitate',
  CoordinateHub = 'hub:coordinate',
  CoordinateOrganisation = 'organisation:coordinate',
  ModerateForum = 'forum:moderate',
  ManageNetwork = 'network:manage',
  ManageRoles = 'roles:manage',
}

const MEMBER: readonly Permission[] = [
  Permission.ManageOwnAccount,
  Permission.ReadCommunity,
  Permission.PostInForum,
  Permission.EnrolInModules,
  Permission.RsvpToMeetings,
];

/** The role → permission map. Each role includes what a plain member can do. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Member]: MEMBER,
  [Role.Facilitator]: [...MEMBER, Permission.FacilitateHub],
  [Role.Coordinator]: [
    ...MEMBER,
    Permission.FacilitateHub,
    Permission.CoordinateHub,
    Permission.CoordinateOrganisation,
    // Coordinators manage their hub's and region's forum groups (pin, lock, move, hide, the queue);
    // the forum policy still checks the group is theirs.
    Permission.ModerateForum,
  ],
  [Role.Moderator]: [...MEMBER, Permission.ModerateForum],
  [Role.Admin]: Object.values(Permission),
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) result.add(p);
  return result;
}
