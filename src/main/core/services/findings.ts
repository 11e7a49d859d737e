import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/methods';
import type Database from 'better-sqlite3';
import type {
  CerqualInput,
  Finding,
  FindingPassage,
  FindingRef,
  FindingsByTheme,
  FindingSummary,
  FindingUpdate,
  NewFinding,
} from '../../../shared/domain/finding';
import { keyAfter, keyAt } from '../../../shared/domain/fractionalKey';
import { FieldnotesError } from '../../../shared/rpc/result';
import {
  deleteEvidence,
  deleteFindingRow,
  evidenceRows,
  findingPositions,
  findingRows,
  findingsCitingPassages,
  findingsUnderThemes,
  insertEvidence,
  insertFinding,
  lastEvidencePosition,
  lastFindingPosition,
  requireFinding,
  setFindingThemes,
  themesOfFindings,
  updateFindingRow,
  writeAssessment,
  type EvidenceRow,
  type FindingRow,
} from '../store/findings';
import { recommendationsCiting } from '../store/recommendations';
import { evidenceSpread, findingWarnings } from './findingEvidence';
import { getPassage } from './passages';
import { authorship, reviewerOf, reviewersById } from '../store/reviewers';
import { listThemes } from './themes';
import { getThemeRow, subtreeIds } from '../store/themes';
import { sourceRef, speakerOf, type SourceRow } from '../store/sources';
import { unknownSpeakersOf, type PassageSpeakerRow } from './unknownSpeakers';

/**
 * Findings (issue 8): a statement under one or more themes, the passages that
 * support it, a status and a GRADE-CERQual assessment. Every write is one
 * transaction and answers with the finding as it now stands.
 */

const now = () => new Date().toISOString();

function toEvidence(row: EvidenceRow, reviewers: ReturnType<typeof reviewersById>, unknownSpeakers: ReadonlyMap<string, string>): FindingPassage {
  const deleted = row.exists_ === null;
  return {
    passageId: row.passage_id,
    state: deleted ? 'deleted' : row.detached === 1 ? 'detached' : 'attached',
    quotedText: deleted ? row.snapshot : row.quoted_text!,
    // A passage that still exists has its note and engagement (foreign keys), so its source columns are filled.
    source: deleted ? null : sourceRef(row as SourceRow),
    participant: deleted ? null : speakerOf(row),
    unknownSpeaker: unknownSpeakers.get(row.passage_id) ?? null,
    keyQuote: row.key_quote === 1,
    memo: row.memo ?? '',
    themeIds: row.theme_ids ? (JSON.parse(row.theme_ids) as string[]) : [],
    addedAt: row.added_at,
    addedBy: reviewerOf(reviewers, row.added_by),
  };
}

/** A supporting passage that still exists, as unknownSpeakersOf asks about it. */
const passageSpeaker = (e: EvidenceRow): PassageSpeakerRow[] =>
  e.exists_ === null
    ? []
    : [{ id: e.passage_id, note_id: e.note_id!, start_offset: e.start_offset!, participant_id: e.participant_id, speaker_set_by_hand: e.speaker_set_by_hand!, detached: e.detached! }];

const assessed = (row: FindingRow) => row.assessed_at !== null;

/** Whole findings (evidence, assessment, citations) for these rows, in the rows' order, in a handful of queries. */
function buildFindings(db: Database.Database, rows: FindingRow[]): Finding[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reviewers = reviewersById(db);
  const themes = themesOfFindings(db, ids);
  const evidence = evidenceRows(db, ids);
  const unknownSpeakers = unknownSpeakersOf(db, evidence.flatMap(passageSpeaker));
  const byFinding = new Map<string, FindingPassage[]>();
  for (const e of evidence) {
    byFinding.set(e.finding_id, [...(byFinding.get(e.finding_id) ?? []), toEvidence(e, reviewers, unknownSpeakers)]);
  }
  const citations = new Map<string, Finding['citedBy']>();
  for (const c of recommendationsCiting(db, ids)) {
    citations.set(c.finding_id, [...(citations.get(c.finding_id) ?? []), { id: c.id, number: c.number, groupId: c.group_id }]);
  }
  return rows.map((row) => {
    const passages = byFinding.get(row.id) ?? [];
    const spread = evidenceSpread(passages);
    return {
      id: row.id,
      number: row.number,
      statement: row.statement,
      status: row.status,
      themeIds: themes.get(row.id) ?? [],
      position: row.position,
      confidence: row.confidence,
      spread,
      warnings: findingWarnings(row.number, spread, assessed(row), passages),
      ...authorship(row, reviewers),
      cerqual: {
        methodological: { concern: row.methodological_concern, note: row.methodological_note },
        coherence: { concern: row.coherence_concern, note: row.coherence_note },
        adequacy: { concern: row.adequacy_concern, note: row.adequacy_note },
        relevance: { concern: row.relevance_concern, note: row.relevance_note },
        confidence: row.confidence,
        explanation: row.confidence_explanation,
        assessedAt: row.assessed_at,
        assessedBy: row.assessed_by ? reviewerOf(reviewers, row.assessed_by) : null,
      },
      passages,
      citedBy: citations.get(row.id) ?? [],
    };
  });
}

export function getFinding(db: Database.Database, id: string): Finding {
  return buildFindings(db, [requireFinding(db, id)])[0]!;
}

const summaryOf = (f: Finding): FindingSummary => ({
  id: f.id,
  number: f.number,
  statement: f.statement,
  status: f.status,
  themeIds: f.themeIds,
  position: f.position,
  confidence: f.confidence,
  spread: f.spread,
  warnings: f.warnings,
  createdAt: f.createdAt,
  createdBy: f.createdBy,
  updatedAt: f.updatedAt,
  updatedBy: f.updatedBy,
});

