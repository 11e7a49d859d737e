import { Parser } from 'htmlparser2';

/** An element of a parsed document, with its namespace resolved. */
export interface XmlElement {
  /** The name without its prefix ("CodeBook" for "qdc:CodeBook"). */
  local: string;
  /** The namespace URI in scope for it, or null for none. */
  ns: string | null;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Its own text (not its descendants'), entities decoded, CDATA included. */
  text: string;
  /** 1-based line of its start tag, for messages. */
  line: number;
}

/** Not well-formed XML; `message` says what and where, for a person. */
export class XmlError extends Error {}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * htmlparser2 is forgiving by design (it parses HTML): it closes unclosed
 * tags for us and drops stray end tags. A file that needs either is damaged,
 * and importing half of it silently would lose themes, so this parser
 * reports both as errors instead.
 */
class StrictParser extends Parser {
  constructor(
    private readonly source: string,
    private readonly open: string[],
    private readonly onStray: (name: string, at: number) => void,
    handlers: ConstructorParameters<typeof Parser>[0],
  ) {
    super(handlers, { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true, recognizeCDATA: true });
  }

  /** True while htmlparser2 closes a self-closing tag, which it reports as an implied close too. */
  selfClosing = false;

  override onclosetag(start: number, endIndex: number): void {
    const name = this.source.slice(start, endIndex).trim();
    if (this.open[this.open.length - 1] !== name) this.onStray(name, start);
    super.onclosetag(start, endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.selfClosing = true;
    try {
      super.onselfclosingtag(endIndex);
    } finally {
      this.selfClosing = false;
    }
  }
}

/** Parse a whole document into elements; throws XmlError if it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (index: number) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < index) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
  const names: string[] = [];
  const stack: { element: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let error: string | null = null;
  const fail = (message: string) => {
    error ??= message;
  };

  const parser: StrictParser = new StrictParser(
    text,
    names,
    (name, at) => fail(`a closing tag </${name}> on line ${lineAt(at)} does not match the open element`),
    {
      onopentag(name, attribs) {
        if (error) return;
        if (!stack.length && root) return fail(`a second top-level element <${name}> on line ${lineAt(parser.startIndex)}`);
        const parentScope = stack.length ? stack[stack.length - 1]!.scope : new Map([['xml', XML_NS]]);
        const scope = new Map(parentScope);
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs)) {
          if (key === 'xmlns') scope.set('', value);
          else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
          else attrs[key] = value;
        }
        const colon = name.indexOf(':');
        const prefix = colon === -1 ? '' : name.slice(0, colon);
        if (prefix && !scope.has(prefix)) fail(`the prefix "${prefix}" of <${name}> on line ${lineAt(parser.startIndex)} is not declared`);
        const element: XmlElement = {
          local: colon === -1 ? name : name.slice(colon + 1),
          ns: scope.get(prefix) || null,
          attrs,
          children: [],
          text: '',
          line: lineAt(parser.startIndex),
        };
        if (stack.length) stack[stack.length - 1]!.element.children.push(element);
        else root = element;
        stack.push({ element, scope });
        names.push(name);
      },
      onclosetag(name, isImplied) {
        if (isImplied && !parser.selfClosing) fail(`the element <${name}> is never closed`);
        if (names[names.length - 1] === name) {
          names.pop();
          stack.pop();
        }
      },
      ontext(data) {
        if (stack.length) stack[stack.length - 1]!.element.text += data;
        else if (data.trim()) fail(`there is text outside the document's element on line ${lineAt(parser.startIndex)}`);
      },
    },
  );
  parser.end(text);
  if (error) throw new XmlError(error);
  if (!root) throw new XmlError('it holds no XML element at all');
  return root;
}

/** XML 1.0 cannot carry these at all, even escaped; they are dropped on the way out. */
function dropUnsayable(value: string): string {
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
