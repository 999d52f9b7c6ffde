import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ChannelVendor, NotificationChannelView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';

const channelsKey = ['notification-channels'] as const;

type EmailChannel = Extract<NotificationChannelView, { kind: 'email' }>;
type SmsChannel = Extract<NotificationChannelView, { kind: 'sms' }>;
type WebhookChannel = Extract<NotificationChannelView, { kind: 'webhook' }>;
type Kind = NotificationChannelView['kind'];

/**
 * Outbound notifications: the organization's channels, each through a vendor: e-mail through a
 * mail relay (compliance reminders, pages), SMS through a Twilio-shaped provider, and signed
 * webhooks to a receiver (pages). Each is set up here and enabled once its vendor may carry PHI.
 */
export function NotificationsPage() {
  const { can } = useSession();
  const allowed = can('update', 'Organization');
  const channels = useQuery({ queryKey: channelsKey, queryFn: () => unwrap(api.GET('/api/notification-channels')), enabled: allowed });
  const vendorsOf = (kind: Kind) => ({ queryKey: [...channelsKey, 'vendors', kind], queryFn: () => unwrap(api.GET('/api/notification-channels/vendors', { params: { query: { kind } } })), enabled: allowed });
  const emailVendors = useQuery(vendorsOf('email'));
  const smsVendors = useQuery(vendorsOf('sms'));
  const webhookVendors = useQuery(vendorsOf('webhook'));
  // A new webhook secret is shown once; kept here so a refetch of the channel does not hide it.
  const [secret, setSecret] = useState<string | null>(null);
  if (!allowed) return <NoAccess what="notification settings" />;
  const items = channels.data?.items ?? [];
  const email = (items.find((c) => c.kind === 'email') as EmailChannel | undefined) ?? null;
  const sms = (items.find((c) => c.kind === 'sms') as SmsChannel | undefined) ?? null;
  const webhook = (items.find((c) => c.kind === 'webhook') as WebhookChannel | undefined) ?? null;
  const pending = [channels, emailVendors, smsVendors, webhookVendors].find((q) => q.isPending || q.isError);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Ringfence sends reminders and pages through your organization’s channels: e-mail through your mail relay, SMS through your texting provider, and signed webhooks to your own receiver. Each goes through a vendor that must handle PHI under a business associate agreement in effect, checked before every message."
      />
      {pending ? (
        pending.isError ? <ErrorNotice error={pending.error} /> : <Loading />
      ) : (
        <>
          <EmailChannelForm key={email?.updatedAt ?? 'new'} channel={email} vendors={emailVendors.data!.items} />
          <SmsChannelForm key={sms?.updatedAt ?? 'new-sms'} channel={sms} vendors={smsVendors.data!.items} />
          <WebhookChannelForm key={webhook?.updatedAt ?? 'new-webhook'} channel={webhook} vendors={webhookVendors.data!.items} secret={secret} onSecret={setSecret} />
        </>
      )}
    </>
  );
}

/** Whether the channel is on and whether its vendor may carry messages today. */
function ChannelState({ channel, what }: { channel: NotificationChannelView; what: string }) {
  return (
    <div className={`notice ${channel.gate.open ? '' : 'notice-warning'}`} role="status">
      {channel.enabled ? `Enabled: ${what}` : 'Disabled: nothing is sent.'} {channel.gate.open ? `${channel.vendor.name} may carry messages today.` : channel.gate.reason}
    </div>
  );
}

function VendorPicker({ label, vendors, value, error, onChange, missing }: { label: string; vendors: ChannelVendor[]; value: string; error?: string; onChange(id: string): void; missing: string }) {
  return (
    <>
      {vendors.length === 0 ? <div className="notice notice-warning">{missing}</div> : null}
      <SelectField label={label} name="vendorId" value={value} error={error} onChange={(e) => onChange(e.target.value)}>
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {v.status === 'inactive' ? ' (inactive)' : ''}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** Enable or disable, and a test send, for any kind of channel: the server's refusal shows on the field it names. */
function useChannelActions(channel: NotificationChannelView | null, noun: string, to: string, onTested: (message: string) => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: channelsKey });
  const toggle = useSubmit(
    () => unwrap(api.POST(channel?.enabled ? '/api/notification-channels/{id}/disable' : '/api/notification-channels/{id}/enable', { params: { path: { id: channel!.id } } })),
    (result) => {
      refresh();
      toast('success', result.enabled ? `${noun} notifications are on` : `${noun} notifications are off`);
    },
  );
  const test = useSubmit(
    () => unwrap(api.POST('/api/notification-channels/{id}/test', { params: { path: { id: channel!.id } }, body: to ? { to } : {} })),
    () => onTested(`A test message was sent${to ? ` to ${to}` : ' to your address'}.`),
  );
  return { toggle, test, refresh, toast };
}

