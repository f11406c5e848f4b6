import { ConfigError, EmbeddedPostgresError, loadConfig } from '@anyam/server/core';
import { createApp } from './bootstrap';

/** `npm start`: validated config → database (embedded or DATABASE_URL) → migrations → demo data → listen. */
async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT);
  // Graceful shutdown: stop accepting, let in-flight requests finish (10 s at most), close WebSockets,
  // the database pool and an embedded PostgreSQL, then exit 0.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Anyam is shutting down (${signal})`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    const server = app.getHttpServer();
    server.closeIdleConnections?.();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  console.log(`Anyam is ready on ${url} (GraphQL at ${url}/graphql)`);
}

main().catch((error: unknown) => {
  // One line a person understands; details only where they help.
  if (error instanceof ConfigError) {
    console.error(`Anyam cannot start: ${error.problems.join('; ')}.`);
  } else if (error instanceof EmbeddedPostgresError) {
    console.error(`Anyam cannot start its embedded PostgreSQL: ${error.message}.`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`Anyam cannot start: port ${(error as { port?: number }).port ?? ''} is already in use; set PORT to a free one.`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'ECONNREFUSED' || /connect|password authentication|database .* does not exist/i.test(String((error as Error)?.message))) {
    console.error(`Anyam cannot reach its database: ${(error as Error).message}. Check DATABASE_URL.`);
  } else {
    console.error('Anyam failed to start:', error);
  }
  process.exit(1);
});
