import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CodeNode } from '../codebook/codeTree';
import { toDescription } from '../codebook/description';
import { dropUnsayable } from '../codebook/xml';
import type { Project, ProjectSelection } from './model';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

/** The path a source's text has inside the .qdpx, as REFI-QDA spells it in plainTextPath. */
export const sourceFileName = (guid: string) => `${guid}.txt`;

/**
 * project.qde, valid against Project.xsd 1.0: elements in the schema's order
 * (Users, CodeBook, Variables, Cases, Sources, Notes, Links, Sets), text through
 * xmlbuilder2 (which escapes what it must) after dropping what XML 1.0 cannot
 * carry at all. Optional elements are left out when empty, since several are
 * `maxOccurs="unbounded"` lists that must hold at least one item if present.
 */
export function writeQde(project: Project): string {
  const s = dropUnsayable;
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele(PROJECT_NS, 'Project', { name: s(project.name), origin: s(project.origin) });
  const text = (parent: XMLBuilder, name: string, value: string) => {
    if (value) parent.ele(name).txt(s(value));
  };

  if (project.users.length) {
    const users = root.ele('Users');
    for (const user of project.users) users.ele('User', { guid: user.guid, name: s(user.name) });
  }

  if (project.codes.length) {
    const codes = root.ele('CodeBook').ele('Codes');
    const writeCode = (parent: XMLBuilder, node: CodeNode) => {
      const code = parent.ele('Code', { guid: node.guid!, name: s(node.name), isCodable: 'true', ...(node.colour ? { color: node.colour } : {}) });
      text(code, 'Description', toDescription({ definition: node.definition ?? '', exclusions: node.exclusions ?? '', code: node.code ?? null }));
      for (const child of node.children) writeCode(code, child);
    };
    for (const node of project.codes) writeCode(codes, node);
  }

  if (project.variables.length) {
    const variables = root.ele('Variables');
    for (const variable of project.variables) {
      const element = variables.ele('Variable', { guid: variable.guid, name: s(variable.name), typeOfVariable: variable.type });
      text(element, 'Description', variable.description);
    }
  }

  if (project.cases.length) {
    const types = new Map(project.variables.map((v) => [v.guid, v.type]));
    const cases = root.ele('Cases');
    for (const person of project.cases) {
      const element = cases.ele('Case', { guid: person.guid, name: s(person.name) });
      text(element, 'Description', person.description);
      for (const [variableGuid, value] of person.values) {
        const entry = element.ele('VariableValue');
        entry.ele('VariableRef', { targetGUID: variableGuid });
        entry.ele(`${types.get(variableGuid) ?? 'Text'}Value`).txt(s(value));
      }
      for (const guid of person.sourceGuids) element.ele('SourceRef', { targetGUID: guid });
      for (const guid of person.selectionGuids) element.ele('SelectionRef', { targetGUID: guid });
    }
  }

  if (project.sources.length) {
    const sources = root.ele('Sources');
    for (const source of project.sources) {
      const element = sources.ele('TextSource', {
        guid: source.guid,
        name: s(source.name),
        plainTextPath: `internal://${sourceFileName(source.guid)}`,
        ...(source.creatingUser ? { creatingUser: source.creatingUser } : {}),
        ...(source.createdAt ? { creationDateTime: source.createdAt } : {}),
      });
      text(element, 'Description', source.description);
      for (const selection of source.selections) writeSelection(element, selection);
    }
  }

  if (project.notes.length) {
    const notes = root.ele('Notes');
    for (const note of project.notes) {
      const element = notes.ele('Note', { guid: note.guid, name: s(note.name) });
      text(element, 'Description', note.description ?? '');
      element.ele('PlainTextContent').txt(s(note.text));
    }
  }

  if (project.links.length) {
    const links = root.ele('Links');
    for (const link of project.links) {
      links.ele('Link', { guid: link.guid, name: s(link.name), direction: 'OneWay', originGUID: link.originGuid, targetGUID: link.targetGuid });
    }
  }

  if (project.sets.length) {
    const sets = root.ele('Sets');
    for (const set of project.sets) {
      const element = sets.ele('Set', { guid: set.guid, name: s(set.name) });
      text(element, 'Description', set.description);
      for (const guid of set.codeGuids) element.ele('MemberCode', { targetGUID: guid });
      for (const guid of set.sourceGuids) element.ele('MemberSource', { targetGUID: guid });
      for (const guid of set.noteGuids) element.ele('MemberNote', { targetGUID: guid });
    }
  }
  return doc.end({ prettyPrint: true });
}

function writeSelection(parent: XMLBuilder, selection: ProjectSelection): void {
  const s = dropUnsayable;
  const element = parent.ele('PlainTextSelection', {
    guid: selection.guid,
    name: s(selection.name),
    startPosition: String(selection.start),
    endPosition: String(selection.end),
    ...(selection.creatingUser ? { creatingUser: selection.creatingUser } : {}),
    ...(selection.createdAt ? { creationDateTime: selection.createdAt } : {}),
  });
  if (selection.keyQuote) element.ele('Description').txt(KEY_QUOTE);
  for (const coding of selection.codings) {
    const attrs: Record<string, string> = { guid: coding.guid };
    if (coding.user) attrs.creatingUser = coding.user;
    if (coding.at) attrs.creationDateTime = coding.at;
    element.ele('Coding', attrs).ele('CodeRef', { targetGUID: coding.codeGuid });
  }
  if (selection.memoNoteGuid) element.ele('NoteRef', { targetGUID: selection.memoNoteGuid });
}

/** How a key quote travels: a selection's description, which other tools show as its comment. */
export const KEY_QUOTE = 'Key quote.';
