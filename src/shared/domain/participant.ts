import { z } from 'zod';

/**
 * A calendar date, YYYY-MM-DD, that exists: the round trip refuses 2018-02-30,
 * which Date.parse quietly rolls over into March.
 */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine((s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
  }, 'That is not a real date.');

/** Today on this machine's calendar, YYYY-MM-DD (not UTC: a consent given this evening is today's). */
const localToday = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** When consent was given: a real date, and not one still to come (issue 11). */
export const ConsentDate = CalendarDate.refine((s) => s <= localToday(), 'A consent date cannot be in the future.');

/** Staff groups exactly as issue 3 lists them; the matrix and report count participants by these. */
export const staffGroups = [
  'doctor',
  'nurse',
  'midwife',
  'allied_health_professional',
  'healthcare_scientist',
  'pharmacist',
  'dental',
  'manager_administrator',
  'digital_it',
  'educator',
  'student_trainee',
  'patient_public',
  'industry',
  'academia',
  'other',
] as const;

export const StaffGroup = z.enum(staffGroups, { error: 'Choose a staff group from the list.' });
export type StaffGroup = z.infer<typeof StaffGroup>;

export const staffGroupLabels: Record<StaffGroup, string> = {
  doctor: 'Doctor',
  nurse: 'Nurse',
  midwife: 'Midwife',
  allied_health_professional: 'Allied health professional',
  healthcare_scientist: 'Healthcare scientist',
  pharmacist: 'Pharmacist',
  dental: 'Dental',
  manager_administrator: 'Manager/administrator',
  digital_it: 'Digital/IT',
  educator: 'Educator',
  student_trainee: 'Student/trainee',
  patient_public: 'Patient or public',
  industry: 'Industry',
  academia: 'Academia',
  other: 'Other',
};

/**
 * Consent to quotation. `none` is the safe default: until consent is recorded,
 * nothing a participant said may appear in the report.
 */
export const consentLevels = ['anonymous', 'attributed', 'none'] as const;
export const Consent = z.enum(consentLevels, {
  error: 'Choose a consent level: quotable anonymously, quotable with attribution, or not for quotation.',
});
export type Consent = z.infer<typeof Consent>;

/** Who speaks in a passage, as the theme view and a finding's evidence show them (pseudonym only). */
export const Speaker = z.object({ id: z.string(), code: z.string(), staffGroup: z.string(), consent: Consent });
export type Speaker = z.infer<typeof Speaker>;

export const consentLabels: Record<Consent, string> = {
  anonymous: 'Quotable anonymously',
  attributed: 'Quotable with attribution',
  none: 'Not for quotation',
};

export const consentDescriptions: Record<Consent, string> = {
  anonymous: 'Quotes may appear under their code and staff group only, for example “P014, nurse”.',
  attributed: 'Quotes may appear with their name or role, as they agreed.',
  none: 'Nothing they said is quoted in the report; it can still inform findings.',
};

/** Suggestions offered while typing; both fields stay free text. */
export const regionSuggestions = [
  'London',
  'South East',
  'South West',
  'East of England',
  'Midlands',
  'North West',
  'North East and Yorkshire',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'National',
] as const;

export const organisationTypeSuggestions = [
  'Acute trust',
  'Mental health trust',
  'Community trust',
  'Ambulance trust',
  'General practice',
  'University',
  'Royal college',
  'National body',
  'Industry',
  'Patient or charity organisation',
] as const;

/** P001 … P999, then P1000: the number is zero-padded to three digits and grows beyond. */
export function formatParticipantCode(n: number): string {
  return `P${String(n).padStart(3, '0')}`;
}

/** The number behind a code, or null when the text is not one of our codes. */
export function parseParticipantCode(code: string): number | null {
  const match = /^P(\d{3,})$/.exec(code);
  if (!match) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n > 0 && formatParticipantCode(n) === code ? n : null;
}

export const attributeKinds = ['text', 'number', 'choice'] as const;
export const AttributeKind = z.enum(attributeKinds, { error: 'An attribute holds text, a number or a choice.' });
export type AttributeKind = z.infer<typeof AttributeKind>;

export const attributeKindLabels: Record<AttributeKind, string> = {
  text: 'Text',
  number: 'Number',
  choice: 'Choice from a list',
};

export const RecordId = z.string().trim().min(1, 'An id is missing.').max(100, 'That id is too long.');

