import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One planned reminder job: an occurrence (by original start) and a lead time. `jobId` is the job that
 * owns the row; a job finding another id here is stale and does nothing.
 */
@Entity('meeting_reminder_plans')
export class ReminderPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  seriesId: string;

  @Column({ type: 'timestamptz' })
  occurrenceStart: Date;

  @Column({ type: 'integer' })
  leadMinutes: number;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;
}
