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

/**
 * Outbound notifications: the organization's e-mail channel, through a relay recorded as a
 * vendor. Reminders (a BAA ending, training lapsing) are e-mailed through it once enabled.
 */
export function NotificationsPage() {
  const { can } = useSession();
  const allowed = can('update', 'Organization');
  const channels = useQuery({ queryKey: channelsKey, queryFn: () => unwrap(api.GET('/api/notification-channels')), enabled: allowed });
  const vendors = useQuery({ queryKey: [...channelsKey, 'vendors'], queryFn: () => unwrap(api.GET('/api/notification-channels/vendors')), enabled: allowed });
  if (!allowed) return <NoAccess what="notification settings" />;
  const email = channels.data?.items.find((c) => c.kind === 'email') ?? null;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Ringfence e-mails compliance reminders through your organization’s mail relay. The relay is a vendor: it must handle PHI under a business associate agreement in effect, checked before every message."
      />
      {channels.isPending || vendors.isPending ? (
        <Loading />
      ) : channels.isError ? (
        <ErrorNotice error={channels.error} />
      ) : vendors.isError ? (
        <ErrorNotice error={vendors.error} />
      ) : (
        <EmailChannelForm key={email?.updatedAt ?? 'new'} channel={email} vendors={vendors.data.items} />
      )}
    </>
  );
}

function EmailChannelForm({ channel, vendors }: { channel: NotificationChannelView | null; vendors: ChannelVendor[] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
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
  const refresh = () => void queryClient.invalidateQueries({ queryKey: channelsKey });
  const typedCredentials = form.username !== '' || form.password !== '';
  const credentials = form.removeCredentials ? null : typedCredentials ? { username: form.username, password: form.password } : undefined;
  const settings = { vendorId: form.vendorId, host: form.host, port: Number(form.port), secure: form.secure, fromAddress: form.fromAddress, ...(credentials !== undefined ? { credentials } : {}) };

  const save = useSubmit(
    () =>
      channel
        ? unwrap(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: channel.id } }, body: settings }))
        : unwrap(api.POST('/api/notification-channels', { body: { kind: 'email' as const, ...settings } })),
    () => {
      refresh();
      toast('success', channel ? 'The e-mail channel was saved' : 'The e-mail channel was set up; enable it to start sending');
    },
  );
  const toggle = useSubmit(
    () => unwrap(api.POST(channel?.enabled ? '/api/notification-channels/{id}/disable' : '/api/notification-channels/{id}/enable', { params: { path: { id: channel!.id } } })),
    (result) => {
      refresh();
      toast('success', result.enabled ? 'E-mail notifications are on' : 'E-mail notifications are off');
    },
  );
  const test = useSubmit(
    () => unwrap(api.POST('/api/notification-channels/{id}/test', { params: { path: { id: channel!.id } }, body: to ? { to } : {} })),
    () => setTested(`A test message was sent${to ? ` to ${to}` : ' to your address'}.`),
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
      {channel ? (
        <div className={`notice ${channel.gate.open ? '' : 'notice-warning'}`} role="status">
          {channel.enabled ? 'Enabled: reminders are e-mailed.' : 'Disabled: nothing is sent.'} {channel.gate.open ? `${channel.vendor.name} may carry messages today.` : channel.gate.reason}
        </div>
      ) : null}
      {vendors.length === 0 ? (
        <div className="notice notice-warning">No vendor is recorded as providing e-mail. Ask a compliance officer to add your mail relay as a vendor (with the e-mail service) and its BAA.</div>
      ) : null}
      <SelectField label="Mail relay (vendor)" name="vendorId" value={form.vendorId} error={errorOf('vendorId')} onChange={(e) => edit('vendorId', { vendorId: e.target.value })}>
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {v.status === 'inactive' ? ' (inactive)' : ''}
          </option>
        ))}
      </SelectField>
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
      <div className="form-actions">
        {channel ? (
          <>
            <Button busy={test.busy} onClick={(e) => (setTested(null), void test.submit(e))}>
              Send a test
            </Button>
            <Button variant={channel.enabled ? 'danger' : 'secondary'} busy={toggle.busy} onClick={(e) => void toggle.submit(e)}>
              {channel.enabled ? 'Disable' : 'Enable'}
            </Button>
          </>
        ) : null}
        <Button type="submit" variant="primary" busy={save.busy}>
          {channel ? 'Save changes' : 'Set up e-mail'}
        </Button>
      </div>
    </form>
  );
}
