// @vitest-environment happy-dom
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteSpeaker } from '../../../shared/contract/speakers';
import type { Passage } from '../../../shared/domain/passage';
import { eventually, fakeCore, Screen } from '../../api/testCore';
import { useSpeakerLinks } from './useSpeakerLinks';

const p004 = { id: 'person-4', code: 'P004', staffGroup: 'pharmacist' as const };
const passage = (participantId: string | null) => ({ id: 'pa-1', start: 6, end: 17, participantId }) as unknown as Passage;

/** A note whose P005 turns are P004's: speakers.link answers as the core does, the passage in that turn following. */
function speakersCore() {
  const calls: unknown[] = [];
  const core = fakeCore({
    'speakers.link': (input: { code: string; participantId: string | null }) => {
      calls.push(input);
      const participant = input.participantId ? p004 : null;
      return { speakers: [{ code: input.code, participant, linkedByHand: true }], changedPassages: [passage(input.participantId)] };
    },
  });
  return { core, calls };
}

let links: ReturnType<typeof useSpeakerLinks> | null = null;
function Note({ speakers }: { speakers: NoteSpeaker[] }) {
  const [passages, setPassages] = useState<Passage[]>([passage(p004.id)]);
  const here = useSpeakerLinks('n1', speakers, setPassages);
  useEffect(() => void (links = here), [here]);
  return (
    <>
      <p data-id="said-by">{passages.map((p) => p.participantId ?? 'nobody').join(', ')}</p>
      <p data-id="status">{here.announcement}</p>
      <p data-id="linked">{String(here.isLinked('P005'))}</p>
    </>
  );
}

const screen = new Screen();
afterEach(() => screen.unmount());

describe('useSpeakerLinks', () => {
  it('unlinks a linked code: speakers.link with no participant, the open passages follow and it is announced', async () => {
    const { core, calls } = speakersCore();
    await screen.render(<Note speakers={[{ code: 'P005', participant: p004, linkedByHand: true }]} />, core);
    expect(screen.text('linked')).toBe('true');
    await act(() => links!.setLink('P005', null));
    expect(calls).toEqual([{ noteId: 'n1', code: 'P005', participantId: null }]);
    await eventually(() => expect(screen.text('said-by')).toBe('nobody'));
    expect(screen.text('status')).toBe('Speaker P005 in this note is unlinked: an unknown speaker again, and the passages of those turns are nobody’s.');
  });

  it('says an unknown code is not linked (nothing to unlink), and announces a link', async () => {
    const { core } = speakersCore();
    await screen.render(<Note speakers={[{ code: 'P005', participant: null, linkedByHand: false }]} />, core);
    expect(screen.text('linked')).toBe('false');
    await act(() => links!.setLink('P005', p004));
    await eventually(() => expect(screen.text('said-by')).toBe('person-4'));
    expect(screen.text('status')).toBe('Speaker P005 in this note is linked to P004: the passages of those turns are theirs.');
  });
});
