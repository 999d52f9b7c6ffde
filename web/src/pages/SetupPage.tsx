import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, setCsrfToken, unwrap } from '../api/client';
import { AuthCard, EnrolAuthenticator, RecoveryCodes } from '../auth/Authenticator';
import { useSetupStatus } from '../session';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { FormError, Loading } from '../ui/States';
import { useSubmit } from '../ui/useSubmit';

type Step = { name: 'organization' } | { name: 'authenticator'; totpUri: string; secret: string } | { name: 'codes'; codes: string[] };

const STEPS = ['Organization', 'Authenticator', 'Recovery codes'];

/** First-run setup: the organization and its first administrator, then their authenticator. */
export function SetupPage() {
  const status = useSetupStatus();
  const [step, setStep] = useState<Step>({ name: 'organization' });
  const [form, setForm] = useState({ orgName: '', displayName: '', email: '', password: '', confirm: '' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = useSubmit(
    () =>
      unwrap(api.POST('/api/setup', { body: { orgName: form.orgName, email: form.email, password: form.password, ...(form.displayName ? { displayName: form.displayName } : {}) } })),
    (created) => {
      setCsrfToken(created.csrfToken);
      setStep({ name: 'authenticator', totpUri: created.totpUri, secret: created.secret });
    },
  );
  const confirmError = form.confirm && form.password !== form.confirm ? 'The passwords do not match' : undefined;

  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needed && step.name === 'organization') return <Navigate to="/sign-in" replace />;

  const index = step.name === 'organization' ? 0 : step.name === 'authenticator' ? 1 : 2;
  return (
    <AuthCard title="Set up Ringfence" subtitle="Create your organization and its first administrator.">
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === index ? 'step' : undefined}>
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      {step.name === 'organization' ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmError) return;
            void submit.submit(e);
          }}
        >
          <TextField label="Organization name" name="orgName" required autoFocus value={form.orgName} error={submit.fieldErrors.orgName} hint="Your answering service or call center" onChange={(e) => setForm({ ...form, orgName: e.target.value })} />
          <TextField label="Your name" name="displayName" autoComplete="name" value={form.displayName} error={submit.fieldErrors.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          <TextField label="Work email" name="email" type="email" autoComplete="username" required value={form.email} error={submit.fieldErrors.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={form.password}
            error={submit.fieldErrors.password}
            hint="At least 12 characters; a passphrase of several words works well"
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required value={form.confirm} error={confirmError} onChange={(e) => setForm({ ...form, confirm: e.target.value })} />
          <FormError message={submit.formError} />
          <Button type="submit" variant="primary" block busy={submit.busy}>
            Create organization
          </Button>
        </form>
      ) : step.name === 'authenticator' ? (
        <EnrolAuthenticator
          totpUri={step.totpUri}
          secret={step.secret}
          onCode={async (code) => {
            const done = await unwrap(api.POST('/api/auth/mfa', { body: { code } }));
            setCsrfToken(done.csrfToken);
            setStep({ name: 'codes', codes: done.recoveryCodes ?? [] });
          }}
        />
      ) : (
        <RecoveryCodes
          codes={step.codes}
          onDone={() => {
            void queryClient.invalidateQueries({ queryKey: ['setup'] });
            void queryClient.invalidateQueries({ queryKey: ['me'] });
            navigate('/', { replace: true });
          }}
        />
      )}
    </AuthCard>
  );
}
