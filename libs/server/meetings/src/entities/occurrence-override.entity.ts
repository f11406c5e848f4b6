import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A change to one occurrence, identified by the start the rule gives it (iCalendar RECURRENCE-ID). */
@Entity('occurrence_overrides')
export class OccurrenceOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  seriesId: string;

  @Column({ type: 'timestamptz' })
  originalStart: Date;

  @Column({ type: 'boolean', default: false })
  cancelled: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  newStart: Date | null;

  @Column({ type: 'integer', nullable: true })
  newDurationMinutes: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
