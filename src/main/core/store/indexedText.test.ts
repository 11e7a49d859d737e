import { describe, expect, it } from 'vitest';
import { normalise, parseSearch, termPatterns } from '../services/searchQuery';
import { indexedText, WORD_BREAK } from './indexedText';

const shown = (text: string) => indexedText(text)?.replaceAll(WORD_BREAK, '|') ?? null;

describe('text as the note index holds it', () => {
  it('puts a break between each CJK letter and the letter or digit beside it, and nowhere else', () => {
    expect(shown('市場調査を行った。')).toBe('市|場|調|査|を|行|っ|た。');
    expect(shown('我们的调查研究')).toBe('我|们|的|调|查|研|究');
    expect(shown('Excel表で2024年')).toBe('Excel|表|で|2024|年');
    expect(shown('「調査」、結果')).toBe('「調|査」、結|果');
    expect(shown('か\u3099き')).toBe('か\u3099|き'); // a combining mark stays on its letter
    expect(shown('Plain English, naïve café.')).toBeNull();
    expect(shown('一')).toBeNull();
  });

  it('takes out to the text itself, and leaves alone a text that holds the break already', () => {
    const text = '市場調査 and training 2024年';
    expect(indexedText(text)!.replaceAll(WORD_BREAK, '')).toBe(text);
    expect(indexedText(`調${WORD_BREAK}査`)).toBeNull();
  });

  it("search's quick test of a speaker's turn or key quote finds a CJK word inside a run", () => {
    const holds = (query: string, text: string) => termPatterns(parseSearch(query)).some((p) => p.test(normalise(text)));
    expect(holds('調査', '市場調査を行った')).toBe(true);
    expect(holds('調査', '調べて査定した')).toBe(false);
    expect(holds('2024年', '2024年に')).toBe(true);
    expect(holds('train', 'training')).toBe(false);
    expect(holds('train*', 'training')).toBe(true);
  });
});
