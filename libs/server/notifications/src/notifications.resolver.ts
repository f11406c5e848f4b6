import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Ctx, CurrentActor, MemberActor, PUB_SUB, PubSubEngine, RequestContext, RequirePermission } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { NotificationActorType, NotificationConnectionType, NotificationSettingsType, NotificationType } from './graphql/notification.type';
import { NotificationSettingsInput } from './graphql/notification.input';
import { NotificationAddedEvent, notificationAddedTopic, NotificationsService } from './notifications.service';
import { toNotificationType } from './notification.mapper';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly accounts: AccountsLoaderFactory,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @RequirePermission(Permission.ManageOwnAccount)
  @Query(() => NotificationConnectionType, { description: 'My notifications, newest first.' })
  async notifications(
    @CurrentActor() actor: MemberActor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('unreadOnly', { nullable: true }) unreadOnly?: boolean,
  ): Promise<NotificationConnectionType> {
    const page = await this.service.list(actor.memberId, { first, after, unreadOnly });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toNotificationType(e.node) })) };
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Query(() => Int, { description: 'How many of my notifications are unread.' })
  unreadNotificationCount(@CurrentActor() actor: MemberActor): Promise<number> {
    return this.service.unreadCount(actor.memberId);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => Int, { description: 'Marks the given notifications (or all of them) read; returns how many changed.' })
  markNotificationsRead(
    @CurrentActor() actor: MemberActor,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[],
    @Args('all', { nullable: true }) all?: boolean,
  ): Promise<number> {
    return this.service.markRead(actor.memberId, ids, all);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Query(() => NotificationSettingsType)
  notificationSettings(@CurrentActor() actor: MemberActor): Promise<NotificationSettingsType> {
    return this.service.settings(actor.memberId);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => NotificationSettingsType)
  updateNotificationSettings(@CurrentActor() actor: MemberActor, @Args('input') input: NotificationSettingsInput): Promise<NotificationSettingsType> {
    return this.service.updateSettings(actor.memberId, input);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Subscription(() => NotificationType, {
    description: 'My new notifications, as they are written.',
    filter: (payload: NotificationAddedEvent, _args: unknown, ctx: RequestContext) =>
      ctx.actor.kind === 'member' && payload.notificationAdded.memberId === ctx.actor.memberId,
    resolve: async function (this: NotificationsResolver, payload: NotificationAddedEvent, _args: unknown, ctx: RequestContext) {
      const memberId = ctx.actor.kind === 'member' ? ctx.actor.memberId : '';
      const found = await this.service.byId(memberId, payload.notificationAdded.id);
      return found ? toNotificationType(found) : null;
    },
  })
  notificationAdded(@CurrentActor() actor: MemberActor) {
    return this.pubSub.asyncIterableIterator(notificationAddedTopic(actor.memberId));
  }

  @ResolveField(() => NotificationActorType, { nullable: true, description: 'Who caused it, when someone did.' })
  async actor(@Parent() n: NotificationType, @Ctx() ctx: RequestContext): Promise<NotificationActorType | null> {
    if (!n.actorId) return null;
    const m = await ctx.loaders.get(this.accounts).memberById.load(n.actorId);
    return m ? { id: m.id, name: m.name } : null;
  }
}