function ChannelButtons({ channel, actions, onTest, setUpLabel, busy }: { channel: NotificationChannelView | null; actions: ReturnType<typeof useChannelActions>; onTest(): void; setUpLabel: string; busy: boolean }) {
  const { toggle, test } = actions;
  return (
    <div className="form-actions">
      {channel ? (
        <>
          <Button busy={test.busy} onClick={(e) => (onTest(), void test.submit(e))}>
            Send a test
          </Button>
          <Button variant={channel.enabled ? 'danger' : 'secondary'} busy={toggle.busy} onClick={(e) => void toggle.submit(e)}>
            {channel.enabled ? 'Disable' : 'Enable'}
          </Button>
        </>
      ) : null}
      <Button type="submit" variant="primary" busy={busy}>
        {channel ? 'Save changes' : setUpLabel}
      </Button>
    </div>
  );
}

function EmailChannelForm({ channel, vendors }: { channel: EmailChannel | null; vendors: ChannelVendor[] }) {
  const [form, setForm] = useState({
    vendorId: channel?.vendor.id ?? vendors[0]?.id ?? '',
    host: channel?.host ?? '',
    port: String(channel?.port ?? 587),
    secure: channel?.secure ?? false,
    fromAddress: channel?.fromAddress ?? '',
    username: '',
    password: '',
    removeCredentials: false,
  });
  const [to, setTo] = useState('');
  const [tested, setTested] = useState<string | null>(null);
  const actions = useChannelActions(channel, 'E-mail', to, setTested);
  const { toggle, test } = actions;
  const typedCredentials = form.username !== '' || form.password !== '';
  const credentials = form.removeCredentials ? null : typedCredentials ? { username: form.username, password: form.password } : undefined;
  const settings = { vendorId: form.vendorId, host: form.host, port: Number(form.port), secure: form.secure, fromAddress: form.fromAddress, ...(credentials !== undefined ? { credentials } : {}) };

  const save = useSubmit(
    () =>
      channel
        ? unwrap(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: channel.id } }, body: settings }))
        : unwrap(api.POST('/api/notification-channels', { body: { kind: 'email' as const, ...settings } })),
    () => {
      actions.refresh();
      actions.toast('success', channel ? 'The e-mail channel was saved' : 'The e-mail channel was set up; enable it to start sending');
    },
  );
  const errorOf = (field: string) => save.fieldErrors[field] ?? toggle.fieldErrors[field] ?? test.fieldErrors[field];
  const edit = (field: string, patch: Partial<typeof form>) => {
    save.dismiss(field);
    test.dismiss(field);
    toggle.dismiss(field);
    setForm({ ...form, ...patch });
  };

  return (
    <form className="form card" onSubmit={save.submit} noValidate aria-label="E-mail channel">
      <h2>E-mail</h2>
      {channel ? <ChannelState channel={channel} what="reminders are e-mailed." /> : null}
      <VendorPicker
        label="Mail relay (vendor)"
        vendors={vendors}
        value={form.vendorId}
        error={errorOf('vendorId')}
        onChange={(vendorId) => edit('vendorId', { vendorId })}
        missing="No vendor is recorded as providing e-mail. Ask a compliance officer to add your mail relay as a vendor (with the e-mail service) and its BAA."
      />
      <div className="form-row">
        <TextField label="SMTP host" name="host" required placeholder="smtp.example.com" value={form.host} error={errorOf('host')} onChange={(e) => edit('host', { host: e.target.value })} />
        <TextField label="Port" name="port" required inputMode="numeric" value={form.port} error={errorOf('port')} onChange={(e) => edit('port', { port: e.target.value })} />
      </div>
      <Checkbox label="TLS from the start (usually port 465); otherwise STARTTLS is required" checked={form.secure} onChange={(e) => edit('secure', { secure: e.target.checked })} />
      <TextField label="From address" name="fromAddress" type="email" required placeholder="alerts@your-service.example" value={form.fromAddress} error={errorOf('fromAddress')} onChange={(e) => edit('fromAddress', { fromAddress: e.target.value })} />
      <div className="form-row">
        <TextField
          label="User name"
          name="credentials.username"
          autoComplete="off"
          hint={channel?.hasCredentials ? 'Stored encrypted; leave both blank to keep them' : 'Stored encrypted, never shown again'}
          value={form.username}
          disabled={form.removeCredentials}
          error={errorOf('credentials.username') ?? errorOf('credentials')}
          onChange={(e) => edit('credentials.username', { username: e.target.value })}
        />
        <TextField label="Password" name="credentials.password" type="password" autoComplete="off" value={form.password} disabled={form.removeCredentials} error={errorOf('credentials.password')} onChange={(e) => edit('credentials.password', { password: e.target.value })} />
      </div>
      {channel?.hasCredentials ? <Checkbox label="Remove the stored credentials" checked={form.removeCredentials} onChange={(e) => edit('credentials', { removeCredentials: e.target.checked })} /> : null}
      {channel ? (
        <TextField label="Send a test to" name="to" type="email" hint="Leave blank to send it to your own address" value={to} error={errorOf('to')} onChange={(e) => (test.dismiss('to'), setTo(e.target.value))} />
      ) : null}
      {tested ? (
        <div className="notice" role="status">
          {tested}
        </div>
      ) : null}
      <FormError message={save.formError ?? toggle.formError ?? test.formError} />
      <ChannelButtons channel={channel} actions={actions} onTest={() => setTested(null)} setUpLabel="Set up e-mail" busy={save.busy} />
    </form>
  );
}

