// @vitest-environment happy-dom
// The engagement list at four times review scale (issue 11): 1,600 engagements, only a window of them in the page,
// and the keyboard reaches the last with its place in the table announced.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engagement } from '../../../shared/domain/engagement';
import { EngagementTable, withIndex } from './EngagementTable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const engagements: Engagement[] = Array.from({ length: 1600 }, (_, i) => ({
  id: `e${i + 1}`,
  title: `Engagement ${i + 1}`,
  type: 'site_visit',
  date: '2018-06-19',
  startTime: null,
  endTime: null,
  place: 'London',
  organisation: `Trust ${i + 1}`,
  panel: '',
  reviewersPresent: [],
  context: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'r1',
  updatedAt: null,
}));

// happy-dom lays nothing out: give the list's scroll box a 600 px view and each row 42 px, as a browser would.
const layout = { clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'), offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight') };
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('engagement-rows') ? 600 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'TR' || this.tagName === 'THEAD' ? 42 : 0;
    },
  });
});
afterAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', layout.clientHeight!);
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', layout.offsetHeight!);
});

let root: Root | null = null;
const container = document.createElement('div');
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

async function render(onOpen: (id: string) => void = () => {}) {
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<EngagementTable engagements={engagements} labelOf={() => 'Site visit'} onOpen={onOpen} />);
    await frame(); // the virtualizer reads the view's size and the rows' after the first paint
  });
}
const frame = () => new Promise((resolve) => setTimeout(resolve, 20));
const press = async (key: string) =>
  act(async () => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await frame(); // the scroll to the row, a frame later
  });
const rows = () => container.querySelectorAll('tbody tr[aria-rowindex]');
const focusedRow = () => document.activeElement?.closest('tr');

describe('the engagement list with 1,600 engagements', () => {
  it('puts only a window of rows in the page, and the keyboard reaches row 1,600 with its index', async () => {
    await render();
    const table = container.querySelector('table')!;
    expect(table.getAttribute('aria-rowcount')).toBe('1601'); // the header row and 1,600 engagements
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(50);
    // One row in the Tab order.
    expect(container.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);

    act(() => container.querySelector<HTMLElement>('.row-link')!.focus());
    await press('End');
    expect(document.activeElement?.textContent).toBe('Engagement 1600');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('1601');
    expect(rows().length).toBeLessThan(50);
    await press('ArrowDown'); // the last stays the last
    expect(document.activeElement?.textContent).toBe('Engagement 1600');
    await press('ArrowUp');
    expect(document.activeElement?.textContent).toBe('Engagement 1599');
    await press('PageUp'); // a page: the rows that fit under the header, less one
    expect(document.activeElement?.textContent).toBe('Engagement 1587');
    await press('Home');
    expect(document.activeElement?.textContent).toBe('Engagement 1');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('2');
    await press('PageDown');
    expect(document.activeElement?.textContent).toBe('Engagement 13');
    expect(container.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
  });

  it('keeps the focused row in the page when the list scrolls far away from it, and Enter opens it', async () => {
    const opened: string[] = [];
    await render((id) => opened.push(id));
    act(() => container.querySelector<HTMLElement>('.row-link')!.focus());
    await press('ArrowDown');
    const scroller = container.querySelector<HTMLElement>('.engagement-rows')!;
    await act(async () => {
      scroller.scrollTop = 42 * 1200;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect([...rows()].some((r) => r.textContent?.startsWith('Engagement 1200'))).toBe(true);
    expect(document.activeElement?.textContent).toBe('Engagement 2');
    expect(rows().length).toBeLessThan(50);
    await act(async () => (document.activeElement as HTMLElement).click());
    expect(opened).toEqual(['e2']);
  });

  it('renders an index out of the window in its place, once', () => {
    expect(withIndex([10, 11, 12], 1599, 1600)).toEqual([10, 11, 12, 1599]);
    expect(withIndex([10, 11, 12], 3, 1600)).toEqual([3, 10, 11, 12]);
    expect(withIndex([10, 11, 12], 11, 1600)).toEqual([10, 11, 12]);
    expect(withIndex([0, 1], 5, 2)).toEqual([0, 1]); // a row the filter took away
  });
});
