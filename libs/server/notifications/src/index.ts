export * from './notifications.module';
export * from './notifications.service';
export * from './notification-kinds';
export * from './digest.service';
export * from './entities/notification.entity';
export * from './entities/notification-settings.entity';
