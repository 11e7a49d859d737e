import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { likeAnywhere, likeClause } from './sql';

/**
 * The analysis filters as SQL conditions with named parameters, shared by the
 * theme view and search. Conditions are fixed text; every value a person
 * chose is a parameter (lists travel as JSON, read with json_each).
 *
 * The queries that use these name their tables `e` (engagements), `n`
 * (notes), `p` (passages) and `pa` (participants, left-joined on the
 * passage's speaker).
 */
export interface SqlFilter {
  /** Conditions on the engagement alone (alias `e`): the theme view applies them to notes first. */
  engagement: string[];
  /** Every condition, the engagement's included. */
  where: string[];
  params: Record<string, string | number>;
  /** A condition reads `pa`, so the participants join is needed. */
  needsParticipant: boolean;
}

const list = (values: string[]) => JSON.stringify(values);

/** Words of the organisation filter, each found anywhere in the organisation (ASCII case ignored). */
function organisationWords(organisation: string | undefined): string[] {
  return (organisation ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
}

/**
 * Conditions on an engagement (alias `e`): its type, organisation and dates.
 * The engagements list and the analysis filters both narrow engagements this
 * one way.
 */
export function engagementConditions(
  filter: Pick<AnalysisFilter, 'engagementTypes' | 'organisation' | 'from' | 'to'>,
): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.engagementTypes?.length) {
    where.push('e.type IN (SELECT value FROM json_each(@engagementTypes))');
    params.engagementTypes = list(filter.engagementTypes);
  }
  organisationWords(filter.organisation).forEach((word, i) => {
    where.push(likeClause('e.organisation', `organisation${i}`));
    params[`organisation${i}`] = likeAnywhere(word);
  });
  if (filter.from) {
    where.push('e.date >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('e.date <= @to');
    params.to = filter.to;
  }
  return { where, params };
}

function withEngagementConditions(filter: AnalysisFilter): SqlFilter {
  const { where, params } = engagementConditions(filter);
  return { engagement: where, where: [...where], params, needsParticipant: false };
}

/**
 * Filters on passages (theme view, memo hits): the speaker's staff group, the
 * engagement, the reviewer who created or tagged the passage, key quotes.
 */
export function passageFilter(filter: AnalysisFilter = {}): SqlFilter {
  const out = withEngagementConditions(filter);
  if (filter.staffGroups?.length) {
    out.needsParticipant = true;
    out.where.push('pa.staff_group IN (SELECT value FROM json_each(@staffGroups))');
    out.params.staffGroups = list(filter.staffGroups);
  }
  if (filter.reviewerIds?.length) {
    out.where.push(
      `(p.created_by IN (SELECT value FROM json_each(@reviewers))
        OR EXISTS (SELECT 1 FROM passage_themes r WHERE r.passage_id = p.id AND r.tagged_by IN (SELECT value FROM json_each(@reviewers))))`,
    );
    out.params.reviewers = list(filter.reviewerIds);
  }
  if (filter.keyQuotesOnly) out.where.push('p.key_quote = 1');
  return out;
}

/**
 * Filters on whole notes (note hits): the engagement and the reviewer who
 * wrote or last saved the note. Staff group and key quotes depend on where in
 * the note the match is; search.ts applies them to each match.
 */
export function noteFilter(filter: AnalysisFilter = {}): SqlFilter {
  const out = withEngagementConditions(filter);
  if (filter.reviewerIds?.length) {
    out.where.push('(n.created_by IN (SELECT value FROM json_each(@reviewers)) OR n.updated_by IN (SELECT value FROM json_each(@reviewers)))');
    out.params.reviewers = list(filter.reviewerIds);
  }
  return out;
}

/** " AND …" for a WHERE clause that already has a condition, or "". */
export const and = (conditions: string[]): string => conditions.map((w) => ` AND ${w}`).join('');
export const andWhere = (filter: SqlFilter): string => and(filter.where);
