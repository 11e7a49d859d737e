import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { programBytes } from '../testing/fileFixtures';
import { blocksText } from './runs';
import { decodeText } from './text';
import { parseTranscript } from './transcript';

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le.map((_, i) => le[i % 2 ? i - 1 : i + 1]!));
};

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    expect((error as FieldnotesError).code).toBe('UNSUPPORTED_FILE');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

const TRANSCRIPT = 'Interview at Leeds — 3 May\r\n\r\nP014: I think the “gift of time” matters.\r\nP015: Agreed; AI triage frees radiographers.\r\n';

describe('decodeText: the encodings transcripts arrive in', () => {
  it.each([
    ['UTF-8', Buffer.from(TRANSCRIPT, 'utf8')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TRANSCRIPT, 'utf8')])],
    ['UTF-16 LE with a byte-order mark', utf16(TRANSCRIPT, 'le')],
    ['UTF-16 BE with a byte-order mark', utf16(TRANSCRIPT, 'be')],
  ])('%s decodes to the same text with \\n line ends', (_name, bytes) => {
    expect(decodeText(bytes, 'interview.txt')).toBe(TRANSCRIPT.replace(/\r\n/g, '\n'));
  });

  it('turns old Mac CR line ends into \\n', () => {
    expect(decodeText(Buffer.from('a\rb\r\rc'), 'x.txt')).toBe('a\nb\n\nc');
  });

  it('refuses text that is not valid UTF-8, naming the file and how to fix it', () => {
    const windows1252 = Buffer.from([0x93, 0x67, 0x69, 0x66, 0x74, 0x94, 0x20, 0x6f, 0x66]); // “gift” in Windows-1252
    const message = refusal(() => decodeText(windows1252, 'legacy.txt'));
    expect(message).toContain('"legacy.txt"');
    expect(message).toMatch(/not valid UTF-8.*Save it as UTF-8/);
  });

  it('refuses UTF-16 with a broken surrogate pair or a stray byte', () => {
    expect(refusal(() => decodeText(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]), 'a.txt'))).toMatch(/not valid UTF-16/);
    expect(refusal(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'b.txt'))).toMatch(/not valid UTF-16/);
  });

  it('refuses programs, binary data and UTF-32', () => {
    expect(refusal(() => decodeText(programBytes(), 'setup.txt'))).toMatch(/"setup.txt".*a program/);
    expect(refusal(() => decodeText(Buffer.from([0x41, 0x00, 0x42, 0x00]), 'raw.txt'))).toMatch(/binary data/);
    expect(refusal(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), 'wide.txt'))).toMatch(/UTF-32/);
  });
});

describe('parseTranscript: plain text', () => {
  it('blank lines separate paragraphs; wrapped lines join; each speaker turn is its own paragraph', () => {
    const text = [
      'Site visit to Moorfields.',
      'Hard-wrapped line two.',
      '',
      'P014: Machine learning reads the scans.',
      'P015: But who checks it?',
      '[00:12:03] Recording resumed',
      'Dr Patel: We train on the job.',
      'Speaker 1  0:03',
      'Thanks for coming.',
    ].join('\n');
    expect(parseTranscript(text, 'txt').map((b) => (b.kind === 'paragraph' ? b.runs[0]!.text : b.kind))).toEqual([
      'Site visit to Moorfields. Hard-wrapped line two.',
      'P014: Machine learning reads the scans.',
      'P015: But who checks it?',
      '[00:12:03] Recording resumed',
      'Dr Patel: We train on the job.',
      'Speaker 1  0:03',
      'Thanks for coming.',
    ]);
  });

  it('reads markdown markers in a .txt as text', () => {
    expect(parseTranscript('# not a heading\n- not a list', 'txt')).toEqual([
      { kind: 'paragraph', runs: [{ text: '# not a heading - not a list' }] },
    ]);
  });

  it('gives no blocks for whitespace only', () => {
    expect(parseTranscript(' \n\t\n\n', 'txt')).toEqual([]);
  });
});

describe('parseTranscript: markdown', () => {
  it('reads headings, lists, quotes and emphasis', () => {
    const md = [
      '# Roundtable: the genomics workforce',
      '',
      'Chair: *Welcome*, everyone — **thank you** for coming.',
      '',
      '## Barriers',
      '- Time for training',
      '* Bioinformatics skills',
      '  that wrap onto a second line',
      '',
      '1. First point',
      '2. Second point',
      '',
      '> Quoted from the submission.',
      '> Still quoted.',
      '',
      'Enablers',
      '--------',
      '',
      '#### Deep heading',
      'snake_case_name stays as it is, and so does \\*this\\*.',
    ].join('\n');
    expect(parseTranscript(md, 'md')).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Roundtable: the genomics workforce' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Chair: ' },
          { text: 'Welcome', italic: true },
          { text: ', everyone — ' },
          { text: 'thank you', bold: true },
          { text: ' for coming.' },
        ],
      },
      { kind: 'heading', level: 2, runs: [{ text: 'Barriers' }] },
      {
        kind: 'list',
        ordered: false,
        items: [[{ text: 'Time for training' }], [{ text: 'Bioinformatics skills that wrap onto a second line' }]],
      },
      { kind: 'list', ordered: true, items: [[{ text: 'First point' }], [{ text: 'Second point' }]] },
      { kind: 'quote', runs: [{ text: 'Quoted from the submission. Still quoted.' }] },
      { kind: 'heading', level: 2, runs: [{ text: 'Enablers' }] },
      { kind: 'heading', level: 3, runs: [{ text: 'Deep heading' }] },
      { kind: 'paragraph', runs: [{ text: 'snake_case_name stays as it is, and so does *this*.' }] },
    ]);
  });

  it('keeps speaker turns apart in markdown too, and ***both*** is bold and italic', () => {
    expect(parseTranscript('P014: one\nP015: ***two***', 'md')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'P014: one' }] },
      { kind: 'paragraph', runs: [{ text: 'P015: ' }, { text: 'two', bold: true, italic: true }] },
    ]);
  });
});

const nonWhitespace = (text: string) => text.replace(/\s+/gu, '');

describe('parseTranscript: properties', () => {
  it('never throws on any text, and a .txt loses no character but whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const blocks = parseTranscript(text, 'txt');
        expect(nonWhitespace(blocksText(blocks))).toBe(nonWhitespace(text));
        parseTranscript(text, 'md'); // markdown may drop markers, but must not throw
      }),
      { numRuns: 500 },
    );
  });

  it('markdown without markers loses no character but whitespace', () => {
    // No markdown markers (# - * + _ > = or a backslash), and no "1." or "1)" list starts.
    const char = fc.constantFrom(...'abcXYZ éß中 ,;:!?\'"(P014\n\n\t'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 300 }).map((cs) => cs.join('')), (text) => {
        expect(nonWhitespace(blocksText(parseTranscript(text, 'md')))).toBe(nonWhitespace(text));
      }),
      { numRuns: 500 },
    );
  });
});
