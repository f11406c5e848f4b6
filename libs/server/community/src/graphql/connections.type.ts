import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';
import { HubMembershipType, DirectoryMemberType, HubType } from './hub.type';
import { OrganisationType } from './organisation.type';

@ObjectType()
export class HubConnection extends Connection(HubType, 'Hub') {}

@ObjectType()
export class OrganisationConnection extends Connection(OrganisationType, 'Organisation') {}

@ObjectType()
export class DirectoryMemberConnection extends Connection(DirectoryMemberType, 'DirectoryMember') {}

@ObjectType()
export class HubMembershipConnection extends Connection(HubMembershipType, 'HubMembership') {}
