import { toGlobalId } from '../../common/graphql/global-id.js';
import { matrixFromCsv } from './vote-matrix.js';

describe('a downloaded vote matrix', () => {
  const a = toGlobalId('Idea', '00000000-0000-4000-8000-000000000002');
  const b = toGlobalId('Idea', '00000000-0000-4000-8000-000000000001');

  it('is read with ideas in uuid order and votes sorted by voter, then idea', () => {
    const { matrix, ideaIds } = matrixFromCsv(`idea_id,voter,value\n${a},zed,1\n${b},amy,-1\n${a},amy,1\n`);
    expect(ideaIds).toEqual([b, a]);
    expect([...matrix.person]).toEqual([0, 0, 1]);
    expect([...matrix.idea]).toEqual([0, 1, 1]);
    expect([...matrix.value]).toEqual([-1, 1, 1]);
  });

  it('is refused with the line that is wrong', () => {
    expect(() => matrixFromCsv('idea,who,vote\n')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ fields: { file: expect.stringMatching(/header/) } }),
      }),
    );
    expect(() => matrixFromCsv(`idea_id,voter,value\n${a},amy,2\n`)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ fields: { file: 'Line 2 is not "idea_id,voter,value".' } }),
      }),
    );
  });
});
