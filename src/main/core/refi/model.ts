/**
 * A REFI-QDA project as plain data, between our workspace and the XML: the
 * exporter builds one from the workspace and the writer serialises it; the
 * reader builds one from a .qde and the importer applies it. Positions here
 * are always Unicode code points over `text` (the importer converts other
 * tools' conventions on the way in).
 */
import type { CodeNode } from '../codebook/codeTree';

export interface ProjectUser {
  guid: string;
  name: string;
}

export interface ProjectSelection {
  guid: string;
  start: number;
  end: number;
  /** The quoted text, shortened: what ATLAS.ti shows as the quotation's name. */
  name: string;
  /** Our passage's memo (export: a Note with a NoteRef; import: from NoteRefs and the Description). */
  memo: string;
  keyQuote: boolean;
  creatingUser?: string;
  createdAt?: string;
  /** One per theme: the code, and who tagged and when where known. */
  codings: { codeGuid: string; guid: string; user?: string; at?: string }[];
  /** The Note that holds the memo (export). */
  memoNoteGuid?: string;
}

export interface ProjectSource {
  guid: string;
  name: string;
  /** The plain text, LF line ends, no byte-order mark. */
  text: string;
  description: string;
  selections: ProjectSelection[];
  creatingUser?: string;
  createdAt?: string;
}

export type VariableType = 'Text' | 'Integer' | 'Float' | 'Boolean' | 'Date' | 'DateTime';

export interface ProjectVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string;
}

export interface ProjectCase {
  guid: string;
  name: string;
  description: string;
  /** Variable guid → value as text. */
  values: Map<string, string>;
  /** Sources (notes) of the engagements the person took part in. */
  sourceGuids: string[];
  /** Selections (passages) the person said. */
  selectionGuids: string[];
}

export interface ProjectNote {
  guid: string;
  name: string;
  text: string;
  description?: string;
}

export interface ProjectSet {
  guid: string;
  name: string;
  description: string;
  sourceGuids: string[];
  codeGuids: string[];
  noteGuids: string[];
}

/** A Link between two objects: how a finding (a Note) names the passages that support it and its themes. */
export interface ProjectLink {
  guid: string;
  name: string;
  originGuid: string;
  targetGuid: string;
}

export interface Project {
  name: string;
  origin: string;
  users: ProjectUser[];
  codes: CodeNode[];
  variables: ProjectVariable[];
  cases: ProjectCase[];
  sources: ProjectSource[];
  notes: ProjectNote[];
  links: ProjectLink[];
  sets: ProjectSet[];
}
