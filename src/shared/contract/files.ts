/** Uploads from the renderer, imports of notes, and attachments (issue 3). Filled in by the files work. */
export const fileMethods = {} as const;
