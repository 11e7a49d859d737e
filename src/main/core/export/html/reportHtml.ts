/**
 * The report model as one HTML document with print CSS (issue 13), which
 * Chromium prints to PDF: in the app through Electron's printToPDF, in the
 * CLI and tests through playwright-core (the print port). Semantic elements
 * (headings, tables with header cells, blockquotes, figure captions) become
 * the PDF's tags; the headings its outline.
 *
 * Contents: links to each chapter and finding; Chromium has no
 * `target-counter()`, so their page numbers are written in after printing
 * (`pdf/contentsPages.ts`), from the links' destinations.
 */
import type { ReportFinding, ReportModel } from '../report/model';
import { evidenceLine, figure, introduction, methodIntroduction, placesText, sectionTitles } from '../report/wording';
import { reportCss } from './reportCss';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Blank lines part paragraphs; single line ends become breaks. */
const paragraphs = (text: string, cls = ''): string =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p${cls ? ` class="${cls}"` : ''}>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

const inline = (text: string) => esc(text).replace(/\n+/g, ' ');

/** "15 Jan 2018 – 13 Dec 2018", broken only at the dash. */
const dateRange = (from: string, to: string) =>
  from === to ? `<span class="nowrap">${esc(from)}</span>` : `<span class="nowrap">${esc(from)} –</span> <span class="nowrap">${esc(to)}</span>`;

interface Chapter {
  id: string;
  title: string;
  children?: { id: string; title: string }[];
}

/** A row, or the heading of the group of rows after it (a theme in the summary table). */
type Row = string[] | { group: string };

function table(caption: string, head: string[], rows: Row[], numeric: Set<number> = new Set(), cls = ''): string {
  const cell = (tag: 'td' | 'th', v: string, i: number, scope?: string) =>
    `<${tag}${scope ? ` scope="${scope}"` : ''}${numeric.has(i) ? ' class="num"' : ''}>${v}</${tag}>`;
  const body = rows
    .map((r) =>
      Array.isArray(r)
        ? `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`
        : `</tbody><tbody><tr class="group"><th scope="rowgroup" colspan="${head.length}">${esc(r.group)}</th></tr>`,
    )
    .join('');
  return (
    `<table${cls ? ` class="${cls}"` : ''}>` +
    (caption ? `<caption>${esc(caption)}</caption>` : '') +
    `<thead><tr>${head.map((h, i) => cell('th', `<span>${esc(h)}</span>`, i, 'col')).join('')}</tr></thead>` +
    `<tbody>${body}</tbody></table>`.replace('<tbody></tbody>', '')
  );
}

function findingHtml(f: ReportFinding, id: string): string {
  const parts = [`<section class="finding" aria-labelledby="${id}">`, `<h2 id="${id}"><span class="label">${esc(f.label)}</span> ${esc(f.statement)}</h2>`];
  if (f.draft) parts.push('<p class="draft-mark">Draft finding</p>');
  parts.push(
    `<p class="confidence"><strong>CERQual: ${esc(f.confidence ?? 'Not assessed')}</strong>${f.explanation ? ` — ${inline(f.explanation)}` : ''}</p>`,
  );
  if (f.components.length) {
    parts.push(
      `<dl class="components">${f.components
        .map((c) => `<div><dt>${esc(c.label)}</dt><dd>${esc(c.concern)}${c.note ? `. ${inline(c.note)}` : ''}</dd></div>`)
        .join('')}</dl>`,
    );
  }
  parts.push(`<p class="evidence">${esc(evidenceLine(f.evidence))}</p>`);
  for (const q of f.quotes) {
    parts.push(`<figure class="quote"><blockquote>${paragraphs(`“${q.text}”`)}</blockquote><figcaption>— ${esc(q.attribution)}</figcaption></figure>`);
  }
  parts.push('</section>');
  return parts.join('');
}

