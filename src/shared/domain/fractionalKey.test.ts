import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFractionalKey, keyAfter, keyAt, keyBetween } from './fractionalKey';

describe('fractional keys', () => {
  it('puts a key between two neighbours, at either end, and after the last', () => {
    expect(keyBetween(null, null)).toBe('1');
    expect(keyBetween('a', 'b')).toBe('a1');
    expect(keyBetween('a', 'c')).toBe('b');
    expect(keyBetween('a', 'a1')).toBe('a01');
    expect(keyAfter('z')).toBe('z1');
    expect(keyAfter('a')).toBe('b');
    expect(keyBetween(null, '1')).toBe('01');
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/);
    expect(() => keyBetween('a0', null)).toThrow(/Not an order key/);
  });

  it('always finds room: any sequence of inserts keeps keys valid, distinct and in the intended order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (choices) => {
        const list: string[] = [];
        for (const choice of choices) {
          const index = choice % (list.length + 1);
          const key = keyAt(list, index);
          list.splice(index, 0, key);
        }
        for (const key of list) expect(isFractionalKey(key)).toBe(true);
        const sorted = [...list].sort();
        expect(list).toEqual(sorted);
        expect(new Set(list).size).toBe(list.length);
      }),
    );
  });

  it('puts an item among equal keys just after them, rather than throwing', () => {
    // Tied keys can be in a workspace merged before the merge settled order keys.
    const keys = ['a', 'b', 'b', 'c'];
    const between = keyAt(keys, 2);
    expect(between > 'b' && between < 'c').toBe(true);
    expect(keyAt(keys, 1) > 'a' && keyAt(keys, 1) < 'b').toBe(true);
    const atEnd = keyAt(['a', 'a'], 1);
    expect(atEnd > 'a').toBe(true);
  });

  it('stays short when items are appended one after another', () => {
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) last = keyAfter(last);
    expect(last!.length).toBeLessThan(40);
  });
});
