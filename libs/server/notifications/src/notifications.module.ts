import { Global, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@anyam/server/accounts';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationSettingsEntity } from './entities/notification-settings.entity';
import { CreateNotifications1764700000000 } from './migrations/1764700000000-create-notifications';
import { NotificationsService } from './notifications.service';
import { NotificationsResolver } from './notifications.resolver';
import { DigestService } from './digest.service';

export const NOTIFICATIONS_ENTITIES = [NotificationEntity, NotificationSettingsEntity];
export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1764700000000];
export const NOTIFICATIONS_RESOLVERS: Type<unknown>[] = [NotificationsResolver];

/** In-app notifications for every domain, live delivery and the daily e-mail digest. Global: any domain may notify. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES), AccountsModule],
  providers: [NotificationsService, DigestService, ...NOTIFICATIONS_RESOLVERS],
  exports: [NotificationsService],
})
export class NotificationsModule {}
