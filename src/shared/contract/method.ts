import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** One line: what the method does, for the person reading the contract. */
  doc: string;
}

/** Declare one contract method: its input and output schemas and a line of doc. */
export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
