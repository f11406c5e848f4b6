import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface AgendaItem {
  title: string;
  presenter: string | null;
  minutesAllotted: number | null;
}

/** Agenda and minutes of one occurrence (by its original start). */
@Entity('occurrence_notes')
export class OccurrenceNotesEntity {
  @PrimaryColumn({ type: 'uuid' })
  seriesId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceStart: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItem[];

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  minutes: string;

  /** The forum thread the minutes were published to (and its opening post), once published. */
  @Column({ type: 'uuid', nullable: true })
  minutesThreadId: string | null;

  @Column({ type: 'uuid', nullable: true })
  minutesPostId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  minutesPublishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
