/** Full-text search and the theme view over passages (issue 4). */
export const searchMethods = {} as const;
