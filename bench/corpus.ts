import type { NoteBlock } from '../src/shared/domain/noteBlocks';

const VOCABULARY = (
  'the panel heard that radiographers need structured training before ai triage is introduced ' +
  'genomics literacy workforce digital skills patients partners evidence evaluation time clinicians ' +
  'nurses pharmacists data governance accountability equity bias robotics telemedicine wearables ' +
  'consultant ophthalmologist reading centre scans automated image interpretation leadership culture'
).split(' ');

/** A deterministic note of about `words` words: headings, speaker turns and lists, as a site visit produces. */
export function generateNote(words: number, seed = 1): NoteBlock[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const blocks: NoteBlock[] = [];
  let count = 0;
  while (count < words) {
    if (blocks.length % 25 === 0) {
      blocks.push({ kind: 'heading', level: 2, runs: [{ text: `Session ${blocks.length / 25 + 1}` }] });
      count += 2;
    } else if (blocks.length % 11 === 0) {
      blocks.push({ kind: 'list', ordered: false, items: [[{ text: sentence(6) }], [{ text: sentence(6) }]] });
      count += 12;
    } else {
      const n = 30 + Math.floor(next() * 40);
      const speaker = `P${String(1 + Math.floor(next() * 120)).padStart(3, '0')}: `;
      blocks.push({ kind: 'paragraph', runs: [{ text: speaker + sentence(n) }] });
      count += n + 1;
    }
  }
  return blocks;
}
