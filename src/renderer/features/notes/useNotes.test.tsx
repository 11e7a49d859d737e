// @vitest-environment happy-dom
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { useNotes } from './useNotes';

interface StoredNote {
  id: string;
  engagementId: string;
  title: string;
  wordCount: number;
}

/** Notes by engagement; the engagement "slow" answers its list only once released, so that answer arrives stale. */
function notesCore() {
  const notes: StoredNote[] = [
    { id: 'n1', engagementId: 'moorfields', title: 'Reading centre', wordCount: 10 },
    { id: 'n2', engagementId: 'leeds', title: 'Workshop', wordCount: 20 },
  ];
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const core = fakeCore({
    'notes.list': async ({ engagementId }: { engagementId: string }) => {
      if (engagementId === 'slow') await released;
      return notes.filter((n) => n.engagementId === engagementId).map((n) => ({ ...n }));
    },
    'notes.get': ({ id }: { id: string }) => ({ ...notes.find((n) => n.id === id), document: '{}', revision: 1 }),
    'notes.create': ({ engagementId }: { engagementId: string }) => {
      const made = { id: `n${notes.length + 1}`, engagementId, title: 'New note', wordCount: 0 };
      notes.push(made);
      return { ...made, document: '{}', revision: 0 };
    },
  });
  return { core, notes, release };
}

let actions: ReturnType<typeof useNotes> | null = null;
let show: (engagementId: string) => void = () => {};
function NotesList({ first }: { first: string }) {
  const [engagementId, set] = useState(first);
  const notesHere = useNotes(engagementId);
  useEffect(() => {
    show = set;
    actions = notesHere;
  }, [notesHere]);
  const { notes, open, error } = notesHere;
  return (
    <>
      <p data-id="list">{error?.message ?? notes?.map((n) => `${n.title} (${n.wordCount})`).join(', ') ?? 'loading'}</p>
      <p data-id="open">{open?.title ?? ''}</p>
    </>
  );
}

const screen = new Screen();
afterEach(() => screen.unmount());

describe('useNotes', () => {
  it('refreshes the list when the core announces a note made elsewhere, never the open note under its editor', async () => {
    const { core, notes } = notesCore();
    await screen.render(<NotesList first="moorfields" />, core);
    await eventually(() => expect(screen.text('open')).toBe('Reading centre'));
    // Another window adds a note to this engagement.
    notes.push({ id: 'n9', engagementId: 'moorfields', title: 'Afternoon', wordCount: 3 });
    act(() => core.announce('notes.create'));
    await eventually(() => expect(screen.text('list')).toBe('Reading centre (10), Afternoon (3)'));
    await answered(core);
    expect(core.count('notes.get')).toBe(1);
  });

  it('takes an autosave’s word count from its answer: the save’s announcement refetches neither list nor note', async () => {
    const { core } = notesCore();
    await screen.render(<NotesList first="moorfields" />, core);
    await eventually(() => expect(screen.text('open')).toBe('Reading centre'));
    await answered(core);
    act(() => actions!.noteSaved('n1', 12));
    act(() => core.announce('notes.save', { input: { id: 'n1' }, output: { changedPassages: [] } }));
    await answered(core);
    expect(screen.text('list')).toBe('Reading centre (12)');
    expect([core.count('notes.list'), core.count('notes.get')]).toEqual([1, 1]);
  });

  it('drops a stale answer: the list is the engagement shown now, not the slow one before it', async () => {
    const { core, release } = notesCore();
    await screen.render(<NotesList first="slow" />, core);
    act(() => show('leeds'));
    await eventually(() => expect(screen.text('list')).toBe('Workshop (20)'));
    release();
    await answered(core);
    expect(core.count('notes.list')).toBe(2);
    expect(screen.text('list')).toBe('Workshop (20)');
    expect(screen.text('open')).toBe('Workshop');
  });

  it('shows a failed load or a failed new note on the page, and not also in the failure notice', async () => {
    const { core } = notesCore();
    core.failOnce('notes.list', 'The workspace could not be read.');
    await screen.render(<NotesList first="moorfields" />, core);
    await eventually(() => expect(screen.text('list')).toBe('The workspace could not be read.'));
    core.failOnce('notes.create', 'The disk is full.');
    await act(() => actions!.createNote());
    await eventually(() => expect(screen.text('list')).toBe('The disk is full.'));
    expect(screen.notice()).toBe('');
  });
});
