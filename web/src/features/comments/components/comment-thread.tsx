import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import type { CommentFieldsFragment } from '../../../gql/graphql';
import { ADD_COMMENT, DELETE_COMMENT, EDIT_COMMENT, IDEA_COMMENTS } from '../api/comments';
import { CommentForm } from './comment-form';
import { CommentItem, type ThreadActions } from './comment-item';
import { useReturnLink } from '../../../lib/return-path';

interface CommentThreadProps {
  ideaId: string;
  viewerId: string | null;
  /** Whether the idea takes comments now (open, visible, not withdrawn). */
  open: boolean;
  renderExtra?(comment: CommentFieldsFragment): ReactNode;
}

/** The discussion of an idea: threads three levels deep, oldest first, a page of top-level comments at a time. */
export function CommentThread({ ideaId, viewerId, open, renderExtra }: CommentThreadProps) {
  const { t } = useTranslation();
  const signInLink = useReturnLink();
  const { data, error, loading, fetchMore, refetch } = useQuery(IDEA_COMMENTS, {
    variables: { id: ideaId, first: 8 },
  });
  const [add] = useMutation(ADD_COMMENT);
  const [edit] = useMutation(EDIT_COMMENT);
  const [remove] = useMutation(DELETE_COMMENT);
  const actions: ThreadActions = {
    viewerId,
    canReply: open && viewerId !== null,
    reply: async (parentId, body) => {
      await add({ variables: { input: { ideaId, body, parentId } } });
      await refetch();
    },
    edit: (id, body) => edit({ variables: { id, body } }),
    remove: async (id) => {
      await remove({ variables: { id } });
      await refetch();
    },
    renderExtra,
  };
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const comments = data?.idea?.comments;
  return (
    <section aria-labelledby="comments-heading" className="margin-y-4">
      <h2 id="comments-heading">{t('comments.heading', { count: data?.idea?.commentCount ?? 0 })}</h2>
      {open && viewerId ? (
        <CommentForm
          id="new-comment"
          label={t('comments.newLabel')}
          submitLabel={t('comments.send')}
          onSubmit={async (body) => {
            await add({ variables: { input: { ideaId, body } } });
            await refetch();
          }}
        />
      ) : null}
      {open && !viewerId ? (
        <p>
          <Link to={signInLink}>{t('comments.signIn')}</Link>
        </p>
      ) : null}
      {!comments ? (
        <p role="status">{t('common.loading')}</p>
      ) : comments.edges.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ol className="usa-list usa-list--unstyled margin-top-2">
          {comments.edges.map(({ node }) => (
            <CommentItem key={node.id} comment={node} depth={1} actions={actions} />
          ))}
        </ol>
      )}
      {comments ? (
        <LoadMore
          hasMore={comments.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { after: comments.pageInfo.endCursor } })}
        />
      ) : null}
    </section>
  );
}
