import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { CurrentActor, MemberActor, RequirePermission } from '@anyam/server/core';
import { PostType } from './graphql/post.type';
import { ThreadType } from './graphql/thread.type';
import { DraftType, WatchPayload } from './graphql/moderation.type';
import { ReactionKindEnum } from './forum.enums';
import { EngagementService } from './engagement.service';
import { toGroupType, toPostType, toThreadType } from './forum.mapper';

/** Reactions, read positions, watching and drafts: a member's own marks on what they read. */
@Resolver()
export class EngagementResolver {
  constructor(private readonly service: EngagementService) {}

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, { description: 'Add a reaction of this kind to someone else’s post (once per kind; a repeat changes nothing).' })
  async react(
    @Args('postId', { type: () => ID }) postId: string,
    @Args('kind', { type: () => ReactionKindEnum }) kind: ReactionKindEnum,
    @CurrentActor() actor: MemberActor,
  ): Promise<PostType> {
    const found = await this.service.react(actor, postId, kind, true);
    return toPostType(found.post, found.thread, found.access, actor);
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, { description: 'Take back one’s reaction of this kind (none given: nothing changes).' })
  async unreact(
    @Args('postId', { type: () => ID }) postId: string,
    @Args('kind', { type: () => ReactionKindEnum }) kind: ReactionKindEnum,
    @CurrentActor() actor: MemberActor,
  ): Promise<PostType> {
    const found = await this.service.react(actor, postId, kind, false);
    return toPostType(found.post, found.thread, found.access, actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => ThreadType, { description: 'The viewer has read the thread up to this post (the position never moves back).' })
  async markThreadRead(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('postId', { type: () => ID }) postId: string,
    @CurrentActor() actor: MemberActor,
  ): Promise<ThreadType> {
    const { thread, access } = await this.service.markThreadRead(actor, threadId, postId);
    return toThreadType(thread, access, actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => WatchPayload, { description: 'Watch a thread or a group (give exactly one): its new posts are notified to you.' })
  async watch(
    @CurrentActor() actor: MemberActor,
    @Args('threadId', { type: () => ID, nullable: true }) threadId?: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string,
  ): Promise<WatchPayload> {
    return this.payload(actor, await this.service.watch(actor, { threadId, groupId }, true));
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => WatchPayload, { description: 'Stop watching a thread or a group (give exactly one).' })
  async unwatch(
    @CurrentActor() actor: MemberActor,
    @Args('threadId', { type: () => ID, nullable: true }) threadId?: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string,
  ): Promise<WatchPayload> {
    return this.payload(actor, await this.service.watch(actor, { threadId, groupId }, false));
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => DraftType, { nullable: true, description: 'Save the viewer’s reply draft for a thread; an empty body discards it (answers null).' })
  async saveDraft(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('body') body: string,
    @CurrentActor() actor: MemberActor,
  ): Promise<DraftType | null> {
    return this.service.saveDraft(actor, threadId, body);
  }

  private payload(actor: MemberActor, r: Awaited<ReturnType<EngagementService['watch']>>): WatchPayload {
    return {
      thread: r.thread ? toThreadType(r.thread.thread, r.thread.access, actor) : null,
      group: r.group ? toGroupType(r.group, actor) : null,
    };
  }
}
