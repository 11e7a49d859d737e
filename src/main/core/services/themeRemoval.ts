import type Database from 'better-sqlite3';
import type { DeletePreview, DeleteResult, MergeResult } from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { countFindingsCiting, findingsUnderThemes, moveFindingThemes } from '../store/findings';
import { countSummariesOfThemes, moveSummaries } from '../store/matrixSummaries';
import { childRows, getThemeRow, renumber, siblingNamed, subtreeIds, type ThemeRow } from './themes';

const json = (ids: readonly string[]) => JSON.stringify(ids);

/**
 * A theme about to disappear in this transaction gives up its name first, so
 * a sub-theme of the same name can take its place among the siblings without
 * tripping the unique-name index. Nobody ever sees the placeholder.
 */
function releaseName(db: Database.Database, id: string): void {
  db.prepare(`UPDATE themes SET name = char(1) || 'leaving ' || id WHERE id = ?`).run(id);
}

/**
 * Fold `source` into `target`: its tags move (a passage tagged with both keeps
 * the target once), each sub-theme moves under the target or, when the target
 * already has one of that name, is folded into it the same way.
 */
function mergeInto(db: Database.Database, source: ThemeRow, targetId: string, counts: MergeResult): void {
  releaseName(db, source.id);
  const tagged = (db.prepare('SELECT count(*) AS n FROM passage_themes WHERE theme_id = ?').get(source.id) as { n: number }).n;
  const moved = db
    .prepare(
      `INSERT OR IGNORE INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by)
       SELECT passage_id, ?, tagged_at, tagged_by FROM passage_themes WHERE theme_id = ?`,
    )
    .run(targetId, source.id).changes;
  counts.passagesMoved += moved;
  counts.passagesAlreadyTagged += tagged - moved;
  db.prepare('DELETE FROM passage_themes WHERE theme_id = ?').run(source.id);
  // Findings filed under it and its matrix summaries follow it into the target (issue 8).
  moveFindingThemes(db, source.id, targetId);
  moveSummaries(db, source.id, targetId);

  const appended: string[] = [];
  for (const child of childRows(db, source.id)) {
    const namesake = siblingNamed(db, targetId, child.name);
    if (namesake) {
      mergeInto(db, child, namesake.id, counts);
      counts.subthemesMerged++;
    } else {
      db.prepare('UPDATE themes SET parent_id = ? WHERE id = ?').run(targetId, child.id);
      appended.push(child.id);
      counts.subthemesMoved++;
    }
  }
  db.prepare('DELETE FROM themes WHERE id = ?').run(source.id);
  // Moved sub-themes follow the target's own, in their old order.
  const own = childRows(db, targetId).filter((row) => !appended.includes(row.id)).map((row) => row.id);
  renumber(db, [...own, ...appended]);
}

/** Merge one theme into another, all in one transaction. */
export function mergeThemes(db: Database.Database, sourceId: string, targetId: string): MergeResult {
  return db.transaction(() => {
    if (sourceId === targetId) throw new FieldnotesError('INVALID_INPUT', 'Choose a different theme to merge into.');
    const source = getThemeRow(db, sourceId);
    const target = getThemeRow(db, targetId);
    if (subtreeIds(db, source.id).includes(target.id)) {
      throw new FieldnotesError(
        'INVALID_INPUT',
        `“${source.name}” cannot be merged into its own sub-theme “${target.name}”. Merge “${target.name}” into “${source.name}” instead, or move it out first.`,
      );
    }
    const counts: MergeResult = { passagesMoved: 0, passagesAlreadyTagged: 0, subthemesMoved: 0, subthemesMerged: 0 };
    const formerParent = source.parent_id;
    mergeInto(db, source, target.id, counts);
    renumber(db, childRows(db, formerParent).map((row) => row.id));
    return counts;
  })();
}

/** The themes a delete removes: the theme, or its whole branch. */
const doomedIds = (db: Database.Database, id: string, withSubthemes: boolean) => (withSubthemes ? subtreeIds(db, id) : [id]);

