import type { Executor } from '../../database/sql.js';
import { IdeaSort, IdeaStatus, LIMITS } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
  type CursorCast,
} from '../../common/graphql/connection.js';
import { DatabaseService } from '../../database/database.service.js';
import { PLANNED_EACH_TIME } from '../../database/prepared-pg.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { one, rows as sqlRows } from '../../database/sql.js';
import { votesRepository } from '../votes/votes.repository.js';
import {
  CAMPAIGN_SEEN_BY,
  IDEA_SEEN_BY,
  LISTED_IDEA,
  PUBLIC_CAMPAIGN,
  VISIBLE_IDEA,
} from '../../database/predicates.js';
import { IDEA_COLUMNS, ideaFromRow, type IdeaEntity } from './idea.entity.js';
import { rankedPage } from './ranked-page.js';
import { listExtras, listedFromRow, type ListedIdea, type ListRow, type PageRow } from './listed-idea.js';

interface Order {
  /** Columns of `ideas` in ORDER BY (descending unless `ascending`), the last one always id. */
  columns: string[];
  ascending?: boolean;
  casts: CursorCast[];
  keys(row: PageRow): unknown[];
}

const iso = (value: Date) => value.toISOString();

/** Each sort is a keyset over an index: (campaign_id, keys..., id) DESC. */
const ORDERS: Record<IdeaSort, Order> = {
  TOP: {
    columns: ['score', 'created_at', 'id'],
    casts: ['int', 'timestamptz', 'uuid'],
    keys: (r) => [r.score, iso(r.created_at), r.id],
  },
  NEW: { columns: ['created_at', 'id'], casts: ['timestamptz', 'uuid'], keys: (r) => [iso(r.created_at), r.id] },
  TRENDING: { columns: ['hot', 'id'], casts: ['float8', 'uuid'], keys: (r) => [r.hot, r.id] },
  BEST: {
    columns: ['wilson', 'created_at', 'id'],
    casts: ['float8', 'timestamptz', 'uuid'],
    keys: (r) => [r.wilson, iso(r.created_at), r.id],
  },
  // Ideas without common ground carry -1e9 in the key: last, and among themselves by TOP.
  COMMON_GROUND: {
    columns: ['common_ground_key', 'score', 'created_at', 'id'],
    casts: ['float8', 'int', 'timestamptz', 'uuid'],
    keys: (r) => [r.common_ground_key, r.score, iso(r.created_at), r.id],
  },
};

/** Longest waiting first: when the idea reached the response threshold. */
const AWAITING: Order = {
  columns: ['threshold_reached_at', 'id'],
  casts: ['timestamptz', 'uuid'],
  keys: (r) => [iso(r.threshold_reached_at!), r.id],
  ascending: true,
};

/** The owed lists' paging, and what officials narrow them by. */
export interface OwedFilter {
  first?: number | null;
  after?: string | null;
  tag?: string | null;
  status?: IdeaStatus | null;
  search?: string | null;
}

/** Listed ideas owed an answer (the response clock's rule, response-clock.ts, in SQL), narrowed by `filter`. */
function owedQuery(campaignId: string, threshold: number, filter: OwedFilter) {
  const params: unknown[] = [campaignId, threshold];
  const conditions = [
    'i.campaign_id = $1',
    'i.responded_at IS NULL',
    'i.threshold_reached_at IS NOT NULL',
    'i.score >= $2',
    LISTED_IDEA('i'),
  ];
  if (filter.tag) conditions.push(`i.tag = $${params.push(filter.tag)}`);
  if (filter.status) conditions.push(`i.status = $${params.push(filter.status)}`);
  const text = searchText(filter.search);
  if (text) conditions.push(`i.search @@ websearch_to_tsquery('english', $${params.push(text)})`);
  return { from: 'FROM ideas i', conditions, params };
}

/** What a page reads: FROM, its conditions on `params`, and the viewer for list extras. */
interface PageQuery {
  from: string;
  conditions: string[];
  params: unknown[];
  /** Given (null when signed out): each row also carries its author and the viewer's vote. */
  viewerId?: string | null;
  /** Where it runs: DatabaseService.reader for lists that tolerate lag; the primary when not given. */
  executor?: Executor;
  /** The count when it is already known (a stored counter); else a count(*) over the conditions. */
  count?: () => Promise<number>;
}

