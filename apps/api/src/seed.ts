import { ConfigError, EmbeddedPostgresError, loadConfig } from '@anyam/server/core';
import { createApp } from './bootstrap';
import { DemoDataService } from './demo/demo-data.service';

/**
 * `npm run seed` loads the demo data into an empty database; `npm run seed -- --reset` empties every
 * table first. Uses DATABASE_URL, or the embedded database (sharing it if `npm start` is running).
 */
async function main() {
  const reset = process.argv.includes('--reset');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await createApp(config, { seed: false });
  const demo = app.get(DemoDataService);
  if (reset) {
    await demo.reset();
    console.log('Demo data reloaded.');
  } else {
    console.log((await demo.seedIfEmpty()) ? 'Demo data loaded.' : 'The database already has data; use --reset to reload the demo data.');
  }
  await app.close();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Cannot seed: ${error.problems.join('; ')}.`);
  else if (error instanceof EmbeddedPostgresError) console.error(`Cannot seed: ${error.message}.`);
  else console.error('Seeding failed:', error);
  process.exit(1);
});
