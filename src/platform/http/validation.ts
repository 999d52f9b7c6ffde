import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from './errors.ts';
import { FORMAT_HINT } from './schemas.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    // Unknown fields are an error, never silently dropped.
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
    // Errors carry the schema they failed, for the format hints people read.
    verbose: true,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated strictly (a number is not a string); query strings, params and headers
 * arrive as text and are coerced to their declared types.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    const validate = ajv.compile(schema as object);
    // Fastify reads a failed validation's errors from the function it was given.
    const checked = Object.assign(
      (data: unknown) => {
        if (!validate(data)) {
          checked.errors = validate.errors ?? null;
          return false;
        }
        const at = nulPath(data, '');
        checked.errors = at === null ? null : [nulError(at)];
        return at === null;
      },
      { errors: null as ErrorObject[] | null },
    );
    return checked as unknown as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

/** The message of the NUL rule, for the field problem. */
export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * Where a string holding U+0000 is in a request part (a JSON pointer), or null. PostgreSQL
 * cannot store NUL in text, and on SQLite it cuts the text short for C readers: the platform
 * refuses it on both engines, before any handler, naming the field.
 */
function nulPath(value: unknown, pointer: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulPath(value[i], `${pointer}/${i}`);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = nulPath(v, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found !== null) return found;
    }
  }
  return null;
}

function nulError(instancePath: string): ErrorObject {
  return { keyword: 'nul', instancePath, schemaPath: '#', params: {}, message: NUL_MESSAGE };
}

/** Turns ajv's errors into field problems (`email`, `roles.0.clientId`). */
export function fieldProblems(errors: ErrorObject[], context: string): FieldProblem[] {
  return errors.map((e) => {
    const parts = e.instancePath.split('/').filter(Boolean);
    const params = e.params as Record<string, unknown>;
    if (typeof params.missingProperty === 'string') parts.push(params.missingProperty);
    if (typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
    const field = parts.join('.') || context;
    return { field, message: friendlyMessage(e) };
  });
}

/** Messages a person can act on, for the checks forms hit most; ajv's own wording otherwise. */
function friendlyMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return 'is not an accepted field';
    case 'required':
      return 'is required';
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return p.limit === 1 ? 'choose at least one' : `choose at least ${String(p.limit)}`;
    case 'maxItems':
      return `choose at most ${String(p.limit)}`;
    case 'format':
      return p.format === 'email' ? 'must be an email address' : p.format === 'uuid' ? 'must be an identifier (UUID)' : p.format === 'date-time' ? 'must be a date and time (ISO 8601)' : `must be a valid ${String(p.format)}`;
    case 'pattern': {
      const hint = (e.parentSchema as Record<string, unknown> | undefined)?.[FORMAT_HINT];
      return typeof hint === 'string' ? `must be ${hint}` : 'is not in the expected format';
    }
    case 'type':
      return `must be ${String(p.type) === 'integer' ? 'a whole number' : `a ${String(p.type)}`}`;
    case 'const':
    case 'enum':
    case 'anyOf':
      return 'is not one of the accepted values';
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    default:
      return e.message ?? 'is invalid';
  }
}
