import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named network of hubs in a region (Jalin Tenggara, Enlaza Sur). */
@Entity('alliances')
export class AllianceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'uuid' })
  regionId: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  launchedOn: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
