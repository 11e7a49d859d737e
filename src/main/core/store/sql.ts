/** Small pieces of SQL the store modules share. */

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped; use with `ESCAPE '\'`. */
export const likeAnywhere = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `LIKE @name ESCAPE '\'` for a column, the one spelling of an escaped LIKE. */
export const likeClause = (column: string, parameter: string): string => `${column} LIKE @${parameter} ESCAPE '\\'`;

/** `(a LIKE @p ESCAPE '\' OR b LIKE …)`: the text found in any of the columns (lists' search boxes). */
export const likeAnyColumn = (columns: readonly string[], parameter: string): string =>
  `(${columns.map((c) => likeClause(c, parameter)).join(' OR ')})`;

/**
 * The WHERE clause of a list narrowed by a person's choices, built a condition at a time: fixed SQL text, every
 * value a named parameter (the engagements and participants lists, over the analysis filters' conditions).
 */
export class Conditions {
  readonly where: string[];
  readonly params: Record<string, string>;

  constructor(start: { where: string[]; params: Record<string, string> } = { where: [], params: {} }) {
    this.where = start.where;
    this.params = start.params;
  }

  add(condition: string, params: Record<string, string> = {}): this {
    this.where.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  /** The text found anywhere in any of the columns (a search box), LIKE's own wildcards escaped. */
  textIn(columns: readonly string[], parameter: string, text: string): this {
    return this.add(likeAnyColumn(columns, parameter), { [parameter]: likeAnywhere(text) });
  }

  /** `WHERE a AND b`, or nothing when no condition was added. */
  get clause(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}
