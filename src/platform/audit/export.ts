/**
 * Exports of one organization's audit trail for a period, as JSON Lines, CSV or a FHIR R4
 * Bundle of AuditEvents. The text is produced a page of events at a time (keyset pages by
 * event id), so an export of years of events holds one page in memory, never the whole set.
 * Events carry no PHI (field names, never values; a patient's pseudonymous reference, never
 * the patient), and neither does anything an export adds.
 */
import { stringify } from 'csv-stringify/sync';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { v5 as uuidV5 } from 'uuid';
import { assertCan, rowScope } from '../authz/guard.ts';
import { audit, type ActorContext } from '../context.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { invalidField } from '../http/errors.ts';

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv', 'fhir'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** Events read per query: large enough that a long export is few round trips, small enough to stay a page. */
export const AUDIT_EXPORT_PAGE_SIZE = 2000;

export interface AuditExportQuery {
  format: AuditExportFormat;
  /** ISO 8601 time, inclusive. */
  from: string;
  /** ISO 8601 time, exclusive. */
  to: string;
  /** Only the events of this client. */
  clientId?: string | null;
}

/** One exported event: the stored event, its JSON columns parsed, with its link in the chain once sealed. */
export interface ExportedAuditEvent {
  id: number;
  occurredAt: string;
  action: string;
  outcome: 'success' | 'failure';
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientId: string | null;
  patientRef: string | null;
  /** Names of the fields read or changed, never their values. */
  fields: string[] | null;
  purpose: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** Position in the organization's hash chain; null until the sealer has linked the event. */
  chainPosition: number | null;
  chainHash: string | null;
}

/** The columns of the JSON Lines objects and the CSV file, in this order. */
export const EXPORT_COLUMNS = [
  'id',
  'occurredAt',
  'action',
  'outcome',
  'actorType',
  'actorId',
  'resourceType',
  'resourceId',
  'clientId',
  'patientRef',
  'fields',
  'purpose',
  'ip',
  'requestId',
  'details',
  'chainPosition',
  'chainHash',
] as const satisfies readonly (keyof ExportedAuditEvent)[];

/** An export ready to stream: how many events it holds, and its text a page at a time. */
export interface AuditExport {
  format: AuditExportFormat;
  /** Events in the export, counted when it was opened. */
  total: number;
  contentType: string;
  fileName: string;
  /** The export's text, one chunk per page of events; `onProgress` hears the events written so far. */
  chunks(onProgress?: (exported: number) => void): AsyncGenerator<string, void, undefined>;
}

