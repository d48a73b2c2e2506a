import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '../../../../test/render';
import { ADD_COMMENT, IDEA_COMMENTS } from '../api/comments';
import { CommentThread } from './comment-thread';

const fields = (id: string, body: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Comment',
  id,
  body,
  bodyHtml: `<p>${body}</p>`,
  visibility: 'VISIBLE',
  hiddenReason: null,
  deleted: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  editedAt: null,
  author: { __typename: 'User', id: 'u-ana', displayName: 'Ana' },
  ...extra,
});
const page = (edges: unknown[]) => ({
  __typename: 'CommentConnection',
  totalCount: edges.length,
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  edges: edges.map((node) => ({ __typename: 'CommentEdge', node })),
});
const thread = {
  idea: {
    __typename: 'Idea',
    id: 'idea-1',
    commentCount: 2,
    comments: page([
      {
        ...fields('c-1', 'Top comment'),
        replies: page([
          {
            ...fields('c-2', 'A reply', { author: { __typename: 'User', id: 'u-me', displayName: 'Me' } }),
            replies: page([]),
          },
        ]),
      },
      {
        ...fields('c-3', '', { visibility: 'HIDDEN', author: null, body: 'Removed by a moderator.' }),
        replies: page([]),
      },
    ]),
  },
};

describe('CommentThread', () => {
  const query = { query: IDEA_COMMENTS, variables: { id: 'idea-1', first: 8 } };

  it('shows threads with replies nested, tombstones in place, and edit/delete only on one’s own', async () => {
    renderWith(<CommentThread ideaId="idea-1" viewerId="u-me" open />, [{ request: query, result: { data: thread } }]);
    const top = await screen.findByText('Top comment');
    expect(screen.getByRole('heading', { name: 'Discussion (2 comments)' })).toBeInTheDocument();
    expect(screen.getByText('Removed by a moderator.')).toBeInTheDocument();
    const topArticle = top.closest('article')!;
    expect(within(topArticle).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    const reply = screen.getByText('A reply').closest('article')!;
    expect(within(reply).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it('posts a comment and shows the thread again', async () => {
    const add = jest.fn(() => ({ data: { addComment: fields('c-9', 'New one') } }));
    const mocks = [
      { request: query, result: { data: thread } },
      { request: { query: ADD_COMMENT, variables: { input: { ideaId: 'idea-1', body: 'New one' } } }, result: add },
      { request: query, result: { data: thread } },
    ];
    renderWith(<CommentThread ideaId="idea-1" viewerId="u-me" open />, mocks);
    await screen.findByText('Top comment');
    await userEvent.type(screen.getByLabelText('Add a comment'), 'New one');
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1));
  });

  it('asks people signed out to sign in, and offers no reply buttons', async () => {
    renderWith(<CommentThread ideaId="idea-1" viewerId={null} open />, [{ request: query, result: { data: thread } }]);
    await screen.findByText('Top comment');
    expect(screen.getByRole('link', { name: 'Sign in to take part in the discussion' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reply' })).not.toBeInTheDocument();
  });
});
