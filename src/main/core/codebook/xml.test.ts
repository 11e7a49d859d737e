import { describe, expect, it } from 'vitest';
import { fromDescription, toDescription } from './description';
import { readQdc } from './qdcReader';
import { escapeAttribute, escapeText, parseXml, XmlError } from './xml';

describe('the strict XML reader', () => {
  it('resolves namespaces by prefix and default, decodes entities and CDATA, and skips the declaration and comments', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0" origin="A &amp; B"><q:Codes>' +
        '<Code xmlns="urn:other" name="&#233;t&#xe9;"><Description><![CDATA[a < b]]> &lt;c&gt;</Description></Code></q:Codes></q:CodeBook>',
    );
    expect(root).toMatchObject({ local: 'CodeBook', ns: 'urn:QDA-XML:codebook:1.0', attrs: { origin: 'A & B' } });
    const code = root.children[0]!.children[0]!;
    expect(code).toMatchObject({ ns: 'urn:other', attrs: { name: 'été' } });
    expect(code.children[0]!.text).toBe('a < b <c>');
    expect(code.line).toBe(3);
  });

  it('escapes what XML must not see raw, and drops what it cannot carry at all', () => {
    expect(escapeText('a & <b> ]]> \r\n')).toBe('a &amp; &lt;b&gt; ]]&gt; &#13;\n');
    expect(escapeAttribute('"x"\t\n\u0001')).toBe('&quot;x&quot;&#9;&#10;');
    const back = parseXml(`<a v="${escapeAttribute('1 & "2"\n3')}">${escapeText('x < y & z')}</a>`);
    expect(back).toMatchObject({ attrs: { v: '1 & "2"\n3' }, text: 'x < y & z' });
  });
});

describe('a theme’s description in a .qdc', () => {
  it('carries definition, exclusions and code as readable paragraphs and splits them again', () => {
    const theme = { definition: 'What belongs.\n\nMore of it.', exclusions: 'Not this.\nNor that.', code: 'AI-IMG' };
    const text = toDescription(theme);
    expect(text).toBe('What belongs.\n\nMore of it.\n\nExclusions: Not this.\nNor that.\n\nCode: AI-IMG');
    expect(fromDescription(text)).toEqual(theme);
    expect(fromDescription(toDescription({ definition: '', exclusions: 'Only this.', code: null }))).toEqual({ definition: '', exclusions: 'Only this.', code: null });
    expect(fromDescription('Another tool’s memo.\r\nSecond line.')).toEqual({ definition: 'Another tool’s memo.\nSecond line.', exclusions: '', code: null });
  });
});

describe('hostile XML', () => {
  it('refuses a DOCTYPE before any entity in it can be declared or expanded', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><CodeBook>&lol2;</CodeBook>';
    expect(() => parseXml(bomb)).toThrow(/document type/);
    const external = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>';
    expect(() => parseXml(external)).toThrow(XmlError);
  });

  it('refuses an entity that was never declared instead of guessing it', () => {
    expect(() => parseXml('<x>&nbsp;</x>')).toThrow(XmlError);
  });

  it('stops a deeply nested 8 MB file at the depth limit while parsing, in linear time', () => {
    const depth = 400_000;
    const deep = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    expect(deep.length).toBeGreaterThan(2_500_000);
    const eight = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' + '<Code name="x" isCodable="true">'.repeat(250_000);
    expect(eight.length).toBeGreaterThan(8_000_000);
    const started = performance.now();
    expect(() => parseXml(deep, { maxDepth: 100 })).toThrow(/nested more than 100 levels deep \(line 1\)/);
    expect(() => readQdc(eight)).toThrow(/nested more than 54 levels deep/);
    // Not asserted (shared machines): printed so a regression to quadratic time is visible in the log.
    console.log(`deep XML refused in ${Math.round(performance.now() - started)} ms`);
  });

  it('counts the line of an element for messages', () => {
    expect(parseXml('<a>\n\n<b/></a>').children[0]!.line).toBe(3);
  });
});
