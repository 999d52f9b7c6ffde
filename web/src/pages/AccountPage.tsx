import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { EnrolAuthenticator, RecoveryCodes } from '../auth/Authenticator';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { TextField } from '../ui/Field';
import { PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { ROLE_NAMES } from './HomePage';

/** The signed-in person's own account: password and authenticator. */
export function AccountPage() {
  const { me } = useSession();
  return (
    <>
      <PageHeader title="My account" description="Your sign-in details." />
      <div className="grid-2">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <dl className="details">
            <dt>Name</dt>
            <dd>{me.user.displayName}</dd>
            <dt>Email</dt>
            <dd>{me.user.email}</dd>
            <dt>Organization</dt>
            <dd>{me.user.orgName}</dd>
            <dt>Roles</dt>
            <dd>{me.roles.length ? [...new Set(me.roles.map((r) => ROLE_NAMES[r.role] ?? r.name))].join(', ') : 'None'}</dd>
          </dl>
        </section>
        <ChangePassword />
      </div>
      <ReenrolAuthenticator />
    </>
  );
}

function ChangePassword() {
  const toast = useToast();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const mismatch = form.confirm && form.confirm !== form.newPassword ? 'The new passwords do not match' : undefined;
  const submit = useSubmit(
    () => unwrap(api.POST('/api/account/password', { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } })),
    () => {
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
      toast('success', 'Password changed. Your other sessions were signed out.');
    },
  );
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!mismatch) void submit.submit(e);
        }}
      >
        <TextField label="Current password" type="password" autoComplete="current-password" required value={form.currentPassword} error={submit.fieldErrors.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          value={form.newPassword}
          error={submit.fieldErrors.newPassword}
          hint="At least 12 characters"
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
        />
        <TextField label="Confirm new password" type="password" autoComplete="new-password" required value={form.confirm} error={mismatch} onChange={(e) => setForm({ ...form, confirm: e.target.value })} />
        <FormFooter error={submit.formError} busy={submit.busy}>
          Change password
        </FormFooter>
      </form>
    </section>
  );
}

type ReenrolStep = { name: 'idle' } | { name: 'password' } | { name: 'scan'; totpUri: string; secret: string } | { name: 'codes'; codes: string[] };

function ReenrolAuthenticator() {
  const toast = useToast();
  const [step, setStep] = useState<ReenrolStep>({ name: 'idle' });
  const [password, setPassword] = useState('');
  const start = useSubmit(
    () => unwrap(api.POST('/api/account/mfa/enroll', { body: { password } })),
    (offer) => {
      setPassword('');
      setStep({ name: 'scan', ...offer });
    },
  );
  return (
    <section className="card" aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Authenticator</h2>
      {step.name === 'idle' ? (
        <>
          <p>New phone? Enrol it here. Your current authenticator keeps working until the new one is confirmed, and you get new recovery codes.</p>
          <Button onClick={() => setStep({ name: 'password' })}>Re-enrol authenticator</Button>
        </>
      ) : step.name === 'password' ? (
        <form className="form" onSubmit={start.submit} noValidate style={{ maxWidth: 420 }}>
          <TextField label="Confirm with your password" type="password" autoComplete="current-password" autoFocus required value={password} error={start.fieldErrors.password} onChange={(e) => setPassword(e.target.value)} />
          <FormFooter error={start.formError} busy={start.busy} onCancel={() => setStep({ name: 'idle' })}>
            Continue
          </FormFooter>
        </form>
      ) : step.name === 'scan' ? (
        <div style={{ maxWidth: 420 }}>
          <EnrolAuthenticator
            totpUri={step.totpUri}
            secret={step.secret}
            onCode={async (code) => {
              const done = await unwrap(api.POST('/api/account/mfa/confirm', { body: { code } }));
              setStep({ name: 'codes', codes: done.recoveryCodes });
            }}
          />
        </div>
      ) : (
        <div style={{ maxWidth: 420 }}>
          <RecoveryCodes
            codes={step.codes}
            doneLabel="Done"
            onDone={() => {
              setStep({ name: 'idle' });
              toast('success', 'Your new authenticator is active');
            }}
          />
        </div>
      )}
    </section>
  );
}
