import { Actor, AppError, isAdmin, isMember } from '@anyam/server/core';
import { MeetingsError } from './meetings.errors';

interface SeriesRecord {
  id: string;
  visibility: 'public' | 'hubs' | 'invited';
  organisingHubId: string;
}

/**
 * What the viewer is in the database (role_grants of scope hub, fresher than the access token):
 * the hubs they belong to (member, facilitator or coordinator) and the hubs they coordinate.
 */
export interface ViewerHubs {
  memberOf: ReadonlySet<string>;
  coordinates: ReadonlySet<string>;
  /** Series (of visibility `invited`) the viewer is invited to. */
  invitedTo: ReadonlySet<string>;
}

export const NO_HUBS: ViewerHubs = { memberOf: new Set(), coordinates: new Set(), invitedTo: new Set() };

/**
 * Who may do what with meetings. Pure functions of (actor, record, viewer facts).
 * Visibility: `public` to everyone; `hubs` to members of a participating hub; `invited` only to the
 * invitees and the organisers (coordinators of the organising hub); admins see everything.
 */
export const MeetingsPolicy = {
  canSeeSeries(actor: Actor, series: SeriesRecord, participatingHubIds: readonly string[], viewer: ViewerHubs): boolean {
    if (series.visibility === 'public') return true;
    if (!isMember(actor)) return false;
    if (isAdmin(actor) || viewer.coordinates.has(series.organisingHubId)) return true;
    if (series.visibility === 'invited') return viewer.invitedTo.has(series.id);
    return participatingHubIds.some((h) => viewer.memberOf.has(h));
  },
  /** Coordinators of the organising hub, and network admins. */
  canCreateFor(actor: Actor, hubId: string, viewer: ViewerHubs): boolean {
    return isMember(actor) && (isAdmin(actor) || viewer.coordinates.has(hubId));
  },
  canEditSeries(actor: Actor, series: SeriesRecord, viewer: ViewerHubs): boolean {
    return MeetingsPolicy.canCreateFor(actor, series.organisingHubId, viewer);
  },
  /** Signed-in members who may see the series. */
  canRsvp(actor: Actor, series: SeriesRecord, participatingHubIds: readonly string[], viewer: ViewerHubs): boolean {
    return isMember(actor) && MeetingsPolicy.canSeeSeries(actor, series, participatingHubIds, viewer);
  },
  /** The online link is only for those who may attend (and the organisers). */
  canSeeOnlineUrl(actor: Actor, series: SeriesRecord, participatingHubIds: readonly string[], viewer: ViewerHubs): boolean {
    return MeetingsPolicy.canRsvp(actor, series, participatingHubIds, viewer) || MeetingsPolicy.canEditSeries(actor, series, viewer);
  },

  /** Organisers edit an action item; its owner may move its status. */
  canUpdateActionItemStatus(actor: Actor, series: SeriesRecord, item: { ownerId: string | null }, viewer: ViewerHubs): boolean {
    return MeetingsPolicy.canEditSeries(actor, series, viewer) || (isMember(actor) && item.ownerId === actor.memberId);
  },

  assertCanCreateFor(actor: Actor, hubId: string, viewer: ViewerHubs): void {
    if (!MeetingsPolicy.canCreateFor(actor, hubId, viewer)) throw MeetingsError.forbidden();
  },
  assertCanEditSeries(actor: Actor, series: SeriesRecord, viewer: ViewerHubs): void {
    if (!MeetingsPolicy.canEditSeries(actor, series, viewer)) throw MeetingsError.forbidden();
  },
  /** Not allowed to see = not found, so hidden meetings do not leak. */
  assertCanSeeSeries(actor: Actor, series: SeriesRecord, participatingHubIds: readonly string[], viewer: ViewerHubs): void {
    if (!MeetingsPolicy.canSeeSeries(actor, series, participatingHubIds, viewer)) throw MeetingsError.seriesNotFound();
  },
  assertCanRsvp(actor: Actor, series: SeriesRecord, participatingHubIds: readonly string[], viewer: ViewerHubs): void {
    MeetingsPolicy.assertCanSeeSeries(actor, series, participatingHubIds, viewer);
    if (!isMember(actor)) throw AppError.unauthenticated('Sign in to answer.');
  },
};
