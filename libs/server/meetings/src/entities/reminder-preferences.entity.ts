import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How long before a meeting a member wants to be reminded (minutes), and whether by e-mail too. */
@Entity('meeting_reminder_preferences')
export class ReminderPreferencesEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'integer', array: true })
  leadMinutes: number[];

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