function SmsChannelForm({ channel, vendors }: { channel: SmsChannel | null; vendors: ChannelVendor[] }) {
  const [to, setTo] = useState('');
  const [tested, setTested] = useState<string | null>(null);
  const actions = useChannelActions(channel, 'SMS', to, setTested);
  const [values, setValues] = useState({
    vendorId: channel?.vendor.id ?? vendors[0]?.id ?? '',
    baseUrl: channel?.baseUrl ?? 'https://api.twilio.com',
    accountSid: channel?.accountSid ?? '',
    fromNumber: channel?.fromNumber ?? '',
    authToken: '',
  });
  const settings = { vendorId: values.vendorId, baseUrl: values.baseUrl, accountSid: values.accountSid, fromNumber: values.fromNumber, ...(values.authToken ? { authToken: values.authToken } : {}) };
  const save = useSubmit(
    () =>
      channel
        ? unwrap(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: channel.id } }, body: settings }))
        : unwrap(api.POST('/api/notification-channels', { body: { kind: 'sms' as const, ...settings } })),
    () => {
      actions.refresh();
      actions.toast('success', channel ? 'The SMS channel was saved' : 'The SMS channel was set up; enable it to start sending');
    },
  );
  const { toggle, test } = actions;
  const errorOf = (field: string) => save.fieldErrors[field] ?? toggle.fieldErrors[field] ?? test.fieldErrors[field];
  const edit = (field: string, patch: Partial<typeof values>) => {
    for (const s of [save, toggle, test]) s.dismiss(field);
    setValues({ ...values, ...patch });
  };

  return (
    <form className="form card" onSubmit={save.submit} noValidate aria-label="SMS channel">
      <h2>SMS</h2>
      {channel ? <ChannelState channel={channel} what="pages can be texted." /> : null}
      <VendorPicker
        label="SMS provider (vendor)"
        vendors={vendors}
        value={values.vendorId}
        error={errorOf('vendorId')}
        onChange={(vendorId) => edit('vendorId', { vendorId })}
        missing="No vendor is recorded as providing SMS. Ask a compliance officer to add your texting provider as a vendor (with the SMS service) and its BAA."
      />
      <TextField label="API address" name="baseUrl" required hint="Twilio’s, or another provider’s with the same Messages API; https only" value={values.baseUrl} error={errorOf('baseUrl')} onChange={(e) => edit('baseUrl', { baseUrl: e.target.value })} />
      <div className="form-row">
        <TextField label="Account SID" name="accountSid" required autoComplete="off" placeholder="AC…" value={values.accountSid} error={errorOf('accountSid')} onChange={(e) => edit('accountSid', { accountSid: e.target.value })} />
        <TextField label="From number" name="fromNumber" required inputMode="tel" placeholder="+15555550100" value={values.fromNumber} error={errorOf('fromNumber')} onChange={(e) => edit('fromNumber', { fromNumber: e.target.value })} />
      </div>
      <TextField
        label="Auth token"
        name="authToken"
        type="password"
        autoComplete="off"
        required={!channel}
        hint={channel?.hasCredentials ? 'Stored encrypted; leave blank to keep it' : 'Stored encrypted, never shown again; it also verifies the provider’s status reports'}
        value={values.authToken}
        error={errorOf('authToken')}
        onChange={(e) => edit('authToken', { authToken: e.target.value })}
      />
      {channel ? (
        <div className="notice" role="note">
          The provider reports each message’s delivery to <code>{channel.statusCallbackUrl}</code>. It must reach that address: set <code>RINGFENCE_PUBLIC_URL</code> to the address the internet reaches Ringfence at.
        </div>
      ) : null}
      {channel ? <TextField label="Send a test to" name="to" inputMode="tel" placeholder="+15555550123" hint="A phone number in international form" value={to} error={errorOf('to')} onChange={(e) => (test.dismiss('to'), setTo(e.target.value))} /> : null}
      {tested ? (
        <div className="notice" role="status">
          {tested}
        </div>
      ) : null}
      <FormError message={save.formError ?? toggle.formError ?? test.formError} />
      <ChannelButtons channel={channel} actions={actions} onTest={() => setTested(null)} setUpLabel="Set up SMS" busy={save.busy} />
    </form>
  );
}

