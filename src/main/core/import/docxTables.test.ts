import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { tempFolders } from '../testing/tempWorkspace';
import { htmlToBlocks } from './html';
import { readNote } from './readNote';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const texts = (blocks: NoteBlock[]) => blocks.map((b) => (b.kind === 'list' ? '' : b.runs.map((r) => r.text).join('')));

/** A transcript laid out as a table, written by python-docx (a real .docx writer other projects test with). */
function transcriptTableDocx(folder: string): Buffer | null {
  const out = join(folder, 'transcript.docx');
  const script = `
import sys, docx
d = docx.Document()
d.add_heading('Focus group transcript', 1)
t = d.add_table(rows=0, cols=3)
for time, who, said in [('00:01', 'P014', 'We were never told what the AI was checking.'),
                        ('00:02', 'Facilitator', 'What would have helped?'),
                        ('00:03', 'P022', 'Training first.')]:
    cells = t.add_row().cells
    cells[0].text = time
    cells[1].text = who
    cells[2].text = said
cell = t.add_row().cells
cell[2].text = 'A second paragraph'
cell[2].add_paragraph('in one cell.')
d.add_paragraph('After the table.')
d.save(sys.argv[1])
`;
  const result = spawnSync('/usr/bin/python3', ['-c', script, out], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  return readFileSync(out);
}

describe('.docx tables', () => {
  it('keeps each row of a transcript table together, cells separated', async (context) => {
    const bytes = transcriptTableDocx(folders.make());
    if (!bytes) return context.skip('python3 with python-docx is not installed, so the table .docx cannot be made');
    const { blocks } = await readNote(bytes, 'Focus group.docx');
    expect(texts(blocks)).toEqual([
      'Focus group transcript',
      '00:01 | P014 | We were never told what the AI was checking.',
      '00:02 | Facilitator | What would have helped?',
      '00:03 | P022 | Training first.',
      'A second paragraph in one cell.',
      'After the table.',
    ]);
  });

  it('a row whose first cell is a speaker code becomes that speaker\'s turn', () => {
    const html =
      '<table><tr><td><p><strong>P014</strong></p></td><td><p>We were never told.</p></td></tr>' +
      '<tr><td><p>P022:</p></td><td><p>Training first.</p><p>Then tools.</p></td></tr></table>';
    expect(texts(htmlToBlocks(html))).toEqual(['P014: We were never told.', 'P022: Training first. Then tools.']);
  });
});
