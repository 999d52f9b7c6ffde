/** Stable problem codes; each becomes the problem `type` `urn:ringfence:problem:<code>`. */
export const PROBLEM_STATUS = {
  validation: 400,
  phi_detected: 400,
  unauthenticated: 401,
  mfa_required: 401,
  session_expired: 401,
  forbidden: 403,
  baa_required: 403,
  training_required: 403,
  csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_mismatch: 422,
  gone: 410,
  payload_too_large: 413,
  range_not_satisfiable: 416,
  unsupported_media_type: 415,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
  delivery_failed: 502,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const PROBLEM_TITLES: Record<ProblemCode, string> = {
  validation: 'Invalid request',
  phi_detected: 'PHI in operational text',
  unauthenticated: 'Sign-in required',
  mfa_required: 'Multi-factor authentication required',
  session_expired: 'Session expired',
  forbidden: 'Not allowed',
  baa_required: 'No active business associate agreement',
  training_required: 'Training missing or expired',
  csrf: 'Missing or invalid CSRF token',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  idempotency_mismatch: 'Idempotency-Key reused for a different request',
  gone: 'No longer readable',
  payload_too_large: 'Request too large',
  range_not_satisfiable: 'Range not satisfiable',
  unsupported_media_type: 'Unsupported media type',
  locked: 'Account locked',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  bad_gateway: 'Practice system unavailable',
  delivery_failed: 'Message not sent',
  unavailable: 'Service unavailable',
};

export interface FieldProblem {
  field: string;
  message: string;
}

/** Where PHI was found in a request (field and offsets), never the text itself. */
export interface ProblemSpan {
  field: string;
  start: number;
  end: number;
  type: string;
}

/**
 * The one error type services and the platform throw. The detail is shown to the caller,
 * so it never carries PHI, SQL or stack traces; `field` names the offending input.
 */
export class AppError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly spans: ProblemSpan[] | undefined;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    options: { field?: string; errors?: FieldProblem[]; headers?: Record<string, string>; spans?: ProblemSpan[] } = {},
  ) {
    super(detail);
    this.status = PROBLEM_STATUS[code];
    this.field = options.field;
    this.errors = options.errors;
    this.headers = options.headers;
    this.spans = options.spans;
  }
}

/**
 * A field problem as a sentence a person reads at the top of a form: "The password must be at
 * least 12 characters." A message that is already a sentence is kept as it is. The field's
 * path (`phones.0.number`) stays in the problem's `field` and `errors` for code.
 */
export function fieldSentence(field: string, message: string): string {
  const text = message.trim();
  if (/^[A-Z]/.test(text)) return /[.!?]$/.test(text) ? text : `${text}.`;
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  const name = (parts.at(-1) ?? field).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return `The ${name} ${text.replace(/[.]$/, '')}.`;
}

/** A 400 naming the field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation', fieldSentence(field, message), { field, errors: [{ field, message }] });
}

/** A 404 that does not tell whether the thing exists elsewhere (another tenant, another client). */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found.`);
}
