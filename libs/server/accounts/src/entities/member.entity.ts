import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person with an account. Never exposed directly: see graphql/member.type.ts and member.mapper.ts. */
@Entity('members')
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** For @mentions: unique, [a-z0-9_]{2,30}, derived from the name by a database trigger on insert. */
  @Column({ type: 'varchar', length: 30, insert: false, update: false })
  handle: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 8 })
  locale: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
