import { z } from 'zod';
import {
  Engagement,
  EngagementFilter,
  EngagementTypeInfo,
  EngagementUpdate,
  NewEngagement,
} from '../domain/engagement';
import { RemovalPreview } from '../domain/removal';
import { None } from './app';
import { method } from './method';

const Id = z.object({ id: z.string().min(1).max(100) }).strict();

/** Site visits, workshops, interviews… and the workspace's own engagement types. */
export const engagementMethods = {
  'engagements.list': method({
    input: EngagementFilter,
    output: z.array(Engagement),
    doc: 'Engagements in the open workspace, filtered and sorted (newest date first by default).',
  }),
  'engagements.get': method({ input: Id, output: Engagement, doc: 'One engagement.' }),
  'engagements.create': method({ input: NewEngagement, output: Engagement, doc: 'Record a new engagement.' }),
  'engagements.update': method({ input: EngagementUpdate, output: Engagement, doc: 'Change an engagement’s details.' }),
  'engagements.deletePreview': method({
    input: Id,
    output: RemovalPreview,
    doc: 'What deleting an engagement takes with it (notes, passages, attachments; findings citing it), to say first.',
  }),
  'engagements.delete': method({
    input: Id,
    output: z.null(),
    doc: 'Delete an engagement with its notes, attachments and participant links.',
  }),
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
