import { z } from 'zod';
import { CodebookAddResult, MAX_QDC_CHARS, QdcPreview } from '../domain/theme';
import { SavedFile, SaveTarget } from './fileOut';
import { method } from './method';

const QdcText = z
  .object({
    xml: z
      .string()
      .min(1, 'The file is empty. Choose a codebook (.qdc) exported from Fieldnotes, NVivo, ATLAS.ti, MAXQDA or QualCoder.')
      .max(MAX_QDC_CHARS, 'That file is larger than 20 MB, too large for a codebook. Check it is a .qdc file.'),
  })
  .strict();

/** The codebook as a whole: the Topol template, and REFI-QDA .qdc out and in (issue 4). */
export const codebookMethods = {
  'codebook.applyTemplate': method({
    input: z.object({ template: z.literal('topol') }).strict(),
    output: CodebookAddResult,
    doc: 'Add the Topol Review template; themes already present by name are kept as they are.',
  }),
  'codebook.exportQdc': method({
    /** qualifyNames: themes sharing a name under different parents go out as "Parent::Name" (refi.exportCheck lists them). */
    input: z.object({ ...SaveTarget, qualifyNames: z.boolean().optional() }).strict(),
    output: SavedFile,
    doc: 'Write the codebook as a REFI-QDA .qdc file (Codebook.xsd 1.0) where the person chooses; null if they cancelled.',
  }),
  'codebook.previewQdc': method({
    input: QdcText,
    output: QdcPreview,
    doc: 'What importing this .qdc would add or merge, changing nothing.',
  }),
  'codebook.importQdc': method({
    input: QdcText,
    output: CodebookAddResult,
    doc: 'Add a .qdc codebook’s themes, keeping its hierarchy; same-named themes under the same parent are merged.',
  }),
} as const;
