import { describe, expect, it } from 'vitest';
import { unknownSpeakersSentence } from './importSummary';

describe("an import's summary of unknown speaker codes", () => {
  it('names each code no participant has, and says nothing when every code is known', () => {
    expect(unknownSpeakersSentence(['P005', 'P009'])).toMatch(/^2 speaker codes match no participant: P005, P009 — they are shown as unknown speakers/);
    expect(unknownSpeakersSentence(['P005'])).toBe(
      '1 speaker code matches no participant: P005 — it is shown as an unknown speaker until you link it (“Link…” beside its label in the note).',
    );
    expect(unknownSpeakersSentence([])).toBe('');
  });
});
