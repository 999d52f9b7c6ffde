import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { usePracticeLink } from '../api/queries';
import type { ClientView } from '../api/types';
import { NoAccess } from '../AppShell';
import { CallbackPolicyDialog } from './CallbackPolicyDialog';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { overridesFor, PhiTextField, type PhiOverrideMark } from '../ui/PhiTextField';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { formatDay } from '../client-time';

const PAGE = 25;
const COMMON_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];

function timeZones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...COMMON_ZONES, ...all.filter((z) => !COMMON_ZONES.includes(z))];
}

/** Clients (covered entities): the practices the organization answers for. */
export function ClientsPage() {
  const { can } = useSession();
  const [sort, setSort] = useState('name');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<ClientView | 'new' | null>(null);
  const [linking, setLinking] = useState<ClientView | null>(null);
  const [policyOf, setPolicyOf] = useState<ClientView | null>(null);
  const list = useQuery({
    queryKey: ['clients', { sort, offset }],
    queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: PAGE, offset, sort: sort as never } } })),
    placeholderData: keepPreviousData,
    enabled: can('read', 'Client'),
  });
  if (!can('read', 'Client')) return <NoAccess what="clients" />;
  const manage = can('update', 'Client');
  return (
    <>
      <PageHeader
        title="Clients"
        description="The practices and covered entities your organization answers for. Their patient information is kept apart and encrypted under each client’s own key."
        actions={
          can('create', 'Client') ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add client
            </Button>
          ) : null
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="Clients"
          rows={list.data.items}
          rowKey={(c) => c.id}
          sort={sort}
          onSort={(s) => {
            setSort(s);
            setOffset(0);
          }}
          page={{ limit: PAGE, offset, total: list.data.total, onPage: setOffset }}
          empty={
            <EmptyState
              title="No clients yet"
              action={
                can('create', 'Client') ? (
                  <Button variant="primary" onClick={() => setEditing('new')}>
                    Add your first client
                  </Button>
                ) : undefined
              }
            >
              Add the practices you answer calls for.
            </EmptyState>
          }
          columns={[
            {
              key: 'name',
              header: 'Name',
              sort: 'name',
              render: (c) =>
                manage ? (
                  <button type="button" className="row-link" onClick={() => setEditing(c)}>
                    {c.name}
                  </button>
                ) : (
                  c.name
                ),
            },
            { key: 'tz', header: 'Time zone', render: (c) => c.timeZone },
            { key: 'status', header: 'Status', sort: 'status', render: (c) => <span className={`badge ${c.status === 'active' ? 'badge-success' : ''}`}>{c.status === 'active' ? 'Active' : 'Inactive'}</span> },
            { key: 'created', header: 'Added', sort: 'createdAt', render: (c) => <span className="nowrap">{formatDay(c.createdAt)}</span> },
            ...(manage
              ? [
                  {
                    key: 'setup',
                    header: 'Set up',
                    render: (c: ClientView) => (
                      <div className="button-row">
                        <Button small onClick={() => setPolicyOf(c)}>
                          Callback policy…
                        </Button>
                        <Button small onClick={() => setLinking(c)}>
                          Practice link…
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {policyOf ? <CallbackPolicyDialog client={policyOf} onClose={() => setPolicyOf(null)} /> : null}
      {linking ? <PracticeLinkDialog client={linking} onClose={() => setLinking(null)} /> : null}
      {editing ? <ClientDialog client={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function ClientDialog({ client, onClose }: { client: ClientView | null; onClose: () => void }) {
  const [form, setForm] = useState({
    name: client?.name ?? '',
    timeZone: client?.timeZone ?? 'America/New_York',
    status: client?.status ?? 'active',
    phiGuardMode: client?.phiGuardMode ?? 'refuse',
    voicemailScript: client?.voicemailScript ?? '',
  });
  const [overrides, setOverrides] = useState<PhiOverrideMark[]>([]);
  const queryClient = useQueryClient();
  const toast = useToast();
  const submit = useSubmit(
    async () => {
      const body = { ...form, voicemailScript: form.voicemailScript.trim() || null, phiOverrides: await overridesFor('voicemailScript', form.voicemailScript.trim(), overrides) };
      const { status: _status, ...created } = body;
      return client
        ? unwrap(api.PATCH('/api/clients/{id}', { params: { path: { id: client.id } }, body }))
        : unwrap(api.POST('/api/clients', { body: created }));
    },
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      toast('success', client ? `${saved.name} was saved` : `${saved.name} was added`);
      onClose();
    },
  );
  return (
    <Dialog title={client ? `Edit ${client.name}` : 'Add a client'} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField label="Name" name="name" required autoFocus value={form.name} error={submit.fieldErrors.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <SelectField label="Time zone" value={form.timeZone} error={submit.fieldErrors.timeZone} hint="Business hours and same-day deadlines follow this zone" onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
          {timeZones().map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="PHI in operational text"
          value={form.phiGuardMode}
          hint="What happens when task text, notes or scripts for this client contain PHI"
          onChange={(e) => setForm({ ...form, phiGuardMode: e.target.value as 'refuse' | 'redact' })}
        >
          <option value="refuse">Refuse it: the agent must remove it first</option>
          <option value="redact">Redact it: store [NAME], [PHONE]… instead</option>
        </SelectField>
        <PhiTextField
          label="Voicemail script"
          name="voicemailScript"
          value={form.voicemailScript}
          onChange={(voicemailScript) => {
            setForm({ ...form, voicemailScript });
            submit.dismiss('voicemailScript');
          }}
          overrides={overrides}
          onOverridesChange={setOverrides}
          error={submit.fieldErrors.voicemailScript}
          hint="Read into voicemails: minimum necessary — no diagnosis, no results, no detail"
          maxLength={1000}
        />
        {client ? (
          <SelectField label="Status" value={form.status} hint="People assigned to an inactive client lose access to it" onChange={(e) => setForm({ ...form, status: e.target.value as 'active' | 'inactive' })}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </SelectField>
        ) : null}
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          {client ? 'Save' : 'Add client'}
        </FormFooter>
      </form>
    </Dialog>
  );
}

type AuthType = 'none' | 'bearer' | 'basic';

/** A client's practice-system (FHIR R4) link: base URL and credentials, which are stored encrypted and never shown again. */
function PracticeLinkDialog({ client, onClose }: { client: ClientView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const link = usePracticeLink(client.id);
  const [form, setForm] = useState<{ baseUrl: string | null; authType: AuthType | null; token: string; username: string; password: string }>({
    baseUrl: null,
    authType: null,
    token: '',
    username: '',
    password: '',
  });
  const baseUrl = form.baseUrl ?? link.data?.baseUrl ?? '';
  const authType = form.authType ?? link.data?.authType ?? 'bearer';
  const [tested, setTested] = useState<string | null>(null);
  const auth = authType === 'bearer' ? { type: 'bearer' as const, token: form.token } : authType === 'basic' ? { type: 'basic' as const, username: form.username, password: form.password } : { type: 'none' as const };
  const save = useSubmit(
    () => unwrap(api.PUT('/api/clients/{id}/practice-link', { params: { path: { id: client.id } }, body: { baseUrl, auth } })),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['practice-link', client.id] });
      toast('success', `The practice-system link of ${client.name} was saved`);
      setTested(null);
    },
  );
  const test = useSubmit(
    () => unwrap(api.POST('/api/clients/{id}/practice-link/test', { params: { path: { id: client.id } } })),
    (result) => setTested(`Connected: FHIR ${result.fhirVersion ?? 'version unknown'}${result.software ? ` (${result.software})` : ''}`),
  );
  const remove = useSubmit(
    () => unwrap(api.DELETE('/api/clients/{id}/practice-link', { params: { path: { id: client.id } } })),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['practice-link', client.id] });
      toast('success', `The practice-system link of ${client.name} was removed`);
      onClose();
    },
  );
  return (
    <Dialog title={`Practice system of ${client.name}`} open onClose={onClose}>
      {link.isPending ? (
        <Loading />
      ) : (
        <form className="form" onSubmit={save.submit} noValidate>
          <p className="muted">Agents search the practice’s records (FHIR R4) and import or link patients, so tasks carry the practice’s identifier.</p>
          <TextField label="FHIR base URL" name="baseUrl" placeholder="https://ehr.example.org/fhir/R4" required value={baseUrl} error={save.fieldErrors.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} />
          <SelectField label="Authentication" value={authType} onChange={(e) => setForm({ ...form, authType: e.target.value as AuthType })}>
            <option value="bearer">Bearer token</option>
            <option value="basic">User name and password</option>
            <option value="none">None</option>
          </SelectField>
          {authType === 'bearer' ? (
            <TextField label="Token" name="token" type="password" autoComplete="off" hint={link.data ? 'Stored encrypted; enter it again to save changes' : 'Stored encrypted, never shown again'} value={form.token} error={save.fieldErrors['auth.token'] ?? save.fieldErrors.auth} onChange={(e) => setForm({ ...form, token: e.target.value })} />
          ) : null}
          {authType === 'basic' ? (
            <div className="form-row">
              <TextField label="User name" name="username" autoComplete="off" value={form.username} error={save.fieldErrors['auth.username'] ?? save.fieldErrors.auth} onChange={(e) => setForm({ ...form, username: e.target.value })} />
              <TextField label="Password" name="password" type="password" autoComplete="off" value={form.password} error={save.fieldErrors['auth.password']} onChange={(e) => setForm({ ...form, password: e.target.value })} />
            </div>
          ) : null}
          {tested ? (
            <div className="notice" role="status">
              {tested}
            </div>
          ) : null}
          <FormError message={save.formError ?? test.formError ?? remove.formError} />
          <div className="form-actions">
            {link.data ? (
              <>
                <Button variant="ghost" busy={remove.busy} onClick={() => void remove.submit()}>
                  Remove link
                </Button>
                <Button busy={test.busy} onClick={() => void test.submit()}>
                  Test connection
                </Button>
              </>
            ) : null}
            <Button type="submit" variant="primary" busy={save.busy}>
              Save link
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
