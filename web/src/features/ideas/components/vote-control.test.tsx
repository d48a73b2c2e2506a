import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWith } from '../../../../test/render';
import { CAST_VOTE, RETRACT_VOTE } from '../api/votes';
import { VoteControl } from './vote-control';

const idea = { id: 'idea-1', title: 'Shade sails', score: 2, upvotes: 2, downvotes: 0, viewerVote: null };
const campaign = { votingMode: 'SUPPORT', voteBudget: 5, viewerVotesRemaining: 3, acceptingContributions: true };
const voted = (value: number | null, remaining: number) => ({
  __typename: 'Idea',
  id: 'idea-1',
  score: value ? 3 : 2,
  upvotes: value ? 3 : 2,
  downvotes: 0,
  viewerVote: value,
  campaign: { __typename: 'Campaign', id: 'c-1', viewerVotesRemaining: remaining },
});

describe('VoteControl', () => {
  it('says the budget in words and the count in a polite live region', () => {
    renderWith(<VoteControl idea={idea} campaign={campaign} signedIn />);
    expect(screen.getByText('3 of 5 votes left')).toBeInTheDocument();
    expect(screen.getByText('2 supports')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('button', { name: /Support/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('sends a support, and a second press takes it back', async () => {
    const cast = jest.fn(() => ({ data: { castVote: voted(1, 2) } }));
    const mocks = [
      { request: { query: CAST_VOTE, variables: { input: { ideaId: 'idea-1', value: 1 } } }, result: cast },
    ];
    const first = renderWith(<VoteControl idea={idea} campaign={campaign} signedIn />, mocks);
    await userEvent.click(screen.getByRole('button', { name: /Support/ }));
    await waitFor(() => expect(cast).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    first.unmount();

    const retract = jest.fn(() => ({ data: { retractVote: voted(null, 3) } }));
    const mocksBack = [{ request: { query: RETRACT_VOTE, variables: { ideaId: 'idea-1' } }, result: retract }];
    renderWith(<VoteControl idea={{ ...idea, viewerVote: 1 }} campaign={campaign} signedIn />, mocksBack);
    const pressed = screen.getByRole('button', { name: /Supported/ });
    expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Press your vote again to take it back.')).toBeInTheDocument();
    await userEvent.click(pressed);
    await waitFor(() => expect(retract).toHaveBeenCalledTimes(1));
  });

  it('explains a spent budget next to the button', async () => {
    const mocks = [
      {
        request: { query: CAST_VOTE, variables: { input: { ideaId: 'idea-1', value: 1 } } },
        result: {
          errors: [
            new GraphQLError('Budget spent', {
              extensions: { code: 'CONFLICT', reason: 'VOTE_BUDGET_SPENT', reasonValues: { budget: 5 } },
            }),
          ],
        },
      },
    ];
    const { rerender } = renderWith(
      <VoteControl idea={idea} campaign={{ ...campaign, viewerVotesRemaining: 0 }} signedIn />,
      mocks,
    );
    await userEvent.click(screen.getByRole('button', { name: /Support/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have used all 5 of your votes in this consultation.',
    );
    // Once a vote is taken back elsewhere, the refusal no longer holds and goes.
    rerender(<VoteControl idea={idea} campaign={{ ...campaign, viewerVotesRemaining: 1 }} signedIn />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers signing in instead of buttons to people signed out, and offers up and down where the campaign does', () => {
    const { unmount } = renderWith(<VoteControl idea={idea} campaign={campaign} signedIn={false} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to vote' })).toBeInTheDocument();
    unmount();
    renderWith(<VoteControl idea={idea} campaign={{ ...campaign, votingMode: 'UP_DOWN' }} signedIn />);
    expect(screen.getByRole('button', { name: /Vote up/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Vote down/ })).toBeInTheDocument();
    expect(screen.getByText('Score: 2')).toBeInTheDocument();
  });

  it.each([
    ['IMPLEMENTED', 'Votes have stopped: this idea has been carried out.'],
    ['REJECTED', 'Votes have stopped: the agency turned this idea down.'],
    ['DUPLICATE', 'Votes have stopped: the agency marked this idea as a duplicate. Support the original instead.'],
  ])('on a %s idea offers no vote, says why, and lets a supporter take theirs back', async (status, why) => {
    const retract = jest.fn(() => ({ data: { retractVote: voted(null, 4) } }));
    const mocks = [{ request: { query: RETRACT_VOTE, variables: { ideaId: 'idea-1' } }, result: retract }];
    renderWith(<VoteControl idea={{ ...idea, status, viewerVote: 1 }} campaign={campaign} signedIn />, mocks);
    expect(screen.getByText(why)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Support/ })).not.toBeInTheDocument();
    expect(screen.queryByText('3 of 5 votes left')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^Take back my support/ }));
    await waitFor(() => expect(retract).toHaveBeenCalledTimes(1));
  });

  it('on a decided idea the person never voted for shows only why', () => {
    renderWith(<VoteControl idea={{ ...idea, status: 'REJECTED' }} campaign={campaign} signedIn={false} />);
    expect(screen.getByText('Votes have stopped: the agency turned this idea down.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Sign in to vote')).not.toBeInTheDocument();
  });
});
