/**
 * Build a review-scale workspace for benchmarks (issue 4):
 *   npm run gen:workspace -- <file.fieldnotes> [--seed N] [--scale 0.1]
 * Prints progress and what it built. Refuses to overwrite an existing file.
 */
import { parseArgs } from 'node:util';
import { FULL_SCALE, generateWorkspace } from './workspace/generate';

const USAGE = 'Usage: npm run gen:workspace -- <file.fieldnotes> [--seed N] [--scale S]   (scale 1 = review scale)';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { seed: { type: 'string', default: '1' }, scale: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`gen:workspace: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (positionals.length !== 1 || !Number.isInteger(seed) || !(scale > 0 && scale <= 5)) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  console.log(
    `Generating ${file} (seed ${seed}, scale ${scale}: ~${Math.round(FULL_SCALE.engagements * scale)} engagements, ` +
      `~${Math.round(FULL_SCALE.words * scale).toLocaleString('en-GB')} words, ${Math.round(FULL_SCALE.passages * scale).toLocaleString('en-GB')} passages)`,
  );
  const made = generateWorkspace(file, { seed, scale, onProgress: (line) => console.log(`  ${line}`) });
  const c = made.counts;
  const fmt = (n: number) => n.toLocaleString('en-GB');
  console.log(`Done in ${made.seconds.toFixed(1)} s: ${made.path}, ${(made.fileBytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  engagements   ${fmt(c.engagements)} (${c.engagementTypes} types)`);
  console.log(`  participants  ${fmt(c.participants)} (${fmt(c.participantLinks)} engagement links)`);
  console.log(`  notes         ${fmt(c.notes)}, ${fmt(c.words)} words; longest ${fmt(made.bigNote.words)} words with ${fmt(made.bigNote.passages)} passages`);
  console.log(`  themes        ${fmt(c.themes)}; largest: ${made.largestThemes.map((t) => `${t.name} ${fmt(t.passages)}`).join(', ')}`);
  console.log(
    `  passages      ${fmt(c.passages)} (${fmt(c.tags)} tags; ${fmt(c.overlapping)} overlapping, ${fmt(c.spanningBlocks)} across paragraphs, ` +
      `${fmt(c.withParticipant)} linked to a participant, ${fmt(c.memos)} with memos, ${fmt(c.keyQuotes)} key quotes)`,
  );
  return 0;
}

process.exitCode = main();
