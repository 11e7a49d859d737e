import { z } from 'zod';
import { Engagement, NewEngagement } from '../domain/engagement';
import { None } from './app';
import { method } from './method';

/** Site visits, workshops, interviews… */
export const engagementMethods = {
  'engagements.list': method({
    input: None,
    output: z.array(Engagement),
    doc: 'Every engagement in the open workspace, newest date first.',
  }),
  'engagements.create': method({
    input: NewEngagement.strict(),
    output: Engagement,
    doc: 'Record a new engagement.',
  }),
} as const;
