import { Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule, RoleGrantEntity } from '@anyam/server/accounts';
import { RegionEntity } from './entities/region.entity';
import { AllianceEntity } from './entities/alliance.entity';
import { ThemeEntity } from './entities/theme.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { HubEntity } from './entities/hub.entity';
import { HubJoinRequestEntity } from './entities/hub-join-request.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { MemberProfileEntity } from './entities/member-profile.entity';
import { CreateCommunity1764400000000 } from './migrations/1764400000000-create-community';
import { CommunityRepository } from './community.repository';
import { CommunityService } from './community.service';
import { MembershipService } from './membership.service';
import { DirectoryService } from './directory.service';
import { CommunityLoaderFactory } from './community.loaders';
import { AllianceResolver, RegionResolver, ThemeResolver } from './structure.resolver';
import { HubResolver, OrganisationResolver } from './hub.resolver';
import { DirectoryResolver, InvitationResolver, MemberHubRoleResolver, MemberOrganisationRoleResolver } from './directory.resolver';

export const COMMUNITY_ENTITIES = [
  RegionEntity,
  AllianceEntity,
  ThemeEntity,
  OrganisationEntity,
  HubEntity,
  HubJoinRequestEntity,
  InvitationEntity,
  MemberProfileEntity,
];
export const COMMUNITY_MIGRATIONS = [CreateCommunity1764400000000];
export const COMMUNITY_RESOLVERS: Type<unknown>[] = [
  RegionResolver,
  AllianceResolver,
  ThemeResolver,
  HubResolver,
  OrganisationResolver,
  DirectoryResolver,
  MemberHubRoleResolver,
  MemberOrganisationRoleResolver,
  InvitationResolver,
];

/** Community structure: regions, alliances, themes, organisations, hubs, memberships, invitations, profiles. */
@Module({
  imports: [TypeOrmModule.forFeature([...COMMUNITY_ENTITIES, RoleGrantEntity]), AccountsModule],
  providers: [CommunityRepository, CommunityService, MembershipService, DirectoryService, CommunityLoaderFactory, ...COMMUNITY_RESOLVERS],
  exports: [CommunityRepository, CommunityService, CommunityLoaderFactory],
})
export class CommunityModule {}
