// @vitest-environment happy-dom
// A theme's page after "Put back" in its history (issue 10): the form shows the value put back, and a field the
// person is still editing keeps what they typed. And its colour, chosen by hand from the palette or typed (issue 11).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { themeListItem } from './testThemes';
import { ThemeDetail } from './ThemeDetail';
import { useCodebook } from './useCodebook';

const nothing = () => {};

/** The themes area's detail pane, reduced to one theme from the codebook query (so the core's changes reach it). */
function ThemePage() {
  const theme = useCodebook().themes?.[0];
  if (!theme) return null;
  return (
    <ThemeDetail
      theme={theme}
      path={[theme.name]}
      nameRef={null}
      onSaved={nothing}
      onMerge={nothing}
      onMoveTo={nothing}
      onShowPassages={nothing}
      moveShortcut="Alt+M"
      onDelete={nothing}
      deleteShortcut="Delete"
    />
  );
}

/** The theme AI as the codebook lists it. */
const themeRow = () => themeListItem('ai', 'AI');

/** Ada's definition lost to Grace's later one in a merge; the core puts it back as the real one does. */
function mergedTheme() {
  const theme: ThemeListItem = { ...themeRow(), definition: 'Grace: any use of AI.' };
  const entry: HistoryEntry = {
    id: 'h1',
    column: 'definition',
    value: 'Ada: AI in clinical care.',
    keptValue: theme.definition,
    changedBy: 'Ada Lovelace',
    changedAt: '2026-01-02T10:00:00.000Z',
    mergedAt: '2026-01-03T10:00:00.000Z',
    restoredAt: null,
  };
  return fakeCore({
    'themes.list': () => [{ ...theme }],
    'history.get': () => ({ label: theme.name, kind: 'Theme', entries: [{ ...entry }] }),
    'history.restore': () => {
      theme.definition = entry.value;
      entry.restoredAt = '2026-01-04T10:00:00.000Z';
      return { ...entry };
    },
  });
}

