import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { reportPageEstimator } from './pageEstimate';
import { styles } from './styles';

/** The page each bookmark starts on and the page count, as the estimator worked them out for this document. */
async function estimate(sections: ConstructorParameters<typeof Document>[0]['sections']) {
  const estimator = reportPageEstimator(styles);
  let result: ReturnType<typeof estimator> | null = null;
  const spy = Object.assign((body: Parameters<typeof estimator>[0], context: Parameters<typeof estimator>[1]) => (result = estimator(body, context)), estimator);
  await Packer.toBuffer(new Document({ styles, sections, pageNumbers: spy }));
  return result!;
}

const chapter = (title: string, paragraphs: number) => [
  new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(title)] }),
  ...Array.from({ length: paragraphs }, () => new Paragraph({ children: [new TextRun('The panel heard that protected learning time is the main barrier to training. '.repeat(4))] })),
];
const contents = new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' });

describe('the cheap page estimate for the table of contents', () => {
  it('puts each chapter that starts a page on the page after the last one ends', async () => {
    const result = await estimate([{ children: [new Paragraph('Title page'), contents, ...chapter('One', 2), ...chapter('Two', 2), ...chapter('Three', 2)] }]);
    expect([...result.bookmarks.values()]).toEqual(['2', '3', '4']);
    expect(result.pageCount).toBe(4);
  });

  it('lets long chapters run over pages: 60 four-line paragraphs at 11 pt fill about five A4 pages', async () => {
    const result = await estimate([{ children: [contents, ...chapter('Long', 60), ...chapter('After', 1)] }]);
    const [long, after] = [...result.bookmarks.values()].map(Number);
    expect(long).toBe(2); // after the contents' page
    expect(after! - long!).toBeGreaterThanOrEqual(4);
    expect(after! - long!).toBeLessThanOrEqual(7);
  });

  it('starts every section on a new page, and lays out a landscape table of rows that do not split', async () => {
    const row = () => new TableRow({ cantSplit: true, children: [new TableCell({ children: [new Paragraph({ style: 'TableText', children: [new TextRun('Cell text')] })] })] });
    const table = new Table({ rows: [new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('Theme')] })] }), ...Array.from({ length: 150 }, row)] });
    const result = await estimate([
      { children: [contents, ...chapter('Portrait', 1)] },
      { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: [...chapter('Matrix', 0), table] },
      { children: chapter('Appendix', 1) },
    ]);
    const [portrait, landscape, appendix] = [...result.bookmarks.values()].map(Number);
    expect(portrait).toBe(2);
    expect(landscape).toBe(3);
    // 150 rows of one line at 9.5 pt on landscape pages: three or four pages.
    expect(appendix! - landscape!).toBeGreaterThanOrEqual(3);
    expect(appendix! - landscape!).toBeLessThanOrEqual(5);
    expect(result.sectionPageCounts?.length).toBe(3);
  });
});
