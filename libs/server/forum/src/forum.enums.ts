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
  TOP = 'TOP',
}

registerEnumType(GroupKindEnum, { name: 'GroupKind', description: 'region: a regional forum; hub: a hub group; theme: a thematic group.' });
registerEnumType(GroupVisibilityEnum, {
  name: 'GroupVisibility',
  description: 'public: anyone reads; members: signed-in members of the region/hub; private: invited members only.',
});
registerEnumType(ThreadSortEnum, {
  name: 'ThreadSort',
  description:
    'Pinned threads come first in every order. LATEST_ACTIVITY: last post first; NEWEST: newest thread first; TOP: highest score first, where score = 2 × replies + reactions on all its posts.',
});

export enum ReactionKindEnum {
  LIKE = 'like',
  THANKS = 'thanks',
  INSIGHTFUL = 'insightful',
  QUESTION = 'question',
}
export const REACTION_KINDS = Object.values(ReactionKindEnum);

export enum PostStatusEnum {
  VISIBLE = 'visible',
  HELD = 'held',
  REJECTED = 'rejected',
}

export enum FlagResolutionEnum {
  HIDE = 'hidden',
  DISMISS = 'dismissed',
}

registerEnumType(ReactionKindEnum, { name: 'ReactionKind', description: 'The fixed set of reactions; a member gives each kind at most once per post.' });
registerEnumType(PostStatusEnum, {
  name: 'PostStatus',
  description: 'VISIBLE: published; HELD: waits for a moderator (a new member’s first post in a group that holds them); REJECTED: a moderator declined it (only its author sees it).',
});
registerEnumType(FlagResolutionEnum, { name: 'FlagResolution', description: 'HIDE: hide the flagged post (readers see a placeholder); DISMISS: keep it.' });
