import { z } from 'zod';
import { FindingRef } from './finding';
import { Reviewer } from './reviewer';

/** "R3": how a recommendation is named; its number is given once and never reused. */
export const recommendationLabel = (number: number): string => `R${number}`;

export const Recommendation = z.object({
  id: z.string(),
  number: z.number().int(),
  groupId: z.string(),
  text: z.string(),
  position: z.string(),
  /** The findings it rests on, in the order cited. */
  findings: z.array(FindingRef),
  createdAt: z.string(),
  createdBy: Reviewer,
  updatedAt: z.string(),
  updatedBy: Reviewer,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** A group of recommendations (the Topol Review's three to start with), in order, with its recommendations in order. */
export const RecommendationGroup = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  recommendations: z.array(Recommendation),
});
export type RecommendationGroup = z.infer<typeof RecommendationGroup>;

const Id = z.string().min(1).max(100);
const Text = z
  .string()
  .trim()
  .min(1, 'Write the recommendation, for example “Every trust should offer radiographers structured AI training”.')
  .max(4000, 'Keep a recommendation under 4,000 characters.');
export const GroupName = z
  .string()
  .trim()
  .min(1, 'Name the group, for example “The health system”.')
  .max(200, 'Keep a group’s name under 200 characters.');

export const NewRecommendation = z
  .object({ groupId: Id, text: Text, findingIds: z.array(Id).max(100).default([]) })
  .strict();
export type NewRecommendation = z.infer<typeof NewRecommendation>;

export const RecommendationUpdate = z
  .object({ id: Id, text: Text.optional(), findingIds: z.array(Id).max(100).optional() })
  .strict();
export type RecommendationUpdate = z.infer<typeof RecommendationUpdate>;

/** Put a recommendation at `index` among a group's recommendations (0: first), moving it between groups if need be. */
export const RecommendationMove = z.object({ id: Id, groupId: Id, index: z.number().int().min(0) }).strict();
export type RecommendationMove = z.infer<typeof RecommendationMove>;