function WebhookChannelForm({ channel, vendors, secret, onSecret }: { channel: WebhookChannel | null; vendors: ChannelVendor[]; secret: string | null; onSecret(secret: string | null): void }) {
  const [to, setTo] = useState('');
  const [tested, setTested] = useState<string | null>(null);
  const [vendorId, setVendorId] = useState(channel?.vendor.id ?? vendors[0]?.id ?? '');
  const actions = useChannelActions(channel, 'Webhook', to, setTested);
  const save = useSubmit(
    () => (channel ? unwrap(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: channel.id } }, body: { vendorId } })) : unwrap(api.POST('/api/notification-channels', { body: { kind: 'webhook' as const, vendorId } }))),
    (result) => {
      if ('signingSecret' in result && typeof result.signingSecret === 'string') onSecret(result.signingSecret);
      actions.refresh();
      actions.toast('success', channel ? 'The webhook channel was saved' : 'The webhook channel was set up; give its secret to your receiver, then enable it');
    },
  );
  const rotate = useSubmit(
    () => unwrap(api.POST('/api/notification-channels/{id}/rotate-secret', { params: { path: { id: channel!.id } } })),
    (result) => {
      onSecret(result.signingSecret);
      actions.refresh();
    },
  );
  const { toggle, test } = actions;
  const errorOf = (field: string) => save.fieldErrors[field] ?? toggle.fieldErrors[field] ?? test.fieldErrors[field] ?? rotate.fieldErrors[field];

  return (
    <form className="form card" onSubmit={save.submit} noValidate aria-label="Webhook channel">
      <h2>Webhook</h2>
      <p className="hint">
        Ringfence posts each message as JSON to the address a page names, signed with <code>x-ringfence-signature: v1=HMAC-SHA256(secret, timestamp.body)</code> and <code>x-ringfence-timestamp</code>. Receivers refuse a signature that does not match or a timestamp older than five minutes.
      </p>
      {channel ? <ChannelState channel={channel} what="pages can be posted." /> : null}
      <VendorPicker
        label="Receiver (vendor)"
        vendors={vendors}
        value={vendorId}
        error={errorOf('vendorId')}
        onChange={(id) => {
          for (const s of [save, toggle, test]) s.dismiss('vendorId');
          setVendorId(id);
        }}
        missing="No vendor is recorded for webhooks. Ask a compliance officer to add whoever runs your receiver as a vendor with the “other” service, and its BAA."
      />
      {secret ? (
        <div className="notice notice-warning" role="status" aria-label="Signing secret">
          <p>
            Signing secret, shown this once: copy it into your receiver now. <code className="secret">{secret}</code>
          </p>
          <div className="form-actions">
            <Button onClick={() => void navigator.clipboard?.writeText(secret)}>Copy the secret</Button>
            <Button onClick={() => onSecret(null)}>I have copied it</Button>
          </div>
        </div>
      ) : channel ? (
        <p className="hint">The signing secret was made {new Date(channel.secretSetAt).toLocaleString()}; it is never shown again. Replacing it stops messages verifying until the receiver has the new one.</p>
      ) : null}
      {channel ? (
        <TextField label="Send a test to" name="to" inputMode="url" placeholder="https://hooks.example.com/ringfence" hint="The receiver’s https address" value={to} error={errorOf('to')} onChange={(e) => (test.dismiss('to'), setTo(e.target.value))} />
      ) : null}
      {tested ? (
        <div className="notice" role="status">
          {tested}
        </div>
      ) : null}
      <FormError message={save.formError ?? toggle.formError ?? test.formError ?? rotate.formError} />
      {channel ? (
        <div className="form-actions">
          <Button variant="danger" busy={rotate.busy} onClick={(e) => void rotate.submit(e)}>
            Replace the secret
          </Button>
        </div>
      ) : null}
      <ChannelButtons channel={channel} actions={actions} onTest={() => setTested(null)} setUpLabel="Set up webhooks" busy={save.busy} />
    </form>
  );
}
