import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementFigures, countUnits, difference, intersection, overlapping, union, type Span } from './agreementMath';

const s = (start: number, end: number): Span => ({ start, end });

describe('spans', () => {
  it('unions overlapping and touching spans and drops empty ones', () => {
    expect(union([s(5, 8), s(0, 2), s(1, 3), s(3, 4), s(9, 9)])).toEqual([s(0, 4), s(5, 8)]);
  });

  it('intersects and subtracts sorted unions', () => {
    const a = [s(0, 4), s(6, 10)];
    const b = [s(2, 7), s(9, 12)];
    expect(intersection(a, b)).toEqual([s(2, 4), s(6, 7), s(9, 10)]);
    expect(difference(a, b)).toEqual([s(0, 2), s(7, 9)]);
    expect(difference(b, a)).toEqual([s(4, 6), s(10, 12)]);
  });
});

describe('agreement figures, against kappas computed by hand', () => {
  it('the textbook table: 20 both, 5 only A, 10 only B, 15 neither gives 70% and kappa 0.4', () => {
    const figures = agreementFigures({ both: 20, onlyA: 5, onlyB: 10, neither: 15 });
    expect(figures.units).toBe(50);
    expect(figures.percent).toBeCloseTo(0.7, 10);
    // po = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2 / 0.5
    expect(figures.kappa).toBeCloseTo(0.4, 10);
  });

  it('two half-overlapping codings in a ten-character note: whole note vs coded text only', () => {
    // A codes [0,4), B codes [2,6): 2 both, 2 only A, 2 only B, 4 neither.
    const whole = countUnits([s(0, 10)], [s(0, 4)], [s(2, 6)]);
    expect(whole).toEqual({ both: 2, onlyA: 2, onlyB: 2, neither: 4 });
    // po = 0.6; pe = 0.4·0.4 + 0.6·0.6 = 0.52; kappa = 0.08 / 0.48 = 1/6
    expect(agreementFigures(whole).kappa).toBeCloseTo(1 / 6, 10);

    // Leaving out the text neither coded: units [0,6). po = 1/3; pe = (4/6)² + (2/6)² = 5/9; kappa = -0.5
    const coded = countUnits([s(0, 6)], [s(0, 4)], [s(2, 6)]);
    expect(coded).toEqual({ both: 2, onlyA: 2, onlyB: 2, neither: 0 });
    expect(agreementFigures(coded).percent).toBeCloseTo(1 / 3, 10);
    expect(agreementFigures(coded).kappa).toBeCloseTo(-0.5, 10);
  });

  it('identical codings agree perfectly, even when chance would explain them', () => {
    expect(agreementFigures(countUnits([s(0, 10)], [s(2, 5)], [s(2, 5)])).kappa).toBe(1);
    expect(agreementFigures({ both: 7, onlyA: 0, onlyB: 0, neither: 0 }).kappa).toBe(1);
    expect(agreementFigures({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toEqual({ units: 0, percent: null, kappa: null });
  });

  it('counts how many passages overlap the other reviewer’s', () => {
    expect(overlapping([s(0, 3), s(5, 8), s(10, 12)], [s(2, 6)])).toBe(2);
    expect(overlapping([s(0, 3)], [s(3, 6)])).toBe(0);
  });
});

const spanArb = (length: number) =>
  fc.tuple(fc.nat(length), fc.nat(length)).map(([x, y]) => s(Math.min(x, y), Math.max(x, y)));
const codingArb = (length: number) => fc.array(spanArb(length), { maxLength: 6 });

describe('agreement properties', () => {
  it('identical tagging gives kappa 1, and swapping the reviewers changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).chain((length) => fc.tuple(fc.constant(length), codingArb(length), codingArb(length))),
        ([length, a, b]) => {
        const units = [s(0, length)];
        const same = agreementFigures(countUnits(units, a, a));
        expect(same.kappa).toBe(1);
        expect(same.percent).toBe(1);
        const ab = countUnits(units, a, b);
        const ba = countUnits(units, b, a);
        expect(ba).toEqual({ both: ab.both, onlyA: ab.onlyB, onlyB: ab.onlyA, neither: ab.neither });
        expect(agreementFigures(ba)).toEqual(agreementFigures(ab));
        expect(ab.both + ab.onlyA + ab.onlyB + ab.neither).toBe(length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a union, its intersection and difference partition the covered text', () => {
    fc.assert(
      fc.property(codingArb(100), codingArb(100), (a, b) => {
        const ua = union(a);
        const ub = union(b);
        const covered = (spans: Span[]) => {
          const set = new Set<number>();
          for (const x of spans) for (let i = x.start; i < x.end; i++) set.add(i);
          return set;
        };
        const ca = covered(ua);
        const cb = covered(ub);
        expect(covered(intersection(ua, ub))).toEqual(new Set([...ca].filter((i) => cb.has(i))));
        expect(covered(difference(ua, ub))).toEqual(new Set([...ca].filter((i) => !cb.has(i))));
      }),
      { numRuns: 300 },
    );
  });
});
