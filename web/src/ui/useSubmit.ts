import { useState } from 'react';
import { ApiError } from '../api/client';

export interface SubmitState {
  busy: boolean;
  /** Inline errors by field name, from the server's problem+json (or the form's own checks). */
  fieldErrors: Record<string, string>;
  /** An error that belongs to no single field. */
  formError: string | null;
}

/**
 * Runs a form's submit action: shows it as busy, and turns an ApiError into inline field
 * errors (the server names the field) or a form-level message.
 */
export function useSubmit<T>(action: () => Promise<T>, onDone?: (result: T) => void) {
  const [state, setState] = useState<SubmitState>({ busy: false, fieldErrors: {}, formError: null });
  const submit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    setState({ busy: true, fieldErrors: {}, formError: null });
    try {
      const result = await action();
      setState({ busy: false, fieldErrors: {}, formError: null });
      onDone?.(result);
    } catch (err) {
      if (err instanceof ApiError) {
        const fieldErrors = err.fieldErrors;
        setState({ busy: false, fieldErrors, formError: Object.keys(fieldErrors).length ? null : err.problem.detail });
        // Take the person to the first field the server named (it may be scrolled out of view).
        if (Object.keys(fieldErrors).length) requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else {
        setState({ busy: false, fieldErrors: {}, formError: err instanceof Error ? err.message : 'Something went wrong' });
      }
    }
  };
  const setFieldErrors = (fieldErrors: Record<string, string>) => setState((s) => ({ ...s, fieldErrors }));
  return { ...state, submit, setFieldErrors };
}
