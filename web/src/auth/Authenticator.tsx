import QRCode from 'qrcode';
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '../ui/Button';
import { Checkbox, TextField } from '../ui/Field';
import { Brand, FormError } from '../ui/States';
import { useSubmit } from '../ui/useSubmit';

/** A six-digit code field: numeric keyboard, one-time-code autofill, digits only. */
export function CodeField({ value, onChange, error, label = 'Authenticator code' }: { value: string; onChange: (v: string) => void; error?: string; label?: string }) {
  return (
    <TextField
      label={label}
      name="code"
      className="code-input"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="\d{6}"
      maxLength={6}
      required
      autoFocus
      value={value}
      error={error}
      hint="The 6-digit code your authenticator app shows for Ringfence"
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}

/**
 * Enrolment: the QR code (drawn here in the browser, so the secret goes nowhere else), the
 * secret for typing in by hand, and the first code to confirm.
 */
export function EnrolAuthenticator({ totpUri, secret, onCode }: { totpUri: string; secret: string; onCode: (code: string) => Promise<unknown> }) {
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const form = useSubmit(() => onCode(code));
  useEffect(() => {
    void QRCode.toDataURL(totpUri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then(setQr);
  }, [totpUri]);
  return (
    <form className="form" onSubmit={form.submit} noValidate>
      <p>Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the 6-digit code it shows.</p>
      <div className="qr">{qr ? <img src={qr} alt="QR code to add Ringfence to an authenticator app" /> : null}</div>
      <details>
        <summary>Can’t scan? Enter the key by hand</summary>
        <p className="secret mono" aria-label="Authenticator key">
          {secret.replace(/(.{4})/g, '$1 ').trim()}
        </p>
      </details>
      <CodeField value={code} onChange={setCode} error={form.fieldErrors.code} />
      <FormError message={form.formError} />
      <Button type="submit" variant="primary" block busy={form.busy}>
        Confirm and continue
      </Button>
    </form>
  );
}

/** The recovery codes, shown once; the person confirms they stored them before going on. */
export function RecoveryCodes({ codes, onDone, doneLabel = 'Continue to Ringfence' }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="form">
      <div className="notice notice-warning">These recovery codes are shown only now. Each signs you in once if you lose your phone. Store them somewhere safe.</div>
      <ul className="codes mono" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Button
        onClick={() => {
          void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy codes'}
      </Button>
      <Checkbox label="I have stored my recovery codes" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
      <Button variant="primary" block disabled={!saved} onClick={onDone}>
        {doneLabel}
      </Button>
    </div>
  );
}

/** The frame of the signed-out pages. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Ringfence`;
  }, [title]);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <Brand />
        <h1>{title}</h1>
        {subtitle ? <p className="subtitle">{subtitle}</p> : null}
        {children}
      </div>
    </main>
  );
}
