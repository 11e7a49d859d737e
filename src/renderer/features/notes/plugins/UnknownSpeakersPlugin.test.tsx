// @vitest-environment happy-dom
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { act, useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { NoteSpeaker } from '../../../../shared/contract/speakers';
import { NoteDocumentPlugin } from './NoteDocumentPlugin';
import { noteConfig, notePage, noteText, paragraphs } from './testNote';
import { UnknownSpeakersPlugin } from './UnknownSpeakersPlugin';

const turns = ['P001: We learn on the job.', 'P005: Nobody asked us.', 'P005: Again.', 'P009: Linked by hand.'];
const nurse = { id: 'pa-1', code: 'P001', staffGroup: 'nurse' as const };
const pharmacist = { id: 'pa-4', code: 'P004', staffGroup: 'pharmacist' as const };
const before: NoteSpeaker[] = [
  { code: 'P001', participant: nurse, linkedByHand: false },
  { code: 'P005', participant: null, linkedByHand: false },
  { code: 'P009', participant: pharmacist, linkedByHand: true },
];

const { container, render } = notePage();
const noteDocument = paragraphs(turns);

let setSpeakers: (speakers: NoteSpeaker[]) => void = () => {};
function Note({ onLink }: { onLink: (code: string) => void }) {
  const [speakers, set] = useState(before);
  useEffect(() => {
    setSpeakers = set;
  }, []);
  return (
    <LexicalComposer initialConfig={noteConfig}>
      {noteText()}
      <NoteDocumentPlugin document={noteDocument} />
      <UnknownSpeakersPlugin speakers={speakers} onUnseenCode={() => {}} onLink={onLink} />
    </LexicalComposer>
  );
}

const labels = () => [...container.querySelectorAll<HTMLElement>('.speaker-label')];
const links = () => [...container.querySelectorAll<HTMLButtonElement>('button.unknown-speaker-link')];

describe('unknown speakers in the open note', () => {
  it('marks each unknown label and gives it a named "Link…" (one Tab stop per code) that opens the picker for its code', async () => {
    const onLink = vi.fn();
    await render(<Note onLink={onLink} />);
    await vi.waitFor(() => expect(links()).toHaveLength(2));

    expect(labels().map((l) => [l.textContent, 'unknown' in l.dataset, l.dataset.linkedTo ?? null])).toEqual([
      ['P001:', false, null],
      ['P005:', true, null],
      ['P005:', true, null],
      ['P009:', false, 'P004'], // linked by hand to someone of another code: said on the label
    ]);
    expect(links().map((b) => [b.getAttribute('aria-label'), b.tabIndex, b.textContent])).toEqual([
      ['P005 — unknown speaker: link to a participant…', 0, 'Link…'],
      ['P005 — unknown speaker: link to a participant…', -1, 'Link…'],
    ]);
    // Each button is placed by its own label's anchor, and the section holding that label stays laid out to place it.
    const [first, second] = links().map((b) => b.style.getPropertyValue('--anchor'));
    expect([labels()[1]!.style.getPropertyValue('anchor-name'), labels()[2]!.style.getPropertyValue('anchor-name')]).toEqual([first, second]);
    expect(first).not.toBe(second);
    expect(labels()[1]!.closest('.note-section')!.hasAttribute('data-unknown-turn')).toBe(true);

    await act(async () => links()[1]!.click());
    expect(onLink).toHaveBeenCalledWith('P005');

    // Linked: the mark, its button and the kept layout go.
    await act(async () => setSpeakers(before.map((s) => (s.code === 'P005' ? { ...s, participant: pharmacist, linkedByHand: true } : s))));
    await vi.waitFor(() => expect(links()).toHaveLength(0));
    expect(labels().filter((l) => 'unknown' in l.dataset)).toEqual([]);
    expect(labels()[1]!.dataset.linkedTo).toBe('P004');
    expect(labels()[1]!.style.getPropertyValue('anchor-name')).toBe('');
    expect(container.querySelectorAll('[data-unknown-turn]')).toHaveLength(0);
  });
});
