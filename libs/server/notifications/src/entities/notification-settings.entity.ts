import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's notification choices; no row means the defaults. */
@Entity('notification_settings')
export class NotificationSettingsEntity {
  @PrimaryColumn('uuid')
  memberId: string;

  @Column('boolean', { default: true })
  emailDigest: boolean;

  @Column('timestamptz', { nullable: true })
  lastDigestAt: Date | null;
}
