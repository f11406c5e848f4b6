import { registerEnumType } from '@nestjs/graphql';

export enum GroupKindEnum {
  REGION = 'region',
  HUB = 'hub',
  THEME = 'theme',
}
export enum GroupVisibilityEnum {
  PUBLIC = 'public',
  MEMBERS = 'members',
  PRIVATE = 'private',
}
export enum ThreadSortEnum {
  LATEST_ACTIVITY = 'LATEST_ACTIVITY',
  NEWEST = 'NEWEST',
}

registerEnumType(GroupKindEnum, { name: 'GroupKind', description: 'region: a regional forum; hub: a hub group; theme: a thematic group.' });
registerEnumType(GroupVisibilityEnum, {
  name: 'GroupVisibility',
  description: 'public: anyone reads; members: signed-in members of the region/hub; private: invited members only.',
});
registerEnumType(ThreadSortEnum, { name: 'ThreadSort', description: 'Pinned threads come first in both orders.' });
