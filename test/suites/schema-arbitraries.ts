import fc from 'fast-check';

/**
 * fast-check arbitraries derived from the JSON schemas routes declare (TypeBox output):
 * values the schema accepts, values at its bounds, and values it must refuse.
 */

export type JsonSchema = Record<string, unknown>;
/** Picks the value of a uuid field: `name` is the property (or path parameter) it fills. */
export type IdSource = (name: string) => fc.Arbitrary<string>;

/** Text that trips parsers, collations, detectors and drivers, each piece on its own. */
export const ODD_PIECES = [
  '\u0000', // NUL: PostgreSQL refuses it in text
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte-order mark
  'e\u0301\u0301\u0301', // stacked combining marks
  '\u{1F469}\u200D\u2695\uFE0F', // emoji sequence
  '\u{1D518}', // astral letter
  '\u2028\u2029', // JavaScript line separators
  '\r\n\t',
  'ǅ',
  'ﬃ',
  'İ',
  "'; DROP TABLE tasks; --",
  '%00%2e%2e%2f',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\\"\\\\',
  '555-867-5309',
  'john.doe@example.com',
] as const;

const oddText = fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 2, arbitrary: fc.constantFrom(...ODD_PIECES) }, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(''));

/** Length as the validator counts it: code points, a surrogate pair being one. */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
}

function fitLength(text: string, min: number, max: number): string {
  let out = Array.from(text).slice(0, max).join('');
  while (codePoints(out) < min) out += 'x';
  while (codePoints(out) > max) out = out.slice(0, -1);
  return out;
}

const schemaList = (s: JsonSchema, key: string) => (Array.isArray(s[key]) ? (s[key] as JsonSchema[]) : []);

/** A value the schema accepts (strings full of odd but legal characters, NUL excepted). */
export function validArbitrary(schema: JsonSchema, ids: IdSource, name = ''): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const anyOf = schemaList(schema, 'anyOf');
  if (anyOf.length > 0) return fc.oneof(...anyOf.map((s) => validArbitrary(s, ids, name)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      const whole = fc.integer({ min, max });
      const atBounds = fc.constantFrom(min, max);
      return schema.type === 'integer' ? fc.oneof(whole, atBounds) : fc.oneof(whole, atBounds, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'string':
      return validString(schema, ids, name);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 5, 8);
      const element = validArbitrary(items, ids, name);
      return schema.uniqueItems ? fc.uniqueArray(element, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(element, { minLength, maxLength });
    }
    case 'object': {
      const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validArbitrary(s, ids, k)]));
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) as never[] });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function validString(schema: JsonSchema, ids: IdSource, name: string): fc.Arbitrary<string> {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 300;
  switch (schema.format) {
    case 'uuid':
      return ids(name);
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= max);
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (typeof schema.pattern === 'string') {
    if (schema.pattern === '\\S') return oddText.map((t) => fitLength(`a${t}`, Math.max(min, 1), max));
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => codePoints(s) >= min && codePoints(s) <= max);
  }
  const nearMax = fc.nat({ max: 3 }).map((k) => Math.max(min, max - k));
  return fc.oneof(
    { weight: 4, arbitrary: oddText.map((t) => fitLength(t.replaceAll('\u0000', ''), min, max)) },
    { weight: 1, arbitrary: fc.tuple(oddText, nearMax).map(([t, n]) => fitLength(t.replaceAll('\u0000', '').repeat(50) || 'x', n, n)) },
    { weight: 1, arbitrary: fc.constant(fitLength('', min, min)) },
  );
}

/** JSON text nested `depth` deep, in arrays or objects. */
export function deepJson(depth: number, objects: boolean): string {
  return objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** Keys that prototype pollution rides on, and a few that shadow object methods. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__', 'valueOf'];

/** A value of the wrong shape for almost any schema. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '0', 'true', 'null', [], {}, [null], { length: 1 }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...ODD_PIECES),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

type Path = (string | number)[];

/** Every location inside a value, for a mutation to pick from. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** The schema that governs a location in a value, following properties, items and the first anyOf branch that has it. */
export function schemaAt(schema: JsonSchema | undefined, path: Path): JsonSchema | undefined {
  let s = schema;
  for (const step of path) {
    if (!s) return undefined;
    const branches = schemaList(s, 'anyOf');
    if (branches.length > 0) s = branches.find((b) => b.type === (typeof step === 'number' ? 'array' : 'object')) ?? branches[0];
    if (!s) return undefined;
    s = typeof step === 'number' ? (s.items as JsonSchema | undefined) : (s.properties as Record<string, JsonSchema> | undefined)?.[step];
  }
  return s;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, head as string, { value: setAt(copy[head as string], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const last = path.at(-1)!;
  let parent: unknown = value;
  for (const step of parentPath) parent = (parent as Record<string | number, unknown>)[step];
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return value;
  const copy = { ...(parent as Record<string, unknown>) };
  delete copy[last as string];
  return setAt(value, parentPath, copy);
}

/** A value just outside the schema's bounds (length, range, items), or `undefined` when it declares none. */
export function overBound(schema: JsonSchema | undefined): fc.Arbitrary<unknown> | undefined {
  if (!schema) return undefined;
  const options: fc.Arbitrary<unknown>[] = [];
  if (typeof schema.maxLength === 'number') options.push(fc.constant('y'.repeat(schema.maxLength + 1)), fc.constant('\u{1F600}'.repeat(schema.maxLength + 1)));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) options.push(fc.constant('y'.repeat(schema.minLength - 1)));
  if (typeof schema.maximum === 'number') options.push(fc.constantFrom(schema.maximum + 1, schema.maximum + 0.5, schema.maximum * 1e6 + 1));
  if (typeof schema.minimum === 'number') options.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 0.5));
  if (schema.type === 'integer') options.push(fc.constantFrom(0.5, 1e21, 2 ** 53 + 1));
  if (typeof schema.maxItems === 'number') options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => 'z')));
  if (schema.format === 'uuid') options.push(fc.constantFrom('00000000-0000-0000-0000-00000000000', 'not-a-uuid', '00000000-0000-0000-0000-0000000000000', '{00000000-0000-0000-0000-000000000000}'));
  if (schema.format === 'date-time') options.push(fc.constantFrom('2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', '+275760-09-13T00:00:00.001Z', '2026-01-01T25:00:00Z'));
  if (schema.format === 'email') options.push(fc.constantFrom('a@', '@b.c', 'a b@c.d', `${'a'.repeat(250)}@b.cd`));
  if (typeof schema.pattern === 'string') options.push(fc.constantFrom('0000-00-00x', '2026-1-1', '', ' '));
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

