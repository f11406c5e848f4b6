import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RsvpResponse = 'going_in_person' | 'going_online' | 'maybe' | 'not_going';

/** A member's answer for one occurrence, or for the whole series when `occurrenceStart` is null. */
@Entity('rsvps')
export class RsvpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  seriesId: string;

  /** The occurrence's original start (RECURRENCE-ID); null = every occurrence. */
  @Column({ type: 'timestamptz', nullable: true })
  occurrenceStart: Date | null;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  response: RsvpResponse;

  /** Going, but no seat in that mode yet. */
  @Column({ type: 'boolean', default: false })
  waitlisted: boolean;

  /** Waitlist order (from a sequence); null when not waitlisted. */
  @Column({ type: 'bigint', nullable: true })
  position: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
