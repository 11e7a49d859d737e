import { z } from 'zod';
import { AgreementResult, Coder } from '../domain/agreement';
import { method, Id } from './method';

/** Inter-coder agreement between two reviewers who tagged the same notes (issue 10). */
export const agreementMethods = {
  'agreement.list': method({
    input: z.object({}).strict(),
    output: z.array(Coder),
    doc: 'The reviewers who have tagged passages in this workspace, with how many passages and notes.',
  }),
  'agreement.get': method({
    input: z
      .object({
        a: Id,
        b: Id,
        themeIds: z.array(Id).max(2000).optional(),
        /** Leave out text neither reviewer tagged (counting it inflates kappa). Default true. */
        leaveOutUncoded: z.boolean().optional(),
        differencesLimit: z.number().int().min(0).max(5000).optional(),
      })
      .strict()
      .refine((input) => input.a !== input.b, { message: 'Choose two different reviewers.' }),
    output: AgreementResult,
    doc: 'Percent agreement and Cohen’s kappa per theme and overall over the notes both reviewers tagged, and where they differ.',
  }),
};