interface AuditExportOptions {
  pageSize?: number;
  /** Further rows the reader may not see (the actor's client scope), as a WHERE on audit_events. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scope?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  /** Only events with a lower id: the export leaves out its own record and whatever is written while it runs. */
  beforeEventId?: number;
  /** When the export was made (the FHIR Bundle's timestamp). */
  generatedAt?: string;
}

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  fhir: 'application/fhir+json; fhirVersion=4.0',
};
const EXTENSIONS: Record<AuditExportFormat, string> = { jsonl: 'jsonl', csv: 'csv', fhir: 'fhir.json' };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 time with its offset, as the instant it names (`…Z`); null when it is not one. */
export function parseExportTime(value: string): string | null {
  if (!ISO_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The query with its times as instants; a 400 naming the field for a time that is none or a period that ends before it starts. */
export function normalizeExportQuery(query: AuditExportQuery): AuditExportQuery & { clientId: string | null } {
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(query.format)) throw invalidField('format', `must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}`);
  const from = parseExportTime(query.from);
  if (from === null) throw invalidField('from', 'must be a date and time (ISO 8601) with its offset, such as 2026-01-01T00:00:00Z');
  const to = parseExportTime(query.to);
  if (to === null) throw invalidField('to', 'must be a date and time (ISO 8601) with its offset, such as 2026-02-01T00:00:00Z');
  if (to <= from) throw invalidField('to', 'must be later than the start of the period');
  return { format: query.format, from, to, clientId: query.clientId || null };
}

/**
 * Exports the actor's organization's audit trail for a period. Needs the `export` grant on
 * audit events (reading them is not enough, as for reports), and reads only the rows the
 * grant reaches. The export is itself audited (`audit.exported`) before any event is read:
 * if that record cannot be written, nothing is exported.
 */
export async function exportAuditTrail(ctx: ActorContext, query: AuditExportQuery, options: Pick<AuditExportOptions, 'pageSize'> = {}): Promise<AuditExport> {
  const q = normalizeExportQuery(query);
  assertCan(ctx, 'export', 'AuditEvent', q.clientId ? { clientId: q.clientId } : undefined);
  const eventId = await audit(ctx, {
    action: 'audit.exported',
    resourceType: 'AuditEvent',
    clientId: q.clientId,
    details: { format: q.format, from: q.from, to: q.to, clientId: q.clientId },
  });
  return openAuditExport(ctx.db, q, {
    ...options,
    scope: rowScope(ctx, 'export', 'AuditEvent', { clientId: 'audit_events.client_id' }),
    beforeEventId: eventId,
    generatedAt: new Date().toISOString(),
  });
}

/**
 * Opens an export of one organization's events, with no authorization or audit record of its
 * own (`exportAuditTrail` does both). Counts the matching events and finds their first and
 * last id (one aggregate over the time index), then reads pages between them on demand.
 */
async function openAuditExport(tenant: TenantDb, query: AuditExportQuery, options: AuditExportOptions = {}): Promise<AuditExport> {
  const q = normalizeExportQuery(query);
  const pageSize = options.pageSize ?? AUDIT_EXPORT_PAGE_SIZE;
  const filtered = () => {
    let s = tenant
      .selectFrom('audit_events')
      .where('audit_events.occurred_at', '>=', q.from)
      .where('audit_events.occurred_at', '<', q.to);
    if (q.clientId) s = s.where('audit_events.client_id', '=', q.clientId);
    if (options.scope) s = s.where(options.scope);
    if (options.beforeEventId !== undefined) s = s.where('audit_events.id', '<', options.beforeEventId);
    return s;
  };
  const stats = await filtered()
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('audit_events.id').as('first'), eb.fn.max('audit_events.id').as('last')])
    .executeTakeFirstOrThrow();
  const total = Number(stats.n);
  const firstId = stats.first === null ? 0 : Number(stats.first);
  const lastId = stats.last === null ? 0 : Number(stats.last);

  async function* pages(): AsyncGenerator<ExportedAuditEvent[], void, undefined> {
    if (total === 0) return;
    let after = firstId - 1;
    for (;;) {
      const rows = await filtered()
        .leftJoin('audit_chain', (j) => j.onRef('audit_chain.org_id', '=', 'audit_events.org_id').onRef('audit_chain.event_id', '=', 'audit_events.id'))
        .selectAll('audit_events')
        .select(['audit_chain.position as chain_position', 'audit_chain.hash as chain_hash'])
        .where('audit_events.id', '>', after)
        .where('audit_events.id', '<=', lastId)
        .orderBy('audit_events.id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.id);
      yield rows.map((e) => ({
        id: Number(e.id),
        occurredAt: e.occurred_at,
        action: e.action,
        outcome: e.outcome,
        actorType: e.actor_type,
        actorId: e.actor_id,
        resourceType: e.resource_type,
        resourceId: e.resource_id,
        clientId: e.client_id,
        patientRef: e.patient_ref,
        fields: e.fields ? (JSON.parse(e.fields) as string[]) : null,
        purpose: e.purpose,
        ip: e.ip,
        requestId: e.request_id,
        details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : {},
        chainPosition: e.chain_position === null ? null : Number(e.chain_position),
        chainHash: e.chain_hash,
      }));
      if (rows.length < pageSize || after >= lastId) return;
    }
  }

  const organization = q.format === 'fhir' ? await tenant.organization() : null;
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  return {
    format: q.format,
    total,
    contentType: CONTENT_TYPES[q.format],
    fileName: exportFileName(q),
    async *chunks(onProgress) {
      let exported = 0;
      if (q.format === 'fhir') yield `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(generatedAt)},"entry":[`;
      else if (q.format === 'csv') yield stringify([[...EXPORT_COLUMNS]], { record_delimiter: '\r\n' });
      for await (const page of pages()) {
        // Each object is built in the order of EXPORT_COLUMNS.
        if (q.format === 'jsonl') yield page.map((e) => `${JSON.stringify(e)}\n`).join('');
        else if (q.format === 'csv') yield csvRows(page);
        else yield page.map((e, i) => `${exported + i === 0 ? '\n' : ',\n'}${JSON.stringify(fhirEntry(e, { id: tenant.orgId, name: organization!.name }))}`).join('');
        exported += page.length;
        onProgress?.(exported);
      }
      if (q.format === 'fhir') yield `${exported === 0 ? '' : '\n'}]}\n`;
    },
  };
}

