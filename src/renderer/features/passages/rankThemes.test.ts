import { describe, expect, it } from 'vitest';
import { rankThemes, type RankableTheme } from './rankThemes';

const theme = (id: string, name: string, path = '', code: string | null = null): RankableTheme => ({ id, name, path, code });

const codebook = [
  theme('industry', 'Partnership with industry and academia', 'Working together'),
  theme('patients', 'Patients as partners', 'Working together'),
  theme('ai', 'Artificial intelligence and robotics', 'Technology', '1.3'),
  theme('telemedicine', 'Telemedicine', 'Technology › Digital medicine'),
  theme('digital', 'Digital medicine', 'Technology'),
  theme('apps', 'Smartphone apps', 'Technology › Digital medicine'),
];
const names = (list: RankableTheme[]) => list.map((t) => t.id);

describe('rankThemes', () => {
  it('puts the whole word above a theme that only contains its letters', () => {
    expect(names(rankThemes(codebook, 'partners'))).toEqual(['patients', 'industry']);
    expect(names(rankThemes(codebook, 'partner'))).toEqual(['industry', 'patients']);
  });

  it('puts word starts above letters inside a word, and the name above its path', () => {
    // "medicine": a whole word of "Digital medicine", inside "Telemedicine", and only the path of the apps.
    expect(names(rankThemes(codebook, 'medicine'))).toEqual(['digital', 'telemedicine', 'apps']);
    expect(names(rankThemes(codebook, 'tele'))).toEqual(['telemedicine']);
  });

  it('ranks the exact name and the code first', () => {
    expect(names(rankThemes(codebook, 'digital medicine'))[0]).toBe('digital');
    expect(names(rankThemes(codebook, '1.3'))).toEqual(['ai']);
  });

  it('needs every typed word, in any order', () => {
    expect(names(rankThemes(codebook, 'robotics artificial'))).toEqual(['ai']);
    expect(rankThemes(codebook, 'robotics genomics')).toEqual([]);
  });

  it('breaks ties by the most recently used theme, then by name', () => {
    expect(names(rankThemes(codebook, 'partners', ['industry']))).toEqual(['patients', 'industry']);
    expect(names(rankThemes(codebook, 'together'))).toEqual(['industry', 'patients']);
    expect(names(rankThemes(codebook, 'together', ['patients']))).toEqual(['patients', 'industry']);
  });

  it('offers every theme for an empty query, recent first', () => {
    expect(names(rankThemes(codebook, '', ['apps'])).slice(0, 2)).toEqual(['apps', 'ai']);
  });
});
