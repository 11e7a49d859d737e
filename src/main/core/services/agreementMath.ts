/**
 * Inter-coder agreement at the character level (issue 10), as pure functions
 * over code-point ranges so they can be checked by hand.
 *
 * For one theme in one note, each character is a unit: coded by both
 * reviewers, by one of them, or by neither. Percent agreement is the share of
 * units both treated alike; Cohen's kappa discounts the agreement expected by
 * chance from each reviewer's own rate. Counting every untagged character as
 * agreement inflates kappa (QualCoder #667), so the units can be limited to the
 * text that either reviewer coded with any theme.
 */

/** A half-open range [start, end) of code points. */
export interface Span {
  start: number;
  end: number;
}

export interface AgreementCounts {
  /** Units both reviewers coded with the theme. */
  both: number;
  onlyA: number;
  onlyB: number;
  /** Units neither coded with the theme (within the units counted). */
  neither: number;
}

export const emptyCounts = (): AgreementCounts => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });

export function addCounts(into: AgreementCounts, more: AgreementCounts): AgreementCounts {
  into.both += more.both;
  into.onlyA += more.onlyA;
  into.onlyB += more.onlyB;
  into.neither += more.neither;
  return into;
}

/** Sorted, disjoint, non-empty spans covering exactly what the given spans cover. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

export const totalLength = (spans: readonly Span[]): number => spans.reduce((sum, s) => sum + (s.end - s.start), 0);

/** The spans both of two unions cover (each argument sorted and disjoint, as `union` gives). */
export function intersection(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The spans of `a` that `b` does not cover (both sorted and disjoint). */
export function difference(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const span of a) {
    let start = span.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < span.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      k++;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/**
 * The four counts for one theme in one note. `units` is what is counted: the
 * whole note, or only the text either reviewer coded with any theme. Both
 * reviewers' spans are clipped to the units.
 */
export function countUnits(units: readonly Span[], codedA: readonly Span[], codedB: readonly Span[]): AgreementCounts {
  const u = union(units);
  const a = intersection(union(codedA), u);
  const b = intersection(union(codedB), u);
  const both = totalLength(intersection(a, b));
  const lengthA = totalLength(a);
  const lengthB = totalLength(b);
  return { both, onlyA: lengthA - both, onlyB: lengthB - both, neither: totalLength(u) - lengthA - lengthB + both };
}

export interface AgreementFigures {
  units: number;
  /** 0–1, or null when there is nothing to count. */
  percent: number | null;
  /** Cohen's kappa, or null where it is undefined (both reviewers constant and different). */
  kappa: number | null;
}

/** Percent agreement and Cohen's kappa from the four counts. */
export function agreementFigures(counts: AgreementCounts): AgreementFigures {
  const n = counts.both + counts.onlyA + counts.onlyB + counts.neither;
  if (n === 0) return { units: 0, percent: null, kappa: null };
  const observed = (counts.both + counts.neither) / n;
  const rateA = (counts.both + counts.onlyA) / n;
  const rateB = (counts.both + counts.onlyB) / n;
  const expected = rateA * rateB + (1 - rateA) * (1 - rateB);
  // Both reviewers constant: chance explains everything. Identical codings agree perfectly; otherwise undefined.
  if (expected >= 1 - 1e-12) return { units: n, percent: observed, kappa: observed === 1 ? 1 : null };
  return { units: n, percent: observed, kappa: (observed - expected) / (1 - expected) };
}

/** How many of `mine` overlap (by at least one code point) some span of `theirs`. */
export function overlapping(mine: readonly Span[], theirs: readonly Span[]): number {
  return mine.filter((m) => theirs.some((t) => Math.min(m.end, t.end) > Math.max(m.start, t.start))).length;
}