export type Mutation = 'wrong-type' | 'over-bound' | 'missing' | 'extra-key' | 'pollution' | 'huge' | 'deep' | 'nul';

/** A mutated copy of a valid value, with what was done and where; `text` when the mutation only exists as JSON text. */
export interface Mutated {
  mutation: Mutation;
  path: Path;
  value: unknown;
  /** JSON text to send instead of the value (deep nesting, duplicated pollution keys). */
  text?: string;
}

/** Mutations of a valid value that the schema (or the platform's NUL rule) must refuse. */
export function malformedArbitrary(schema: JsonSchema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<Mutated> {
  return valid.chain((base) => {
    const paths = pathsOf(base);
    const pick = fc.constantFrom(...paths);
    const objectPaths = paths.filter((p) => {
      let v: unknown = base;
      for (const s of p) v = (v as Record<string | number, unknown>)[s];
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const stringPaths = paths.filter((p) => {
      let v: unknown = base;
      for (const s of p) v = (v as Record<string | number, unknown>)[s];
      return typeof v === 'string';
    });
    const options: fc.Arbitrary<Mutated>[] = [
      fc.tuple(pick, wrongValue).map(([path, w]) => ({ mutation: 'wrong-type' as const, path, value: setAt(base, path, w) })),
      fc.tuple(pick, fc.constantFrom(200_000, 1_100_000), fc.constantFrom('x', '\u{1F600}', '\u0000', 'é')).map(([path, n, ch]) => ({ mutation: 'huge' as const, path, value: setAt(base, path, ch.repeat(n / ch.length)) })),
      fc.tuple(pick, fc.constantFrom(64, 1000, 20_000), fc.boolean()).map(([path, depth, objects]) => {
        const marker = `@@deep${depth}@@`;
        const text = JSON.stringify(setAt(base, path, marker)).replace(`"${marker}"`, deepJson(depth, objects));
        return { mutation: 'deep' as const, path, value: null, text };
      }),
    ];
    const bounded = paths.map((p) => [p, overBound(schemaAt(schema, p))] as const).filter(([, a]) => a !== undefined) as [Path, fc.Arbitrary<unknown>][];
    if (bounded.length > 0) options.push(fc.constantFrom(...bounded).chain(([path, a]) => a.map((v) => ({ mutation: 'over-bound' as const, path, value: setAt(base, path, v) }))));
    const requiredPaths = paths.filter((p) => p.length > 0 && typeof p.at(-1) === 'string' && (schemaAt(schema, p.slice(0, -1))?.required as string[] | undefined)?.includes(p.at(-1) as string));
    if (requiredPaths.length > 0) options.push(fc.constantFrom(...requiredPaths).map((path) => ({ mutation: 'missing' as const, path, value: deleteAt(base, path) })));
    if (objectPaths.length > 0) {
      const keyed = (keys: fc.Arbitrary<string>, mutation: 'extra-key' | 'pollution') =>
        fc.tuple(fc.constantFrom(...objectPaths), keys, fc.oneof(wrongValue, fc.constant({ polluted: true, isAdmin: true }))).map(([path, key, v]) => ({ mutation, path: [...path, key], value: setAt(base, [...path, key], v) }));
      options.push(keyed(fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom('x\u0000y', '\u202Eid', 'id ', 'ID', 'clientID')), 'extra-key'));
      options.push(keyed(fc.constantFrom(...POLLUTION_KEYS), 'pollution'));
      // JSON.parse keeps the last of duplicated keys: a valid one followed by a polluting one.
      options.push(
        fc.tuple(fc.constantFrom(...objectPaths), fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '[]')).map(([path, v]) => {
          const marker = '"@@pollute@@":0';
          const withMarker = JSON.stringify(setAt(base, [...path, '@@pollute@@'], 0));
          return { mutation: 'pollution' as const, path, value: null, text: withMarker.replace(marker, `"__proto__":${v},"constructor":{"prototype":${v}}`) };
        }),
      );
    }
    if (stringPaths.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...stringPaths), fc.nat({ max: 40 })).map(([path, at]) => {
          let v: unknown = base;
          for (const s of path) v = (v as Record<string | number, unknown>)[s];
          const text = v as string;
          const i = Math.min(at, text.length - 1);
          // The NUL replaces a character, so a length bound still holds.
          const withNul = text.length === 0 ? '\u0000' : `${text.slice(0, i)}\u0000${text.slice(i + 1)}`;
          return { mutation: 'nul' as const, path, value: setAt(base, path, withNul) };
        }),
      );
    }
    return fc.oneof(...options);
  });
}
