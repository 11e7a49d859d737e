import { z } from 'zod';

/** The built-in kinds of evidence-gathering (PRODUCT.md, journey step 2); a workspace can add its own. */
export const builtinEngagementTypes = [
  { id: 'site_visit', label: 'Site visit' },
  { id: 'workshop', label: 'Workshop' },
  { id: 'roundtable', label: 'Roundtable' },
  { id: 'interview', label: 'Interview' },
  { id: 'focus_group', label: 'Focus group' },
  { id: 'written_submission', label: 'Written submission' },
] as const;

export const EngagementTypeInfo = z.object({ id: z.string(), label: z.string(), builtin: z.boolean() });
export type EngagementTypeInfo = z.infer<typeof EngagementTypeInfo>;

/** An engagement type's id: a built-in one or one the workspace added (a slug of its label). */
export const EngagementTypeId = z
  .string()
  .min(1, 'Choose a type.')
  .max(60)
  .regex(/^[a-z0-9_]+$/, 'Choose a type from the list.');

/** A calendar date as the reviewer typed it, YYYY-MM-DD, with no time zone to shift it. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  // Date.parse rolls 2018-02-30 into March: the date must survive the round trip unchanged.
  .refine((s) => {
    const parsed = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s;
  }, 'That is not a real date.');

/** A time of day, HH:MM (24-hour). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time in the form HH:MM.');

const text = (max: number) => z.string().trim().max(max);

export const Engagement = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  date: IsoDate,
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  place: z.string(),
  organisation: z.string(),
  panel: z.string(),
  reviewersPresent: z.array(z.string()),
  context: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string().nullable(),
});
export type Engagement = z.infer<typeof Engagement>;

const engagementFields = {
  title: text(300).min(1, 'Give the engagement a title.'),
  type: EngagementTypeId,
  date: IsoDate,
  startTime: ClockTime.nullable().optional(),
  endTime: ClockTime.nullable().optional(),
  place: text(300).optional(),
  organisation: text(300).optional(),
  panel: text(300).optional(),
  reviewersPresent: z.array(text(120).min(1)).max(50).optional(),
  context: text(20_000).optional(),
};

const endAfterStart = (e: { startTime?: string | null; endTime?: string | null }) =>
  !e.startTime || !e.endTime || e.endTime > e.startTime;
const endAfterStartMessage = { message: 'The end time must be after the start time.', path: ['endTime'] };

export const NewEngagement = z.object(engagementFields).strict().refine(endAfterStart, endAfterStartMessage);
export type NewEngagement = z.infer<typeof NewEngagement>;

export const EngagementUpdate = z
  .object({ id: z.string().min(1), ...engagementFields })
  .strict()
  .refine(endAfterStart, endAfterStartMessage);
export type EngagementUpdate = z.infer<typeof EngagementUpdate>;

export const EngagementSort = z.enum(['date_desc', 'date_asc', 'title', 'type', 'organisation']);
export type EngagementSort = z.infer<typeof EngagementSort>;

export const EngagementFilter = z
  .object({
    types: z.array(EngagementTypeId).max(50).optional(),
    organisation: text(300).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    query: text(200).optional(),
    sort: EngagementSort.optional(),
  })
  .strict();
export type EngagementFilter = z.infer<typeof EngagementFilter>;