export interface IdeaListFilter {
  /** The viewer (null when signed out): each idea comes with its author and the viewer's vote. */
  viewerId: string | null;
  first?: number | null;
  after?: string | null;
  sort?: IdeaSort | null;
  status?: IdeaStatus | null;
  tag?: string | null;
  search?: string | null;
  /** Read-your-writes: a viewer who just wrote reads from the primary (see DatabaseService.reader). */
  readsFromPrimary?: true;
  /**
   * The campaign's stored count of listed ideas (campaigns.idea_count, kept in the transactions that list,
   * withdraw, hide and restore ideas): the totalCount of the list when nothing narrows it.
   */
  listedCount?: number;
}

export type PersonalList = 'authored' | 'voted' | 'followed' | 'public';

function searchText(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  if (query.length > LIMITS.search.queryMax)
    throw new BadInputError({ query: fieldMessage('lengthAtMost', { max: LIMITS.search.queryMax }) });
  return query.trim() || null;
}

/** Idea lists: ranked, filtered, searched, keyset-paginated; only what the viewer may see. */
@Injectable()
export class IdeaQueriesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
  ) {}

  /**
   * A keyset page of ideas, each made into a node by `toNode`. With `query.viewerId` given (null when signed
   * out), each row also carries its author and the viewer's vote, read in the same statement.
   */
  private async page<Node>(
    order: Order,
    orderName: string,
    filter: { first?: number | null; after?: string | null },
    query: PageQuery,
    toNode: (row: ListRow) => Node,
  ): Promise<ConnectionShape<Node>> {
    const { from, conditions, params } = query;
    const size = pageSize(filter.first);
    const cursor = decodeCursor(filter.after, orderName, order.casts);
    const pageParams = [...params];
    const { columns: extras, joins } = listExtras(query.viewerId, pageParams);
    const select = `SELECT ${IDEA_COLUMNS}${extras} ${from}${joins}`;
    const where = conditions.join(' AND ');
    let keyset = '';
    if (cursor) {
      const placeholders = cursor.map((value, i) => {
        pageParams.push(value);
        return `CAST($${pageParams.length} AS ${order.casts[i]})`;
      });
      const columns = order.columns.map((column) => `i.${column}`);
      keyset = ` AND (${columns.join(', ')}) ${order.ascending ? '>' : '<'} (${placeholders.join(', ')})`;
    }
    const direction = order.ascending ? 'ASC' : 'DESC';
    const orderBy = order.columns.map((column) => `i.${column} ${direction}`).join(', ');
    pageParams.push(size + 1);
    const executor = query.executor ?? this.database.dataSource;
    const rows = await sqlRows<ListRow>(
      executor,
      `${select} WHERE ${where}${keyset} ORDER BY ${orderBy} LIMIT $${pageParams.length}`,
      pageParams,
    );
    return toConnection(
      rows,
      size,
      (row: ListRow) => encodeCursor(orderName, order.keys(row)),
      toNode,
      query.count ?? this.counter(executor, from, conditions, params),
      cursor !== null,
    );
  }

  /** Counts the matches of a page's conditions; a search's count planned for each call, as its page is. */
  private counter(executor: Executor, from: string, conditions: string[], params: unknown[], search = false) {
    const text = `${search ? PLANNED_EACH_TIME : ''}SELECT count(*)::int AS n ${from} WHERE ${conditions.join(' AND ')}`;
    return async () => (await one<{ n: number }>(executor, text, params))!.n;
  }

  /** A campaign's ideas: WITHDRAWN and hidden ones are left out unless a status filter asks for them. */
  listForCampaign(campaignId: string, filter: IdeaListFilter): Promise<ConnectionShape<ListedIdea>> {
    const params: unknown[] = [campaignId];
    const conditions = ['i.campaign_id = $1'];
    if (filter.status) {
      params.push(filter.status);
      conditions.push(VISIBLE_IDEA('i'), `i.status = $${params.length}`);
    } else {
      conditions.push(LISTED_IDEA('i'));
    }
    if (filter.tag) {
      params.push(filter.tag);
      conditions.push(`i.tag = $${params.length}`);
    }
    const text = searchText(filter.search);
    const executor = this.database.reader({ readsFromPrimary: filter.readsFromPrimary });
    if (text) {
      const words = `$${params.push(text)}`;
      conditions.push(`i.search @@ websearch_to_tsquery('english', ${words})`);
      const count = this.counter(executor, 'FROM ideas i', conditions, params, true);
      const query = {
        from: 'FROM ideas i',
        conditions,
        params,
        text: words,
        viewerId: filter.viewerId,
        executor,
        count,
      };
      return rankedPage('ideas-ranked', filter, query, listedFromRow);
    }
    const sort = filter.sort ?? IdeaSort.TOP;
    const stored = filter.listedCount;
    const count = stored !== undefined && !filter.status && !filter.tag ? async () => stored : undefined;
    const query = { from: 'FROM ideas i', conditions, params, viewerId: filter.viewerId, executor, count };
    return this.page(ORDERS[sort], `ideas-${sort}`, filter, query, listedFromRow);
  }

  /** Visible ideas at or past the response threshold with no official response yet, longest waiting first. */
  awaitingResponse(campaignId: string, threshold: number, filter: OwedFilter) {
    const query = owedQuery(campaignId, threshold, filter);
    return this.page(AWAITING, 'awaiting', filter, query, ideaFromRow);
  }

  /**
   * Ideas awaiting an answer whose due time (threshold time + `days`) is before `now`, longest overdue
   * first: the awaiting list's order and index, cut at `now - days`.
   */
  overdue(campaignId: string, threshold: number, days: number, now: Date, filter: OwedFilter) {
    const query = owedQuery(campaignId, threshold, filter);
    query.params.push(days, now);
    // Written on the column alone, so the awaiting index bounds the scan.
    query.conditions.push(
      `i.threshold_reached_at < $${query.params.length}::timestamptz - make_interval(days => $${query.params.length - 1}::int)`,
    );
    return this.page(AWAITING, 'overdue', filter, query, ideaFromRow);
  }

  /**
   * A person's lists, newest idea first: the ideas they wrote (whatever their state, hidden ones included:
   * they are its author), voted on or follow (only what they may still see), and their public profile's
   * ideas (what anyone may see of them).
   */
  forPerson(userId: string, kind: PersonalList, filter: { first?: number | null; after?: string | null }) {
    const condition = {
      authored: 'i.author_id = $1',
      voted: `i.id IN (SELECT idea_id FROM votes WHERE user_id = $1) AND ${IDEA_SEEN_BY('i', '$1')}`,
      followed: `i.id IN (SELECT idea_id FROM idea_follows WHERE user_id = $1) AND ${IDEA_SEEN_BY('i', '$1')}`,
      // A public profile: what anyone sees of the person's ideas.
      public: `i.author_id = $1 AND ${LISTED_IDEA('i')}
        AND i.campaign_id IN (SELECT c.id FROM campaigns c WHERE ${PUBLIC_CAMPAIGN('c')})`,
    }[kind];
    return this.page(
      ORDERS.NEW,
      `mine-${kind}`,
      filter,
      { from: 'FROM ideas i', conditions: [condition], params: [userId] },
      ideaFromRow,
    );
  }

  /** The person's vote on each of the ideas. */
  viewerVotes(userId: string, ideaIds: readonly string[]): Promise<Map<string, number>> {
    return votesRepository.valuesOf(this.database.dataSource, userId, ideaIds);
  }

  /** Full-text search (English stemming) over visible ideas of every campaign the viewer may see, best first. */
  async search(
    viewer: RequestViewer,
    filter: { query: string; campaignId?: string | null; first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<IdeaEntity>> {
    const text = searchText(filter.query);
    if (!text) throw new BadInputError({ query: fieldMessage('searchEmpty') });
    const params: unknown[] = [text, await this.access.draftsOf(viewer)];
    const conditions = [
      "i.search @@ websearch_to_tsquery('english', $1)",
      LISTED_IDEA('i'),
      // Not in a campaign the viewer may not see: those (drafts) are few, read once per statement, so the
      // planner's guess at how many ideas match never makes it look campaigns up idea by idea.
      `i.campaign_id <> ALL (ARRAY(SELECT c.id FROM campaigns c WHERE NOT ${CAMPAIGN_SEEN_BY('c', '$2')}))`,
    ];
    if (filter.campaignId !== undefined) {
      params.push(filter.campaignId);
      conditions.push(`i.campaign_id = $${params.length}`);
    }
    const from = 'FROM ideas i';
    const executor = this.database.reader(viewer);
    const count = this.counter(executor, from, conditions, params, true);
    const titleTerms = filter.campaignId === undefined;
    const query = { from, conditions, params, text: '$1', executor, count, titleTerms };
    return rankedPage('search-ranked', filter, query, ideaFromRow);
  }
}
