import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An element of a parsed document, with its namespace resolved. */
export interface XmlElement {
  /** The name without its prefix ("CodeBook" for "qdc:CodeBook"). */
  local: string;
  /** The namespace URI in scope for it, or null for none. */
  ns: string | null;
  /** Attributes by their name as written (prefix included); namespace declarations left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Its own text (not its descendants'), entities decoded, CDATA included. */
  text: string;
  /** 1-based line of its start tag, for messages. */
  line: number;
}

/**
 * Not well-formed XML (`refused` false), or well-formed XML we will not read
 * (a DOCTYPE, nesting too deep: `refused` true); `message` says what and
 * where, for a person.
 */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
  }
}

export interface ParseOptions {
  /** Elements nested deeper than this stop the parse at once (REFI files nest a dozen levels; codes more). */
  maxDepth?: number;
  /** The document element's local name must be one of these, checked as soon as it opens. */
  expectRoot?: readonly string[];
}

export const DEFAULT_MAX_DEPTH = 200;

/**
 * Parse a whole document into elements with saxes, a conforming streaming
 * XML parser: anything not well-formed is an error (nothing is repaired, so
 * nothing is half-read), and the checks that protect us run while parsing,
 * before any tree is built: a DOCTYPE is refused outright (no entity can be
 * declared, so none is expanded — saxes refuses undeclared ones), and nesting
 * deeper than `maxDepth` stops at the first element too deep. Time and memory
 * stay linear in the file's size whatever its shape.
 */
export function parseXml(source: string, options: ParseOptions = {}): XmlElement {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let line = 1;

  parser.on('doctype', () => {
    throw new XmlError(`it declares a document type (<!DOCTYPE …>) on line ${parser.line}, which exchange files never need; Fieldnotes does not read them, so that no entity in it can be expanded`, true);
  });
  parser.on('opentagstart', () => {
    line = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) {
      throw new XmlError(`its elements are nested more than ${maxDepth} levels deep (line ${line}), deeper than any real export`, true);
    }
    if (!root && options.expectRoot && !options.expectRoot.includes(tag.local)) {
      throw new WrongRoot(tag.local);
    }
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attrs[attribute.name] = attribute.value;
    }
    const element: XmlElement = { local: tag.local, ns: tag.uri || null, attrs, children: [], text: '', line };
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (data) => {
    if (stack.length) stack[stack.length - 1]!.text += data;
  });
  parser.on('cdata', (data) => {
    if (stack.length) stack[stack.length - 1]!.text += data;
  });
  parser.on('error', (error) => {
    // saxes forgets a stray close tag's name before it complains; find it in the text for the message.
    const at = text.lastIndexOf('</', parser.position - 2);
    const name = at === -1 ? '' : (/^<\/([^\s>]*)/.exec(text.slice(at, at + 200))?.[1] ?? '');
    throw new XmlError(explain(error.message, name));
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlError) throw error;
    throw new XmlError((error as Error).message);
  }
  if (!root) throw new XmlError('it holds no XML element at all');
  return root;
}

/** saxes says "1:57: unexpected close tag."; a person wants the line and the element in a sentence. */
function explain(raw: string, name: string): string {
  const match = /^(?:[^:]*:)?(\d+):\d+: (.*?)\.?$/.exec(raw);
  const [line, what] = match ? [match[1]!, match[2]!] : ['?', raw];
  const unclosed = /^unclosed tag: (.+)$/.exec(what);
  if (unclosed) return `the element <${unclosed[1]}> is never closed`;
  const prefix = /^unbound namespace prefix: "(.*)"$/.exec(what);
  if (prefix) return `the prefix "${prefix[1]}" on line ${line} is not declared`;
  if (what === 'unexpected close tag') return `a closing tag </${name}> on line ${line} does not match the open element`;
  if (what === 'text data outside of root node') return `there is text outside the document's element on line ${line}`;
  if (what === 'documents may contain only one root') return `a second top-level element on line ${line}`;
  return `${what} (line ${line})`;
}

/** The document element is not what the caller reads; thrown as soon as it opens. */
export class WrongRoot extends XmlError {
  constructor(readonly local: string) {
    super(`its top element is <${local}>`, true);
  }
}

/** XML 1.0 cannot carry these at all, even escaped; they are dropped on the way out. */
export function dropUnsayable(value: string): string {
  let out = '';
  for (const char of value) {
    const c = char.codePointAt(0)!;
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (allowed) out += char;
  }
  return out;
}

/** Text content: `\r` as a reference so it survives a parser's line-end normalisation. */
export const escapeText = (value: string): string =>
  dropUnsayable(value).replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);

/** Attribute values: quotes, and white space as references so attribute normalisation keeps it. */
export const escapeAttribute = (value: string): string =>
  dropUnsayable(value).replace(
    /[&<>"\t\n\r]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!,
  );
