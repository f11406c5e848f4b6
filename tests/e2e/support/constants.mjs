// The API's shared constants (ports, paths), read from its TypeScript source so they are written down once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const SOURCES = ['libs/server/core/src/config/config.constants.ts', 'libs/server/core/src/health/health.constants.ts'];

/** `export const NAME = 'value' | 123;` from the constants files. */
export function readConstants() {
  const found = {};
  for (const file of SOURCES) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/export const ([A-Z][A-Z0-9_]*)\s*=\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*;/g)) {
      found[m[1]] = m[4] !== undefined ? Number(m[4]) : (m[2] ?? m[3]);
    }
  }
  for (const name of ['DEFAULT_PORT', 'GRAPHQL_PATH', 'API_ENTRY', 'WEB_DIST', 'HEALTH_LIVE_PATH', 'HEALTH_READY_PATH']) {
    if (found[name] === undefined) throw new Error(`e2e: ${name} not found in ${SOURCES.join(' or ')}`);
  }
  return found;
}
