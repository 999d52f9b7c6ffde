import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** RFC 9457 problem details, as the server sends every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

/** An error answer from the API, carrying its problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  /** The problem code: `urn:ringfence:problem:<code>`. */
  get code(): string {
    return this.problem.type.split(':').pop() ?? 'internal';
  }

  /** Field name → message, for inline form errors. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] = e.message;
    if (this.problem.field && !out[this.problem.field]) out[this.problem.field] = this.problem.detail.replace(/^[\w.]+: /, '');
    return out;
  }
}

let csrfToken: string | null = null;
const signedOutListeners = new Set<(reason: string) => void>();

/** Remembers the CSRF token from sign-in; state-changing requests send it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, ended elsewhere). */
export function onSignedOut(fn: (reason: string) => void): () => void {
  signedOutListeners.add(fn);
  return () => signedOutListeners.delete(fn);
}

/**
 * Reads happen by themselves (polling, refetching after a live event or on window focus), so
 * they are marked background and never keep a session alive; a change is something a person
 * asked for. What the person does in between is reported by `watchActivity`.
 */
const BACKGROUND_METHODS = new Set(['GET', 'HEAD']);

const platform: Middleware = {
  onRequest({ request }) {
    if (BACKGROUND_METHODS.has(request.method)) request.headers.set('x-ringfence-background', '1');
    else if (csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes('/api/auth/')) {
      const problem = (await response.clone().json().catch(() => null)) as Problem | null;
      for (const fn of signedOutListeners) fn(problem?.detail ?? 'Sign in again');
    }
    return response;
  },
};

/**
 * Request options that send a file or text as the body itself (a signed PDF, a CSV export)
 * instead of JSON; the CSRF header is added like for any other request.
 */
export function rawBody(body: Blob | string, contentType: string) {
  return { body: body as never, bodySerializer: (value: unknown) => value as BodyInit, headers: { 'content-type': contentType } };
}

/** The typed API client: paths, bodies and answers come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(platform);

/** Unwraps an openapi-fetch answer: the data, or an ApiError with the problem details. */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    throw new ApiError({ type: 'urn:ringfence:problem:unavailable', title: 'Network error', status: 0, detail: 'Ringfence cannot be reached. Check your connection and try again.' });
  }
  if (result.error !== undefined || !result.response.ok) {
    const e = result.error as Partial<Problem> | undefined;
    throw new ApiError({
      type: e?.type ?? 'urn:ringfence:problem:internal',
      title: e?.title ?? 'Error',
      status: e?.status ?? result.response.status,
      detail: e?.detail ?? `The server answered ${result.response.status}`,
      requestId: e?.requestId,
      field: e?.field,
      errors: e?.errors,
    });
  }
  return result.data as T;
}
