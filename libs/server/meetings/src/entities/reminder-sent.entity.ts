import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reminder that went out; the primary key makes it go out once per member, occurrence and lead time. */
@Entity('meeting_reminders_sent')
export class ReminderSentEntity {
  @PrimaryColumn({ type: 'uuid' })
  seriesId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceStart: Date;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @PrimaryColumn({ type: 'integer' })
  leadMinutes: number;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  mailedAt: Date | null;
}
