import type Database from 'better-sqlite3';
import type { CerqualComponent, CerqualInput, Concern, Confidence, FindingStatus } from '../../../shared/domain/finding';
import { FieldnotesError } from '../../../shared/rpc/result';
import { nextNumber as nextMetaNumber } from './workspaceMeta';
import { SOURCE_COLUMNS, SPEAKER_COLUMNS, type SourceRow, type SpeakerRow } from './sources';

/**
 * The findings table, its themes and its supporting passages (issue 8;
 * migration 0009): every read and write of `findings`, `finding_themes` and
 * `finding_passages` is here.
 */
export interface FindingRow {
  id: string;
  number: number;
  statement: string;
  status: FindingStatus;
  position: string;
  methodological_concern: Concern | null;
  methodological_note: string;
  coherence_concern: Concern | null;
  coherence_note: string;
  adequacy_concern: Concern | null;
  adequacy_note: string;
  relevance_concern: Concern | null;
  relevance_note: string;
  confidence: Confidence | null;
  confidence_explanation: string;
  assessed_at: string | null;
  assessed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const COLUMNS = `id, number, statement, status, position,
  methodological_concern, methodological_note, coherence_concern, coherence_note,
  adequacy_concern, adequacy_note, relevance_concern, relevance_note,
  confidence, confidence_explanation, assessed_at, assessed_by, created_at, created_by, updated_at, updated_by`;

/** workspace_meta key holding the highest finding number ever given (see migration 0009). */
const LAST_NUMBER_KEY = 'findings.last_number';

export const missingFinding = () =>
  new FieldnotesError('NOT_FOUND', 'That finding no longer exists. It may have been deleted; the list has been reloaded.');

export function findingRow(db: Database.Database, id: string): FindingRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM findings WHERE id = ?`).get(id) as FindingRow | undefined;
}

export function requireFinding(db: Database.Database, id: string): FindingRow {
  const row = findingRow(db, id);
  if (!row) throw missingFinding();
  return row;
}

/** Findings in their order, all or some. */
export function findingRows(db: Database.Database, ids?: readonly string[]): FindingRow[] {
  if (ids) {
    return db
      .prepare(`SELECT ${COLUMNS} FROM findings WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position, id`)
      .all(JSON.stringify(ids)) as FindingRow[];
  }
  return db.prepare(`SELECT ${COLUMNS} FROM findings ORDER BY position, id`).all() as FindingRow[];
}

export function existingFindingIds(db: Database.Database, ids: readonly string[]): Set<string> {
  const rows = db.prepare('SELECT id FROM findings WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

export const lastFindingPosition = (db: Database.Database): string | null =>
  (db.prepare('SELECT max(position) AS p FROM findings').get() as { p: string | null }).p;

/** Order keys of every finding but one, in order (for a move). */
export function findingPositions(db: Database.Database, exceptId: string): string[] {
  return (db.prepare('SELECT position FROM findings WHERE id <> ? ORDER BY position, id').all(exceptId) as { position: string }[]).map(
    (r) => r.position,
  );
}

/** The next finding number: one more than any ever given, so a deleted finding's number is never reused. */
function nextNumber(db: Database.Database): number {
  const highest = (db.prepare('SELECT max(number) AS n FROM findings').get() as { n: number | null }).n ?? 0;
  return nextMetaNumber(db, LAST_NUMBER_KEY, highest);
}

export function insertFinding(
  db: Database.Database,
  row: { id: string; statement: string; status: FindingStatus; position: string; reviewerId: string; now: string },
): number {
  const number = nextNumber(db);
  db.prepare(
    `INSERT INTO findings(id, number, statement, status, position, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @number, @statement, @status, @position, @now, @reviewerId, @now, @reviewerId)`,
  ).run({ ...row, number });
  return number;
}

export function updateFindingRow(
  db: Database.Database,
  id: string,
  change: { statement?: string; status?: FindingStatus; position?: string },
  reviewerId: string,
  now: string,
): void {
  db.prepare(
    `UPDATE findings SET statement = coalesce(@statement, statement), status = coalesce(@status, status),
       position = coalesce(@position, position), updated_at = @now, updated_by = @reviewerId WHERE id = @id`,
  ).run({ id, statement: change.statement ?? null, status: change.status ?? null, position: change.position ?? null, now, reviewerId });
}

/** Record an assessment: every component, the confidence and its explanation, by whom and when. */
export function writeAssessment(db: Database.Database, id: string, cerqual: CerqualInput, reviewerId: string, now: string): void {
  const params: Record<string, string | null> = { id, now, reviewerId, confidence: cerqual.confidence, explanation: cerqual.explanation };
  for (const c of ['methodological', 'coherence', 'adequacy', 'relevance'] as CerqualComponent[]) {
    params[`${c}Concern`] = cerqual[c].concern;
    params[`${c}Note`] = cerqual[c].note;
  }
  db.prepare(
    `UPDATE findings SET
       methodological_concern = @methodologicalConcern, methodological_note = @methodologicalNote,
       coherence_concern = @coherenceConcern, coherence_note = @coherenceNote,
       adequacy_concern = @adequacyConcern, adequacy_note = @adequacyNote,
       relevance_concern = @relevanceConcern, relevance_note = @relevanceNote,
       confidence = @confidence, confidence_explanation = @explanation,
       assessed_at = @now, assessed_by = @reviewerId, updated_at = @now, updated_by = @reviewerId
     WHERE id = @id`,
  ).run(params);
}

export function deleteFindingRow(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM findings WHERE id = ?').run(id).changes > 0;
}

// ── finding_themes ──────────────────────────────────────────────────────────

/** Theme ids of each finding, the one it is reported under first. */
export function themesOfFindings(db: Database.Database, findingIds: readonly string[]): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT finding_id, theme_id FROM finding_themes WHERE finding_id IN (SELECT value FROM json_each(?))
       ORDER BY finding_id, position`,
    )
    .all(JSON.stringify(findingIds)) as { finding_id: string; theme_id: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), r.theme_id]);
  return out;
}

