import { Actor, isAdmin } from '@anyam/server/core';
import { MemberEntity } from '@anyam/server/accounts';
import { RegionEntity } from './entities/region.entity';
import { AllianceEntity } from './entities/alliance.entity';
import { ThemeEntity } from './entities/theme.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { HubEntity } from './entities/hub.entity';
import { MemberProfileEntity } from './entities/member-profile.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { HubJoinRequestEntity } from './entities/hub-join-request.entity';
import { AllianceType, RegionType } from './graphql/region.type';
import { ThemeType } from './graphql/theme.type';
import { OrganisationType } from './graphql/organisation.type';
import { DirectoryMemberType, HubJoinRequestType, HubType, InvitationType, JoinRequesterType } from './graphql/hub.type';
import { CommunityRoleEnum, DeliveryModeEnum, JoinPolicyEnum, JoinRequestStatusEnum, VisibilityEnum } from './community.enums';
import { CommunityPolicy } from './community.policy';

export function toRegionType(e: RegionEntity, viewer: Actor): RegionType {
  return { id: e.id, slug: e.slug, name: e.name, description: e.description, timeZone: e.timeZone, viewerCanEdit: CommunityPolicy.canManageStructure(viewer) };
}

export function toAllianceType(e: AllianceEntity, viewer: Actor): AllianceType {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    launchedOn: e.launchedOn,
    description: e.description,
    regionId: e.regionId,
    viewerCanEdit: CommunityPolicy.canManageStructure(viewer),
  };
}

export function toThemeType(e: ThemeEntity): ThemeType {
  return { key: e.key, parentKey: e.parentKey, position: e.position, names: e.names };
}

export function toOrganisationType(e: OrganisationEntity, viewer: Actor): OrganisationType {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    country: e.country,
    city: e.city,
    languages: e.languages,
    description: e.description,
    website: e.website,
    visibility: e.visibility as VisibilityEnum,
    verified: e.verified,
    viewerCanEdit: CommunityPolicy.canEditOrganisation(viewer, e),
    viewerCanInvite: CommunityPolicy.canCoordinateOrganisation(viewer, e),
  };
}

export function toHubType(e: HubEntity, viewer: Actor): HubType {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    city: e.city,
    country: e.country,
    latitude: e.latitude,
    longitude: e.longitude,
    timeZone: e.timeZone,
    workingHours: { start: e.workingHoursStart.slice(0, 5), end: e.workingHoursEnd.slice(0, 5), weekdays: e.workingDays },
    description: e.description,
    services: e.services,
    deliveryModes: e.deliveryModes as DeliveryModeEnum[],
    visibility: e.visibility as VisibilityEnum,
    joinPolicy: e.joinPolicy as JoinPolicyEnum,
    stage: e.stage,
    viewerCanEdit: CommunityPolicy.canEditHub(viewer, e),
    hostOrganisationId: e.hostOrganisationId,
    regionId: e.regionId,
    allianceId: e.allianceId,
  };
}

/** Only call for members the viewer may see (the repository filters lists; the service checks single ones). */
export function toDirectoryMemberType(m: Pick<MemberEntity, 'id' | 'name' | 'timeZone'>, p: MemberProfileEntity | null, viewer: Actor): DirectoryMemberType {
  const own = CommunityPolicy.canSeeOwnSettings(viewer, { memberId: m.id });
  return {
    id: m.id,
    name: m.name,
    pronouns: p?.pronouns ?? null,
    bio: p?.bio ?? '',
    languages: p?.languages ?? [],
    timeZone: m.timeZone,
    themeKeys: p?.themeKeys ?? [],
    directoryVisibility: own ? (p?.directoryVisibility ?? 'hidden') : null,
    reducedMotion: own ? (p?.reducedMotion ?? false) : null,
    largerText: own ? (p?.largerText ?? false) : null,
    viewerCanEdit: own,
  };
}

export function toInvitationType(e: InvitationEntity): InvitationType {
  return {
    id: e.id,
    email: e.email,
    role: e.role as unknown as CommunityRoleEnum,
    expiresAt: e.expiresAt,
    acceptedAt: e.acceptedAt,
    revokedAt: e.revokedAt,
    hubId: e.hubId,
    organisationId: e.organisationId,
  };
}

export function toJoinRequestType(e: HubJoinRequestEntity, requester: JoinRequesterType | null, viewer: Actor): HubJoinRequestType {
  const mayName = CommunityPolicy.canCoordinateHub(viewer, { id: e.hubId }) || isAdmin(viewer) || (viewer.kind === 'member' && viewer.memberId === e.memberId);
  return {
    id: e.id,
    status: e.status as JoinRequestStatusEnum,
    createdAt: e.createdAt,
    decidedAt: e.decidedAt,
    requester: mayName ? requester : null,
    hubId: e.hubId,
  };
}
