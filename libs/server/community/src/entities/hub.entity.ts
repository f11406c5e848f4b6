import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Visibility } from './organisation.entity';

export type DeliveryMode = 'online' | 'hybrid' | 'offline';
export type JoinPolicy = 'open' | 'by_request';

/** An organisation (or a programme of one) that serves other CSOs in a region. */
@Entity('hubs')
export class HubEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hostOrganisationId: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid', nullable: true })
  allianceId: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Local time "HH:MM:SS" in the hub's time zone. */
  @Column({ type: 'time' })
  workingHoursStart: string;

  @Column({ type: 'time' })
  workingHoursEnd: string;

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint', array: true })
  workingDays: number[];

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];

  @Column({ type: 'text', array: true })
  deliveryModes: DeliveryMode[];

  @Column({ type: 'varchar', length: 8, default: 'public' })
  visibility: Visibility;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  joinPolicy: JoinPolicy;

  /** Implementation stage 1…6. */
  @Column({ type: 'smallint', default: 1 })
  stage: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
