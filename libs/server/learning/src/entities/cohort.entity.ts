import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryModeValue } from './training-module.entity';

/** A scheduled run of a module. `seatsTaken` changes only under this row's lock. */
@Entity('learning_cohorts')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'integer' })
  seats: number;

  @Column({ type: 'integer', default: 0 })
  seatsTaken: number;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentClosesAt: Date | null;

  @Column({ type: 'varchar', length: 8 })
  deliveryMode: DeliveryModeValue;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('learning_cohort_facilitators')
export class CohortFacilitatorEntity {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;
}
