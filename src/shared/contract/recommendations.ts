import { z } from 'zod';
import { GroupName, NewRecommendation, Recommendation, RecommendationGroup, RecommendationMove, RecommendationUpdate } from '../domain/recommendation';
import { method, Id } from './method';

/** Recommendations in editable groups, each citing the findings it rests on (issue 8). */
export const recommendationMethods = {
  'recommendations.list': method({
    input: z.object({}).strict(),
    output: z.array(RecommendationGroup),
    doc: 'Every group in order with its recommendations in order, each with the findings it cites.',
  }),
  'recommendations.create': method({ input: NewRecommendation, output: Recommendation, doc: 'Add a recommendation at the end of a group.' }),
  'recommendations.update': method({ input: RecommendationUpdate, output: Recommendation, doc: 'Change a recommendation’s text or the findings it cites.' }),
  'recommendations.move': method({
    input: RecommendationMove,
    output: Recommendation,
    doc: 'Put a recommendation at a place in a group (its own or another).',
  }),
  'recommendations.delete': method({ input: z.object({ id: Id }).strict(), output: z.null(), doc: 'Delete a recommendation.' }),
  'recommendations.createGroup': method({
    input: z.object({ name: GroupName }).strict(),
    output: RecommendationGroup,
    doc: 'Add a group of recommendations at the end.',
  }),
  'recommendations.renameGroup': method({
    input: z.object({ id: Id, name: GroupName }).strict(),
    output: RecommendationGroup,
    doc: 'Rename a group of recommendations.',
  }),
  'recommendations.moveGroup': method({
    input: z.object({ id: Id, index: z.number().int().min(0) }).strict(),
    output: z.array(RecommendationGroup),
    doc: 'Put a group at a place among the groups.',
  }),
  'recommendations.deleteGroup': method({
    input: z.object({ id: Id }).strict(),
    output: z.null(),
    doc: 'Delete an empty group (one holding recommendations is refused).',
  }),
} as const;
