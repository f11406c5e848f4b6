import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Locale } from '@anyam/shared/domain';

/** A service theme or sub-theme; reference data seeded by the migration. */
@Entity('themes')
export class ThemeEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  key: string;

  @Column({ type: 'varchar', length: 48, nullable: true })
  parentKey: string | null;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'jsonb' })
  names: Record<Locale, string>;
}
