/**
 * What an import says of speaker codes no participant has (issue 11): they are shown as unknown speakers,
 * and linking each is the reader's choice — never a silent match with whoever later gets that code.
 */
export function unknownSpeakersSentence(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const [what, them] = codes.length === 1 ? ['1 speaker code matches', 'it is'] : [`${codes.length} speaker codes match`, 'they are'];
  return `${what} no participant: ${codes.join(', ')} — ${them} shown as unknown speakers until you link ${codes.length === 1 ? 'it' : 'each'} (“Link speaker to a participant…”, Ctrl+K, on the turn).`;
}
