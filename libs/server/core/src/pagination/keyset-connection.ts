import { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type `<name>Connection` with `<name>Edge` edges. */
export function Connection<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque keyset cursor.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** Cursors are opaque: base64url of the JSON sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    /* fall through */
  }
  throw AppError.badInput('after', 'invalidCursor', 'This page link is no longer valid. Start again from the first page.');
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) throw AppError.badInput('first', 'tooSmall', 'Ask for at least one item.');
  return Math.min(first, MAX_PAGE_SIZE);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Keyset pagination on (sortColumn, id), ascending. The query must not join one-to-many rows.
 * Reads `first + 1` rows to learn whether another page follows.
 */
export async function keysetPage<E extends ObjectLiteral & { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  args: PageArgs,
  columns: { sort: string; id: string },
  sortKey: (e: E) => string,
  toNode: (e: E) => T,
): Promise<ConnectionShape<T>> {
  const size = pageSize(args.first);
  if (args.after) {
    const [sort, id] = decodeCursor(args.after, 2);
    qb.andWhere(`(${columns.sort}, ${columns.id}) > (:cursorSort, :cursorId::uuid)`, { cursorSort: sort, cursorId: id });
  }
  const rows = await qb.orderBy(columns.sort, 'ASC').addOrderBy(columns.id, 'ASC').limit(size + 1).getMany();
  const page = rows.slice(0, size);
  const edges = page.map((e) => ({ cursor: encodeCursor([sortKey(e), e.id]), node: toNode(e) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

