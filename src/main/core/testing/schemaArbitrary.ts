// fast-check arbitraries derived from the contract's zod schemas (issue 12): inputs a schema accepts, and the same
// inputs with one field off, so fuzzing reaches the handlers instead of stopping at the parser. Tests only.
//
// Written for the zod types the contract uses (zod 4.x internals: `schema._zod.def`); a type it does not know
// throws, so a contract that grows one fails the fuzz test rather than being skipped.
import fc from 'fast-check';
import type { z } from 'zod';

export type FieldPath = readonly (string | number)[];

/**
 * A domain value for a field the schema alone cannot make useful (an id that exists, a real document); given the
 * arbitrary the schema alone makes, to mix in. Undefined: the schema's own.
 */
export type FieldHint = (path: FieldPath, fromSchema: () => fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

// zod's internal definition, as far as this walker reads it.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  format?: string;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

interface Bounds {
  min?: number;
  max?: number;
  int: boolean;
  pattern?: RegExp;
  uuid: boolean;
}

function boundsOf(def: Def): Bounds {
  const bounds: Bounds = { int: false, uuid: def.format === 'uuid' };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') bounds.min = c.minimum;
    else if (c.check === 'max_length') bounds.max = c.maximum;
    else if (c.check === 'greater_than') bounds.min = c.inclusive ? c.value : c.value! + (bounds.int ? 1 : Number.EPSILON);
    else if (c.check === 'less_than') bounds.max = c.inclusive ? c.value : c.value! - 1;
    else if (c.check === 'number_format') bounds.int = true;
    else if (c.check === 'string_format' && c.format === 'uuid') bounds.uuid = true;
    else if (c.check === 'string_format' && c.pattern) bounds.pattern = c.pattern;
  }
  return bounds;
}

/** Optional in an object: the key may be left out. */
const canBeLeftOut = (schema: z.ZodType) => ['optional', 'default', 'prefault'].includes(defOf(schema).type);
const isStrict = (def: Def) => def.catchall !== undefined && defOf(def.catchall).type === 'never';

// Words a person would type, so that names and titles are mostly valid and readable in a failure.
const words = ['Moorfields', 'P014: training first', 'Éthique', 'radiographer', 'AI triage', '数字', 'مرحبا'];
const DATE = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;
const LONGEST_GENERATED = 40;

function stringArbitrary(b: Bounds): fc.Arbitrary<string> {
  if (b.uuid) return fc.uuid({ version: 4 });
  if (b.pattern && DATE.test(b.pattern.source)) {
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  const min = b.min ?? 0;
  const max = Math.max(min, Math.min(b.max ?? LONGEST_GENERATED, LONGEST_GENERATED));
  const fits = (s: string) => s.length >= min && s.length <= (b.max ?? Infinity);
  if (b.pattern) return fc.stringMatching(b.pattern).filter(fits);
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...words).filter(fits) }, { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) });
}

