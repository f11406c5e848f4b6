import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSdl } from '../../../apps/api/src/schema/build-schema';
import { startTestApp, TestApp } from '../support/test-app';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is up to date with the code (run `npm run schema` after changing resolvers)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../apps/api/schema.gql'), 'utf8');
    expect(committed).toBe(await buildSchemaSdl());
  });

  it('matches the schema the running API serves', async () => {
    const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    expect(await buildSchemaSdl()).toContain(served);
  });
});
