import { Type, type TLiteral, type TProperties, type TSchema, type TUnion } from 'typebox';
import type { DataCategory } from '../authz/catalogue.ts';

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
/**
 * The schema keyword that declares a string in a request is not free text, and what it is
 * instead. Every string a person or integration can send is one of: a format (UUID, e-mail,
 * date-time), a fixed value, PHI-guarded operational text, vault text (PHI by nature, stored
 * encrypted), or one of these kinds. A test walks every route's request schemas and fails on
 * a string that is none of them, so a new field cannot carry untracked free text into storage
 * or the audit trail.
 */
export const TEXT_KIND = 'x-text';

export const TEXT_KINDS = {
  secret: 'a password, code or credential: checked or stored hashed or encrypted, never logged, audited or shown',
  search: 'search terms: matched and discarded, never stored, logged or written to the audit trail',
  identifier: 'an identifier or key of a fixed shape (a reference, a role key, a time zone, a field path)',
  structured: 'a value of a fixed pattern (a day, a time of day)',
  url: "the address of another system Ringfence connects to",
  'person-name': "the name of a workforce member or a counterparty's signer: staff, never patients",
  'organization-name': 'the name of an organization, a client practice or a vendor',
  'phi-checked': 'a reason given to the PHI guard, which itself refuses PHI in it',
} as const;
export type TextKind = keyof typeof TEXT_KINDS;

/** A string declared not free text, with what it is. */
export const Declared = (kind: TextKind, options: Parameters<typeof Type.String>[0] = {}) => Type.String({ ...options, [TEXT_KIND]: kind });

export const IsoDate = Declared('structured', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** Free text of bounded length: only for response schemas and inside the helpers below; a request field needs a declared kind. */
export const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
/** A password, code or credential. */
export const Secret = (max: number, min = 1, options: Parameters<typeof Type.String>[0] = {}) => Declared('secret', { minLength: min, maxLength: max, ...options });
/** Search terms (matched, never stored). */
export const SearchTerm = (max: number, min = 1) => Declared('search', { minLength: min, maxLength: max });
/** A workforce member's name. */
export const PersonName = (max = 120) => Declared('person-name', { minLength: 1, maxLength: max, pattern: '\\S' });
/** An organization's, client practice's or vendor's name. */
export const OrganizationName = (max = 120) => Declared('organization-name', { minLength: 1, maxLength: max, pattern: '\\S' });

/** A schema keyword naming, for people, what a pattern expects: "must be <hint>". */
export const FORMAT_HINT = 'x-format-hint';

/** The schema keyword that marks operational free text the PHI guard checks before storage. */
export const PHI_GUARDED = 'x-phi-guarded';

/**
 * Operational free text (task titles, notes, scripts): the platform's PHI guard checks it
 * before any handler sees it, and refuses or redacts PHI per the client's policy.
 */
export const PhiGuarded = (max: number, min = 1, options: { pattern?: string } = {}) =>
  Type.String({ minLength: min, maxLength: max, ...options, [PHI_GUARDED]: true, description: 'Operational text: must not contain PHI (checked by the PHI guard)' });

/** The schema keyword that marks free text which is PHI by nature, with its data category: stored only encrypted. */
export const VAULT_TEXT = 'x-vault';

/**
 * Free text that is PHI by nature (a clinical message, a provider's reply): never PHI-guarded,
 * because PHI is what it is for, but encrypted under the client's key before it is stored and
 * read only with its data category. The keyword names that category, so a schema walk can
 * tell every free-text field is either guarded operational text or declared PHI.
 */
export const VaultText = (max: number, category: Exclude<DataCategory, 'operational'>, min = 1, options: { pattern?: string; description?: string } = {}) =>
  Type.String({ minLength: min, maxLength: max, ...options, [VAULT_TEXT]: category, description: `PHI (${category}): encrypted under the client's key, read only with the ${category} category` });

/** A union of string literals, typed as such. */
export function Literals<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
}
export const Email = Type.String({ format: 'email', maxLength: 254 });

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

/** Keyset paging for long lists (the audit trail): `before` is the `nextBefore` of the previous page. */
export const KeysetQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'The nextBefore of the previous page: the page continues after that item' })),
};

export function KeysetPage<T extends TSchema>(item: T) {
  return Out({
    items: Type.Array(item),
    limit: Type.Integer(),
    nextBefore: Nullable(Type.Integer(), { description: 'Pass as before for the next page; null on the last page' }),
    hasMore: Type.Boolean(),
  });
}

/** A sort parameter limited to the listed fields, `-field` for descending. */
export function SortQuery(fields: readonly string[]) {
  return Type.Optional(Type.Union(fields.flatMap((f) => [Type.Literal(f), Type.Literal(`-${f}`)])));
}
