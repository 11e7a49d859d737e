import { z } from 'zod';

/** The kinds of evidence-gathering a review panel does (PRODUCT.md, journey step 2). */
export const engagementTypes = [
  'site_visit',
  'workshop',
  'roundtable',
  'interview',
  'focus_group',
  'written_submission',
] as const;

export const engagementTypeLabels: Record<EngagementType, string> = {
  site_visit: 'Site visit',
  workshop: 'Workshop',
  roundtable: 'Roundtable',
  interview: 'Interview',
  focus_group: 'Focus group',
  written_submission: 'Written submission',
};

export const EngagementType = z.enum(engagementTypes);
export type EngagementType = z.infer<typeof EngagementType>;

/** A calendar date as the reviewer typed it, YYYY-MM-DD, with no time zone to shift it. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'That is not a real date.');

export const Engagement = z.object({
  id: z.string(),
  title: z.string(),
  type: EngagementType,
  date: IsoDate,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Engagement = z.infer<typeof Engagement>;

export const NewEngagement = z.object({
  title: z.string().trim().min(1, 'Give the engagement a title.').max(300),
  type: EngagementType,
  date: IsoDate,
});
export type NewEngagement = z.infer<typeof NewEngagement>;
