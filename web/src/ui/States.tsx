import { useEffect, type ReactNode } from 'react';

/** Shown while data loads. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Shown when a list has nothing in it: what it is and what to do. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** A failure to load, with the server's explanation. */
export function ErrorNotice({ error }: { error: unknown }) {
  const text = error instanceof Error ? error.message : 'Something went wrong';
  return (
    <div className="notice notice-danger" role="alert">
      {text}
    </div>
  );
}

/** The page title row; it also names the browser tab. */
export function PageHeader({ title, description, actions, tabTitle }: { title: string; description?: string; actions?: ReactNode; tabTitle?: string }) {
  // Each screen names the browser tab after itself, so a person with several tabs finds the right one.
  const tab = tabTitle ?? title;
  useEffect(() => {
    document.title = `${tab} · Ringfence`;
  }, [tab]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}

/** A form-level error (one that belongs to no single field), announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <div className="form-error" role="alert">
      {message}
    </div>
  ) : null;
}

/** The product mark and name. */
export function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        R
      </span>
      Ringfence
    </div>
  );
}
