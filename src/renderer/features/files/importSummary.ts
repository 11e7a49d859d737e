/**
 * What an import says of speaker codes no participant has (issue 11): they are shown as unknown speakers,
 * and linking each is the reader's choice — never a silent match with whoever later gets that code.
 */
export function unknownSpeakersSentence(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const [what, shown, each] =
    codes.length === 1 ? ['1 speaker code matches', 'it is shown as an unknown speaker', 'it'] : [`${codes.length} speaker codes match`, 'they are shown as unknown speakers', 'each'];
  return `${what} no participant: ${codes.join(', ')} — ${shown} until you link ${each} (“Link…” beside its label in the note).`;
}
