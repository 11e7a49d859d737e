/**
 * How the core gets a PDF printed from the report's HTML without knowing by
 * what: Electron's printToPDF in the app (src/main/shell/print.ts), Debian's
 * Chromium through playwright-core in the CLI, the loopback host and tests
 * (chromiumPrinter.ts). Either way the PDF is tagged and carries an outline
 * from the headings — which Chromium gives only with tagging on as well.
 */
export interface PrintPort {
  /** The HTML is complete and self-contained (no network, no files). Rejects when the signal aborts. */
  printPdf(html: string, signal?: AbortSignal): Promise<Uint8Array>;
}
