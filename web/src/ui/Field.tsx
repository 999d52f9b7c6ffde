import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * The hint under a field and its inline error, linked to the input by id. The error is marked
 * `data-field-error`: a form puts every problem it does not find so marked in its form-level
 * message (useFormProblem), so a field error is never dropped.
 */
function FieldMessages({ hint, hintId, error, errorId, name }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string; name?: string }) {
  return (
    <>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={errorId} role="alert" data-field-error={name ?? ''}>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The inline error of a group of fields (a fieldset of checkboxes, a file), announced when it appears. */
export function InlineError({ message }: { message?: string }) {
  return <FieldMessages error={message} />;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and inline error (announced and linked with aria-describedby). */
export function TextField({ label, error, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...input} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} name={input.name} />
    </div>
  );
}

/** A labelled select with its inline error. */
export function SelectField({ label, error, hint, id, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const auto = useId();
  const selectId = id ?? auto;
  const errorId = error ? `${selectId}-error` : undefined;
  const hintId = hint ? `${selectId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...select}>
        {children}
      </select>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} name={select.name} />
    </div>
  );
}

/** A checkbox with its label. */
export function Checkbox({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...input} />
      {label}
    </label>
  );
}
