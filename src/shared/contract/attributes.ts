import { z } from 'zod';
import { AttributeDefinition, NewAttributeDefinition, RecordId } from '../domain/participant';
import { method, None } from './method';

/** Custom participant attributes a workspace defines beside the built-in ones (issue 3). */
export const attributeMethods = {
  'attributes.list': method({
    input: None,
    output: z.array(AttributeDefinition),
    doc: 'The custom participant attributes this workspace defines, in order.',
  }),
  'attributes.define': method({
    input: NewAttributeDefinition,
    output: AttributeDefinition,
    doc: 'Add a custom participant attribute: text, a number, or a choice from a list.',
  }),
  'attributes.remove': method({
    input: z.object({ id: RecordId }).strict(),
    output: z.null(),
    doc: 'Remove a custom attribute and every value recorded for it.',
  }),
} as const;
