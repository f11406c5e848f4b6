import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AttendanceStatus = 'present_in_person' | 'present_online' | 'absent';

/** Whether a member came to one occurrence (by its original start), recorded by an organiser. */
@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  seriesId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceStart: Date;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 20 })
  status: AttendanceStatus;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
