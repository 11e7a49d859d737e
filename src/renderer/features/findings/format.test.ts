import { describe, expect, it } from 'vitest';
import { spreadLine } from './format';

const spread = { passages: 3, participants: 2, staffGroups: 2, engagements: 1, noSpeaker: 0, unknownSpeaker: 0 };

describe('a finding’s evidence line', () => {
  it('counts participants, staff groups and engagements, and says why some passages count for no one', () => {
    expect(spreadLine(spread)).toBe('3 passages from 2 participants in 2 staff groups, across 1 engagement.');
    expect(spreadLine({ ...spread, noSpeaker: 1 })).toBe('3 passages from 2 participants in 2 staff groups, across 1 engagement (1 passage with no speaker).');
    expect(spreadLine({ ...spread, noSpeaker: 1, unknownSpeaker: 2 })).toBe(
      '3 passages from 2 participants in 2 staff groups, across 1 engagement (1 passage with no speaker; 2 of an unknown speaker).',
    );
  });

  it('says “no linked participant” rather than “0 participants in 0 staff groups”', () => {
    expect(spreadLine({ passages: 1, participants: 0, staffGroups: 0, engagements: 1, noSpeaker: 0, unknownSpeaker: 1 })).toBe(
      '1 passage, from no linked participant, across 1 engagement (1 passage of an unknown speaker).',
    );
  });
});
