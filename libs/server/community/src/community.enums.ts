import { registerEnumType } from '@nestjs/graphql';

export enum VisibilityEnum {
  PUBLIC = 'public',
  MEMBERS = 'members',
}
export enum JoinPolicyEnum {
  OPEN = 'open',
  BY_REQUEST = 'by_request',
}
export enum DeliveryModeEnum {
  ONLINE = 'online',
  HYBRID = 'hybrid',
  OFFLINE = 'offline',
}
export enum DirectoryVisibilityEnum {
  HIDDEN = 'hidden',
  HUBS = 'hubs',
  MEMBERS = 'members',
}
export enum JoinRequestStatusEnum {
  PENDING = 'pending',
  APPROVED = 'approved',
  DECLINED = 'declined',
}
/** Roles within a hub or an organisation (stored as role grants). */
export enum CommunityRoleEnum {
  MEMBER = 'member',
  FACILITATOR = 'facilitator',
  COORDINATOR = 'coordinator',
}

registerEnumType(VisibilityEnum, { name: 'Visibility', description: 'public: anyone, visitors included; members: signed-in members only.' });
registerEnumType(JoinPolicyEnum, { name: 'JoinPolicy', description: 'open: join at once; by_request: a coordinator approves.' });
registerEnumType(DeliveryModeEnum, { name: 'DeliveryMode' });
registerEnumType(DirectoryVisibilityEnum, {
  name: 'DirectoryVisibility',
  description: 'hidden (default): in no list; hubs: seen by members of my hubs; members: seen by any signed-in member. Never visitors.',
});
registerEnumType(JoinRequestStatusEnum, { name: 'JoinRequestStatus' });
registerEnumType(CommunityRoleEnum, { name: 'CommunityRole', description: 'Role in a hub (member, facilitator, coordinator) or organisation (member, coordinator).' });
