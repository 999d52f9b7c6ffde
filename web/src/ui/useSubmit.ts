import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../api/client';
import { formProblemMessage } from './problems';

export interface SubmitState {
  busy: boolean;
  /** Inline errors by field name, from the server's problem+json (or the form's own checks). */
  fieldErrors: Record<string, string>;
  /**
   * What the form says as a whole: an error that names no field, or one whose field is not
   * shown inline on this form (a BAA or training refusal names `clientId`, `training.…`).
   */
  formError: string | null;
}

/** Field name → message of an ApiError, for inline errors; nothing for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

/** The texts of the inline field errors on screen inside `scope` (Field, PhiTextField and InlineError mark theirs). */
function inlineErrorsIn(scope: Element | null): string[] {
  if (!scope?.isConnected) return [];
  return [...scope.querySelectorAll('[data-field-error]')].map((e) => e.textContent);
}

/**
 * The form-level message for an error, after looking at what the form shows: the error's
 * sentence unless every field it names has its message on screen inside `scope`. It is
 * worked out again after every render, so a field that goes away takes its error to the form.
 * Without a scope nothing counts as shown, so a problem is repeated rather than dropped.
 */
export function useFormProblem(error: unknown, scope: RefObject<Element | null>, dismissed: readonly string[] = []): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useLayoutEffect(() => {
    let next: string | null = null;
    if (error instanceof ApiError) {
      // A field the person has since edited no longer stands for the problem, here or inline.
      const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).filter(([field]) => !dismissed.includes(field)));
      const answered = Object.keys(error.fieldErrors).length > 0 && Object.keys(fieldErrors).length === 0;
      next = answered ? null : formProblemMessage({ detail: error.problem.detail, fieldErrors }, inlineErrorsIn(scope.current));
    } else if (error) next = error instanceof Error ? error.message : 'Something went wrong';
    setMessage((current) => (current === next ? current : next));
  });
  return message;
}

/** The form (or dialog) a submit belongs to: where its inline errors are looked for. */
function scopeOf(target: unknown): Element | null {
  const from = target instanceof Element ? target : document.activeElement;
  return from?.closest('form') ?? from?.closest('dialog') ?? null;
}

/**
 * Runs a form's submit action: shows it as busy, and turns an ApiError into inline field
 * errors (the server names the field) and, for whatever no field on the form shows, a
 * form-level message. Pass the event (submit or click) so the form is known.
 */
export function useSubmit<T>(action: () => Promise<T>, onDone?: (result: T) => void) {
  const [state, setState] = useState<{ busy: boolean; fieldErrors: Record<string, string>; error: unknown; dismissed: string[] }>({ busy: false, fieldErrors: {}, error: null, dismissed: [] });
  const scope = useRef<Element | null>(null);
  const formError = useFormProblem(state.error, scope, state.dismissed);
  const submit = async (event?: { preventDefault(): void; currentTarget?: unknown }) => {
    event?.preventDefault();
    scope.current = scopeOf(event?.currentTarget);
    setState({ busy: true, fieldErrors: {}, error: null, dismissed: [] });
    try {
      const result = await action();
      setState({ busy: false, fieldErrors: {}, error: null, dismissed: [] });
      onDone?.(result);
    } catch (err) {
      const fieldErrors = fieldErrorsOf(err);
      setState({ busy: false, fieldErrors, error: err, dismissed: [] });
      // Take the person to the first field the server named (it may be scrolled out of view).
      if (Object.keys(fieldErrors).length) requestAnimationFrame(() => (scope.current ?? document).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  };
  const setFieldErrors = (fieldErrors: Record<string, string>) => setState((s) => ({ ...s, fieldErrors }));
  /** The person changed this field: its error from the last submit goes, inline and from the form-level message. */
  const dismiss = (field: string) =>
    setState((s) => {
      if (!(field in s.fieldErrors)) return s;
      const { [field]: _gone, ...fieldErrors } = s.fieldErrors;
      return { ...s, fieldErrors, dismissed: [...s.dismissed, field] };
    });
  const shown: SubmitState = { busy: state.busy, fieldErrors: state.fieldErrors, formError };
  return { ...shown, submit, setFieldErrors, dismiss };
}
