import { Entity, PrimaryColumn } from 'typeorm';

@Entity('forum_thread_themes')
export class ThreadThemeEntity {
  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  themeKey: string;
}
