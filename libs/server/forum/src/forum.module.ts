import { Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@anyam/server/accounts';
import { GroupEntity } from './entities/group.entity';
import { GroupMemberEntity } from './entities/group-member.entity';
import { ThreadEntity } from './entities/thread.entity';
import { ThreadThemeEntity } from './entities/thread-theme.entity';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { CreateForum1764500000000 } from './migrations/1764500000000-create-forum';
import { ForumModerationReading1764500000001 } from './migrations/1764500000001-forum-moderation-reading';
import { ForumRepository } from './forum.repository';
import { ForumService } from './forum.service';
import { ForumPostHooks } from './forum-post-hooks';
import { ForumLoaderFactory } from './forum.loaders';
import { GroupResolver } from './group.resolver';
import { ThreadResolver } from './thread.resolver';
import { PostResolver } from './post.resolver';
import { SearchResolver } from './search.resolver';
import { EngagementResolver } from './engagement.resolver';
import { FlagResolver, ModerationResolver } from './moderation.resolver';
import { EngagementService } from './engagement.service';
import { GroupActivityResolver } from './group-activity.resolver';
import { ModerationService } from './moderation.service';

export const FORUM_ENTITIES = [GroupEntity, GroupMemberEntity, ThreadEntity, ThreadThemeEntity, PostEntity, PostRevisionEntity];
export const FORUM_MIGRATIONS = [CreateForum1764500000000, ForumModerationReading1764500000001];
export const FORUM_RESOLVERS: Type<unknown>[] = [GroupResolver, ThreadResolver, PostResolver, SearchResolver, EngagementResolver, ModerationResolver, FlagResolver, GroupActivityResolver];

/** Forum: groups, threads, posts, search, live new posts. */
@Module({
  imports: [TypeOrmModule.forFeature(FORUM_ENTITIES), AccountsModule],
  providers: [ForumRepository, ForumService, ForumPostHooks, EngagementService, ModerationService, ForumLoaderFactory, ...FORUM_RESOLVERS],
  exports: [ForumRepository, ForumService, ForumLoaderFactory],
})
export class ForumModule {}
