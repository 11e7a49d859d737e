import type Database from 'better-sqlite3';
import type { DeletePreview, DeleteResult, MergeResult } from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { countFindingsCiting, findingsUnderThemes, moveFindingThemes } from '../store/findings';
import { countSummariesOfThemes, moveSummaries } from '../store/matrixSummaries';
import { deleteUntaggedPassages, moveTags, passagesOnlyTaggedWith, passagesTaggedWith } from '../store/passages';
import { childRows, deleteThemes, getThemeRow, placeTheme, releaseName, subtreeIds, type ThemeRow } from '../store/themes';
import { siblingNamed } from './themes';

/**
 * Fold `source` into `target`: its tags move (a passage tagged with both keeps
 * the target once), each sub-theme moves under the target or, when the target
 * already has one of that name, is folded into it the same way.
 */
function mergeInto(db: Database.Database, source: ThemeRow, targetId: string, counts: MergeResult): void {
  releaseName(db, source.id);
  const { moved, alreadyTagged } = moveTags(db, source.id, targetId);
  counts.passagesMoved += moved;
  counts.passagesAlreadyTagged += alreadyTagged;
  // Findings filed under it and its matrix summaries follow it into the target (issue 8).
  moveFindingThemes(db, source.id, targetId);
  moveSummaries(db, source.id, targetId);

  for (const child of childRows(db, source.id)) {
    const namesake = siblingNamed(db, targetId, child.name);
    if (namesake) {
      mergeInto(db, child, namesake.id, counts);
      counts.subthemesMerged++;
    } else {
      // Moved sub-themes follow the target's own, in their old order.
      placeTheme(db, child.id, targetId, Number.MAX_SAFE_INTEGER);
      counts.subthemesMoved++;
    }
  }
  deleteThemes(db, [source.id]);
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
    mergeInto(db, source, target.id, counts);
    return counts;
  })();
}

/** The themes a delete removes: the theme, or its whole branch. */
const doomedIds = (db: Database.Database, id: string, withSubthemes: boolean) => (withSubthemes ? subtreeIds(db, id) : [id]);

function countPassages(db: Database.Database, doomed: readonly string[]): { passages: number; passagesLeftUntagged: number } {
  return { passages: passagesTaggedWith(db, doomed).length, passagesLeftUntagged: passagesOnlyTaggedWith(db, doomed).length };
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
    citedPassagesDeleted: countFindingsCiting(db, passagesOnlyTaggedWith(db, doomed)).passages,
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
    const affected = passagesTaggedWith(db, doomed);

    let subthemesMoved = 0;
    if (!withSubthemes) {
      releaseName(db, theme.id);
      // The moved sub-themes stand where the deleted theme stood, in their order.
      let at = childRows(db, theme.parent_id).findIndex((row) => row.id === theme.id);
      const counts: MergeResult = { passagesMoved: 0, passagesAlreadyTagged: 0, subthemesMoved: 0, subthemesMerged: 0 };
      for (const child of childRows(db, theme.id)) {
        const namesake = siblingNamed(db, theme.parent_id, child.name, theme.id);
        if (namesake) {
          mergeInto(db, child, namesake.id, counts);
        } else {
          placeTheme(db, child.id, theme.parent_id, at++);
          subthemesMoved++;
        }
      }
    }
    deleteThemes(db, doomed);
    const passagesDeleted = deleteUntaggedPassages(db, affected);
    return { themesDeleted: doomed.length, passagesDeleted, subthemesMoved };
  })();
}

