import { Injectable } from '@nestjs/common';
import { Actor, isAdmin, isMember, MemberActor } from '@anyam/server/core';
import { MemberEntity } from '@anyam/server/accounts';
import { CommunityRepository } from './community.repository';
import { CommunityPolicy } from './community.policy';
import { CommunityError } from './community.errors';
import { check, COMMUNITY_LIMITS, isUuid } from './community.validation';
import { MemberProfileEntity } from './entities/member-profile.entity';
import { UpdateMemberProfileInput } from './graphql/membership.input';

/** The member directory and community profiles. */
@Injectable()
export class DirectoryService {
  constructor(private readonly repo: CommunityRepository) {}

  /** One member, if the viewer may see them (themself, admins, or the directory rule); else NOT_FOUND. */
  async member(actor: Actor, id: string): Promise<MemberEntity> {
    if (!isMember(actor) || !isUuid(id)) throw CommunityError.memberNotFound();
    const member = await this.repo.db.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw CommunityError.memberNotFound();
    const profile = await this.repo.profiles.findOneBy({ memberId: id });
    const target = { memberId: id, directoryVisibility: profile?.directoryVisibility ?? ('hidden' as const) };
    const sharesHub = target.directoryVisibility === 'hubs' && (await this.repo.shareHub(id, actor.memberId));
    if (!CommunityPolicy.canSeeMember(actor, target, sharesHub) && !isAdmin(actor)) throw CommunityError.memberNotFound();
    return member;
  }

  async updateProfile(actor: MemberActor, input: UpdateMemberProfileInput): Promise<MemberProfileEntity> {
    const changes: Partial<MemberProfileEntity> = {};
    if (input.pronouns !== undefined) changes.pronouns = check.optionalText(input.pronouns, 'pronouns', COMMUNITY_LIMITS.pronounsMax);
    if (input.bio !== undefined && input.bio !== null) changes.bio = check.text(input.bio, 'bio', COMMUNITY_LIMITS.bioMax);
    if (input.languages) changes.languages = check.languages(input.languages);
    if (input.themeKeys) {
      const keys = check.ids(input.themeKeys, 'themeKeys');
      if (await this.repo.unknownThemes(keys)) throw CommunityError.themeUnknown();
      changes.themeKeys = keys;
    }
    if (input.reducedMotion !== undefined && input.reducedMotion !== null) changes.reducedMotion = input.reducedMotion;
    if (input.largerText !== undefined && input.largerText !== null) changes.largerText = input.largerText;
    if (input.directoryVisibility) changes.directoryVisibility = input.directoryVisibility;
    await this.repo.profiles.upsert({ memberId: actor.memberId, ...changes }, ['memberId']);
    return (await this.repo.profiles.findOneBy({ memberId: actor.memberId }))!;
  }
}
