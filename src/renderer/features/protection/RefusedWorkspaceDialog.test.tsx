// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { RefusedWorkspaceDialog } from './RefusedWorkspaceDialog';

// The way on from a refused workspace, through the data layer: the refusal read afresh, a failed way on said in the
// dialog, a dismissal told to the core.

const walMismatch = { code: 'WAL_MISMATCH', file: 'review.fieldnotes', newestBackup: null, indexesOnly: false };
const opened = { path: '/reviews/review.fieldnotes', name: 'Topol review' };

function refusedCore() {
  return fakeCore({
    'recovery.get': () => walMismatch,
    'recovery.setLogAside': () => opened,
    'recovery.dismiss': () => null,
  });
}

const screen = new Screen();
afterEach(() => screen.unmount());
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the refused-workspace dialog', () => {
  it('reads the refusal, says a failed way on in place, and opens the file when it works', async () => {
    const core = refusedCore();
    const openedWith: unknown[] = [];
    await screen.render(<RefusedWorkspaceDialog open onClose={() => {}} onOpened={(w) => openedWith.push(w)} />, core);
    // The refusal is read by a plain call (useRead), whose answer React draws once the act() it arrived in is over.
    await answered(core);
    expect(button('Set the log aside and open')).toBeTruthy();
    expect(document.body.textContent).toContain('has a recovery log that is not its own');

    core.failOnce('recovery.setLogAside', 'The log could not be renamed: the folder is read-only.');
    await act(() => button('Set the log aside and open')!.click());
    await eventually(() => expect(document.body.textContent).toContain('The log could not be renamed: the folder is read-only.'));
    expect(screen.notice()).toBe('');
    expect(openedWith).toEqual([]);

    await act(() => button('Set the log aside and open')!.click());
    await eventually(() => expect(openedWith).toEqual([opened]));
  });

  it('Cancel tells the core the refusal is dismissed and closes', async () => {
    const core = refusedCore();
    let closed = 0;
    await screen.render(<RefusedWorkspaceDialog open onClose={() => closed++} onOpened={() => {}} />, core);
    await answered(core);
    await act(() => button('Cancel')!.click());
    await answered(core);
    expect(closed).toBe(1);
    expect(core.count('recovery.dismiss')).toBe(1);
  });
});
