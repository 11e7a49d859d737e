import { z } from 'zod';
import { CerqualInput, Finding, FindingRef, FindingSummary, FindingsByTheme, FindingUpdate, NewFinding } from '../domain/finding';
import { method, Id } from './method';

/** Findings with their supporting passages and GRADE-CERQual assessment (issue 8). */
export const findingMethods = {
  'findings.list': method({
    input: z.object({ themeId: Id.optional(), includeSubthemes: z.boolean().default(true) }).strict(),
    output: z.array(FindingSummary),
    doc: 'Findings in order, each with its evidence spread and warnings; with a theme, those filed under it (or its sub-themes).',
  }),
  'findings.byTheme': method({
    input: z.object({}).strict(),
    output: FindingsByTheme,
    doc: 'Every finding with its passages and CERQual, grouped under the theme it is reported under, in codebook order.',
  }),
  'findings.get': method({ input: z.object({ id: Id }).strict(), output: Finding, doc: 'One finding with its passages, assessment and citing recommendations.' }),
  'findings.create': method({ input: NewFinding, output: Finding, doc: 'Add a finding (a draft by default) under themes, with supporting passages.' }),
  'findings.update': method({ input: FindingUpdate, output: Finding, doc: 'Change a finding’s statement, status or themes (the first is the one it is reported under).' }),
  'findings.assess': method({
    input: z.object({ id: Id, cerqual: CerqualInput }).strict(),
    output: Finding,
    doc: 'Record a GRADE-CERQual assessment: four components with concern and note, the overall confidence and why.',
  }),
  'findings.addPassages': method({
    input: z.object({ id: Id, passageIds: z.array(Id).min(1).max(500) }).strict(),
    output: Finding,
    doc: 'Add supporting passages to a finding (a passage already there is kept once).',
  }),
  'findings.removePassage': method({
    input: z.object({ id: Id, passageId: Id }).strict(),
    output: Finding,
    doc: 'Take a passage out of a finding’s evidence (the passage itself stays in its note).',
  }),
  'findings.move': method({
    input: z.object({ id: Id, index: z.number().int().min(0) }).strict(),
    output: Finding,
    doc: 'Put a finding at a place in the order of findings (0: first).',
  }),
  'findings.deletePreview': method({
    input: z.object({ id: Id }).strict(),
    output: z.object({ recommendations: z.array(z.number().int()) }),
    doc: 'The numbers of the recommendations citing a finding, to say so before deleting it.',
  }),
  'findings.delete': method({ input: z.object({ id: Id }).strict(), output: z.null(), doc: 'Delete a finding; recommendations stop citing it.' }),
  'findings.citing': method({
    input: z.object({ passageIds: z.array(Id).max(5000) }).strict(),
    output: z.record(z.string(), z.array(FindingRef)),
    doc: 'For each passage, the findings that cite it: from a passage to its findings.',
  }),
} as const;
