import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';

export type MeetingKind = 'regional' | 'inter_hub' | 'training' | 'world_cafe' | 'other';
export type MeetingMode = 'online' | 'hybrid' | 'in_person';
export type MeetingVisibility = 'public' | 'hubs' | 'invited';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `timestamp without time zone` as a wall-clock string `YYYY-MM-DDTHH:mm:ss`, never a Date (pg would
 * read it in the server process's zone).
 */
export const localDateTimeTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => (value ? value.replace('T', ' ') : value),
  from: (value: string | Date | null) => {
    if (value === null || value === undefined) return value;
    if (value instanceof Date) {
      return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}T${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
    }
    return value.replace(' ', 'T').slice(0, 19);
  },
};

/** A meeting series: one meeting, or a recurring one with an RFC 5545 RRULE in its own time zone. */
@Entity('meeting_series')
export class MeetingSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MeetingKind;

  @Column({ type: 'uuid' })
  organisingHubId: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Wall-clock start of the first occurrence in `timeZone`. */
  @Column({ type: 'timestamp', transformer: localDateTimeTransformer })
  startLocal: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text', nullable: true })
  rrule: string | null;

  /** Derived: first start instant, and end of the last occurrence (null = no end). */
  @Column({ type: 'timestamptz' })
  firstStart: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastEnd: Date | null;

  @Column({ type: 'varchar', length: 10 })
  mode: MeetingMode;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  /** null = unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacityInPerson: number | null;

  @Column({ type: 'integer', nullable: true })
  capacityOnline: number | null;

  @Column({ type: 'varchar', length: 8, default: 'public' })
  visibility: MeetingVisibility;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** iCalendar SEQUENCE, bumped on every change. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
