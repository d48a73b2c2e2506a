import { PersonLink } from '../../people/components/person-link';
import { LIMITS } from '@consulta/shared/limits';
import { useApolloClient } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';
import { HtmlBody } from '../../../components/ui/html-body';
import type { CommentFieldsFragment } from '../../../gql/graphql';
import { COMMENT_REPLIES } from '../api/comments';
import { CommentForm } from './comment-form';

export interface ThreadActions {
  viewerId: string | null;
  canReply: boolean;
  reply(parentId: string, body: string): Promise<unknown>;
  edit(id: string, body: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  /** Extra actions for a comment someone else wrote (reporting it, say). */
  renderExtra?(comment: CommentFieldsFragment): ReactNode;
}

type Node = CommentFieldsFragment & {
  replies?: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    edges: Array<{ node: Node }>;
  };
};

/** Replies past the first few, fetched when asked for. */
function MoreReplies({ parent, depth, actions }: { parent: Node; depth: number; actions: ThreadActions }) {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const [extra, setExtra] = useState<Node[]>([]);
  const [more, setMore] = useState(parent.replies?.pageInfo.hasNextPage ?? false);
  const client = useApolloClient();
  if (!more) return null;
  const shown = (parent.replies?.edges.length ?? 0) + extra.length;
  const load = async () => {
    const result = await client.query({
      query: COMMENT_REPLIES,
      variables: { id: parent.id, after: after ?? parent.replies?.pageInfo.endCursor ?? null },
    });
    const node = result.data?.node;
    if (!node || !('replies' in node)) return;
    setExtra((list) => [...list, ...node.replies.edges.map((e) => e.node)]);
    setAfter(node.replies.pageInfo.endCursor ?? null);
    setMore(node.replies.pageInfo.hasNextPage);
  };
  return (
    <>
      {extra.map((node) => (
        <CommentItem key={node.id} comment={node} depth={depth} actions={actions} />
      ))}
      <li>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => void load()}>
          {t('comments.moreReplies', { count: (parent.replies?.totalCount ?? shown) - shown })}
        </button>
      </li>
    </>
  );
}

/** One comment with its replies: tombstones keep their place; authors edit and delete their own. */
export function CommentItem({ comment, depth, actions }: { comment: Node; depth: number; actions: ThreadActions }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const own = actions.viewerId !== null && comment.author?.id === actions.viewerId;
  const tombstone = comment.deleted || (comment.visibility === 'HIDDEN' && !comment.author);
  return (
    <li className="margin-bottom-2" id={`comment-${comment.id}`}>
      <article
        className={`padding-2 radius-md ${depth === 1 ? 'bg-base-lightest' : 'border-left-05 border-base-lighter'}`}
      >
        {tombstone ? (
          <p className="text-italic margin-0">{comment.deleted ? t('comments.deleted') : t('comments.removed')}</p>
        ) : (
          <>
            <p className="margin-top-0 font-sans-2xs">
              <PersonLink person={comment.author} className="text-bold" /> ·{' '}
              <DateText value={comment.createdAt} withTime />
              {comment.editedAt ? ` · ${t('comments.edited')}` : ''}
              {comment.visibility === 'HIDDEN' ? (
                <span className="usa-tag bg-secondary-dark margin-left-1">{t('comments.hiddenTag')}</span>
              ) : null}
            </p>
            {comment.visibility === 'HIDDEN' && comment.hiddenReason ? (
              <p className="usa-hint">{t('comments.hiddenBecause', { reason: comment.hiddenReason })}</p>
            ) : null}
            {mode === 'edit' ? (
              <CommentForm
                id={`edit-${comment.id}`}
                label={t('comments.editLabel')}
                submitLabel={t('comments.save')}
                initial={comment.body}
                onSubmit={async (body) => {
                  await actions.edit(comment.id, body);
                  setMode('read');
                }}
                onCancel={() => setMode('read')}
              />
            ) : (
              <HtmlBody html={comment.bodyHtml} />
            )}
          </>
        )}
        {mode === 'read' && !comment.deleted ? (
          <div className="display-flex flex-wrap margin-top-1">
            {actions.canReply && depth < LIMITS.comment.maxDepth ? (
              <button
                type="button"
                className="usa-button usa-button--unstyled margin-right-2"
                onClick={() => setMode('reply')}
              >
                {t('comments.reply')}
              </button>
            ) : null}
            {own ? (
              <>
                <button
                  type="button"
                  className="usa-button usa-button--unstyled margin-right-2"
                  onClick={() => setMode('edit')}
                >
                  {t('comments.edit')}
                </button>
                <button
                  type="button"
                  className="usa-button usa-button--unstyled margin-right-2"
                  onClick={() => {
                    if (window.confirm(t('comments.confirmDelete'))) void actions.remove(comment.id);
                  }}
                >
                  {t('comments.delete')}
                </button>
              </>
            ) : null}
            {!own && !tombstone && actions.viewerId ? actions.renderExtra?.(comment) : null}
          </div>
        ) : null}
        {mode === 'reply' ? (
          <CommentForm
            id={`reply-${comment.id}`}
            label={t('comments.replyLabel')}
            submitLabel={t('comments.sendReply')}
            onSubmit={async (body) => {
              await actions.reply(comment.id, body);
              setMode('read');
            }}
            onCancel={() => setMode('read')}
          />
        ) : null}
      </article>
      {comment.replies?.edges.length ? (
        <ol className="usa-list usa-list--unstyled margin-left-2 tablet:margin-left-4 margin-top-1">
          {comment.replies.edges.map(({ node }) => (
            <CommentItem key={node.id} comment={node} depth={depth + 1} actions={actions} />
          ))}
          <MoreReplies parent={comment} depth={depth + 1} actions={actions} />
        </ol>
      ) : null}
    </li>
  );
}
