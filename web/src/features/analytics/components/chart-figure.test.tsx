import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '../../../../test/render';
import { ChartFigure } from './chart-figure';

describe('ChartFigure', () => {
  const figure = () =>
    renderWith(
      <ChartFigure
        title="Ideas and votes by topic"
        kind="bar"
        labels={['Parks', '=Streets']}
        labelHeading="Topic"
        series={[
          { label: 'Ideas', values: [3, 1] },
          { label: 'Votes', values: [1200, 4] },
        ]}
        file="topics.csv"
      />,
    );

  it('names the chart image by its title and points to the table', () => {
    figure();
    expect(screen.getByRole('figure', { name: 'Ideas and votes by topic' })).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Chart: Ideas and votes by topic. Its figures are in the table below it.' }),
    ).toBeInTheDocument();
  });

  it('gives the same figures as a table and as a CSV with formula-looking cells neutralised', async () => {
    figure();
    await userEvent.click(screen.getByText('Show the figures as a table'));
    expect(screen.getByRole('columnheader', { name: 'Votes' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Parks' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '1,200' })).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /^Download the figures \(CSV\)\W+Ideas and votes by topic$/ });
    expect(link).toHaveAttribute('download', 'topics.csv');
    const csv = decodeURIComponent(link.getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
    expect(csv).toBe("\uFEFFTopic,Ideas,Votes\r\nParks,3,1200\r\n'=Streets,1,4\r\n");
  });
});
