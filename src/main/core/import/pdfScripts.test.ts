import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { FieldnotesError } from '../../../shared/rpc/result';
import { createEngagement } from '../services/engagements';
import { search } from '../services/search';
import { shiftJisPdf, toUnicodePdf } from '../testing/pdfFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createWorkspace } from '../workspace/workspace';
import { importNotes } from './importNotes';
import { pdfJsDataFolders } from './pdf';
import { readNote } from './readNote';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const texts = (blocks: NoteBlock[]) => blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.runs]).map((runs) => runs.map((r) => r.text).join('')));
const sjis = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const HELLO_SURVEY = sjis('82b182f182c982bf82cd92b28db8'); // こんにちは調査
const VOICES = sjis('8e5189c18ed282cc90ba'); // 参加者の声

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readNote(Buffer.from(bytes), name);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    return (error as FieldnotesError).message;
  }
  throw new Error('expected a refusal');
}

// Arabic presentation forms as an older producer writes them, glyph by glyph in visual order.
const ARABIC_GLYPHS = new Map([
  [0x41, '\uFE8F'], [0x42, '\uFE8E'], [0x43, '\uFE98'], [0x44, '\uFEDB'], // ﺏ ﺎ ﺘ ﻛ: كتاب drawn left to right
  [0x45, '\uFEAA'], [0x46, '\uFEF3'], [0x47, '\uFE9F'], //                    ﺪ ﻳ ﺟ: جديد drawn left to right
]);
/** "كتاب جديد" (a new book): the second word is drawn first, at the left of the line. */
const ARABIC_LINE = [[0x45, 0x46, 0x45, 0x47], [0x41, 0x42, 0x43, 0x44]];

describe('PDFs in other scripts', () => {
  it('reads pdf.js character maps and standard fonts from disk, where the packaged app has them too', () => {
    const { cMapUrl, standardFontDataUrl } = pdfJsDataFolders();
    expect(readdirSync(cMapUrl)).toContain('90ms-RKSJ-H.bcmap');
    expect(existsSync(join(standardFontDataUrl, 'FoxitSerif.pfb'))).toBe(true);
    expect(cMapUrl).not.toMatch(/^https?:/);
  });

  it('imports Japanese in Shift-JIS with a font that is not embedded, written across and down', async () => {
    for (const vertical of [false, true]) {
      const { blocks } = await readNote(Buffer.from(shiftJisPdf([HELLO_SURVEY, VOICES], vertical)), '報告.pdf');
      const text = texts(blocks).join('\n');
      expect(text).toContain('こんにちは調査');
      expect(text).toContain('参加者の声');
    }
  });

  it('refuses a PDF whose text layer is control characters, and strips the odd one from real text', async () => {
    const controls = new Map([...Array(8)].map((_, i) => [0x41 + i, String.fromCharCode(1 + i)]));
    const garbage = toUnicodePdf(controls, [[[0x41, 0x42, 0x43, 0x44, 0x45]], [[0x46, 0x47, 0x48]]]);
    expect(await refusal(garbage, 'garbled.pdf')).toMatch(/"garbled\.pdf" could not be imported: its text layer is not readable text.*OCR/);

    const mostlyText = new Map([[0x41, 'Training'], [0x42, '\u0003'], [0x43, 'matters']]);
    const { blocks } = await readNote(Buffer.from(toUnicodePdf(mostlyText, [[[0x41, 0x42, 0x43]]])), 'ok.pdf');
    expect(texts(blocks).join('')).toMatch(/^Training ?matters$/);
    expect([...texts(blocks).join('')].some((c) => c < ' ')).toBe(false);
  });

  it('reads right-to-left text in logical order with plain letters, so an Arabic search finds the word', async () => {
    const bytes = toUnicodePdf(ARABIC_GLYPHS, [ARABIC_LINE]);
    const { blocks } = await readNote(Buffer.from(bytes), 'arabic.pdf');
    expect(texts(blocks)).toEqual(['كتاب جديد']);

    const workspace = createWorkspace(join(folders.make(), 'w.fieldnotes'), { name: 'W', createdBy: TEST_REVIEWER });
    try {
      const engagement = createEngagement(workspace.db, { title: 'Visit', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
      await importNotes(() => workspace.db, { fileName: 'arabic.pdf', bytes: Buffer.from(bytes) }, engagement.id, TEST_REVIEWER.id);
      const hits = search(workspace.db, { query: 'كتاب', filters: {} }).hits;
      expect(hits).toHaveLength(1);
      expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['كتاب']);
    } finally {
      workspace.close();
    }
  });
});
