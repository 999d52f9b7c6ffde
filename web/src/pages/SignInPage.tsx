import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken, unwrap } from '../api/client';
import { AuthCard, CodeField, EnrolAuthenticator, RecoveryCodes } from '../auth/Authenticator';
import { takeSignInNotice, useMe, useSetupStatus } from '../session';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { FormError, Loading } from '../ui/States';
import { useSubmit } from '../ui/useSubmit';

type Step = 'password' | 'code' | 'recovery' | { enrol: { totpUri: string; secret: string } } | { codes: string[]; csrf: string };

/** Sign-in: password, then the authenticator code (or a recovery code, or first-time enrolment). */
export function SignInPage() {
  const setup = useSetupStatus();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as { from?: string; notice?: string };
  const [step, setStep] = useState<Step>('password');
  const [notice] = useState(() => state.notice ?? takeSignInNotice());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  /** Set when the address and password open accounts in several organizations. */
  const [organizations, setOrganizations] = useState<{ id: string; name: string }[] | null>(null);
  const [organizationId, setOrganizationId] = useState('');

  const finish = async (csrf: string) => {
    setCsrfToken(csrf);
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    navigate(state.from && state.from !== '/sign-in' ? state.from : '/', { replace: true });
  };

  const passwordStep = useSubmit(
    () => unwrap(api.POST('/api/auth/login', { body: { email, password, ...(organizationId ? { organizationId } : {}) } })),
    async (answer) => {
      if ('organizationRequired' in answer) {
        setOrganizations(answer.organizations);
        setOrganizationId(answer.organizations[0]?.id ?? '');
        return;
      }
      setCsrfToken(answer.csrfToken);
      setPassword('');
      if (answer.enrollmentRequired) setStep({ enrol: await unwrap(api.POST('/api/auth/mfa/enroll')) });
      else setStep('code');
    },
  );
  const codeStep = useSubmit(
    () => unwrap(api.POST('/api/auth/mfa', { body: { code } })),
    (done) => void finish(done.csrfToken),
  );
  const recoveryStep = useSubmit(
    () => unwrap(api.POST('/api/auth/mfa', { body: { recoveryCode: recovery } })),
    (done) => void finish(done.csrfToken),
  );

  if (setup.isPending || me.isPending) return <Loading />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.data?.stage === 'full' && step === 'password') return <Navigate to="/" replace />;

  if (typeof step === 'object' && 'enrol' in step) {
    return (
      <AuthCard title="Set up your authenticator" subtitle="Ringfence protects patient information with a second sign-in step.">
        <EnrolAuthenticator
          totpUri={step.enrol.totpUri}
          secret={step.enrol.secret}
          onCode={async (c) => {
            const done = await unwrap(api.POST('/api/auth/mfa', { body: { code: c } }));
            setCsrfToken(done.csrfToken);
            setStep({ codes: done.recoveryCodes ?? [], csrf: done.csrfToken });
          }}
        />
      </AuthCard>
    );
  }
  if (typeof step === 'object' && 'codes' in step) {
    return (
      <AuthCard title="Save your recovery codes">
        <RecoveryCodes codes={step.codes} onDone={() => void finish(step.csrf)} />
      </AuthCard>
    );
  }
  if (step === 'code') {
    return (
      <AuthCard title="Enter your code" subtitle="Open your authenticator app and enter the code for Ringfence.">
        <form className="form" onSubmit={codeStep.submit} noValidate>
          <CodeField value={code} onChange={setCode} error={codeStep.fieldErrors.code} />
          <FormError message={codeStep.formError} />
          <Button type="submit" variant="primary" block busy={codeStep.busy}>
            Verify
          </Button>
          <button type="button" className="link-button" onClick={() => setStep('recovery')}>
            Lost your phone? Use a recovery code
          </button>
        </form>
      </AuthCard>
    );
  }
  if (step === 'recovery') {
    return (
      <AuthCard title="Use a recovery code" subtitle="Each recovery code works once. Re-enrol your authenticator from your account page afterwards.">
        <form className="form" onSubmit={recoveryStep.submit} noValidate>
          <TextField label="Recovery code" name="recoveryCode" autoComplete="off" autoFocus required value={recovery} error={recoveryStep.fieldErrors.recoveryCode} onChange={(e) => setRecovery(e.target.value)} />
          <FormError message={recoveryStep.formError} />
          <Button type="submit" variant="primary" block busy={recoveryStep.busy}>
            Sign in
          </Button>
          <button type="button" className="link-button" onClick={() => setStep('code')}>
            Use my authenticator instead
          </button>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in" subtitle="Use your work email and password.">
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      <form className="form" onSubmit={passwordStep.submit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          error={passwordStep.fieldErrors.email}
          onChange={(e) => {
            setEmail(e.target.value);
            setOrganizations(null);
            setOrganizationId('');
          }}
        />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} error={passwordStep.fieldErrors.password} onChange={(e) => setPassword(e.target.value)} />
        {organizations ? (
          <SelectField
            label="Organization"
            name="organizationId"
            hint="You work for more than one answering service with this address: choose where to sign in."
            value={organizationId}
            error={passwordStep.fieldErrors.organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <FormError message={passwordStep.formError} />
        <Button type="submit" variant="primary" block busy={passwordStep.busy}>
          Continue
        </Button>
      </form>
    </AuthCard>
  );
}
