// pdf.js ships types for its API but not for the worker module, which the core loads
// onto its own thread (see pdf.ts); only its presence matters to us.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