export function reportHtml(model: ReportModel): string {
  const chapters: Chapter[] = [];
  const body: string[] = [];
  /** `continued`: more of the chapter on the default (portrait) pages, after a landscape chapter's table. */
  const chapter = (id: string, title: string, html: string, children?: Chapter['children'], cls = '', continued = '') => {
    chapters.push({ id, title, children });
    body.push(`<section class="chapter${cls ? ` ${cls}` : ''}" aria-labelledby="${id}"><h1 id="${id}">${esc(title)}</h1>${html}</section>${continued}`);
  };

  // Summary
  let summary = paragraphs(introduction(model));
  if (model.findingsSummary.length) {
    summary += table(
      'Table 1. Summary of findings, with confidence in each (GRADE-CERQual) and the evidence behind it',
      ['Finding', 'Statement', 'Confidence', 'Passages', 'Participants'],
      model.findingsSummary.flatMap((f, i, all): Row[] => [
        ...(i === 0 || all[i - 1]!.theme !== f.theme ? [{ group: f.theme }] : []),
        [esc(f.label), esc(f.statement), esc(f.confidence), figure(f.passages), figure(f.participants)],
      ]),
      new Set([3, 4]),
      'summary',
    );
  }
  chapter('summary', sectionTitles.summary, summary);

  // Method
  const m = model.method;
  let method = `<p>${esc(methodIntroduction(model))}</p>`;
  method += '<h2 id="method-engagements">Engagements</h2>';
  method += m.engagementTypes.length
    ? table(
        'Table 2. Engagements by type',
        ['Type', 'Number', 'Dates', 'Places'],
        m.engagementTypes.map((t) => [esc(t.label), figure(t.count), dateRange(t.from, t.to), esc(placesText(t.places))]),
        new Set([1]),
        'types',
      )
    : '<p>No engagements are recorded.</p>';
  method += '<div class="keep-heading"><h2 id="method-participants">Participants</h2>';
  method += m.staffGroups.length
    ? // A short table is kept whole, with its heading: never a heading and a header row alone at a page's foot.
      table('Table 3. Participants by staff group', ['Staff group', 'Participants'], m.staffGroups.map((g) => [esc(g.label), figure(g.count)]), new Set([1]), 'narrow')
    : '<p>No participants are recorded.</p>';
  method += '</div>';
  method += `<h2 id="method-consent">Quotations and consent</h2>${paragraphs(sectionTitles.consentNote)}`;
  method += `<h2 id="method-reviewers">Reviewers</h2><p>${esc(m.reviewers.join(', ') || 'No reviewers are recorded.')}</p>`;
  chapter('method', sectionTitles.method, method, [
    { id: 'method-engagements', title: 'Engagements' },
    { id: 'method-participants', title: 'Participants' },
    { id: 'method-consent', title: 'Quotations and consent' },
    { id: 'method-reviewers', title: 'Reviewers' },
  ]);

  // Findings by theme
  model.themes.forEach((t, i) => {
    const findings = t.findings.map((f) => ({ id: `finding-${f.label}`, f }));
    chapter(
      `theme-${i + 1}`,
      t.name,
      (t.definition ? paragraphs(t.definition, 'definition') : '') + findings.map(({ id, f }) => findingHtml(f, id)).join(''),
      findings.map(({ id, f }) => ({ id, title: `${f.label}  ${f.statement}` })),
    );
  });

  // Matrix
  if (model.matrix) {
    const x = model.matrix;
    let html = `<p>Passages tagged with each theme (rows, including their sub-themes) by ${esc(x.dimensionLabel.toLowerCase())} of the speaker (columns).</p>`;
    if (x.rows.length) {
      const numeric = new Set(x.columns.map((_, i) => i + 1).concat([x.columns.length + 1]));
      html += table(
        `Table 4. Framework matrix: themes by ${x.dimensionLabel.toLowerCase()}`,
        ['Theme', ...x.columns, 'All'],
        [
          ...x.rows.map((r) => [
            `<span class="depth-${Math.min(r.depth, 4)}">${esc(r.name)}</span>`,
            ...r.cells.map((c) => (c ? figure(c) : '<span class="none" aria-label="none">–</span>')),
            `<strong>${figure(r.total)}</strong>`,
          ]),
          ['<strong>All themes</strong>', ...x.totals.map((t) => `<strong>${figure(t)}</strong>`), `<strong>${figure(x.grandTotal)}</strong>`],
        ],
        numeric,
        // Past eight columns the staff groups' names do not fit across: they are printed upright.
        x.columns.length > 8 ? 'matrix upright' : 'matrix',
      );
    } else html += '<p>No passages are tagged yet.</p>';
    const children: Chapter['children'] = [];
    // The written summaries are prose: they read on portrait pages, not in landscape lines of 160 characters.
    let summaries = '';
    if (x.summaries.length) {
      children.push({ id: 'matrix-summaries', title: 'What the matrix shows' });
      summaries += '<section class="chapter-continued" aria-labelledby="matrix-summaries"><h2 id="matrix-summaries">What the matrix shows</h2>';
      let theme = '';
      for (const s of x.summaries) {
        if (s.theme !== theme) {
          summaries += `<h3>${esc(s.theme)}</h3>`;
          theme = s.theme;
        }
        summaries += `<p><strong>${esc(s.column)}.</strong> ${esc(s.text).replace(/\n+/g, '<br>')}</p>`;
      }
      summaries += '</section>';
    }
    chapter('matrix', sectionTitles.matrix, html, children, 'landscape', summaries);
  }

  // Recommendations
  if (model.recommendations.length) {
    const children: Chapter['children'] = [];
    let html = '';
    model.recommendations.forEach((g, i) => {
      const id = `recommendations-${i + 1}`;
      children.push({ id, title: g.name });
      html += `<h2 id="${id}">${esc(g.name)}</h2><ol class="recommendations">${g.items
        .map(
          (r) =>
            `<li><span class="label">${esc(r.label)}</span><span>${esc(r.text).replace(/\n+/g, '<br>')}${r.findings.length ? ` <span class="cites">(${esc(r.findings.join(', '))})</span>` : ''}</span></li>`,
        )
        .join('')}</ol>`;
    });
    chapter('recommendations', sectionTitles.recommendations, html, children);
  }

  // Appendices
  if (model.engagementLog) {
    chapter(
      'engagement-log',
      sectionTitles.engagementLog,
      model.engagementLog.length
        ? table(
            '',
            ['Date', 'Engagement', 'Type', 'Organisation and place', 'People'],
            model.engagementLog.map((e) => [esc(e.date), esc(e.title), esc(e.type), esc(e.where), figure(e.participants)]),
            new Set([4]),
            'log',
          )
        : '<p>No engagements are recorded.</p>',
    );
  }
  if (model.codebook) {
    chapter(
      'codebook',
      sectionTitles.codebook,
      model.codebook.length
        ? table(
            '',
            ['Theme', 'Definition', 'Passages'],
            model.codebook.map((t) => [
              `<span class="depth-${Math.min(t.depth, 4)}">${t.depth === 0 ? '<strong>' : ''}${esc(t.name)}${t.code ? ` (${esc(t.code)})` : ''}${t.depth === 0 ? '</strong>' : ''}</span>`,
              paragraphs(t.definition) + (t.exclusions ? `<p class="not">Not: ${esc(t.exclusions)}</p>` : ''),
              figure(t.passages),
            ]),
            new Set([2]),
            'codebook',
          )
        : '<p>The codebook is empty.</p>',
    );
  }

  const contents = `<nav class="contents" aria-labelledby="contents"><h2 id="contents" class="contents-title">Contents</h2><ol>${chapters
    .map(
      (c) =>
        `<li><span class="entry"><a href="#${c.id}">${esc(c.title)}</a></span>${
          c.children?.length ? `<ol>${c.children.map((k) => `<li><a href="#${k.id}">${esc(k.title)}</a></li>`).join('')}</ol>` : ''
        }</li>`,
    )
    .join('')}</ol></nav>`;

  const title = `<header class="title-page">${model.draft ? '<p class="draft-banner">Draft — not for circulation</p>' : ''}<div class="title-block"><p class="kicker">Findings report</p><p class="title" role="heading" aria-level="1">${esc(model.title)}</p></div><div class="issued"><p class="panel">${esc(model.panel)}</p><p>${esc(model.dateLabel)}</p><p class="version">Version ${esc(model.version)}${model.draft ? ' (draft)' : ''}</p></div></header>`;

  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(model.title)}${model.draft ? ' (draft)' : ''}</title>
<meta name="author" content="${esc(model.author)}"><meta name="description" content="Findings report, version ${esc(model.version)}">
<style>${reportCss(model)}</style></head><body>${title}${contents}<main>${body.join('')}</main></body></html>`;
}