function numberArbitrary(b: Bounds): fc.Arbitrary<number> {
  // Unbounded counts (offsets, revisions, indexes) are drawn small, where the workspace has things to point at.
  const min = b.min ?? -1000;
  const max = b.max ?? Math.max(min, 0) + 1000;
  return b.int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

/** Values `schema` accepts (refinements aside: a value a refinement refuses is simply counted as off). */
export function validArbitrary(schema: z.ZodType, hint: FieldHint = () => undefined, path: FieldPath = []): fc.Arbitrary<unknown> {
  // Hints name values, so they are asked for strings and numbers only (an array of ids gets one per item).
  const leaf = ['string', 'number'].includes(defOf(schema).type);
  return (leaf && hint(path, () => fromSchema(schema, hint, path))) || fromSchema(schema, hint, path);
}

function fromSchema(schema: z.ZodType, hint: FieldHint, path: FieldPath): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType, p: FieldPath = path) => validArbitrary(s, hint, p);
  switch (def.type) {
    case 'object': {
      const shape = def.shape!;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, inner(s, [...path, key])]));
      const requiredKeys = Object.keys(shape).filter((key) => !canBeLeftOut(shape[key]!));
      const record = fc.record(fields, { requiredKeys });
      if (!def.checks?.length) return record;
      // A refinement across fields (a document or a patch, not both): keep the records it takes, but never
      // loop for ever on one no generated record can meet.
      let misses = 0;
      return record.filter((value) => schema.safeParse(value).success || ++misses % 50 === 0);
    }
    case 'string':
      return stringArbitrary(boundsOf(def));
    case 'number':
      return numberArbitrary(boundsOf(def));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'array': {
      const b = boundsOf(def);
      return fc.array(inner(def.element!, [...path, 0]), { minLength: b.min ?? 0, maxLength: Math.min(b.max ?? 4, Math.max(b.min ?? 0, 4)) });
    }
    case 'record':
      return fc.dictionary(inner(def.keyType!, [...path, '*']) as fc.Arbitrary<string>, inner(def.valueType!, [...path, '*']), { maxKeys: 3 });
    case 'optional':
    case 'default':
    case 'prefault':
      return inner(def.innerType!);
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: inner(def.innerType!) });
    case 'union':
      return fc.oneof(...def.options!.map((s) => inner(s)));
    case 'pipe':
      return inner(def.in!);
    default:
      throw new Error(`schemaArbitrary: no arbitrary for the zod type "${def.type}" at ${path.join('.') || 'the top'}`);
  }
}

/** One way to put a value one field off: what it does (printed in a failure) and the changed input. */
export interface OffByOne {
  change: string;
  input: unknown;
}

const TOO_MANY_ITEMS = 10_000; // longer arrays are left to the "wrong type" variant: building them costs more than it shows

/** Every one-field-off variant of `value` (which `schema` accepts): wrong type, missing, extra key, too long, … */
export function offByOne(schema: z.ZodType, value: unknown, path: FieldPath = []): OffByOne[] {
  const def = defOf(schema);
  const here = (change: string, replacement: unknown): OffByOne => ({ change: `${path.join('.') || 'input'}: ${change}`, input: replacement });
  switch (def.type) {
    case 'object': {
      const out: OffByOne[] = [here('wrong type', 'an object was expected')];
      if (value === null || typeof value !== 'object') return out;
      const record = value as Record<string, unknown>;
      if (isStrict(def)) out.push(here('extra key', { ...record, unexpectedKey: 1 }));
      for (const [key, field] of Object.entries(def.shape!)) {
        if (!canBeLeftOut(field) && key in record) {
          const rest = { ...record };
          delete rest[key];
          out.push({ change: `${[...path, key].join('.')}: missing`, input: rest });
        }
        if (key in record) {
          for (const variant of offByOne(field, record[key], [...path, key])) {
            out.push({ change: variant.change, input: { ...record, [key]: variant.input } });
          }
        }
      }
      return out;
    }
    case 'string': {
      const b = boundsOf(def);
      const out = [here('wrong type', 42)];
      if (b.max !== undefined && b.max < 200_000) out.push(here('too long', 'x'.repeat(b.max + 1)));
      if ((b.min ?? 0) >= 1) out.push(here('empty', ''));
      if (b.pattern || b.uuid) out.push(here('not in its form', '\u202e not-it'));
      return out;
    }
    case 'number': {
      const b = boundsOf(def);
      const out = [here('wrong type', '1'), here('NaN', Number.NaN), here('infinite', Number.POSITIVE_INFINITY)];
      if ((b.min ?? -Infinity) >= 0) out.push(here('negative', -1));
      if (b.int) out.push(here('fraction', 0.5 + (b.min ?? 0)));
      if (b.max !== undefined) out.push(here('too large', b.max + 1));
      return out;
    }
    case 'boolean':
      return [here('wrong type', 'yes')];
    case 'enum':
      return [here('unknown enum value', 'not-one-of-them'), here('wrong type', 3)];
    case 'literal':
      return [here('another value', typeof def.values![0] === 'number' ? -7 : 'another-value')];
    case 'null':
      return [here('wrong type', 0)];
    case 'array': {
      const b = boundsOf(def);
      const out = [here('wrong type', { 0: 'not an array' })];
      if (!Array.isArray(value)) return out;
      if ((b.min ?? 0) >= 1) out.push(here('empty', []));
      if (b.max !== undefined && b.max < TOO_MANY_ITEMS && value.length > 0) {
        out.push(here('too many items', Array.from({ length: b.max + 1 }, () => value[0])));
      }
      if (value.length > 0) {
        for (const variant of offByOne(def.element!, value[0], [...path, 0])) {
          out.push({ change: variant.change, input: [variant.input, ...value.slice(1)] });
        }
      }
      return out;
    }
    case 'record':
      return [here('wrong type', ['not a record'])];
    case 'optional':
    case 'default':
    case 'prefault':
      return value === undefined ? [] : offByOne(def.innerType!, value, path);
    case 'nullable':
      return value === null ? [here('wrong type', 'not null')] : offByOne(def.innerType!, value, path).filter((v) => v.input !== null);
    case 'union': {
      const member = def.options!.find((s) => s.safeParse(value).success);
      const out = [here('wrong type', [[['no member takes this']]])];
      return member ? [...out, ...offByOne(member, value, path)] : out;
    }
    case 'pipe':
      return offByOne(def.in!, value, path);
    default:
      throw new Error(`schemaArbitrary: no variants for the zod type "${def.type}" at ${path.join('.') || 'the top'}`);
  }
}

