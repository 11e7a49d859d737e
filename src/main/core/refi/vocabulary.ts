/**
 * How our fields are spelled in a REFI-QDA project, one place for the
 * exporter and the importer: a participant's fixed fields as Variables, and
 * an engagement's details as readable lines in its Set's Description.
 */
import type Database from 'better-sqlite3';
import type { Engagement } from '../../../shared/domain/engagement';
import { consentLabels, consentLevels, staffGroupLabels, staffGroups, type Consent, type StaffGroup } from '../../../shared/domain/participant';
import { foldName } from '../services/themes';
import { listEngagementTypes } from '../services/engagements';
import type { VariableType } from './model';

export interface BuiltinVariable {
  key: 'staffGroup' | 'role' | 'organisationType' | 'region' | 'consent' | 'consentDate' | 'realName';
  name: string;
  type: VariableType;
  description: string;
}

export const BUILTIN_VARIABLES: readonly BuiltinVariable[] = [
  { key: 'staffGroup', name: 'Staff group', type: 'Text', description: `One of: ${staffGroups.map((g) => staffGroupLabels[g]).join('; ')}` },
  { key: 'role', name: 'Role', type: 'Text', description: '' },
  { key: 'organisationType', name: 'Organisation type', type: 'Text', description: '' },
  { key: 'region', name: 'Region', type: 'Text', description: '' },
  { key: 'consent', name: 'Consent', type: 'Text', description: `Consent to quotation: ${consentLevels.map((c) => consentLabels[c]).join('; ')}` },
  { key: 'consentDate', name: 'Consent date', type: 'Date', description: '' },
  { key: 'realName', name: 'Real name', type: 'Text', description: 'Exported only because the person exporting chose to include real names.' },
];

/** A variable of another tool that means one of our fields, by name ("Gender" does not; "Staff group" does). */
export function builtinFor(name: string): BuiltinVariable | undefined {
  const folded = foldName(name.trim());
  return BUILTIN_VARIABLES.find((b) => foldName(b.name) === folded);
}

export function staffGroupFrom(value: string): StaffGroup | null {
  const folded = foldName(value.trim());
  return staffGroups.find((g) => g === folded || foldName(staffGroupLabels[g]) === folded) ?? null;
}

export function consentFrom(value: string): Consent | null {
  const folded = foldName(value.trim());
  return consentLevels.find((c) => c === folded || foldName(consentLabels[c]) === folded) ?? null;
}

const LINES: [keyof Engagement, string][] = [
  ['type', 'Type'],
  ['date', 'Date'],
  ['startTime', 'Start'],
  ['endTime', 'End'],
  ['place', 'Place'],
  ['organisation', 'Organisation'],
  ['panel', 'Panel'],
];

/** "Type: Site visit\nDate: 2018-06-19\nPlace: …" and then the context, as another tool would show it. */
export function engagementDescription(db: Database.Database, engagement: Engagement): string {
  const labels = new Map(listEngagementTypes(db).map((t) => [t.id, t.label]));
  const lines = LINES.flatMap(([key, label]) => {
    const raw = engagement[key];
    const value = key === 'type' ? (labels.get(String(raw)) ?? String(raw)) : raw;
    return typeof value === 'string' && value ? [`${label}: ${value.replace(/\s+/g, ' ')}`] : [];
  });
  return [lines.join('\n'), engagement.context.trim()].filter(Boolean).join('\n\n');
}

export interface EngagementDetails {
  typeLabel: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  organisation: string;
  panel: string;
  context: string;
}

/** The reverse of engagementDescription; another tool's description is all context. */
export function engagementFromDescription(description: string): EngagementDetails {
  const text = description.replace(/\r\n?/g, '\n').trim();
  const details: EngagementDetails = { typeLabel: null, date: null, startTime: null, endTime: null, place: '', organisation: '', panel: '', context: text };
  const [head = '', ...rest] = text.split('\n\n');
  const lines = head.split('\n');
  const parsed = lines.map((line) => /^([A-Z][a-z]+): (.*)$/.exec(line));
  if (!parsed.length || parsed.some((m) => !m || !LINES.some(([, label]) => label === m[1]))) return details;
  for (const match of parsed) {
    const [, label, value] = match!;
    const key = LINES.find(([, l]) => l === label)![0];
    if (key === 'type') details.typeLabel = value!;
    else if (key === 'date') details.date = /^\d{4}-\d{2}-\d{2}$/.test(value!) ? value! : null;
    else if (key === 'startTime') details.startTime = /^\d{2}:\d{2}$/.test(value!) ? value! : null;
    else if (key === 'endTime') details.endTime = /^\d{2}:\d{2}$/.test(value!) ? value! : null;
    else if (key === 'place' || key === 'organisation' || key === 'panel') details[key] = value!;
  }
  details.context = rest.join('\n\n').trim();
  return details;
}
