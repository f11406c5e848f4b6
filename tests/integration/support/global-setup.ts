import { configuredServerUrl, createMigratedDatabase, embeddedTestServer, randomDatabaseName } from './test-database';

/** Once per run: find or start a PostgreSQL server, and migrate a template database every test file copies. */
export default async function globalSetup() {
  let serverUrl = configuredServerUrl();
  if (!serverUrl) {
    const server = embeddedTestServer();
    serverUrl = await server.start();
    process.env.ANYAM_IT_EMBEDDED = '1';
  }
  const runId = randomDatabaseName('anyam_it');
  const template = `${runId}_template`;
  process.env.ANYAM_IT_RUN = runId;
  await createMigratedDatabase(serverUrl, template);
  process.env.ANYAM_IT_SERVER_URL = serverUrl;
  process.env.ANYAM_IT_TEMPLATE = template;
}
