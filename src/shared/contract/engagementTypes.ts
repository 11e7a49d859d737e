import { z } from 'zod';
import { EngagementTypeInfo } from '../domain/engagement';
import { method, None } from './method';

/** The kinds of engagement a workspace offers: the built-in ones and its own. */
export const engagementTypeMethods = {
  'engagementTypes.list': method({
    input: None,
    output: z.array(EngagementTypeInfo),
    doc: 'The engagement types this workspace offers, built-in ones first.',
  }),
  'engagementTypes.add': method({
    input: z.object({ label: z.string().trim().min(1, 'Name the type.').max(60) }).strict(),
    output: EngagementTypeInfo,
    doc: 'Add a workspace-specific engagement type (e.g. "Webinar").',
  }),
} as const;
