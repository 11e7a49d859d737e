// @vitest-environment happy-dom
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { SEARCH_PAUSE_MS, useSearch } from './useSearch';
import { useThemeView, type ThemeViewRequest } from './useThemeView';

// The theme view's and search's data, on a fake core whose answers name what they were asked.

/** Tagged passages by theme; a theme named "slow" answers only once released, so its answer arrives stale. */
function themeViewCore() {
  const tagged: Record<string, string[]> = { training: ['It takes a year.'], ethics: ['Who is accountable?'] };
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const core = fakeCore({
    'themes.view': async ({ themeIds }: { themeIds: string[] }) => {
      if (themeIds.includes('slow')) await released;
      const quotes = themeIds.flatMap((id) => tagged[id] ?? [`from ${id}`]);
      return { counts: { passages: quotes.length, participants: 1, engagements: 1 }, passages: quotes.map((quotedText, i) => ({ passageId: `p${i}`, quotedText })) };
    },
  });
  return { core, tagged, release };
}

const request = (themeId: string): ThemeViewRequest => ({ themeIds: [themeId], mode: 'any', includeSubthemes: true, filters: {} });

let ask: (themeId: string) => void = () => {};
function ThemeView({ first }: { first: string }) {
  const [themeId, set] = useState(first);
  useEffect(() => void (ask = set), []);
  const view = useThemeView(request(themeId));
  return <p data-id="view">{view.error?.message ?? (view.counts ? view.passages.map((p) => p?.quotedText).join(' | ') : 'loading')}</p>;
}

/** Hits by query; "slow" answers only once released (after a later query's answer). */
function searchCore() {
  const notes = ['Nurses need time to learn.', 'Training takes a year.'];
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const core = fakeCore({
    'search.query': async ({ query, filters }: { query: string; filters: AnalysisFilter }) => {
      if (query === 'slow') await released;
      const words = query.toLowerCase();
      const hits = notes.filter((n) => n.toLowerCase().includes(words) && (!filters.keyQuotesOnly || n.startsWith('Training')));
      return { total: hits.length, hits: hits.map((text) => ({ source: { noteId: text }, snippet: [{ text, match: false }], places: [] })) };
    },
  });
  return { core, notes, release };
}

let type: (text: string) => void = () => {};
function Search({ first, filters = {} }: { first: string; filters?: AnalysisFilter }) {
  const [text, set] = useState(first);
  useEffect(() => void (type = set), []);
  const found = useSearch(text, filters);
  const shown = found.error?.message ?? (found.loading ? 'searching' : `${found.total}: ${found.hits.map((h) => h.source.noteId).join(' | ')}`);
  return <p data-id="search">{`${found.query} → ${shown}`}</p>;
}

/**
 * Let the typing pause pass. Its timer is due before this one, so it has fired when this ends; and it must end
 * outside the wait for the screen, since React draws a plain timer's update only when that act() is over.
 */
const pauseTyping = () => act(() => new Promise((r) => setTimeout(r, SEARCH_PAUSE_MS + 20)));


const screen = new Screen();
afterEach(() => screen.unmount());

describe('useThemeView', () => {
  it('refreshes when the core announces a tag made elsewhere (Search, the note)', async () => {
    const { core, tagged } = themeViewCore();
    await screen.render(<ThemeView first="training" />, core);
    await eventually(() => expect(screen.text('view')).toBe('It takes a year.'));
    tagged.training!.push('Radiographers go first.');
    act(() => core.announce('passages.tag'));
    await eventually(() => expect(screen.text('view')).toBe('It takes a year. | Radiographers go first.'));
  });

  it('drops a stale answer: the view shows the latest request, not the slow one before it', async () => {
    const { core, release } = themeViewCore();
    await screen.render(<ThemeView first="slow" />, core);
    act(() => ask('ethics'));
    await eventually(() => expect(screen.text('view')).toBe('Who is accountable?'));
    release();
    await answered(core);
    expect(core.count('themes.view')).toBe(2);
    expect(screen.text('view')).toBe('Who is accountable?');
  });

  it('shows its failure in place, and not also in the failure notice', async () => {
    const { core } = themeViewCore();
    core.failOnce('themes.view', 'The workspace could not be read.');
    await screen.render(<ThemeView first="training" />, core);
    await eventually(() => expect(screen.text('view')).toBe('The workspace could not be read.'));
    await answered(core);
    expect(screen.notice()).toBe('');
  });
});

describe('useSearch', () => {
  it('asks nothing for an empty box, and refreshes its hits when the core announces an edit elsewhere', async () => {
    const { core, notes } = searchCore();
    await screen.render(<Search first="   " />, core);
    await answered(core);
    expect(core.count('search.query')).toBe(0);
    expect(screen.text('search')).toBe(' → 0: ');
    act(() => type('year'));
    await pauseTyping();
    await eventually(() => expect(screen.text('search')).toBe('year → 1: Training takes a year.'));
    notes.push('A year of study.');
    act(() => core.announce('imports.note'));
    await eventually(() => expect(screen.text('search')).toBe('year → 2: Training takes a year. | A year of study.'));
  });

  it('drops a stale answer: the hits are the latest query’s, not the slow one before it', async () => {
    const { core, release } = searchCore();
    await screen.render(<Search first="slow" />, core);
    await pauseTyping();
    expect(core.count('search.query')).toBe(1);
    act(() => type('nurses'));
    await pauseTyping();
    await eventually(() => expect(screen.text('search')).toBe('nurses → 1: Nurses need time to learn.'));
    release();
    await answered(core);
    expect(core.count('search.query')).toBe(2);
    expect(screen.text('search')).toBe('nurses → 1: Nurses need time to learn.');
  });

  it('shows its failure in place, and not also in the failure notice', async () => {
    const { core } = searchCore();
    core.failOnce('search.query', 'Search could not read the index.');
    await screen.render(<Search first="year" />, core);
    await pauseTyping();
    await eventually(() => expect(screen.text('search')).toBe('year → Search could not read the index.'));
    await answered(core);
    expect(screen.notice()).toBe('');
  });
});
