import { useId, type TextareaHTMLAttributes } from 'react';

/**
 * A labelled text area for text kept in the vault (clinical messages, replies to a page): not
 * PHI-guarded, since it is where such detail belongs. Its inline error is marked like every
 * field's, so the form-level message never drops it.
 */
export function TextAreaField({ label, hint, error, id, name, ...area }: { label: string; hint?: string; error?: string; name: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const areaId = id ?? auto;
  const describedBy = [hint ? `${areaId}-hint` : '', error ? `${areaId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={areaId}>{label}</label>
      <textarea id={areaId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
      {hint ? (
        <span className="hint" id={`${areaId}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={`${areaId}-error`} role="alert" data-field-error={name}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
