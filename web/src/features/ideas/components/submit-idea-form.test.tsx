import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWith } from '../../../../test/render';
import { SIMILAR_IDEAS, SUBMIT_IDEA } from '../api/submit-idea';
import { SubmitIdeaForm } from './submit-idea-form';

const campaign = { id: 'c-1', tags: ['Trees', 'Playgrounds'] };

describe('SubmitIdeaForm', () => {
  it('counts characters live and lists similar ideas while the person types', async () => {
    const mocks = [
      {
        request: { query: SIMILAR_IDEAS, variables: { campaignId: 'c-1', text: 'Shade sails' } },
        result: {
          data: {
            similarIdeas: [
              { __typename: 'Idea', id: 'i-9', title: 'Shade over the playground', score: 4, status: 'SUBMITTED' },
            ],
          },
        },
      },
    ];
    renderWith(<SubmitIdeaForm campaign={campaign} onDone={jest.fn()} />, mocks);
    await userEvent.type(screen.getByLabelText('Title'), 'Shade sails');
    expect(screen.getByText('You have 129 characters left')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Shade over the playground' }, { timeout: 3000 })).toHaveAttribute(
      'href',
      '/ideas/i-9',
    );
  });

  it('keeps the text and shows the API’s field errors beside the field', async () => {
    const onDone = jest.fn();
    const mocks = [
      {
        request: { query: SIMILAR_IDEAS },
        variableMatcher: () => true,
        result: { data: { similarIdeas: [] } },
        maxUsageCount: 10,
      },
      {
        request: {
          query: SUBMIT_IDEA,
          variables: { input: { campaignId: 'c-1', title: 'Benches by the pond', body: 'Two benches.', tag: 'Trees' } },
        },
        result: {
          errors: [
            new GraphQLError('bad', {
              extensions: { code: 'BAD_USER_INPUT', fields: { tag: 'Choose one of: Trees.' } },
            }),
          ],
        },
      },
    ];
    renderWith(<SubmitIdeaForm campaign={campaign} onDone={onDone} />, mocks);
    await userEvent.type(screen.getByLabelText('Title'), 'Benches by the pond');
    await userEvent.type(screen.getByLabelText('Details'), 'Two benches.');
    await userEvent.selectOptions(screen.getByLabelText(/Topic/), 'Trees');
    await userEvent.click(screen.getByRole('button', { name: 'Propose the idea' }));
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveTextContent('Choose one of: Trees.'));
    expect(screen.getByLabelText('Title')).toHaveValue('Benches by the pond');
    expect(onDone).not.toHaveBeenCalled();
  });
});
