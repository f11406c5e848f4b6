import { Actor, AppError, holdsRole, isAdmin, isMember } from '@anyam/server/core';
import { Permission, Role, RoleScope } from '@anyam/shared/domain';
import type { ModuleStatus } from './entities/training-module.entity';
import type { EnrolmentStatus } from './entities/enrolment.entity';

export interface PolicyModule {
  hubId: string;
  status: ModuleStatus;
}

/** What the database knows about the viewer and one module. */
export interface ModuleViewer {
  hubVisibility: 'public' | 'members';
  isAuthor: boolean;
  /** The viewer's live (not withdrawn) enrolment in the module. */
  enrolmentStatus: EnrolmentStatus | null;
}

export const LIVE_SEAT: readonly EnrolmentStatus[] = ['enrolled', 'completed'];

/** Hubs where the actor facilitates or coordinates (from the token's grants). */
export function staffHubIds(actor: Actor): string[] {
  if (!isMember(actor)) return [];
  return actor.grants
    .filter((g) => g.scope === RoleScope.Hub && (g.role === Role.Facilitator || g.role === Role.Coordinator) && g.scopeId)
    .map((g) => g.scopeId!);
}

/**
 * Who may do what in learning. Pure functions of (actor, record, viewer facts). The SQL twin of
 * `canSeeModule` is `LearningRepository.visibleModulesSql`; the integration tests hold the two together.
 *
 * Authoring: the offering hub's facilitators and coordinators, the module's listed authors, admins.
 * Drafts and archived modules are seen only by them (archived ones also by members enrolled in them).
 * Published modules: everyone when the hub is public, signed-in members when it is members-only.
 * Lesson content: editors, and members enrolled with a seat (or who completed the module).
 * Rosters: editors of the module and the cohort's facilitators.
 */
export const LearningPolicy = {
  canCreateModule(actor: Actor, hubId: string): boolean {
    if (!isMember(actor) || !actor.permissions.has(Permission.FacilitateHub)) return false;
    return holdsRole(actor, Role.Facilitator, RoleScope.Hub, hubId) || holdsRole(actor, Role.Coordinator, RoleScope.Hub, hubId);
  },

  canEditModule(actor: Actor, module: PolicyModule, viewer: ModuleViewer): boolean {
    if (!isMember(actor) || !actor.permissions.has(Permission.FacilitateHub)) return false;
    return isAdmin(actor) || LearningPolicy.canCreateModule(actor, module.hubId) || viewer.isAuthor;
  },

  canSeeModule(actor: Actor, module: PolicyModule, viewer: ModuleViewer): boolean {
    if (LearningPolicy.canEditModule(actor, module, viewer)) return true;
    if (module.status === 'published') return viewer.hubVisibility === 'public' || isMember(actor);
    return module.status === 'archived' && isMember(actor) && viewer.enrolmentStatus !== null;
  },

  canReadLessons(actor: Actor, module: PolicyModule, viewer: ModuleViewer): boolean {
    if (LearningPolicy.canEditModule(actor, module, viewer)) return true;
    return isMember(actor) && module.status !== 'draft' && viewer.enrolmentStatus !== null && LIVE_SEAT.includes(viewer.enrolmentStatus);
  },

  canEnrol(actor: Actor, module: PolicyModule, viewer: ModuleViewer): boolean {
    return isMember(actor) && actor.permissions.has(Permission.EnrolInModules) && module.status === 'published' && LearningPolicy.canSeeModule(actor, module, viewer);
  },

  canManageCohort(actor: Actor, module: PolicyModule, viewer: ModuleViewer, cohortFacilitator: boolean): boolean {
    return LearningPolicy.canEditModule(actor, module, viewer) || (isMember(actor) && actor.permissions.has(Permission.FacilitateHub) && cohortFacilitator);
  },

  assertCanCreateModule(actor: Actor, hubId: string): void {
    if (!LearningPolicy.canCreateModule(actor, hubId)) throw AppError.forbidden('Only the hub’s facilitators and coordinators (and admins) create its modules.');
  },
  assertCanEditModule(actor: Actor, module: PolicyModule, viewer: ModuleViewer): void {
    if (!LearningPolicy.canEditModule(actor, module, viewer)) throw AppError.forbidden('Only the module’s authors and its hub’s facilitators can change it.');
  },
  assertCanManageCohort(actor: Actor, module: PolicyModule, viewer: ModuleViewer, cohortFacilitator: boolean): void {
    if (!LearningPolicy.canManageCohort(actor, module, viewer, cohortFacilitator)) throw AppError.forbidden('Only the cohort’s facilitators see its roster.');
  },
};
