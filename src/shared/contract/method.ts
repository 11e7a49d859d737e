import { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** One line: what the method does, for the person reading the contract. */
  doc: string;
}

/** Declare one contract method: its input and output schemas and a line of doc. */
export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/** The input of a method that takes nothing. */
export const None = z.object({}).strict();

/** A record's id, as every method names one. */
export const Id = z.string().min(1).max(100);

/** A page of a long answer. */
export const Page = { limit: z.number().int().min(1).max(5000).optional(), offset: z.number().int().min(0).optional() };
