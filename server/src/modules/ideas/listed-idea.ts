import type { Role } from '@consulta/shared';
import { publicUserFromRow, type PublicUser } from '../users/users.repository.js';
import { ideaFromRow, type IdeaEntity, type IdeaRow } from './idea.entity.js';

/** A page row: the idea, its rank in a search and, in a ranked search, its tier (1: the title matches). */
export type PageRow = IdeaRow & { rank?: number; tier?: number };

/** A row of a campaign's list: the idea with its author's public columns and the viewer's vote. */
export type ListRow = PageRow & {
  a_display_name: string | null;
  a_role: Role | null;
  a_created_at: Date | null;
  viewer_vote: number | null;
};

/** An idea of a campaign's list, read in the page's one statement with what is shown beside it. */
export interface ListedIdea {
  idea: IdeaEntity;
  /** Its author's public face (null: no author, or the account is gone). */
  author: PublicUser | null;
  /** The viewer's vote on it (null: none, or signed out). */
  viewerVote: number | null;
}

export function listedFromRow(row: ListRow): ListedIdea {
  const author =
    row.author_id && row.a_display_name !== null
      ? publicUserFromRow({
          id: row.author_id,
          display_name: row.a_display_name,
          role: row.a_role!,
          created_at: row.a_created_at!,
        })
      : null;
  return { idea: ideaFromRow(row), author, viewerVote: row.viewer_vote };
}

/**
 * What every list shows beside each idea (its author, the viewer's vote), read in the page's statement: the
 * columns and joins, the viewer pushed onto `params`. Nothing when `viewerId` is undefined (not a list).
 */
export function listExtras(viewerId: string | null | undefined, params: unknown[]): { columns: string; joins: string } {
  if (viewerId === undefined) return { columns: '', joins: '' };
  params.push(viewerId);
  return {
    columns:
      ', u.display_name AS a_display_name, u.role AS a_role, u.created_at AS a_created_at, vv.value AS viewer_vote',
    joins: ` LEFT JOIN users u ON u.id = i.author_id LEFT JOIN votes vv ON vv.idea_id = i.id AND vv.user_id = $${params.length}::uuid`,
  };
}