function countPassages(db: Database.Database, doomed: readonly string[]): { passages: number; passagesLeftUntagged: number } {
  return db
    .prepare(
      `WITH doomed(id) AS (SELECT value FROM json_each(@doomed)),
            hit(passage_id) AS (SELECT DISTINCT passage_id FROM passage_themes WHERE theme_id IN doomed)
       SELECT (SELECT count(*) FROM hit) AS passages,
              (SELECT count(*) FROM hit WHERE NOT EXISTS (
                 SELECT 1 FROM passage_themes o WHERE o.passage_id = hit.passage_id AND o.theme_id NOT IN doomed)) AS passagesLeftUntagged`,
    )
    .get({ doomed: json(doomed) }) as { passages: number; passagesLeftUntagged: number };
}

/** Passages that carry only doomed themes: deleted with them. */
function passagesLeftUntagged(db: Database.Database, doomed: readonly string[]): string[] {
  return (
    db
      .prepare(
        `WITH doomed(id) AS (SELECT value FROM json_each(@doomed))
         SELECT DISTINCT pt.passage_id FROM passage_themes pt WHERE pt.theme_id IN doomed
           AND NOT EXISTS (SELECT 1 FROM passage_themes o WHERE o.passage_id = pt.passage_id AND o.theme_id NOT IN doomed)`,
      )
      .all({ doomed: json(doomed) }) as { passage_id: string }[]
  ).map((r) => r.passage_id);
}

export function previewDelete(db: Database.Database, id: string, withSubthemes = false): DeletePreview {
  const theme = getThemeRow(db, id);
  const children = childRows(db, id);
  const descendants = subtreeIds(db, id).length - 1;
  const childrenMergedByName = withSubthemes
    ? 0
    : children.filter((child) => siblingNamed(db, theme.parent_id, child.name, theme.id)).length;
  const doomed = doomedIds(db, id, withSubthemes);
  return {
    ...countPassages(db, doomed),
    children: children.length,
    descendants,
    childrenMergedByName,
    findings: findingsUnderThemes(db, doomed).length,
    citedPassagesDeleted: countFindingsCiting(db, passagesLeftUntagged(db, doomed)).passages,
    summaries: countSummariesOfThemes(db, doomed),
  };
}

/**
 * Delete a theme. Without `withSubthemes` its sub-themes take its place under
 * its parent (merged into a namesake there, if any). Passages tagged with it
 * that carry no other theme are deleted too: a passage with no theme is not
 * evidence of anything. One transaction.
 */
export function deleteTheme(db: Database.Database, id: string, withSubthemes = false): DeleteResult {
  return db.transaction(() => {
    const theme = getThemeRow(db, id);
    const doomed = doomedIds(db, id, withSubthemes);
    const affected = (
      db
        .prepare('SELECT DISTINCT passage_id FROM passage_themes WHERE theme_id IN (SELECT value FROM json_each(?))')
        .all(json(doomed)) as { passage_id: string }[]
    ).map((r) => r.passage_id);

    let subthemesMoved = 0;
    const takingItsPlace: string[] = [];
    if (!withSubthemes) {
      releaseName(db, theme.id);
      const counts: MergeResult = { passagesMoved: 0, passagesAlreadyTagged: 0, subthemesMoved: 0, subthemesMerged: 0 };
      for (const child of childRows(db, theme.id)) {
        const namesake = siblingNamed(db, theme.parent_id, child.name, theme.id);
        if (namesake) {
          mergeInto(db, child, namesake.id, counts);
        } else {
          db.prepare('UPDATE themes SET parent_id = ? WHERE id = ?').run(theme.parent_id, child.id);
          takingItsPlace.push(child.id);
          subthemesMoved++;
        }
      }
    }
    // One statement, so a branch's parents and children go together without breaking the parent reference.
    db.prepare('DELETE FROM themes WHERE id IN (SELECT value FROM json_each(?))').run(json(doomed));
    const passagesDeleted = db
      .prepare(
        `DELETE FROM passages WHERE id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM passage_themes pt WHERE pt.passage_id = passages.id)`,
      )
      .run(json(affected)).changes;

    // The moved sub-themes stand where the deleted theme stood.
    const order = childRows(db, theme.parent_id)
      .map((row) => row.id)
      .filter((rowId) => !takingItsPlace.includes(rowId));
    const at = childRows(db, theme.parent_id).filter((row) => row.position < theme.position && !takingItsPlace.includes(row.id)).length;
    order.splice(at, 0, ...takingItsPlace);
    renumber(db, order);
    return { themesDeleted: doomed.length, passagesDeleted, subthemesMoved };
  })();
}

