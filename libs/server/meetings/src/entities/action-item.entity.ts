import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ActionItemStatus = 'open' | 'in_progress' | 'done';

/** Something to do after a meeting, with an owner and a due date. */
@Entity('action_items')
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  seriesId: string;

  @Column({ type: 'timestamptz' })
  occurrenceStart: Date;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  /** YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: ActionItemStatus;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
