import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { findingLabel } from '../../../shared/domain/finding';
import { keyAfter, keyAt } from '../../../shared/domain/fractionalKey';
import type {
  NewRecommendation,
  Recommendation,
  RecommendationGroup,
  RecommendationMove,
  RecommendationUpdate,
} from '../../../shared/domain/recommendation';
import { FieldnotesError } from '../../../shared/rpc/result';
import { existingFindingIds } from '../store/findings';
import {
  citationRows,
  countInGroup,
  deleteGroupRow,
  deleteRecommendationRow,
  groupNamed,
  groupRows,
  insertGroup,
  insertRecommendation,
  missingRecommendation,
  positionsInGroup,
  recommendationRows,
  requireGroup,
  requireRecommendation,
  setCitations,
  updateGroupRow,
  updateRecommendationRow,
} from '../store/recommendations';
import { authorship, reviewersById } from '../store/reviewers';

/**
 * Recommendations (issue 8), in groups a reviewer can rename, reorder, add and
 * remove — the Topol Review's three to start with — each citing the findings
 * it rests on. Order within a group and of the groups is a fractional key, so
 * a move by keyboard or drag writes one row.
 */

const now = () => new Date().toISOString();

/** Every group in order, each with its recommendations in order and the findings they cite. */
export function listRecommendations(db: Database.Database): RecommendationGroup[] {
  const reviewers = reviewersById(db);
  const cited = new Map<string, Recommendation['findings']>();
  for (const c of citationRows(db)) {
    cited.set(c.recommendation_id, [...(cited.get(c.recommendation_id) ?? []), { id: c.id, number: c.number, statement: c.statement }]);
  }
  const byGroup = new Map<string, Recommendation[]>();
  for (const r of recommendationRows(db)) {
    const rec: Recommendation = {
      id: r.id,
      number: r.number,
      groupId: r.group_id,
      text: r.text,
      position: r.position,
      findings: cited.get(r.id) ?? [],
      ...authorship(r, reviewers),
    };
    byGroup.set(r.group_id, [...(byGroup.get(r.group_id) ?? []), rec]);
  }
  return groupRows(db).map((g) => ({ id: g.id, name: g.name, position: g.position, recommendations: byGroup.get(g.id) ?? [] }));
}

export function getRecommendation(db: Database.Database, id: string): Recommendation {
  const found = listRecommendations(db)
    .flatMap((g) => g.recommendations)
    .find((r) => r.id === id);
  if (!found) throw missingRecommendation();
  return found;
}

function requireFindings(db: Database.Database, findingIds: readonly string[]): string[] {
  const unique = [...new Set(findingIds)];
  const existing = existingFindingIds(db, unique);
  if (unique.some((id) => !existing.has(id))) {
    throw new FieldnotesError('NOT_FOUND', 'A finding it cites no longer exists. It may have been deleted; choose the findings again.');
  }
  return unique;
}

export function createRecommendation(db: Database.Database, input: NewRecommendation, reviewerId: string): Recommendation {
  return db.transaction(() => {
    requireGroup(db, input.groupId);
    const findingIds = requireFindings(db, input.findingIds);
    const id = randomUUID();
    const positions = positionsInGroup(db, input.groupId);
    insertRecommendation(db, {
      id,
      groupId: input.groupId,
      text: input.text,
      position: keyAfter(positions[positions.length - 1] ?? null),
      reviewerId,
      now: now(),
    });
    setCitations(db, id, findingIds);
    return getRecommendation(db, id);
  })();
}

export function updateRecommendation(db: Database.Database, input: RecommendationUpdate, reviewerId: string): Recommendation {
  return db.transaction(() => {
    requireRecommendation(db, input.id);
    updateRecommendationRow(db, input.id, { text: input.text }, reviewerId, now());
    if (input.findingIds) setCitations(db, input.id, requireFindings(db, input.findingIds));
    return getRecommendation(db, input.id);
  })();
}

/** Put a recommendation at an index within a group (possibly another group): one row changes. */
export function moveRecommendation(db: Database.Database, input: RecommendationMove, reviewerId: string): Recommendation {
  return db.transaction(() => {
    requireRecommendation(db, input.id);
    requireGroup(db, input.groupId);
    const position = keyAt(positionsInGroup(db, input.groupId, input.id), input.index);
    updateRecommendationRow(db, input.id, { groupId: input.groupId, position }, reviewerId, now());
    return getRecommendation(db, input.id);
  })();
}

export function deleteRecommendation(db: Database.Database, id: string): void {
  db.transaction(() => {
    if (!deleteRecommendationRow(db, id)) throw new FieldnotesError('NOT_FOUND', 'That recommendation no longer exists.');
  })();
}

function refuseNameClash(db: Database.Database, name: string, exceptId?: string): void {
  const clash = groupNamed(db, name);
  if (clash && clash.id !== exceptId) {
    throw new FieldnotesError('CONFLICT', `There is already a group called “${clash.name}”. Choose another name.`);
  }
}

export function createGroup(db: Database.Database, name: string): RecommendationGroup {
  return db.transaction(() => {
    refuseNameClash(db, name);
    const id = randomUUID();
    const groups = groupRows(db);
    insertGroup(db, { id, name, position: keyAfter(groups[groups.length - 1]?.position ?? null), now: now() });
    return listRecommendations(db).find((g) => g.id === id)!;
  })();
}

export function renameGroup(db: Database.Database, id: string, name: string): RecommendationGroup {
  return db.transaction(() => {
    requireGroup(db, id);
    refuseNameClash(db, name, id);
    updateGroupRow(db, id, { name });
    return listRecommendations(db).find((g) => g.id === id)!;
  })();
}

export function moveGroup(db: Database.Database, id: string, index: number): RecommendationGroup[] {
  return db.transaction(() => {
    requireGroup(db, id);
    const others = groupRows(db).filter((g) => g.id !== id).map((g) => g.position);
    updateGroupRow(db, id, { position: keyAt(others, index) });
    return listRecommendations(db);
  })();
}

/** Delete an empty group. One holding recommendations is refused: they would have nowhere to go. */
export function deleteGroup(db: Database.Database, id: string): void {
  db.transaction(() => {
    const group = requireGroup(db, id);
    const n = countInGroup(db, id);
    if (n > 0) {
      throw new FieldnotesError(
        'CONFLICT',
        `“${group.name}” still holds ${n === 1 ? 'a recommendation' : `${n} recommendations`}. Move or delete ${n === 1 ? 'it' : 'them'} first.`,
      );
    }
    deleteGroupRow(db, id);
  })();
}

/** "F3, F7": the findings a recommendation cites, as the report prints them. */
export const citedLabels = (rec: Recommendation): string => rec.findings.map((f) => findingLabel(f.number)).join(', ');
