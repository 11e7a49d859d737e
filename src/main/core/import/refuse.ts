import { FieldnotesError } from '../../../shared/rpc/result';

/** A refusal that names the file and the reason, and tells the person what to do next where we can. */
export const refuse = (fileName: string, reason: string): FieldnotesError =>
  new FieldnotesError('UNSUPPORTED_FILE', `"${fileName}" could not be imported: ${reason}`);
