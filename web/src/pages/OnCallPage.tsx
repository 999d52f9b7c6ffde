import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients, useCurrentClient } from '../api/queries';
import type { CoverageCheck, OnCallSettings, ProviderView, ScheduleDocument } from '../api/types';
import { NoAccess } from '../AppShell';
import { instantToZoned, zonedToInstant, zoneName } from '../client-time';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { ClientPicker } from '../ui/ClientPicker';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { when } from './task-parts';

type Tab = 'week' | 'schedule' | 'providers' | 'settings';
type Rotation = ScheduleDocument['rotations'][number];
type Shift = Rotation['shifts'][number];
type Override = ScheduleDocument['overrides'][number];

const DAYS = [
  ['MO', 'Mon'],
  ['TU', 'Tue'],
  ['WE', 'Wed'],
  ['TH', 'Thu'],
  ['FR', 'Fri'],
  ['SA', 'Sat'],
  ['SU', 'Sun'],
] as const;

const uuid = () => crypto.randomUUID();
const todayIn = (zone: string) => instantToZoned(new Date().toISOString(), zone).slice(0, 10);

/**
 * A client's on-call coverage, for supervisors and administrators: the week as the schedule
 * resolves it (gaps and double coverage marked), the schedule itself (rotations of recurring
 * shifts in the client's time zone, and overrides), the providers and whether each can be
 * paged, and the escalation settings.
 */
export function OnCallPage() {
  const { can } = useSession();
  const [clientId, setClientId] = useCurrentClient();
  const clients = useClients();
  const [tab, setTab] = useState<Tab>('week');
  if (!can('read', 'OnCall', { orgWide: true })) return <NoAccess what="on-call schedules" />;
  const client = clients.data?.items.find((c) => c.id === clientId);
  return (
    <>
      <PageHeader
        title="On call"
        description="Who covers each client when, with backups; gaps (nobody who can be paged) and double coverage are marked before they matter. Times are the client's."
      />
      <ClientPicker value={clientId} onChange={setClientId} />
      {!clientId || !client ? (
        clients.isPending ? <Loading /> : <EmptyState title="No client yet">Add a client first (Clients).</EmptyState>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="On-call views">
            {(
              [
                ['week', 'Week'],
                ['schedule', 'Schedule'],
                ['providers', 'Providers'],
                ['settings', 'Settings'],
              ] as const
            ).map(([key, label]) => (
              <button key={key} type="button" role="tab" aria-selected={tab === key} className={`tab ${tab === key ? 'tab-active' : ''}`} onClick={() => setTab(key)}>
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'week' ? <WeekView clientId={clientId} zone={client.timeZone} /> : null}
            {tab === 'schedule' ? <ScheduleEditor clientId={clientId} zone={client.timeZone} onSaved={() => setTab('week')} /> : null}
            {tab === 'providers' ? <Providers clientId={clientId} /> : null}
            {tab === 'settings' ? <SettingsForm clientId={clientId} /> : null}
          </div>
        </>
      )}
    </>
  );
}

function useProviders(clientId: string) {
  return useQuery({ queryKey: ['on-call', 'providers', clientId], queryFn: () => unwrap(api.GET('/api/clients/{id}/on-call/providers', { params: { path: { id: clientId } } })) });
}

/** The instant a local day starts in the zone. */
const dayStart = (day: string, zone: string) => zonedToInstant(`${day}T00:00`, zone)!;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday of the week of a local day. */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7));

