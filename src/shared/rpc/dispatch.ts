import {
  isMethodName,
  methods,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../contract/methods';
import { brokenTextAt } from './brokenText';
import { describeIssues, fieldName, sentenceErrors } from './issueSentence';
import { fail, FieldnotesError, ok, type Result } from './result';

/** The core's implementation of every method, already-parsed input in, plain value out. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** Where the core logs what a person does not need to see. */
export type Logger = (message: string, detail?: unknown) => void;

/**
 * The one door into the core: checks the method name, parses the input with
 * the contract's schema, runs the handler, and turns every failure into a
 * Result. It never throws, whatever arrives.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
  log: Logger = () => {},
  /** The host's chance to name a known failure (a full disk, a read-only file) in words. */
  explain: (error: unknown) => FieldnotesError | undefined = () => undefined,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    // String() itself throws on some objects (no prototype, a throwing toString).
    const shown = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
    return fail('UNKNOWN_METHOD', `There is no action called "${shown}".`);
  }
  const spec = methods[method];
  let parsed;
  try {
    parsed = spec.input.safeParse(rawInput ?? {}, sentenceErrors);
  } catch {
    // safeParse lets a throwing getter or proxy trap through.
    return fail('INVALID_INPUT', 'The request was not in the expected form.');
  }
  if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error));
  const broken = brokenTextAt(rawInput); // as sent: a schema's transform could have dropped it silently
  if (broken) {
    return fail(
      'INVALID_INPUT',
      `${capitalise(fieldName(broken))} holds a broken character (half of an emoji or a rare letter) that cannot be stored, so nothing was changed. Type that part again.`,
    );
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof FieldnotesError) return fail(error.code, error.message);
    const explained = explain(error);
    if (explained) {
      log(`${method} failed: ${explained.code}`, error);
      return fail(explained.code, explained.message);
    }
    log(`${method} failed`, error);
    return fail(
      'INTERNAL',
      'Something went wrong inside Fieldnotes. Your work is saved; try again, and if it happens again, restart the app.',
    );
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export type { MethodInput, MethodName, MethodOutput };
