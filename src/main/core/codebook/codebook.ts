import type Database from 'better-sqlite3';
import { codebookFileName } from '../../../shared/domain/files';
import type { CodebookAddResult, QdcPreview } from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { listThemes } from '../services/themes';
import { applyCodeTree } from './codeTree';
import { exportNames } from './names';
import { readQdc } from './qdcReader';
import { writeQdc } from './qdcWriter';
import { topolTemplate } from './topolTemplate';
import { readMeta } from '../store/workspaceMeta';

/**
 * The Topol template is added by name, like an import: on an empty codebook
 * it is the whole template; where some of its themes already exist (a second
 * click, or a codebook started by hand), those are kept as they are and only
 * the missing ones are added. Applying it twice changes nothing.
 */
export function applyTemplate(db: Database.Database, reviewerId: string): CodebookAddResult {
  return db.transaction(() => {
    const { added, merged } = applyCodeTree(db, topolTemplate, reviewerId);
    return { added, merged };
  })();
}

function fileNameFor(db: Database.Database): string {
  return codebookFileName(readMeta(db, 'name') ?? '');
}

/** `qualifyNames`: themes sharing a name under different parents go out as "Parent::Name" (see names.ts). */
export function exportQdc(db: Database.Database, version: string, qualifyNames = false): { fileName: string; xml: string } {
  const listed = listThemes(db);
  const names = exportNames(listed, qualifyNames);
  const themes = listed.map((t) => ({ ...t, name: names.get(t.id) ?? t.name }));
  if (!themes.length) {
    throw new FieldnotesError('CONFLICT', 'The codebook is empty, so there is nothing to export. Add themes or use the Topol template first.');
  }
  return { fileName: fileNameFor(db), xml: writeQdc(themes, `Fieldnotes ${version}`) };
}

/** What importing would do, computed by the same walk as the import itself, with nothing written. */
export function previewQdc(db: Database.Database, xml: string): QdcPreview {
  const codebook = readQdc(xml);
  const { items, added, merged } = applyCodeTree(db, codebook.codes, null);
  return { origin: codebook.origin, items, added, merged, notes: codebook.notes };
}

export function importQdc(db: Database.Database, xml: string, reviewerId: string): CodebookAddResult {
  const codebook = readQdc(xml);
  return db.transaction(() => {
    const { added, merged } = applyCodeTree(db, codebook.codes, reviewerId);
    return { added, merged };
  })();
}
