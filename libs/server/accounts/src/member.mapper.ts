import { Actor } from '@anyam/server/core';
import { MemberEntity } from './entities/member.entity';
import { MemberType } from './graphql/member.type';
import { AccountsPolicy } from './accounts.policy';

/** Entity → API type, with what this viewer may see and do. */
export function toMemberType(entity: MemberEntity, viewer: Actor): MemberType {
  return {
    id: entity.id,
    name: entity.name,
    handle: entity.handle,
    email: AccountsPolicy.canSeeEmail(viewer, entity) ? entity.email : null,
    locale: entity.locale,
    timeZone: entity.timeZone,
    createdAt: entity.createdAt,
    viewerCanEdit: AccountsPolicy.canEditProfile(viewer, entity),
  };
}
