import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from './errors.ts';

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
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

/** Turns ajv's errors into field problems (`email`, `roles.0.clientId`). */
export function fieldProblems(errors: ErrorObject[], context: string): FieldProblem[] {
  return errors.map((e) => {
    const parts = e.instancePath.split('/').filter(Boolean);
    const params = e.params as Record<string, unknown>;
    if (typeof params.missingProperty === 'string') parts.push(params.missingProperty);
    if (typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
    const field = parts.join('.') || context;
    let message = e.message ?? 'is invalid';
    if (typeof params.additionalProperty === 'string') message = 'is not an accepted field';
    else if (typeof params.missingProperty === 'string') message = 'is required';
    return { field, message };
  });
}