/** Findings in order; with a theme, those filed under it (or, by default, under any of its sub-themes). */
export function listFindings(db: Database.Database, input: Partial<ParsedInput<'findings.list'>> = {}): FindingSummary[] {
  let ids: string[] | undefined;
  if (input.themeId) {
    getThemeRow(db, input.themeId);
    ids = findingsUnderThemes(db, input.includeSubthemes === false ? [input.themeId] : subtreeIds(db, input.themeId));
  }
  return buildFindings(db, findingRows(db, ids)).map(summaryOf);
}

/** Every finding with its evidence, grouped under the theme it is reported under (its first), in codebook order. */
export function findingsByTheme(db: Database.Database): FindingsByTheme {
  const findings = buildFindings(db, findingRows(db));
  const byTheme = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const key = f.themeIds[0] ?? null;
    byTheme.set(key, [...(byTheme.get(key) ?? []), f]);
  }
  const out: FindingsByTheme = [];
  for (const theme of listThemes(db)) {
    const group = byTheme.get(theme.id);
    if (group) out.push({ theme: { id: theme.id, name: theme.name, depth: theme.depth, colour: theme.colour }, findings: group });
  }
  const unfiled = byTheme.get(null);
  if (unfiled) out.push({ theme: null, findings: unfiled });
  return out;
}

function requireThemes(db: Database.Database, themeIds: readonly string[]): string[] {
  const unique = [...new Set(themeIds)];
  for (const id of unique) getThemeRow(db, id);
  return unique;
}

function addEvidence(db: Database.Database, findingId: string, passageIds: readonly string[], reviewerId: string, at: string): number {
  let last = lastEvidencePosition(db, findingId);
  let added = 0;
  for (const passageId of new Set(passageIds)) {
    const passage = getPassage(db, passageId);
    const position = keyAfter(last);
    if (insertEvidence(db, { findingId, passageId, position, quotedText: passage.quotedText, reviewerId, now: at })) {
      last = position;
      added++;
    }
  }
  return added;
}

export function createFinding(db: Database.Database, input: NewFinding, reviewerId: string): Finding {
  return db.transaction(() => {
    const id = randomUUID();
    const at = now();
    const themeIds = requireThemes(db, input.themeIds);
    insertFinding(db, { id, statement: input.statement, status: input.status, position: keyAfter(lastFindingPosition(db)), reviewerId, now: at });
    setFindingThemes(db, id, themeIds);
    addEvidence(db, id, input.passageIds, reviewerId, at);
    return getFinding(db, id);
  })();
}

export function updateFinding(db: Database.Database, input: FindingUpdate, reviewerId: string): Finding {
  return db.transaction(() => {
    requireFinding(db, input.id);
    updateFindingRow(db, input.id, { statement: input.statement, status: input.status }, reviewerId, now());
    if (input.themeIds) setFindingThemes(db, input.id, requireThemes(db, input.themeIds));
    return getFinding(db, input.id);
  })();
}

export function assessFinding(db: Database.Database, id: string, cerqual: CerqualInput, reviewerId: string): Finding {
  return db.transaction(() => {
    requireFinding(db, id);
    writeAssessment(db, id, cerqual, reviewerId, now());
    return getFinding(db, id);
  })();
}

export function addFindingPassages(db: Database.Database, id: string, passageIds: readonly string[], reviewerId: string): Finding {
  return db.transaction(() => {
    requireFinding(db, id);
    const at = now();
    if (addEvidence(db, id, passageIds, reviewerId, at) > 0) updateFindingRow(db, id, {}, reviewerId, at);
    return getFinding(db, id);
  })();
}

export function removeFindingPassage(db: Database.Database, id: string, passageId: string, reviewerId: string): Finding {
  return db.transaction(() => {
    requireFinding(db, id);
    if (!deleteEvidence(db, id, passageId)) {
      throw new FieldnotesError('NOT_FOUND', 'That passage no longer supports this finding; the finding has been reloaded.');
    }
    updateFindingRow(db, id, {}, reviewerId, now());
    return getFinding(db, id);
  })();
}

/** Put a finding at `index` in the order of all findings (0: first). */
export function moveFinding(db: Database.Database, id: string, index: number, reviewerId: string): Finding {
  return db.transaction(() => {
    requireFinding(db, id);
    updateFindingRow(db, id, { position: keyAt(findingPositions(db, id), index) }, reviewerId, now());
    return getFinding(db, id);
  })();
}

/** What deleting a finding would undo: the recommendations that cite it, so the screen can say so first. */
export function previewFindingDelete(db: Database.Database, id: string): { recommendations: number[] } {
  requireFinding(db, id);
  return { recommendations: recommendationsCiting(db, [id]).map((r) => r.number) };
}

export function deleteFinding(db: Database.Database, id: string): void {
  db.transaction(() => {
    if (!deleteFindingRow(db, id)) throw new FieldnotesError('NOT_FOUND', 'That finding no longer exists.');
  })();
}

/** For each passage asked about, the findings that cite it (traceability from a passage to its findings). */
export function findingsCiting(db: Database.Database, passageIds: readonly string[]): Record<string, FindingRef[]> {
  const out: Record<string, FindingRef[]> = {};
  for (const id of passageIds) out[id] = [];
  for (const row of findingsCitingPassages(db, passageIds)) out[row.passage_id]!.push({ id: row.id, number: row.number, statement: row.statement });
  return out;
}
