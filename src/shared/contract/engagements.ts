import { z } from 'zod';
import {
  Engagement,
  EngagementFilter,
  EngagementUpdate,
  NewEngagement,
} from '../domain/engagement';
import { RemovalPreview } from '../domain/removal';
import { method } from './method';

const Id = z.object({ id: z.string().min(1).max(100) }).strict();

/** Site visits, workshops, roundtables, interviews, focus groups, written submissions. */
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
} as const;