/** `ringfence-audit-<from>-<to>[-client-<id>].<ext>`, the times without separators a file system might refuse. */
function exportFileName(q: AuditExportQuery): string {
  const stamp = (iso: string) => iso.replace(/\.\d+Z$/, 'Z').replace(/[:-]/g, '');
  const client = q.clientId ? `-client-${q.clientId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 36)}` : '';
  return `ringfence-audit-${stamp(q.from)}-${stamp(q.to)}${client}.${EXTENSIONS[q.format]}`;
}

/**
 * CSV rows (RFC 4180: quoted where needed, CRLF). Lists and objects are their JSON text in one
 * cell, an absent value an empty cell. A cell a spreadsheet would run as a formula (=, +, -,
 * @) is prefixed with an apostrophe, as in every CSV Ringfence writes.
 */
function csvRows(page: ExportedAuditEvent[]): string {
  const rows = page.map((e) =>
    EXPORT_COLUMNS.map((column) => {
      const value = e[column];
      return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
    }),
  );
  return stringify(rows, { record_delimiter: '\r\n', escape_formulas: true });
}

// ---------------------------------------------------------------------------------------------
// FHIR R4 AuditEvent

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const AUDIT_EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
/** IHE Basic Audit Log Patterns: the entity that carries a request's X-Request-Id. */
const BALP_ENTITY_TYPE = 'https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType';
/** Namespace of the entries' `urn:uuid` names: the same event always gets the same name, in every export. */
const ENTRY_NAMESPACE = '5f0c7a52-3f7e-4c1b-9d53-6a2b1e8f4c90';

interface Coding {
  system: string;
  code: string;
  display?: string;
}

/**
 * The kind of event, from DICOM's audit event ids where one fits (sign-in, the audit log
 * itself, security alerts, exports, patient records) and FHIR's RESTful operation otherwise.
 */
export function fhirEventType(e: Pick<ExportedAuditEvent, 'action' | 'patientRef' | 'resourceType'>): Coding {
  const family = e.action.split('.')[0]!;
  if (family === 'auth') return { system: DCM, code: '110114', display: 'User Authentication' };
  if (family === 'audit') return { system: DCM, code: '110101', display: 'Audit Log Used' };
  if (['keys', 'phi_guard', 'role', 'token'].includes(family)) return { system: DCM, code: '110113', display: 'Security Alert' };
  if (e.action.endsWith('.exported')) return { system: DCM, code: '110106', display: 'Export' };
  if (family === 'phi' || family === 'patient' || e.patientRef !== null || e.resourceType === 'Patient') return { system: DCM, code: '110110', display: 'Patient Record' };
  return { system: AUDIT_EVENT_TYPE, code: 'rest', display: 'RESTful Operation' };
}

const ACTION_BY_VERB: Record<string, 'C' | 'R' | 'U' | 'D'> = {
  created: 'C',
  added: 'C',
  issued: 'C',
  stored: 'C',
  imported: 'C',
  logged: 'C',
  opened: 'C',
  read: 'R',
  viewed: 'R',
  searched: 'R',
  exported: 'R',
  updated: 'U',
  changed: 'U',
  merged: 'U',
  linked: 'U',
  configured: 'U',
  reordered: 'U',
  ordered: 'U',
  assigned: 'U',
  claimed: 'U',
  released: 'U',
  completed: 'U',
  cancelled: 'U',
  escalated: 'U',
  acknowledged: 'U',
  decided: 'U',
  closed: 'U',
  enabled: 'U',
  disabled: 'U',
  activated: 'U',
  deactivated: 'U',
  reactivated: 'U',
  verified: 'U',
  saved: 'U',
  replied: 'U',
  handled: 'U',
  rotated: 'U',
  rewrapped: 'U',
  redacted: 'U',
  enrolled: 'U',
  removed: 'D',
  deleted: 'D',
  revoked: 'D',
  destroyed: 'D',
};

/**
 * C, R, U, D from the verb that ends the action (`patient.created`, `baa.document_read`);
 * E (execute) for sign-in, the PHI guard's decisions and anything else that is neither.
 */
export function fhirEventAction(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  if (action.startsWith('auth.') || action.startsWith('phi_guard.')) return 'E';
  const verb = action.split(/[._]/).pop() ?? '';
  return ACTION_BY_VERB[verb] ?? 'E';
}