/** A custom attribute the workspace defines for its participants (e.g. "Years in post", "Band"). */
export const AttributeDefinition = z.object({
  id: z.string(),
  name: z.string(),
  kind: AttributeKind,
  /** The allowed values of a `choice` attribute, in the order shown; empty otherwise. */
  choices: z.array(z.string()),
  position: z.number().int(),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

const AttributeName = z
  .string()
  .trim()
  .min(1, 'Name the attribute.')
  .max(80, 'Keep the attribute name under 80 characters.');

const Choices = z
  .array(z.string().trim().min(1, 'A choice cannot be empty.').max(100, 'Keep each choice under 100 characters.'))
  .min(2, 'A choice attribute needs at least two choices.')
  .max(50, 'A choice attribute can have at most 50 choices.')
  .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'Each choice must be different.');

export const NewAttributeDefinition = z.discriminatedUnion(
  'kind',
  [
    z.object({ name: AttributeName, kind: z.literal('text') }).strict(),
    z.object({ name: AttributeName, kind: z.literal('number') }).strict(),
    z.object({ name: AttributeName, kind: z.literal('choice'), choices: Choices }).strict(),
  ],
  { error: 'An attribute holds text, a number or a choice.' },
);
export type NewAttributeDefinition = z.infer<typeof NewAttributeDefinition>;

/** A value as typed: numbers may arrive as text from a form; null or '' clears it. */
export const AttributeValueInput = z.union([
  z.string().max(500, 'Keep attribute values under 500 characters.'),
  z.number().finite(),
  z.null(),
]);

export const AttributeValues = z
  .record(RecordId, AttributeValueInput)
  .refine((values) => Object.keys(values).length <= 100, 'Too many attribute values at once (at most 100).');

const Text = (max: number, what: string) =>
  z.string().trim().max(max, `Keep the ${what} under ${max} characters.`);

/** Every editable field of a participant, none defaulted (so an update changes only what it names). */
const participantFields = {
  realName: Text(200, 'name'),
  staffGroup: StaffGroup,
  role: Text(200, 'role'),
  organisationType: Text(200, 'organisation type'),
  region: Text(120, 'region'),
  consent: Consent,
  consentDate: ConsentDate.nullable(),
  attributes: AttributeValues,
};

export const NewParticipant = z
  .object({
    ...participantFields,
    realName: participantFields.realName.default(''),
    role: participantFields.role.default(''),
    organisationType: participantFields.organisationType.default(''),
    region: participantFields.region.default(''),
    consent: participantFields.consent.default('none'),
    consentDate: participantFields.consentDate.default(null),
    attributes: participantFields.attributes.default({}),
    /** Link the new participant to this engagement in the same step (adding someone during a visit). */
    engagementId: RecordId.optional(),
  })
  .strict();
export type NewParticipant = z.infer<typeof NewParticipant>;

export const ParticipantUpdate = z
  .object({ id: RecordId })
  .extend(z.object(participantFields).partial().shape)
  .strict();
export type ParticipantUpdate = z.infer<typeof ParticipantUpdate>;

/** What lists show: never the real name, which only the participant's own record carries. */
export const ParticipantSummary = z.object({
  id: z.string(),
  code: z.string(),
  staffGroup: StaffGroup,
  role: z.string(),
  organisationType: z.string(),
  region: z.string(),
  consent: Consent,
  consentDate: CalendarDate.nullable(),
  /** Custom attribute values by attribute id, as text (numbers in canonical form). */
  attributes: z.record(z.string(), z.string()),
  engagementCount: z.number().int(),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const Participant = ParticipantSummary.extend({
  realName: z.string(),
  engagementIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof Participant>;

/** Narrow the participant list; every filter is optional and they combine with AND. */
export const ParticipantFilters = z
  .object({
    staffGroup: StaffGroup.optional(),
    consent: Consent.optional(),
    engagementId: RecordId.optional(),
    /** Text attributes match when they contain the value; numbers and choices when equal. */
    attribute: z
      .object({ attributeId: RecordId, value: z.string().trim().min(1, 'Enter a value to filter by.').max(500) })
      .strict()
      .optional(),
    /** Words to find in the code, role, organisation type or region (never the real name). */
    query: z.string().trim().max(200, 'Keep the search under 200 characters.').optional(),
  })
  .strict();
export type ParticipantFilters = z.infer<typeof ParticipantFilters>;
