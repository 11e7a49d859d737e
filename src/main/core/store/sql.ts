/** Small pieces of SQL the store modules share. */

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped; use with `ESCAPE '\'`. */
export const likeAnywhere = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `LIKE @name ESCAPE '\'` for a column, the one spelling of an escaped LIKE. */
export const likeClause = (column: string, parameter: string): string => `${column} LIKE @${parameter} ESCAPE '\\'`;

/** `(a LIKE @p ESCAPE '\' OR b LIKE …)`: the text found in any of the columns (lists' search boxes). */
export const likeAnyColumn = (columns: readonly string[], parameter: string): string =>
  `(${columns.map((c) => likeClause(c, parameter)).join(' OR ')})`;