/**
 * Inputs the method's schema refuses, each one field off a valid input: the valid input, then one of its
 * variants. Variants a refinement or union still accepts are filtered out.
 */
export function offByOneArbitrary(schema: z.ZodType, hint?: FieldHint): fc.Arbitrary<OffByOne> {
  return validArbitrary(schema, hint)
    .chain((value) => {
      const variants = offByOne(schema, value).filter((v) => !schema.safeParse(v.input).success);
      return variants.length ? fc.constantFrom(...variants) : fc.constant(null);
    })
    .filter((v): v is OffByOne => v !== null);
}

/** The path of every string field a schema holds (an array's first item standing for all). */
export function stringFieldPaths(schema: z.ZodType, path: FieldPath = []): FieldPath[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, s]) => stringFieldPaths(s, [...path, key]));
    case 'array':
      return stringFieldPaths(def.element!, [...path, 0]);
    case 'record':
      return stringFieldPaths(def.valueType!, [...path, '*']);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return stringFieldPaths(def.innerType!, path);
    case 'pipe':
      return stringFieldPaths(def.in!, path);
    case 'union': {
      const seen = new Map<string, FieldPath>();
      for (const option of def.options!) for (const p of stringFieldPaths(option, path)) seen.set(p.join('\u0000'), p);
      return [...seen.values()];
    }
    default:
      return [];
  }
}

/** `value` with `path` set to `replacement`, making the objects and arrays on the way (a record's '*' is a key). */
export function setAt(value: unknown, path: FieldPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, replacement);
    return list;
  }
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  const key = head === '*' ? 'key' : head!;
  record[key] = setAt(record[key], rest, replacement);
  return record;
}

/** The schema of the field at `path` (through optional, nullable, default and pipes), or undefined. */
export function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const step of path) {
    current = unwrap(current!);
    const def = defOf(current);
    if (def.type === 'object') current = def.shape![step as string];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    if (!current) return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (['optional', 'default', 'prefault', 'nullable'].includes(def.type)) return unwrap(def.innerType!);
  if (def.type === 'pipe') return unwrap(def.in!);
  return schema;
}
