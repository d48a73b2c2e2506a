import { LIMITS } from '@consulta/shared';
import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BadInputError } from '../errors/domain-error.js';
import { fieldMessage } from '../errors/field-message.js';
import { PageInfo } from './page-info.object.js';

/** `totalCount` is counted only when a query asks for it: it is a getter that starts the count. */
export type TotalCount = number | Promise<number>;

export interface ConnectionShape<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: PageInfo;
  readonly totalCount: TotalCount;
}

function withLazyCount<C extends object>(connection: C, count: () => TotalCount): C & { totalCount: TotalCount } {
  let counted: TotalCount | undefined;
  Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => (counted ??= count()) });
  return connection as C & { totalCount: TotalCount };
}

/** The same page with each node mapped (to its GraphQL object), the count still lazy. */
export function mapConnection<A, B>(page: ConnectionShape<A>, map: (node: A) => B): ConnectionShape<B> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) }));
  return withLazyCount({ edges, pageInfo: page.pageInfo }, () => page.totalCount);
}

/** The Relay connection and edge types for `node`, named `<name>Connection` and `<name>Edge`. */
export function Connection<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: TotalCount;
  }
  return ConnectionType;
}

/** `first` checked and capped: default 20, at most 50; zero or less is BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return LIMITS.page.defaultSize;
  if (!Number.isInteger(first) || first < 1) throw new BadInputError({ first: fieldMessage('firstAtLeastOne') });
  return Math.min(first, LIMITS.page.maxSize);
}

/** Opaque cursors: the keyset values of a row, tagged with the order they belong to. */
export function encodeCursor(order: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([order, ...values]), 'utf8').toString('base64url');
}

/** What each keyset value of a cursor must be: the PostgreSQL type it is cast to. */
export type CursorCast = 'int' | 'float8' | 'timestamptz' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function fits(value: unknown, cast: CursorCast): boolean {
  if (cast === 'int') return Number.isSafeInteger(value);
  if (cast === 'float8') return typeof value === 'number' && Number.isFinite(value);
  if (cast === 'uuid') return typeof value === 'string' && UUID.test(value);
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The keyset values of a cursor made for `order`, each checked against its type, so a forged or foreign
 * cursor is BAD_USER_INPUT (never a database error).
 */
export function decodeCursor(
  cursor: string | null | undefined,
  order: string,
  casts: readonly CursorCast[],
): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed[0] === order &&
      parsed.length === casts.length + 1 &&
      casts.every((cast, i) => fits(parsed[i + 1], cast))
    ) {
      return parsed.slice(1);
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError({ after: fieldMessage('cursorInvalid') });
}

/** A connection from `size + 1` fetched rows (the extra one only tells whether there is a next page). */
export function toConnection<R, T>(
  rows: R[],
  size: number,
  cursorOf: (row: R) => string,
  map: (row: R) => T,
  count: () => Promise<number>,
  hasPrevious: boolean,
): ConnectionShape<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ node: map(row), cursor: cursorOf(row) }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > size,
    hasPreviousPage: hasPrevious,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return withLazyCount({ edges, pageInfo }, count);
}
