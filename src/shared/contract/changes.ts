import type { MethodName } from './methods';

/**
 * Which loaded data a successful call makes stale, named by method namespace
 * (`themes` for every `themes.*` query) or, where a namespace holds reads that
 * rest on different things, by method (`themes.view` alone). The core announces it after each call
 * (`data.changed`), and the renderer refetches the queries of those
 * namespaces that are on screen — whoever made the call (a form, the
 * autosaver, a menu command).
 *
 * Reads (by their verb) change nothing; any other method changes its own
 * namespace plus what the tables below add, so a new method is announced
 * safely without an entry here.
 */
export const EVERYTHING = '*';

const READ_VERB =
  /^(list|get|read|view|current|recent|info|query|reviewers|for[A-Z]\w*|preview\w*|\w*Preview|export\w*|choose\w*|by[A-Z]\w*|citing|cell|summaries|dimensions|cooccurrence\w*|coverage)$/;

/** Methods that write nothing another screen shows. */
const QUIET = new Set<string>([
  'uploads.begin',
  'uploads.chunk',
  'uploads.cancel',
  'app.closeAnswer',
  // An export reads the workspace and writes a file outside it; its progress polls must not refetch anything.
  'report.check',
  'report.export',
  'report.progress',
  'report.cancel',
  // A merge pack is written outside the workspace; a discarded preview held only a copy.
  'merge.sendPack',
  'merge.discard',
]);

/** Namespaces whose data shows what another namespace holds (an engagement's title in a passage's source). */
const ALSO: Record<string, readonly string[]> = {
  workspace: [EVERYTHING],
  // Unlocking, restoring or repairing opens a workspace: every screen shows another file's data.
  protection: [EVERYTHING],
  recovery: [EVERYTHING],
  reviewer: ['analysis'],
  engagements: ['participants', 'notes', 'passages', 'themes', 'search', 'analysis', 'findings', 'matrix'],
  engagementTypes: ['engagements'],
  participants: ['engagements', 'passages', 'themes', 'search', 'analysis', 'findings', 'matrix', 'speakers'],
  attributes: ['participants', 'themes', 'search', 'analysis', 'matrix'],
  notes: ['engagements', 'passages', 'themes', 'search', 'findings', 'matrix', 'agreement'],
  imports: ['notes', 'engagements', 'passages', 'search', 'speakers'],
  themes: ['passages', 'search', 'analysis', 'codebook', 'findings', 'matrix', 'agreement'],
  codebook: ['themes', 'passages', 'search', 'analysis', 'findings', 'matrix'],
  passages: ['themes', 'search', 'analysis', 'findings', 'matrix', 'agreement'],
  // A speaker linked: whose turns and passages those are, wherever a passage's speaker shows.
  speakers: ['passages', 'themes', 'search', 'analysis', 'findings', 'matrix'],
  // A finding's number and statement show in recommendations; a recommendation's citation in a finding.
  findings: ['recommendations'],
  recommendations: ['findings'],
  // A project import adds to every area (and importNew opens another workspace).
  refi: [EVERYTHING],
  // A merge adds to and changes every area.
  merge: [EVERYTHING],
  // A restored value may be any record's field.
  history: [EVERYTHING],
};

/**
 * Exceptions by method. Saving a note does not make `notes.*` stale: the open
 * note's document is held by its saver, and refetching it mid-typing would
 * race the editor; the notes list follows word counts from the save's answer.
 */
const BY_METHOD: Record<string, readonly string[]> = {
  'notes.save': ['passages', 'themes', 'search', 'analysis', 'findings', 'matrix', 'agreement'],
  'workspace.forget': ['workspace'],
  'protection.setRemember': ['protection'],
  'protection.setLockAfter': ['protection'],
};

/**
 * The reads that show a note's text or places in it, beyond its passages: search's snippets, the context around
 * passages (theme view, a matrix cell, co-occurrence's passages), and agreement's characters and places.
 */
const NOTE_TEXT: readonly string[] = ['search', 'agreement', 'themes.view', 'matrix.cell', 'analysis.cooccurrencePassages'];

/** A successful call as the core answered it, for the writes whose reach depends on what they did. */
export interface AnsweredCall {
  input: unknown;
  output: unknown;
}

/**
 * An autosave that created no passage and changed none (most of them: typing between tags) changed the note's
 * text alone. What rests on passages — the codebook's counts, findings, the matrix's counts — is as it was; the
 * passages after the edit moved, but their words did not. Announcing `themes` for it refetched the codebook after
 * every autosave (issue 7). Anything unexpected in the call counts as touching passages.
 */
function saveTouchedPassages({ input, output }: AnsweredCall): boolean {
  const created = (input as { createPassages?: unknown } | null)?.createPassages;
  const changed = (output as { changedPassages?: unknown } | null)?.changedPassages;
  return !Array.isArray(changed) || changed.length > 0 || (created !== undefined && (!Array.isArray(created) || created.length > 0));
}

/** Writes whose reach depends on what they did: a narrower list when the call says so. */
/**
 * An autosave that only retyped passages (typing inside one: the core says `passagesRetyped`) changed their
 * quoted text and places, not what counts or lists them: the codebook's counts, findings and the matrix's
 * counts are as they were. Announcing them refetched the codebook and the passage bar's findings after every
 * autosave while someone typed inside a passage (issue 11).
 */
const RETYPED: readonly string[] = [...NOTE_TEXT, 'passages'];

const saveRetypedPassages = ({ output }: AnsweredCall): boolean => (output as { passagesRetyped?: unknown } | null)?.passagesRetyped === true;

const BY_ANSWER: Record<string, (call: AnsweredCall) => readonly string[] | undefined> = {
  'notes.save': (call) => (!saveTouchedPassages(call) ? NOTE_TEXT : saveRetypedPassages(call) ? RETYPED : undefined),
};

export const namespaceOf = (method: string): string => method.slice(0, method.indexOf('.'));

/**
 * What a successful call of `method` makes stale — namespaces, or single methods — empty for reads. Given the
 * call's input and answer, a write that did less than it might (a save of text alone) names less.
 */
export function changedBy(method: MethodName | string, call?: AnsweredCall): readonly string[] {
  const namespace = namespaceOf(method);
  const verb = method.slice(namespace.length + 1);
  if (QUIET.has(method) || READ_VERB.test(verb)) return [];
  const listed = (call && BY_ANSWER[method]?.(call)) ?? BY_METHOD[method] ?? [namespace, ...(ALSO[namespace] ?? [])];
  return listed.includes(EVERYTHING) ? [EVERYTHING] : listed;
}

/** Whether a query keyed `[namespace, method, …]` is among what `changedBy` named stale. */
export function isStale(stale: readonly string[], namespace: string, method: string): boolean {
  return stale.includes(EVERYTHING) || stale.includes(namespace) || stale.includes(method);
}
