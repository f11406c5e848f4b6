import { Client } from 'pg';
import { embeddedTestServer } from './test-database';

export default async function globalTeardown() {
  const serverUrl = process.env.ANYAM_IT_SERVER_URL;
  if (serverUrl) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 || '\_%'`,
        [process.env.ANYAM_IT_RUN],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (process.env.ANYAM_IT_EMBEDDED === '1') await embeddedTestServer().stop(true);
}
