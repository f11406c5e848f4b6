import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A member's private feed secret (SHA-256 of it); regenerating replaces it and the old link stops working. */
@Entity('calendar_tokens')
export class CalendarTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
