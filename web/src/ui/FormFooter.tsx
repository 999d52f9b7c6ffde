import type { ReactNode } from 'react';
import { Button } from './Button';
import { FormError } from './States';

/** The end of a form: the server's error for the form as a whole, then Cancel (when the form can be left) and the submit button. */
export function FormFooter({ error, busy, onCancel, children }: { error: string | null; busy: boolean; onCancel?: () => void; children: ReactNode }) {
  return (
    <>
      <FormError message={error} />
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" variant="primary" busy={busy}>
          {children}
        </Button>
      </div>
    </>
  );
}
