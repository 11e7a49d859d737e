// Run with tsx: builds the export tests' small review (src/main/core/export/testing/reportFixture.ts) in FOLDER,
// for the report spec: three findings, a participant not for quotation, a real name written in a quote.
import { buildReportFixture } from '../../src/main/core/export/testing/reportFixture';

const folder = process.argv[2];
if (!folder) throw new Error('usage: reportWorkspace.ts FOLDER');
const { w, codes } = buildReportFixture({ make: () => folder, cleanup: () => undefined });
w.close();
console.log(JSON.stringify({ path: w.workspace.path, codes }));
