import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role, RoleScope } from '@anyam/shared/domain';
import type { TestApp, TestMember } from '../support/test-app';

export const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id title language replyCount participantCount tags themes viewerCanReply group { id slug } } }`;
export const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { id number bodyHtml removed author { id name } quotePost { id } thread { id replyCount } } }`;
export const THREAD = `query($id: ID!) { thread(id: $id) { id title replyCount participantCount lastActivityAt lastPoster { id } acceptedPostId locked pinned
  viewerCanReply viewerCanModerate viewerCanAcceptAnswer posts(first: 50) { edges { node { id number bodyHtml bodyMarkdown removed isAcceptedAnswer viewerCanEdit author { id } } } } } }`;
export const THREADS = `query($groupId: ID!, $first: Int, $after: String, $sort: ThreadSort) { threads(groupId: $groupId, first: $first, after: $after, sort: $sort) {
  edges { cursor node { id title pinned replyCount lastActivityAt author { id name } lastPoster { id name } viewerCanReply } } pageInfo { hasNextPage endCursor } } }`;
export const SEARCH = `query($query: String!, $filter: SearchFilter, $first: Int, $after: String) { search(query: $query, filter: $filter, first: $first, after: $after) {
  edges { cursor node { snippet rank post { id number thread { id title group { slug } } } } } pageInfo { hasNextPage endCursor } } }`;

export const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

export async function groupId(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.db.query(`SELECT id FROM forum_groups WHERE slug = $1`, [slug]);
  return row.id;
}

export async function hubId(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.db.query(`SELECT id FROM hubs WHERE slug = $1`, [slug]);
  return row.id;
}

export async function admin(t: TestApp): Promise<TestMember> {
  return t.grantRole(await t.signUp(), Role.Admin, RoleScope.Network);
}

/** A private thematic group made by an admin (its moderator), with `insiders` invited. */
export async function privateGroup(t: TestApp, by: TestMember, slug: string, insiders: TestMember[] = []): Promise<string> {
  const r = await t.gql(
    `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
    { input: { kind: 'THEME', themeKey: 'collective-care', name: `Private ${slug}`, slug, visibility: 'PRIVATE', defaultLanguage: 'id' } },
    { token: by.accessToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const id = r.data!.createGroup.id;
  for (const m of insiders) await t.db.query(`INSERT INTO forum_group_members (group_id, member_id) VALUES ($1, $2)`, [id, m.id]);
  return id;
}

export async function createThread(t: TestApp, member: TestMember, input: Record<string, unknown>): Promise<any> {
  const r = await t.gql(CREATE_THREAD, { input: { title: 'A question', body: 'What do you think?', ...input } }, { token: member.accessToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.createThread;
}

/**
 * Counts SQL statements the app sends while `fn` runs (every TypeORM query goes through
 * PostgresQueryRunner.query; tests and app share the process).
 */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = PostgresQueryRunner.prototype as unknown as { query: (q: string, ...rest: unknown[]) => Promise<unknown> };
  const original = proto.query;
  proto.query = function (this: unknown, q: string, ...rest: unknown[]) {
    statements.push(q);
    return original.call(this, q, ...rest);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    proto.query = original;
  }
}