function WeekView({ clientId, zone }: { clientId: string; zone: string }) {
  const [monday, setMonday] = useState(() => mondayOf(todayIn(zone)));
  const from = dayStart(monday, zone);
  const to = dayStart(addDays(monday, 7), zone);
  const span = useQuery({ queryKey: ['on-call', 'coverage', clientId, from], queryFn: () => unwrap(api.GET('/api/clients/{id}/on-call/coverage', { params: { path: { id: clientId }, query: { from, to } } })) });
  const local = (iso: string) => instantToZoned(iso, zone);
  const hhmm = (iso: string, day: string) => (local(iso).slice(0, 10) === day ? local(iso).slice(11) : local(iso).slice(0, 10) < day ? '…' : '24:00');
  return (
    <section aria-labelledby="week-title">
      <div className="week-nav">
        <Button small onClick={() => setMonday(addDays(monday, -7))}>
          ← Previous week
        </Button>
        <h2 id="week-title">
          Week of {monday} ({zoneName(zone)})
        </h2>
        <Button small onClick={() => setMonday(addDays(monday, 7))}>
          Next week →
        </Button>
      </div>
      {span.isPending ? (
        <Loading />
      ) : span.isError ? (
        <ErrorNotice error={span.error} />
      ) : (
        <>
          <CheckSummary check={span.data.check} names={span.data.names} zone={zone} />
          <div className="week-grid">
            {Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((day, i) => {
              const start = dayStart(day, zone);
              const end = dayStart(addDays(day, 1), zone);
              const inDay = <T extends { start: string; end: string }>(xs: T[]) => xs.filter((x) => x.start < end && x.end > start);
              return (
                <div key={day} className="week-day">
                  <h3>
                    {DAYS[i]![1]} {day.slice(5)}
                  </h3>
                  {inDay(span.data.segments).map((s) => (
                    <div key={`${s.start}-${s.primary}`} className="shift-block">
                      <strong>
                        {hhmm(s.start, day)}–{hhmm(s.end, day)}
                      </strong>{' '}
                      {span.data.names[s.primary] ?? 'someone'}
                      {s.backups.length ? <span className="muted"> · backup {s.backups.map((b) => span.data.names[b] ?? 'someone').join(', ')}</span> : null}
                      <span className="muted small"> · {s.source.kind === 'rule' ? s.source.rotationName : 'override'}</span>
                    </div>
                  ))}
                  {inDay(span.data.check.gaps).map((g) => (
                    <div key={`gap-${g.start}`} className="shift-block gap-block" role="note">
                      <strong>
                        {hhmm(g.start, day)}–{hhmm(g.end, day)}
                      </strong>{' '}
                      {g.reason === 'uncovered' ? 'Gap: nobody on call' : `Gap: ${span.data.names[g.personId ?? ''] ?? 'the provider'} cannot be paged`}
                    </div>
                  ))}
                  {inDay(span.data.check.overlaps).map((o) => (
                    <div key={`overlap-${o.start}`} className="shift-block overlap-block" role="note">
                      <strong>
                        {hhmm(o.start, day)}–{hhmm(o.end, day)}
                      </strong>{' '}
                      Double coverage ({o.sources.map((s) => (s.kind === 'rule' ? s.rotationName : 'override')).join(' and ')})
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

/** The gaps and double coverage of a check, in words. */
function CheckSummary({ check, names, zone }: { check: CoverageCheck; names: Record<string, string>; zone: string }) {
  if (check.gaps.length === 0 && check.overlaps.length === 0)
    return (
      <p className="notice notice-success" role="status">
        Covered from {when(check.from, zone)} to {when(check.to, zone)}: no gap, no double coverage.
      </p>
    );
  return (
    <div className="notice notice-warning" role="status">
      {check.gaps.length > 0 ? (
        <>
          <p>
            <strong>{check.gaps.length === 1 ? '1 gap' : `${check.gaps.length} gaps`}</strong> in coverage:
          </p>
          <ul>
            {check.gaps.slice(0, 8).map((g) => (
              <li key={g.start}>
                {when(g.start, zone)} to {when(g.end, zone)}: {g.reason === 'uncovered' ? 'nobody on call' : `${names[g.personId ?? ''] ?? 'the provider on call'} has no verified contact point a page can go through`}
              </li>
            ))}
            {check.gaps.length > 8 ? <li>and {check.gaps.length - 8} more</li> : null}
          </ul>
        </>
      ) : null}
      {check.overlaps.length > 0 ? (
        <p>
          <strong>{check.overlaps.length === 1 ? '1 double coverage' : `${check.overlaps.length} double coverages`}</strong>, the first {when(check.overlaps[0]!.start, zone)}: the shift that started last covers.
        </p>
      ) : null}
    </div>
  );
}

/** Weekday codes of an RRULE's BYDAY, or null when the rule is not a plain weekly one. */
function weekdaysOf(rrule: string): string[] | null {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]));
  if (parts.FREQ === 'DAILY' && Object.keys(parts).length === 1) return DAYS.map(([d]) => d);
  if (parts.FREQ !== 'WEEKLY' || !parts.BYDAY || Object.keys(parts).some((k) => !['FREQ', 'BYDAY', 'INTERVAL'].includes(k))) return null;
  return parts.BYDAY.split(',');
}
const intervalOf = (rrule: string) => Number(/INTERVAL=(\d+)/.exec(rrule)?.[1] ?? 1);
const weeklyRule = (days: string[], interval: number) => `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${days.join(',')}`;

function ScheduleEditor({ clientId, zone, onSaved }: { clientId: string; zone: string; onSaved: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const schedule = useQuery({ queryKey: ['on-call', 'schedule', clientId], queryFn: () => unwrap(api.GET('/api/clients/{id}/on-call/schedule', { params: { path: { id: clientId } } })) });
  const providers = useProviders(clientId);
  const [doc, setDoc] = useState<ScheduleDocument | null>(null);
  const [result, setResult] = useState<CoverageCheck | null>(null);
  useEffect(() => {
    if (schedule.data && doc === null) setDoc(structuredClone(schedule.data.document));
  }, [schedule.data, doc]);
  const submit = useSubmit(
    () => unwrap(api.PUT('/api/clients/{id}/on-call/schedule', { params: { path: { id: clientId } }, body: doc! })),
    (saved) => {
      setResult(saved.check);
      toast('success', `Schedule version ${saved.version} saved; it is in force from now. Earlier times keep the version that covered them.`);
      void queryClient.invalidateQueries({ queryKey: ['on-call'] });
      if (saved.check.gaps.length === 0 && saved.check.overlaps.length === 0) onSaved();
    },
  );
  if (schedule.isPending || providers.isPending || !doc) return <Loading />;
  if (schedule.isError) return <ErrorNotice error={schedule.error} />;
  if (providers.isError) return <ErrorNotice error={providers.error} />;
  const people = providers.data.items;
  if (people.length === 0)
    return (
      <EmptyState title="No on-call providers for this client">
        Give people the On-call provider role for this client under People; they then appear here, and sign in to add and verify their contact points.
      </EmptyState>
    );
  const err = submit.fieldErrors;
  const change = (next: ScheduleDocument) => {
    setDoc(next);
    setResult(null);
  };
  const setRotation = (i: number, r: Rotation) => change({ ...doc, rotations: doc.rotations.map((x, j) => (j === i ? r : x)) });
  const setShift = (i: number, k: number, s: Shift) => setRotation(i, { ...doc.rotations[i]!, shifts: doc.rotations[i]!.shifts.map((x, j) => (j === k ? s : x)) });
  const newShift = (): Shift => ({ id: uuid(), rrule: 'FREQ=DAILY', startDate: todayIn(zone), untilDate: null, start: '17:00', end: '08:00', primary: people[0]!.id, backups: [] });
  const setOverride = (i: number, o: Override) => change({ ...doc, overrides: doc.overrides.map((x, j) => (j === i ? o : x)) });
  return (
    <form className="form schedule-editor" onSubmit={submit.submit} noValidate>
      <p className="muted">
        Shifts repeat on the days ticked, from their first day, at wall-clock times of the client ({zoneName(zone)}); a shift ending at or before its start ends the next day, and a night across a daylight-saving change is still one
        shift. Saving makes a new version in force from now.
      </p>
      {doc.rotations.map((r, i) => (
        <fieldset key={r.id} className="rotation">
          <legend>Rotation</legend>
          <TextField label="Rotation name" name={`rotations[${i}].name`} value={r.name} error={err[`rotations[${i}].name`]} onChange={(e) => setRotation(i, { ...r, name: e.target.value })} />
          {r.shifts.map((s, k) => {
            const path = `rotations[${i}].shifts[${k}]`;
            const days = weekdaysOf(s.rrule);
            return (
              <div key={s.id} className="shift-row">
                {days ? (
                  <div className="field" role="group" aria-label={`Days of shift ${k + 1} of ${r.name || 'this rotation'}`}>
                    <span className="label">Days</span>
                    <div className="days">
                      {DAYS.map(([code, label]) => (
                        <Checkbox
                          key={code}
                          label={label}
                          checked={days.includes(code)}
                          onChange={(e) => {
                            const next = e.target.checked ? DAYS.map(([d]) => d).filter((d) => d === code || days.includes(d)) : days.filter((d) => d !== code);
                            setShift(i, k, { ...s, rrule: next.length === 7 && intervalOf(s.rrule) === 1 ? 'FREQ=DAILY' : weeklyRule(next.length ? next : [code], intervalOf(s.rrule)) });
                          }}
                        />
                      ))}
                      <Checkbox label="Every other week" checked={intervalOf(s.rrule) === 2} onChange={(e) => setShift(i, k, { ...s, rrule: weeklyRule(days, e.target.checked ? 2 : 1) })} />
                    </div>
                  </div>
                ) : null}
                <TextField label="Recurrence rule" name={`${path}.rrule`} value={s.rrule} error={err[`${path}.rrule`]} hint={days ? 'Set by the days above; edit for other patterns' : 'RFC 5545, such as FREQ=MONTHLY;BYDAY=1SA'} onChange={(e) => setShift(i, k, { ...s, rrule: e.target.value.toUpperCase() })} />
                <div className="inline-fields">
                  <TextField label="Starts" type="time" name={`${path}.start`} value={s.start} error={err[`${path}.start`]} onChange={(e) => setShift(i, k, { ...s, start: e.target.value })} />
                  <TextField label="Ends" type="time" name={`${path}.end`} value={s.end} error={err[`${path}.end`]} onChange={(e) => setShift(i, k, { ...s, end: e.target.value })} />
                  <TextField label="From day" type="date" name={`${path}.startDate`} value={s.startDate} error={err[`${path}.startDate`]} onChange={(e) => setShift(i, k, { ...s, startDate: e.target.value })} />
                </div>
                <div className="inline-fields">
                  <PersonSelect label="Primary" name={`${path}.primary`} people={people} value={s.primary} error={err[`${path}.primary`]} onChange={(v) => setShift(i, k, { ...s, primary: v })} />
                  <PersonSelect label="Backup" name={`${path}.backups[0]`} people={people} value={s.backups[0] ?? ''} optional error={err[`${path}.backups[0]`]} onChange={(v) => setShift(i, k, { ...s, backups: v ? [v, ...s.backups.slice(1)] : s.backups.slice(1) })} />
                  <PersonSelect label="Second backup" name={`${path}.backups[1]`} people={people} value={s.backups[1] ?? ''} optional error={err[`${path}.backups[1]`]} onChange={(v) => setShift(i, k, { ...s, backups: [s.backups[0] ?? '', ...(v ? [v] : [])].filter(Boolean) })} />
                </div>
                <Button small variant="ghost" onClick={() => setRotation(i, { ...r, shifts: r.shifts.filter((_, j) => j !== k) })}>
                  Remove shift
                </Button>
              </div>
            );
          })}
          <div className="form-actions start">
            <Button small onClick={() => setRotation(i, { ...r, shifts: [...r.shifts, newShift()] })}>
              Add shift
            </Button>
            <Button small variant="ghost" onClick={() => change({ ...doc, rotations: doc.rotations.filter((_, j) => j !== i) })}>
              Remove rotation
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="form-actions start">
        <Button onClick={() => change({ ...doc, rotations: [...doc.rotations, { id: uuid(), name: doc.rotations.length === 0 ? 'Nights' : 'Weekend', shifts: [newShift()] }] })}>Add rotation</Button>
      </div>
      <fieldset>
        <legend>Overrides (cover or swap a shift)</legend>
        {doc.overrides.length === 0 ? <p className="muted">No overrides.</p> : null}
        {doc.overrides.map((o, i) => (
          <div key={o.id} className="inline-fields">
            <TextField label="From" type="datetime-local" name={`overrides[${i}].start`} value={o.start} error={err[`overrides[${i}].start`]} onChange={(e) => setOverride(i, { ...o, start: e.target.value })} />
            <TextField label="Until" type="datetime-local" name={`overrides[${i}].end`} value={o.end} error={err[`overrides[${i}].end`]} onChange={(e) => setOverride(i, { ...o, end: e.target.value })} />
            <PersonSelect label="Covered by" name={`overrides[${i}].primary`} people={people} value={o.primary} error={err[`overrides[${i}].primary`]} onChange={(v) => setOverride(i, { ...o, primary: v })} />
            <SelectField label="Kind" value={o.kind} onChange={(e) => setOverride(i, { ...o, kind: e.target.value as Override['kind'] })}>
              <option value="cover">Cover</option>
              <option value="swap">Swap</option>
            </SelectField>
            <Button small variant="ghost" onClick={() => change({ ...doc, overrides: doc.overrides.filter((_, j) => j !== i) })}>
              Remove
            </Button>
          </div>
        ))}
        <Button
          small
          onClick={() => {
            const start = `${todayIn(zone)}T17:00`;
            change({ ...doc, overrides: [...doc.overrides, { id: uuid(), start, end: `${addDays(start.slice(0, 10), 1)}T08:00`, primary: people[0]!.id, backups: null, kind: 'cover' }] });
          }}
        >
          Add override
        </Button>
      </fieldset>
      {result ? <CheckSummary check={result} names={Object.fromEntries(people.map((p) => [p.id, p.name]))} zone={zone} /> : null}
      <FormFooter error={submit.formError} busy={submit.busy}>
        Save schedule
      </FormFooter>
    </form>
  );
}

function PersonSelect({ label, name, people, value, optional, error, onChange }: { label: string; name: string; people: ProviderView[]; value: string; optional?: boolean; error?: string; onChange: (id: string) => void }) {
  return (
    <SelectField label={label} name={name} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      {optional ? <option value="">None</option> : null}
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
          {p.reachable ? '' : ' (cannot be paged yet)'}
        </option>
      ))}
    </SelectField>
  );
}

function Providers({ clientId }: { clientId: string }) {
  const providers = useProviders(clientId);
  if (providers.isPending) return <Loading />;
  if (providers.isError) return <ErrorNotice error={providers.error} />;
  if (providers.data.items.length === 0) return <EmptyState title="No on-call providers">Give people the On-call provider role for this client under People.</EmptyState>;
  return (
    <ul className="providers">
      {providers.data.items.map((p) => (
        <li key={p.id} className="card">
          <strong>{p.name}</strong> <span className={`badge ${p.reachable ? 'badge-success' : 'badge-danger'}`}>{p.reachable ? 'Can be paged' : 'Cannot be paged'}</span>
          {p.contactPoints.length === 0 ? (
            <p className="muted">No contact points yet: the provider adds and verifies them under My on-call.</p>
          ) : (
            <ul>
              {p.contactPoints.map((c) => (
                <li key={c.id}>
                  {c.kind === 'sms' ? 'SMS' : c.kind === 'email' ? 'E-mail' : 'Webhook'} {c.address}: {c.verified ? (c.usable ? 'verified' : 'verified, but no enabled channel may carry it') : 'not verified'}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who is paged after the client's supervisors, in the order ticked (at most 10). */
function EscalationList({ value, error, onChange }: { value: string[]; error?: string; onChange: (ids: string[]) => void }) {
  const { can } = useSession();
  const people = useQuery({
    queryKey: ['users', 'active', 'all'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200, status: 'active' } } })),
    enabled: can('read', 'User', { orgWide: true }),
  });
  if (!can('read', 'User', { orgWide: true })) return null;
  return (
    <fieldset>
      <legend>Escalation list (paged after the client's supervisors, in this order)</legend>
      {people.isPending ? <Loading /> : people.isError ? <ErrorNotice error={people.error} /> : null}
      <div className="check-grid">
        {(people.data?.items ?? []).map((p) => (
          <Checkbox
            key={p.id}
            label={`${p.displayName}${value.includes(p.id) ? ` (${value.indexOf(p.id) + 1})` : ''}`}
            checked={value.includes(p.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, p.id].slice(0, 10) : value.filter((id) => id !== p.id))}
          />
        ))}
      </div>
      {error ? (
        <span className="error" role="alert" data-field-error="escalationUserIds">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

function SettingsForm({ clientId }: { clientId: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const settings = useQuery({ queryKey: ['on-call', 'settings', clientId], queryFn: () => unwrap(api.GET('/api/clients/{id}/on-call/settings', { params: { path: { id: clientId } } })) });
  const [form, setForm] = useState<OnCallSettings | null>(null);
  useEffect(() => {
    if (settings.data && form === null) setForm(settings.data);
  }, [settings.data, form]);
  const submit = useSubmit(
    () => unwrap(api.PUT('/api/clients/{id}/on-call/settings', { params: { path: { id: clientId } }, body: form! })),
    (saved) => {
      setForm(saved);
      toast('success', 'On-call settings saved. Pages already sent keep the settings they were sent under.');
      void queryClient.invalidateQueries({ queryKey: ['on-call'] });
    },
  );
  if (settings.isPending || !form) return <Loading />;
  if (settings.isError) return <ErrorNotice error={settings.error} />;
  const err = submit.fieldErrors;
  const minutes = (s: number) => String(Math.round((s / 60) * 10) / 10);
  const seconds = (v: string) => Math.max(1, Math.round(Number(v) * 60));
  return (
    <form className="form" onSubmit={submit.submit} noValidate>
      <SelectField label="Coverage required" name="coverage" value={form.coverage} error={err.coverage} onChange={(e) => setForm({ ...form, coverage: e.target.value as OnCallSettings['coverage'] })}>
        <option value="always">Around the clock</option>
        <option value="outside_business_hours">Outside the client's business hours</option>
      </SelectField>
      <div className="inline-fields">
        <TextField label="Emergent: minutes to acknowledge" type="number" min={1} step="any" name="ackWindowSeconds.emergent" value={minutes(form.ackWindowSeconds.emergent)} error={err['ackWindowSeconds.emergent']} onChange={(e) => setForm({ ...form, ackWindowSeconds: { ...form.ackWindowSeconds, emergent: seconds(e.target.value) } })} />
        <TextField label="Urgent: minutes to acknowledge" type="number" min={1} step="any" name="ackWindowSeconds.urgent" value={minutes(form.ackWindowSeconds.urgent)} error={err['ackWindowSeconds.urgent']} onChange={(e) => setForm({ ...form, ackWindowSeconds: { ...form.ackWindowSeconds, urgent: seconds(e.target.value) } })} />
      </div>
      <div className="inline-fields">
        <TextField label="Page again every (minutes)" type="number" min={1} step="any" name="renotifyEverySeconds" value={minutes(form.renotifyEverySeconds)} error={err.renotifyEverySeconds} onChange={(e) => setForm({ ...form, renotifyEverySeconds: seconds(e.target.value) })} />
        <TextField label="Times to page again" type="number" min={0} max={10} name="renotifyTimes" value={String(form.renotifyTimes)} error={err.renotifyTimes} onChange={(e) => setForm({ ...form, renotifyTimes: Number(e.target.value) })} />
      </div>
      <SelectField label="Escalation stops when the provider has" name="stopOn" value={form.stopOn} error={err.stopOn} onChange={(e) => setForm({ ...form, stopOn: e.target.value as OnCallSettings['stopOn'] })}>
        <option value="acknowledged">acknowledged the message</option>
        <option value="read">read the message</option>
      </SelectField>
      <Checkbox label="An emergent callback pages the on-call provider as soon as it is taken" checked={form.autoPageEmergent} onChange={(e) => setForm({ ...form, autoPageEmergent: e.target.checked })} />
      <EscalationList value={form.escalationUserIds} error={err.escalationUserIds} onChange={(escalationUserIds) => setForm({ ...form, escalationUserIds })} />
      <FormFooter error={submit.formError} busy={submit.busy}>
        Save settings
      </FormFooter>
    </form>
  );
}
