import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { AgreementDifference, AgreementFigures, AgreementResult, Coder } from '../../../shared/domain/agreement';
import { FieldnotesError } from '../../../shared/rpc/result';
import { codedNotes, coders, codingsBy, notePlainText, themeNames, type CodingRow } from '../store/codings';
import {
  addCounts,
  agreementFigures,
  countUnits,
  difference,
  emptyCounts,
  overlapping,
  union,
  type AgreementCounts,
  type Span,
} from './agreementMath';
import { reviewersById } from '../store/reviewers';

export type AgreementInput = ParsedInput<'agreement.get'>;

export function listCoders(db: Database.Database): Coder[] {
  return coders(db);
}

interface Tally {
  counts: AgreementCounts;
  passagesA: number;
  passagesB: number;
  overlappingA: number;
  overlappingB: number;
}

const emptyTally = (): Tally => ({ counts: emptyCounts(), passagesA: 0, passagesB: 0, overlappingA: 0, overlappingB: 0 });

function figures(tally: Tally): AgreementFigures {
  return { ...agreementFigures(tally.counts), counts: tally.counts, ...passageFigures(tally) };
}

const passageFigures = ({ passagesA, passagesB, overlappingA, overlappingB }: Tally) => ({ passagesA, passagesB, overlappingA, overlappingB });

const spansOf = (rows: readonly CodingRow[]): Span[] => rows.map((r) => ({ start: r.start_offset, end: r.end_offset }));

/**
 * Agreement between reviewers a and b over the notes both tagged: per theme
 * and pooled, at the character level (code points) and per passage.
 */
export function computeAgreement(db: Database.Database, input: AgreementInput): AgreementResult {
  const reviewers = reviewersById(db);
  const a = reviewers.get(input.a);
  const b = reviewers.get(input.b);
  if (!a || !b) throw new FieldnotesError('NOT_FOUND', 'That reviewer is not recorded in this workspace. Choose from the list.');
  const leaveOutUncoded = input.leaveOutUncoded ?? true;
  const limit = input.differencesLimit ?? 500;
  const chosenThemes = input.themeIds ? new Set(input.themeIds) : null;

  const byNote = new Map<string, CodingRow[]>();
  for (const row of codingsBy(db, a.id, b.id)) {
    const list = byNote.get(row.note_id);
    if (list) list.push(row);
    else byNote.set(row.note_id, [row]);
  }
  const shared = [...byNote.entries()]
    .filter(([, rows]) => rows.some((r) => r.tagged_by === a.id) && rows.some((r) => r.tagged_by === b.id))
    .map(([id]) => id);
  const notes = codedNotes(db, shared);

  const tallies = new Map<string, Tally>();
  const differences: Omit<AgreementDifference, 'text' | 'themeName'>[] = [];
  let differenceCount = 0;
  for (const note of notes) {
    const rows = byNote.get(note.id)!;
    // Units: every character of the note, or only what either reviewer coded with any theme.
    const units = leaveOutUncoded ? union(spansOf(rows)) : [{ start: 0, end: note.length }];
    const themes = new Set(rows.map((r) => r.theme_id).filter((id) => !chosenThemes || chosenThemes.has(id)));
    for (const themeId of themes) {
      const ofA = spansOf(rows.filter((r) => r.theme_id === themeId && r.tagged_by === a.id));
      const ofB = spansOf(rows.filter((r) => r.theme_id === themeId && r.tagged_by === b.id));
      const tally = tallies.get(themeId) ?? emptyTally();
      tallies.set(themeId, tally);
      addCounts(tally.counts, countUnits(units, ofA, ofB));
      tally.passagesA += ofA.length;
      tally.passagesB += ofB.length;
      tally.overlappingA += overlapping(ofA, ofB);
      tally.overlappingB += overlapping(ofB, ofA);
      const unionA = union(ofA);
      const unionB = union(ofB);
      for (const [codedBy, spans] of [['a', difference(unionA, unionB)], ['b', difference(unionB, unionA)]] as const) {
        for (const span of spans) {
          differenceCount++;
          if (differences.length < limit) {
            differences.push({ noteId: note.id, noteTitle: note.title, engagementId: note.engagement_id, themeId, codedBy, ...span });
          }
        }
      }
    }
  }

  const names = themeNames(db, [...tallies.keys()]);
  const overall = emptyTally();
  for (const tally of tallies.values()) {
    addCounts(overall.counts, tally.counts);
    overall.passagesA += tally.passagesA;
    overall.passagesB += tally.passagesB;
    overall.overlappingA += tally.overlappingA;
    overall.overlappingB += tally.overlappingB;
  }
  const themes = [...tallies.entries()]
    .map(([themeId, tally]) => ({ themeId, themeName: names.get(themeId) ?? themeId, ...figures(tally) }))
    .sort((x, y) => x.themeName.localeCompare(y.themeName, 'en-GB'));

  differences.sort((x, y) => x.noteTitle.localeCompare(y.noteTitle, 'en-GB') || x.noteId.localeCompare(y.noteId) || x.start - y.start);
  const texts = new Map<string, string[]>();
  const quoted = differences.map((d) => {
    let chars = texts.get(d.noteId);
    if (!chars) {
      chars = Array.from(notePlainText(db, d.noteId));
      texts.set(d.noteId, chars);
    }
    return { ...d, themeName: names.get(d.themeId) ?? d.themeId, text: chars.slice(d.start, d.end).join('') };
  });

  return {
    a,
    b,
    notes: notes.length,
    units: leaveOutUncoded ? 'coded' : 'all',
    overall: figures(overall),
    themes,
    differences: quoted,
    differenceCount,
  };
}