const field = (label: string) => {
  const id = [...document.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor;
  return document.getElementById(id) as HTMLTextAreaElement | HTMLInputElement;
};

/** Type into a field as the browser would: React's onChange listens for input events. */
async function type(element: HTMLTextAreaElement | HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const screen = new Screen();
afterEach(() => screen.unmount());

describe('a theme’s page and its history', () => {
  it('shows the definition put back, and keeps what the person is typing in another field', async () => {
    await screen.render(<ThemePage />, mergedTheme());
    await eventually(() => expect(field('Definition').value).toBe('Grace: any use of AI.'));
    await type(field('Exclusions'), 'Not robotics.');

    const putBack = () => [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Put back'));
    await eventually(() => expect(putBack()).toBeDefined());
    await act(async () => putBack()!.click());

    await eventually(() => expect(field('Definition').value).toBe('Ada: AI in clinical care.'));
    expect(field('Exclusions').value).toBe('Not robotics.');
    await eventually(() => expect(document.querySelector('.record-history')?.textContent).toContain('Put back 04/01/2026'));
  });
});

/** One theme whose colour the person changes by hand; the core keeps what it is sent, as the real one does. */
function themeToColour() {
  const theme = { ...themeRow(), colour: '#1F77B4' };
  const sent: unknown[] = [];
  const lists = { count: 0 };
  const core = fakeCore({
    'themes.list': () => {
      lists.count++;
      return [{ ...theme }];
    },
    'history.get': () => ({ label: theme.name, kind: 'Theme', entries: [] }),
    'themes.update': (input: { colour: string }) => {
      sent.push(input);
      theme.colour = input.colour.toUpperCase();
      return { ...theme };
    },
  });
  return { core, sent, theme, lists };
}

const saveTheme = () => act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save theme')!.click());

describe('a theme’s colour, chosen by hand (issue 11)', () => {
  it('takes a named palette colour, or any #RRGGBB typed in, and saves it', async () => {
    const { core, sent, theme, lists } = themeToColour();
    await screen.render(<ThemePage />, core);
    const choice = (name: string) => [...document.querySelectorAll('label.colour-choice')].find((l) => l.textContent === name)!.querySelector('input')!;
    await eventually(() => expect(choice('Blue').checked).toBe(true));

    await act(async () => choice('Orange').click());
    const listed = lists.count;
    await saveTheme();
    await eventually(() => expect(theme.colour).toBe('#FF7F0E'));
    expect(sent).toEqual([expect.objectContaining({ id: 'ai', colour: '#FF7F0E' })]);
    await eventually(() => expect(choice('Orange').checked).toBe(true));
    // The codebook is read again after a save; typing before that answer lands would race the form's reset to it.
    await eventually(() => expect(lists.count).toBeGreaterThan(listed));
    await act(async () => {});

    await type(field('Or any colour (#RRGGBB)'), '#12ab9c');
    expect(document.querySelector('.colour-hex .hint')?.textContent).toBe('Custom #12AB9C');
    await saveTheme();
    await eventually(() => expect(theme.colour).toBe('#12AB9C'));
    expect(sent.at(-1)).toEqual(expect.objectContaining({ colour: '#12AB9C' }));
    expect([...document.querySelectorAll<HTMLInputElement>('label.colour-choice input')].some((i) => i.checked)).toBe(false);
  });
});

/**
 * One theme whose codebook re-read the test holds back: what the person types between pressing Save and the
 * re-read's answer is what a form reset would wipe. `themes.update` keeps what it is sent, as the real core does.
 */
function heldReread() {
  const theme = { ...themeRow(), colour: '#1F77B4' };
  let release: (() => void) | null = null;
  const held = { on: false, waiting: 0 };
  const core = fakeCore({
    'themes.list': async () => {
      if (held.on) {
        held.waiting++;
        await new Promise<void>((r) => (release = r));
      }
      return [{ ...theme }];
    },
    'history.get': () => ({ label: theme.name, kind: 'Theme', entries: [] }),
    'themes.update': (input: Partial<ThemeListItem>) => {
      Object.assign(theme, input, { colour: input.colour!.toUpperCase() });
      return { ...theme };
    },
  });
  return {
    core,
    theme,
    hold: () => (held.on = true),
    /** Wait until the screen has asked for the codebook again, then answer it with what is stored now. */
    answer: async () => {
      await eventually(() => expect(held.waiting).toBeGreaterThan(0));
      held.on = false;
      await act(async () => release!());
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    },
  };
}

const button = (text: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('typing right after Save (issue 11)', () => {
  it('keeps what the person typed before the codebook’s re-read lands, even a field set back to its old value', async () => {
    const { core, theme, hold, answer } = heldReread();
    await screen.render(<ThemePage />, core);
    await eventually(() => expect(field('Short code').value).toBe(''));
    await type(field('Short code'), 'AI-IMG');

    hold();
    await saveTheme();
    await eventually(() => expect(theme.code).toBe('AI-IMG'));
    // Before the re-read answers: the person clears the code again and starts a definition.
    await type(field('Short code'), '');
    await type(field('Definition'), 'Any use of AI');
    await answer();

    expect(field('Short code').value).toBe('');
    expect(field('Definition').value).toBe('Any use of AI');
    // Both differ from what is stored, so they are unsaved, and Save sends them.
    expect(button('Save theme').disabled).toBe(false);
    await saveTheme();
    await eventually(() => expect(theme.definition).toBe('Any use of AI'));
    expect(theme.code).toBeNull();
  });

  it('keeps a colour being typed when the stored one changes elsewhere', async () => {
    const { core, theme } = heldReread();
    await screen.render(<ThemePage />, core);
    await eventually(() => expect(field('Or any colour (#RRGGBB)').value).toBe('#1F77B4'));
    await type(field('Or any colour (#RRGGBB)'), '#12a');

    // Another window gives the theme another colour; the codebook is read again.
    theme.colour = '#FF7F0E';
    await act(async () => core.announce('themes.update'));
    await answered(core);

    expect(field('Or any colour (#RRGGBB)').value).toBe('#12a');
  });

  it('keeps the typing of a save that failed when the stored values change', async () => {
    const { core, theme } = heldReread();
    await screen.render(<ThemePage />, core);
    await eventually(() => expect(field('Definition').value).toBe(''));
    await type(field('Definition'), 'Any use of AI');
    core.failOnce('themes.update', 'The disk is full.');
    await saveTheme();
    await eventually(() => expect(document.body.textContent).toContain('The disk is full.'));

    theme.name = 'Artificial intelligence';
    await act(async () => core.announce('themes.update'));
    await eventually(() => expect(field('Name').value).toBe('Artificial intelligence'));
    expect(field('Definition').value).toBe('Any use of AI');
  });
});
