import { screen } from '@testing-library/react';
import { renderWith } from '../../../test/render';
import { VIEWER } from '../../features/session/api/viewer';
import { NewCampaignRoute } from './new-campaign-route';

const agency = (id: string, name: string) => ({
  __typename: 'AgencyMembership',
  role: 'OFFICIAL',
  agency: { __typename: 'Agency', id, name, slug: id },
});

const viewerWith = (memberships: ReturnType<typeof agency>[]) => ({
  request: { query: VIEWER },
  result: {
    data: {
      viewer: {
        __typename: 'Viewer',
        email: 'omar@example.org',
        emailVerified: true,
        language: 'en',
        suspendedUntil: null,
        suspensionReason: null,
        user: { __typename: 'User', id: 'u-1', displayName: 'Omar', role: 'CITIZEN' },
        memberships,
      },
    },
  },
});

describe('a new consultation without an agency in the address', () => {
  it('is made for the only agency the person belongs to', async () => {
    renderWith(<NewCampaignRoute />, [viewerWith([agency('a-1', 'City Parks Department')])]);
    expect(await screen.findByText(/^City Parks Department will run it\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeInTheDocument();
  });

  it('asks which agency first when the person belongs to several', async () => {
    renderWith(<NewCampaignRoute />, [
      viewerWith([agency('a-1', 'City Parks Department'), agency('a-2', 'Transit Authority')]),
    ]);
    expect(await screen.findByText('Choose the agency that will run the new consultation:')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Transit Authority' })).toHaveAttribute('href', '/console/new?agency=a-2');
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });
});