/** The Bundle entry of one event: a deterministic `urn:uuid` name and the AuditEvent. */
export function fhirEntry(e: ExportedAuditEvent, organization: { id: string; name: string }): { fullUrl: string; resource: Record<string, unknown> } {
  const id = uuidV5(`${organization.id}/${e.id}`, ENTRY_NAMESPACE);
  return { fullUrl: `urn:uuid:${id}`, resource: fhirAuditEvent(id, e, organization) };
}

/**
 * One event as a FHIR R4 AuditEvent. Outcome "0" is success; Ringfence's failures are
 * refusals (a wrong password, a locked account, PHI refused by the guard), which FHIR calls
 * a minor failure, "4" (as an HTTP 4xx); nothing Ringfence records is a serious failure ("8").
 * The stated purpose is the agent's `purposeOfUse`; the field names and the event's detail
 * are `entity.detail` of the entity the event is about. Ringfence's own event id and the
 * event's link in the hash chain are extensions, as text (R4 integers are 32-bit).
 */
export function fhirAuditEvent(id: string, e: ExportedAuditEvent, organization: { id: string; name: string }): Record<string, unknown> {
  const subtype: Coding[] = [{ system: 'urn:ringfence:audit-action', code: e.action }];
  if (e.action.startsWith('auth.login.')) subtype.push({ system: DCM, code: '110122', display: 'Login' });
  if (e.action === 'auth.logout') subtype.push({ system: DCM, code: '110123', display: 'Logout' });

  const extension: Record<string, unknown>[] = [{ url: 'urn:ringfence:audit-event-id', valueString: String(e.id) }];
  if (e.chainPosition !== null && e.chainHash !== null) {
    extension.push({
      url: 'urn:ringfence:audit-chain',
      extension: [
        { url: 'position', valueString: String(e.chainPosition) },
        { url: 'hash', valueString: e.chainHash },
      ],
    });
  }

  const agent: Record<string, unknown> = {
    type: { coding: [{ system: 'urn:ringfence:actor-type', code: e.actorType }] },
    who:
      e.actorId === null
        ? { display: 'Ringfence (system)' }
        : { identifier: { system: e.actorType === 'token' ? 'urn:ringfence:api-token' : 'urn:ringfence:user', value: e.actorId } },
    requestor: true,
  };
  if (e.ip) agent.network = { address: e.ip, type: '2' };
  if (e.purpose) agent.purposeOfUse = [{ text: e.purpose }];

  const entities: Record<string, unknown>[] = [];
  let about: Record<string, unknown> | null = null;
  if (e.resourceType !== null || e.resourceId !== null) {
    const what: Record<string, unknown> =
      e.resourceId === null
        ? { display: e.resourceType }
        : { identifier: { ...(e.resourceType ? { type: { coding: [{ system: 'urn:ringfence:resource-type', code: e.resourceType }], text: e.resourceType } } : {}), value: e.resourceId } };
    about = { what, type: { system: ENTITY_TYPE, code: '2', display: 'System Object' } };
    entities.push(about);
  }
  if (e.patientRef !== null) {
    const patient = {
      what: { identifier: { system: 'urn:ringfence:patient-ref', value: e.patientRef } },
      type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
      role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
    };
    about ??= patient;
    entities.push(patient);
  }
  if (e.clientId !== null) {
    const client = {
      what: { identifier: { system: 'urn:ringfence:client', value: e.clientId } },
      type: { system: ENTITY_TYPE, code: '3', display: 'Organization' },
      role: { system: OBJECT_ROLE, code: '19', display: 'Customer' },
    };
    about ??= client;
    entities.push(client);
  }
  const detail = [
    ...(e.fields ?? []).map((field) => ({ type: 'field', valueString: field })),
    ...(Object.keys(e.details).length > 0 ? [{ type: 'details', valueString: JSON.stringify(e.details) }] : []),
  ];
  if (detail.length > 0) {
    if (about) about.detail = detail;
    else entities.unshift({ type: { system: ENTITY_TYPE, code: '2', display: 'System Object' }, detail });
  }
  if (e.requestId) entities.push({ what: { identifier: { value: e.requestId } }, type: { system: BALP_ENTITY_TYPE, code: 'XrequestId' } });

  return {
    resourceType: 'AuditEvent',
    id,
    extension,
    type: fhirEventType(e),
    subtype,
    action: fhirEventAction(e.action),
    recorded: e.occurredAt,
    outcome: e.outcome === 'success' ? '0' : '4',
    agent: [agent],
    source: {
      observer: { identifier: { system: 'urn:ringfence:organization', value: organization.id }, display: organization.name },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    ...(entities.length > 0 ? { entity: entities } : {}),
  };
}
