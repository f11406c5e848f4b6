/**
 * Writes apps/api/schema.gql from the code-first resolvers, without a database: `npm run schema`.
 * The committed file is what the web app's GraphQL Code Generator reads; a test fails when it is stale.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchemaSdl } from './build-schema';

buildSchemaSdl()
  .then((sdl) => {
    const file = path.resolve(__dirname, '../../schema.gql');
    fs.writeFileSync(file, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
    process.exit(0);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
