import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, CORE_MIGRATIONS, ResolvedDatabase } from '@anyam/server/core';
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS, AccountsModule } from '@anyam/server/accounts';
import { COMMUNITY_ENTITIES, COMMUNITY_MIGRATIONS, CommunityModule } from '@anyam/server/community';
import { FORUM_ENTITIES, FORUM_MIGRATIONS, ForumModule } from '@anyam/server/forum';
import { MEETINGS_ENTITIES, MEETINGS_MIGRATIONS, MeetingsModule } from '@anyam/server/meetings';
import { LEARNING_ENTITIES, LEARNING_MIGRATIONS, LearningModule } from '@anyam/server/learning';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS, NotificationsModule } from '@anyam/server/notifications';
import { DemoDataService } from './demo/demo-data.service';

/** Every domain's entities and migrations, in one place so the data source sees them all. */
export const ENTITIES = [...ACCOUNTS_ENTITIES, ...COMMUNITY_ENTITIES, ...FORUM_ENTITIES, ...MEETINGS_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...LEARNING_ENTITIES];
export const MIGRATIONS = [...CORE_MIGRATIONS, ...ACCOUNTS_MIGRATIONS, ...COMMUNITY_MIGRATIONS, ...FORUM_MIGRATIONS, ...MEETINGS_MIGRATIONS, ...NOTIFICATIONS_MIGRATIONS, ...LEARNING_MIGRATIONS];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: ResolvedDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config, database, entities: ENTITIES, migrations: MIGRATIONS }), AccountsModule, CommunityModule, ForumModule, MeetingsModule, NotificationsModule, LearningModule],
      providers: [DemoDataService],
    };
  }
}