export function setFindingThemes(db: Database.Database, findingId: string, themeIds: readonly string[]): void {
  db.prepare('DELETE FROM finding_themes WHERE finding_id = ?').run(findingId);
  const insert = db.prepare('INSERT INTO finding_themes(finding_id, theme_id, position) VALUES (?, ?, ?)');
  themeIds.forEach((themeId, i) => insert.run(findingId, themeId, i));
}

/** Ids of findings filed under any of these themes. */
export function findingsUnderThemes(db: Database.Database, themeIds: readonly string[]): string[] {
  return (
    db
      .prepare('SELECT DISTINCT finding_id FROM finding_themes WHERE theme_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(themeIds)) as { finding_id: string }[]
  ).map((r) => r.finding_id);
}

/** A merged theme's findings move to the theme it was merged into (keeping their place in each finding's list). */
export function moveFindingThemes(db: Database.Database, fromThemeId: string, toThemeId: string): void {
  db.prepare(
    `UPDATE OR IGNORE finding_themes SET theme_id = @to WHERE theme_id = @from`,
  ).run({ from: fromThemeId, to: toThemeId });
  db.prepare('DELETE FROM finding_themes WHERE theme_id = ?').run(fromThemeId);
}

// ── finding_passages ────────────────────────────────────────────────────────

/** A supporting passage and what is left of it: every column of the passage, its source and speaker NULL once it is deleted. */
export type EvidenceRow = { [C in keyof SourceRow]: SourceRow[C] | null } & SpeakerRow & {
  finding_id: string;
  passage_id: string;
  position: string;
  snapshot: string;
  added_at: string;
  added_by: string;
  /** NULL when the passage has been deleted. */
  exists_: number | null;
  quoted_text: string | null;
  memo: string | null;
  key_quote: number | null;
  detached: number | null;
  start_offset: number | null;
  speaker_set_by_hand: number | null;
  /** JSON array of the passage's themes, in the order they were tagged. */
  theme_ids: string | null;
};

/**
 * Every supporting passage of these findings with what the finding shows of
 * it: the passage now (if it still exists), its source and its speaker.
 */
export function evidenceRows(db: Database.Database, findingIds: readonly string[]): EvidenceRow[] {
  return db
    .prepare(
      `SELECT fp.finding_id, fp.passage_id, fp.position, fp.quoted_text AS snapshot, fp.added_at, fp.added_by,
         p.rowid AS exists_, p.quoted_text, p.memo, p.key_quote, p.detached, p.start_offset, p.speaker_set_by_hand, ${SOURCE_COLUMNS}, ${SPEAKER_COLUMNS},
         (SELECT json_group_array(theme_id) FROM (SELECT theme_id FROM passage_themes pt WHERE pt.passage_id = p.id ORDER BY tagged_at, theme_id))
           AS theme_ids
       FROM finding_passages fp
       LEFT JOIN passages p ON p.id = fp.passage_id
       LEFT JOIN notes n ON n.id = p.note_id
       LEFT JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE fp.finding_id IN (SELECT value FROM json_each(?))
       ORDER BY fp.finding_id, fp.position, fp.passage_id`,
    )
    .all(JSON.stringify(findingIds)) as EvidenceRow[];
}

export const lastEvidencePosition = (db: Database.Database, findingId: string): string | null =>
  (db.prepare('SELECT max(position) AS p FROM finding_passages WHERE finding_id = ?').get(findingId) as { p: string | null }).p;

/** Add a supporting passage (once), with the text it quotes now. Returns whether it was new. */
export function insertEvidence(
  db: Database.Database,
  row: { findingId: string; passageId: string; position: string; quotedText: string; reviewerId: string; now: string },
): boolean {
  return (
    db
      .prepare(
        `INSERT INTO finding_passages(finding_id, passage_id, position, quoted_text, added_at, added_by)
         VALUES (@findingId, @passageId, @position, @quotedText, @now, @reviewerId)
         ON CONFLICT(finding_id, passage_id) DO NOTHING`,
      )
      .run(row).changes > 0
  );
}

export function deleteEvidence(db: Database.Database, findingId: string, passageId: string): boolean {
  return db.prepare('DELETE FROM finding_passages WHERE finding_id = ? AND passage_id = ?').run(findingId, passageId).changes > 0;
}

/** For each of these passages, the findings citing it (id, number, statement), in the findings' order. */
export function findingsCitingPassages(
  db: Database.Database,
  passageIds: readonly string[],
): { passage_id: string; id: string; number: number; statement: string }[] {
  return db
    .prepare(
      `SELECT fp.passage_id, f.id, f.number, f.statement
       FROM finding_passages fp JOIN findings f ON f.id = fp.finding_id
       WHERE fp.passage_id IN (SELECT value FROM json_each(?))
       ORDER BY f.position, f.id`,
    )
    .all(JSON.stringify(passageIds)) as { passage_id: string; id: string; number: number; statement: string }[];
}

/** How many distinct findings cite any of these passages. */
export function countFindingsCiting(db: Database.Database, passageIds: readonly string[]): { findings: number; passages: number } {
  return db
    .prepare(
      `SELECT count(DISTINCT finding_id) AS findings, count(DISTINCT passage_id) AS passages FROM finding_passages
       WHERE passage_id IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(passageIds)) as { findings: number; passages: number };
}
