/** Notes: the live editor's documents and their autosave (issue 3). */
export const noteMethods = {} as const;
