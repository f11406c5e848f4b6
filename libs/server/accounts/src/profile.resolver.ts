import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Permission } from '@anyam/shared/domain';
import {
  Actor,
  Ctx,
  CurrentActor,
  isMember,
  MemberActor,
  Public,
  PUB_SUB,
  PubSubEngine,
  RequestContext,
  RequirePermission,
} from '@anyam/server/core';
import { MemberType } from './graphql/member.type';
import { UpdateProfileInput } from './graphql/update-profile.input';
import { ChangePasswordInput } from './graphql/change-password.input';
import { MemberService, memberUpdatedTopic } from './member.service';
import { AccountsLoaderFactory } from './accounts.loaders';
import { toMemberType } from './member.mapper';
import { readRefreshCookie } from './refresh-cookie';

/** The signed-in member's own account. */
@Resolver(() => MemberType)
export class ProfileResolver {
  constructor(
    private readonly members: MemberService,
    private readonly loaders: AccountsLoaderFactory,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Public()
  @Query(() => MemberType, { nullable: true, description: 'The signed-in member, or null for a visitor.' })
  async me(@Ctx() ctx: RequestContext): Promise<MemberType | null> {
    if (!isMember(ctx.actor)) return null;
    const member = await ctx.loaders.get(this.loaders).memberById.load(ctx.actor.memberId);
    return member ? toMemberType(member, ctx.actor) : null;
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => MemberType)
  async updateProfile(@Args('input') input: UpdateProfileInput, @CurrentActor() actor: MemberActor): Promise<MemberType> {
    return toMemberType(await this.members.updateProfile(actor, actor.memberId, input), actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => Boolean, { description: 'Change the password; every other session of the member ends.' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentActor() actor: MemberActor,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await this.members.changePassword(actor, actor.memberId, input, readRefreshCookie(ctx.req));
    return true;
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Subscription(() => MemberType, {
    description: 'The signed-in member’s own profile changed (e.g. language switched on another device).',
    resolve: async function (this: ProfileResolver, _payload: { memberId: string }, _args: unknown, ctx: RequestContext) {
      const member = await this.members.get((ctx.actor as MemberActor).memberId);
      return toMemberType(member, ctx.actor);
    },
  })
  meUpdated(@CurrentActor() actor: Actor) {
    return this.pubSub.asyncIterableIterator(memberUpdatedTopic((actor as MemberActor).memberId));
  }
}
