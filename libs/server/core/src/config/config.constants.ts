/** Defaults that other files (Docker, Kubernetes, README) repeat; a test checks they agree. */
export const DEFAULT_PORT = 3000;
export const GRAPHQL_PATH = '/graphql';
/** Built API entry point, relative to the repository root (tsc output of apps/api/tsconfig.app.json). */
export const API_ENTRY = 'dist/api/apps/api/src/main.js';
export const WEB_DIST = 'dist/web';
