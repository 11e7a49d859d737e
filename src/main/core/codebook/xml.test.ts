import { describe, expect, it } from 'vitest';
import { fromDescription, toDescription } from './description';
import { escapeAttribute, escapeText, parseXml } from './xml';

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
