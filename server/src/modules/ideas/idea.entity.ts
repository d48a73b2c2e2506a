import { IdeaStatus, Visibility } from '@consulta/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('ideas')
export class IdeaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'text', nullable: true })
  tag: string | null;

  @Column({ type: 'text' })
  status: IdeaStatus;

  @Column({ type: 'text' })
  visibility: Visibility;

  /** Why it is hidden (shown to its author and moderators); null while visible. */
  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  /** Hidden automatically by flags, pending review (a dismissal of the last open flag restores it). */
  @Column({ name: 'hidden_by_flags', type: 'boolean' })
  hiddenByFlags: boolean;

  @Column({ type: 'integer' })
  upvotes: number;

  @Column({ type: 'integer' })
  downvotes: number;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'double precision' })
  hot: number;

  @Column({ type: 'double precision' })
  wilson: number;

  @Column({ name: 'comment_count', type: 'integer' })
  commentCount: number;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'threshold_reached_at', type: 'timestamptz', nullable: true })
  thresholdReachedAt: Date | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Set by lists that read the author and the viewer's vote with the idea (not a column). */
  listed?: {
    author: { id: string; displayName: string; role: string; createdAt: Date } | null;
    viewerVote: number | null;
  };
}

/** The columns of `ideas` as a select list for raw queries that return whole ideas (alias `i`). */
export const IDEA_COLUMNS =
  'i.id, i.campaign_id, i.author_id, i.title, i.body, i.body_html, i.tag, i.status, i.visibility, i.hidden_reason, ' +
  'i.hidden_by_flags, i.upvotes, ' +
  'i.downvotes, i.score, i.hot, i.wilson, i.comment_count, i.duplicate_of_id, i.threshold_reached_at, i.responded_at, ' +
  'i.created_at, i.updated_at';

/** A raw row (snake_case) as an entity. */
export function ideaFromRow(row: Record<string, any>): IdeaEntity {
  return Object.assign(new IdeaEntity(), {
    id: row.id,
    campaignId: row.campaign_id,
    authorId: row.author_id,
    title: row.title,
    body: row.body,
    bodyHtml: row.body_html,
    tag: row.tag,
    status: row.status,
    visibility: row.visibility,
    hiddenReason: row.hidden_reason,
    hiddenByFlags: row.hidden_by_flags,
    upvotes: row.upvotes,
    downvotes: row.downvotes,
    score: row.score,
    hot: row.hot,
    wilson: row.wilson,
    commentCount: row.comment_count,
    duplicateOfId: row.duplicate_of_id,
    thresholdReachedAt: row.threshold_reached_at,
    respondedAt: row.responded_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
