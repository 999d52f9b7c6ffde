import { Type, type TLiteral, type TProperties, type TSchema, type TUnion } from 'typebox';

/** A request body or query object: unknown fields are refused, never silently dropped. */
export function Strict<P extends TProperties>(properties: P, options: { description?: string } = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** A response object: the schema is the allow-list of what leaves the server. */
export function Out<P extends TProperties>(properties: P, options: { description?: string } = {}) {
  return Type.Object(properties, options);
}

export function Nullable<T extends TSchema>(schema: T, options?: { description?: string }) {
  return Type.Union([schema, Type.Null()], options);
}

export const Id = Type.String({ format: 'uuid', description: 'Identifier' });
export const IsoTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** Free text of bounded length. */
export const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

/** The schema keyword that marks operational free text the PHI guard checks before storage. */
export const PHI_GUARDED = 'x-phi-guarded';

/**
 * Operational free text (task titles, notes, scripts): the platform's PHI guard checks it
 * before any handler sees it, and refuses or redacts PHI per the client's policy.
 */
export const PhiGuarded = (max: number, min = 1) =>
  Type.String({ minLength: min, maxLength: max, [PHI_GUARDED]: true, description: 'Operational text: must not contain PHI (checked by the PHI guard)' });

/** A union of string literals, typed as such. */
export function Literals<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
}
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Name = (max = 200) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** RFC 9457 problem details, as every error is sent. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    spans: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), start: Type.Integer(), end: Type.Integer(), type: Type.String() }), {
        description: 'PHI found in operational text: field, offsets (end exclusive) and kind; never the text',
      }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** The responses of a route: its success schema plus problem+json for every error. */
export function replies<T extends TSchema>(ok: T, status = 200) {
  return { [status]: ok, '4xx': ProblemSchema, '5xx': ProblemSchema } as { [K in typeof status]: T } & { '4xx': typeof ProblemSchema; '5xx': typeof ProblemSchema };
}

export const NoContent = Type.Null({ description: 'No content' });

/** Paging for list endpoints: `limit` and `offset`, with the total in the answer. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export function Page<T extends TSchema>(item: T) {
  return Out({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
}

/** A sort parameter limited to the listed fields, `-field` for descending. */
export function SortQuery(fields: readonly string[]) {
  return Type.Optional(Type.Union(fields.flatMap((f) => [Type.Literal(f), Type.Literal(`-${f}`)])));
}
