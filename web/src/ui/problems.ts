/**
 * Which part of a problem a form still has to say at form level. A problem may name a field
 * that the form has no input for (`clientId` on a BAA refusal, `training.<course>` on a
 * training refusal) or one the form is not showing right now: its sentence must then appear
 * above the buttons, or the person sees a form that silently does nothing.
 *
 * Kept free of React and the DOM so that the rule is tested on its own.
 */

/** A problem as a form sees it: the server's sentence and its field errors by name. */
export interface FormProblem {
  detail: string;
  fieldErrors: Record<string, string>;
}

/**
 * The field errors not among the messages shown inline: each message on screen accounts for
 * one field error with that text, so two fields failing with the same words need two.
 */
export function unshownFieldErrors(fieldErrors: Record<string, string>, shownInline: readonly string[]): string[] {
  const shown = new Map<string, number>();
  for (const text of shownInline) shown.set(text, (shown.get(text) ?? 0) + 1);
  const out: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    const left = shown.get(message) ?? 0;
    if (left > 0) shown.set(message, left - 1);
    else out.push(field);
  }
  return out;
}

/**
 * The form-level message for a problem: its detail when it names no field, or when any field
 * it names is not shown inline; nothing when every field error is on screen.
 */
export function formProblemMessage(problem: FormProblem, shownInline: readonly string[]): string | null {
  if (Object.keys(problem.fieldErrors).length === 0) return problem.detail;
  return unshownFieldErrors(problem.fieldErrors, shownInline).length > 0 ? problem.detail : null;
}
