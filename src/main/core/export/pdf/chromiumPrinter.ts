import { FieldnotesError } from '../../../../shared/rpc/result';
import type { PrintPort } from './printPort';

import { CHROMIUM_FLAGS, chromiumPath } from './chromiumFlags';

export { chromiumPath };

/**
 * Print with a headless Chromium through playwright-core: one browser per
 * PDF, closed afterwards, every request refused (the HTML needs none).
 */
export function chromiumPrinter(executablePath = chromiumPath()): PrintPort {
  return {
    async printPdf(html, signal) {
      const { chromium } = await import('playwright-core');
      signal?.throwIfAborted();
      const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] }).catch((error: unknown) => {
        throw new FieldnotesError(
          'UNAVAILABLE',
          `Fieldnotes needs Chromium to make a PDF and could not start it at ${executablePath} (${String((error as Error).message ?? error).split('\n')[0]}). Install Chromium, or set CHROMIUM_PATH.`,
        );
      });
      const abort = () => void browser.close();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true });
        signal?.throwIfAborted();
        return new Uint8Array(pdf);
      } catch (error) {
        signal?.throwIfAborted();
        throw error;
      } finally {
        signal?.removeEventListener('abort', abort);
        await browser.close().catch(() => undefined);
      }
    },
  };
}
