/** `node -r @swc-node/register migrate-database.ts <url>`: applies every migration of the app to a database. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '@anyam/server/core';
import { ENTITIES, MIGRATIONS } from '../../../apps/api/src/app.module';

async function main(url: string) {
  const ds = new DataSource({ type: 'postgres', url, entities: ENTITIES, migrations: MIGRATIONS, namingStrategy: new SnakeNamingStrategy() });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exit(1);
});
