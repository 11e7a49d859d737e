import { Reviewer, ReviewerInput } from '../domain/reviewer';
import { method, None } from './method';

/** The reviewer using this installation, recorded on everything they create. */
export const reviewerMethods = {
  'reviewer.get': method({
    input: None,
    output: Reviewer.nullable(),
    doc: 'The reviewer using this installation, or null on first run.',
  }),
  'reviewer.set': method({
    input: ReviewerInput.strict(),
    output: Reviewer,
    doc: 'Set the name and initials recorded on everything this reviewer creates.',
  }),
} as const;
