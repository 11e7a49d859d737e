// @vitest-environment happy-dom
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { useQuery } from '../../api/queries';
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
  // A note's passages, answered once let through (all at once unless a test holds them).
  const passagesOf = new Map<string, string[]>([['n1', ['first']], ['n2', ['second']]]);
  let letThrough: Promise<void> = Promise.resolve();
  const core = fakeCore({
    'passages.forNote': async ({ noteId }: { noteId: string }) => {
      await letThrough;
      return (passagesOf.get(noteId) ?? []).map((id) => ({ id }));
    },
    'notes.list': async ({ engagementId }: { engagementId: string }) => {
      if (engagementId === 'slow') await released;
      return notes.filter((n) => n.engagementId === engagementId).map((n) => ({ ...n }));
    },
    'notes.forEditor': ({ id }: { id: string }) => ({ ...notes.find((n) => n.id === id), document: '{}', revision: 1 }),
    'notes.create': ({ engagementId }: { engagementId: string }) => {
      const made = { id: `n${notes.length + 1}`, engagementId, title: 'New note', wordCount: 0 };
      notes.push(made);
      return { ...made, document: '{}', revision: 0 };
    },
  });
  /** Hold every passages answer from now until the returned function is called. */
  const holdPassages = () => {
    let go = () => {};
    letThrough = new Promise<void>((r) => (go = r));
    return go;
  };
  return { core, notes, release, passagesOf, holdPassages };
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
      {open && <OpenPassages key={open.id} noteId={open.id} />}
    </>
  );
}

/** What the open note's editor reads of its passages, as useNoteSession does. */
function OpenPassages({ noteId }: { noteId: string }) {
  const passages = useQuery('passages.forNote', { noteId }, { keptCurrentHere: true }).data as { id: string }[] | undefined;
  return <p data-id="passages">{passages?.map((p) => p.id).join(', ') ?? 'loading'}</p>;
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
    expect(core.count('notes.forEditor')).toBe(1);
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
    expect([core.count('notes.list'), core.count('notes.forEditor')]).toEqual([1, 1]);
  });

  it('opens a note once its passages are in too, and its editor takes that answer: asked for once (issue 11)', async () => {
    const { core, notes, passagesOf, holdPassages } = notesCore();
    notes.push({ id: 'n3', engagementId: 'moorfields', title: 'Walk-round', wordCount: 5 });
    passagesOf.set('n3', ['third']);
    let go = holdPassages();
    await screen.render(<NotesList first="moorfields" />, core);
    await eventually(() => expect(core.count('passages.forNote')).toBe(1));
    await eventually(() => expect(core.count('notes.forEditor')).toBe(1));
    // The note's answer is in, its passages' not yet: the editor is not opened without them.
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.text('open')).toBe('');
    act(() => go());
    await eventually(() => expect(screen.text('open')).toBe('Reading centre'));
    expect(screen.text('passages')).toBe('first');
    await answered(core);
    expect(core.count('passages.forNote')).toBe(1);

    // Another note: the open one stays on screen until the next has its passages too.
    go = holdPassages();
    await act(() => actions!.openNote('n3'));
    await eventually(() => expect(core.count('notes.forEditor')).toBe(2));
    await new Promise((r) => setTimeout(r, 30));
    expect([screen.text('open'), screen.text('passages')]).toEqual(['Reading centre', 'first']);
    act(() => go());
    await eventually(() => expect(screen.text('open')).toBe('Walk-round'));
    expect(screen.text('passages')).toBe('third');

    // Back to the first (a moment later, as a person clicks: the unseen answer is dropped once no screen shows
    // it, after a zero timeout): asked for afresh, and the answer of the first visit never shown.
    await new Promise((r) => setTimeout(r, 30));
    passagesOf.set('n1', ['first', 'tagged since']);
    go = holdPassages();
    await act(() => actions!.openNote('n1'));
    await eventually(() => expect(core.count('passages.forNote')).toBe(3));
    expect(screen.text('passages')).toBe('third');
    act(() => go());
    await eventually(() => expect(screen.text('open')).toBe('Reading centre'));
    expect(screen.text('passages')).toBe('first, tagged since');
    await answered(core);
    expect(core.count('passages.forNote')).toBe(3);
  });

  it('opens the note when its passages fail, says so, and its editor asks for them again', async () => {
    const { core } = notesCore();
    core.failOnce('passages.forNote', 'The workspace could not be read.');
    await screen.render(<NotesList first="moorfields" />, core);
    await eventually(() => expect(screen.text('open')).toBe('Reading centre'));
    await answered(core);
    expect(screen.text('passages')).toBe('first');
    expect(core.count('passages.forNote')).toBe(2);
    expect(screen.notice()).toContain('The workspace could not be read.');
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
