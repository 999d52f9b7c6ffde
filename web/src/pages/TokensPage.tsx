import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ApiTokenView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { Checkbox, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { formatWhen } from '../client-time';

function tokenState(t: ApiTokenView): { label: string; badge: string } {
  if (t.revokedAt) return { label: 'Revoked', badge: 'badge-danger' };
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) return { label: 'Expired', badge: 'badge-warning' };
  return { label: 'Active', badge: 'badge-success' };
}

/** API tokens for integrations (telephony webhooks, SIEM): scoped, shown once, revocable. */
export function TokensPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => unwrap(api.GET('/api/tokens')), enabled: can('read', 'ApiToken') });
  const clients = useQuery({ queryKey: ['clients', 'all'], queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: 200 } } })), enabled: can('read', 'Client') });
  if (!can('read', 'ApiToken')) return <NoAccess what="API tokens" />;
  const clientName = (id: string) => clients.data?.items.find((c) => c.id === id)?.name ?? 'a client';
  const revoke = async (t: ApiTokenView) => {
    if (!window.confirm(`Revoke "${t.name}"? Integrations using it stop working at once.`)) return;
    try {
      await unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id: t.id } } }));
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      toast('success', `"${t.name}" was revoked`);
    } catch (err) {
      toast('error', err instanceof Error ? err.message : 'That did not work');
    }
  };
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let integrations call Ringfence: each has scopes, can be limited to clients, and can be revoked at any time."
        actions={
          can('create', 'ApiToken') ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create token
            </Button>
          ) : null
        }
      />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} />
      ) : (
        <DataTable
          caption="API tokens"
          rows={tokens.data}
          rowKey={(t) => t.id}
          empty={<EmptyState title="No API tokens">Create one when you connect a telephony system or another integration.</EmptyState>}
          columns={[
            { key: 'name', header: 'Name', render: (t) => <strong>{t.name}</strong> },
            { key: 'prefix', header: 'Token', render: (t) => <code>{t.prefix}…</code> },
            { key: 'scopes', header: 'Scopes', render: (t) => t.scopes.map((s) => <span key={s} className="badge">{s}</span>) },
            { key: 'clients', header: 'Clients', render: (t) => (t.clientIds ? t.clientIds.map(clientName).join(', ') : 'All clients') },
            { key: 'used', header: 'Last used', render: (t) => (t.lastUsedAt ? formatWhen(t.lastUsedAt) : <span className="muted">Never</span>) },
            {
              key: 'state',
              header: 'Status',
              render: (t) => {
                const s = tokenState(t);
                return <span className={`badge ${s.badge}`}>{s.label}</span>;
              },
            },
            {
              key: 'actions',
              header: 'Actions',
              render: (t) =>
                !t.revokedAt && can('delete', 'ApiToken') ? (
                  <Button small variant="danger" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                    Revoke
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {creating ? <CreateTokenDialog onClose={() => setCreating(false)} clients={clients.data?.items ?? []} /> : null}
    </>
  );
}

function CreateTokenDialog({ onClose, clients }: { onClose: () => void; clients: { id: string; name: string }[] }) {
  const scopes = useQuery({ queryKey: ['tokens', 'scopes'], queryFn: () => unwrap(api.GET('/api/tokens/scopes')) });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [clientIds, setClientIds] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const submit = useSubmit(
    () => unwrap(api.POST('/api/tokens', { body: { name, scopes: chosen, clientIds: clientIds.length ? clientIds : null } })),
    (created) => {
      setSecret(created.token);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  );
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <Dialog title={secret ? 'Copy your token now' : 'Create an API token'} open onClose={onClose}>
      {secret ? (
        <div className="form">
          <div className="notice notice-warning">This is the only time the token is shown. Store it in the integration’s secret settings.</div>
          <p className="secret mono" aria-label="New API token">
            {secret}
          </p>
          <div className="form-actions">
            <Button onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</Button>
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit.submit} noValidate>
          <TextField label="Name" name="name" required autoFocus value={name} error={submit.fieldErrors.name} hint="What uses it, e.g. “Telephony intake webhook”" onChange={(e) => setName(e.target.value)} />
          <fieldset aria-describedby={submit.fieldErrors.scopes ? 'scopes-error' : undefined}>
            <legend>Scopes</legend>
            {scopes.data?.map((s) => (
              <Checkbox
                key={s.scope}
                label={
                  <span>
                    <code>{s.scope}</code> <span className="muted">— {s.description}</span>
                  </span>
                }
                checked={chosen.includes(s.scope)}
                onChange={(e) => setChosen(toggle(chosen, s.scope, e.target.checked))}
              />
            ))}
            {submit.fieldErrors.scopes ? (
              <span className="error" id="scopes-error" role="alert" data-field-error="scopes">
                {submit.fieldErrors.scopes}
              </span>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>Clients</legend>
            <p className="muted">Leave all unticked for every client.</p>
            {clients.map((c) => (
              <Checkbox key={c.id} label={c.name} checked={clientIds.includes(c.id)} onChange={(e) => setClientIds(toggle(clientIds, c.id, e.target.checked))} />
            ))}
          </fieldset>
          <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
            Create token
          </FormFooter>
        </form>
      )}
    </Dialog>
  );
}
