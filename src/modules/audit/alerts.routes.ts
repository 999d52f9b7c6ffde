import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Declared, Id, IsoTime, Literals, Nullable, Out, PhiGuarded, Strict, replies } from '../../platform/http/schemas.ts';
import { alertSummary, assignAlert, getAlert, listAlerts, listRules, resolveAlert, updateRule } from './alerts.service.ts';
import { ANOMALY_RULE_NAMES } from './anomaly.ts';

const Severity = Literals(['low', 'medium', 'high'] as const);
const Person = Out({ id: Type.String(), name: Type.String() });
const AlertSchema = Out({
  id: Type.String(),
  rule: Type.String(),
  ruleLabel: Type.String(),
  severity: Severity,
  status: Literals(['open', 'benign', 'escalated'] as const),
  raisedAt: IsoTime,
  person: Nullable(Person),
  clientId: Nullable(Type.String()),
  patientRef: Nullable(Type.String()),
  patientId: Nullable(Type.String()),
  summary: Type.String({ description: 'Fixed words with counts and times; never PHI' }),
  eventIds: Type.Array(Type.Integer()),
  assignedTo: Nullable(Person),
  resolution: Nullable(Out({ reason: Type.String(), by: Nullable(Person), at: IsoTime })),
  incidentId: Nullable(Type.String()),
});
const AlertEventSchema = Out({
  id: Type.Integer(),
  occurredAt: IsoTime,
  action: Type.String(),
  outcome: Literals(['success', 'failure'] as const),
  actorType: Literals(['user', 'token', 'system'] as const),
  actorId: Nullable(Type.String()),
  resourceType: Nullable(Type.String()),
  resourceId: Nullable(Type.String()),
  clientId: Nullable(Type.String()),
  patientRef: Nullable(Type.String()),
  fields: Nullable(Type.Array(Type.String())),
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});
const Thresholds = Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.Number({ minimum: 0, maximum: 1_000_000 }));
const RuleSchema = Out({ rule: Type.String(), enabled: Type.Boolean(), severity: Severity, params: Thresholds, label: Type.String(), description: Type.String(), defaults: Thresholds });
const AlertParams = Strict({ id: Id });
const READ = { action: 'read', subject: 'AuditEvent' } as const;
const MANAGE = { action: 'manage', subject: 'ComplianceRecord' } as const;

/** Anomaly alerts and the rules that raise them. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/alerts',
    {
      config: { permission: READ },
      schema: { tags: ['audit'], summary: 'Anomaly alerts: open ones first by severity, or the resolved ones', querystring: Strict({ status: Type.Optional(Literals(['open', 'closed', 'all'] as const)) }), response: replies(Out({ items: Type.Array(AlertSchema) })) },
    },
    async (request) => ({ items: await listAlerts(actorOf(request), request.query.status ?? 'open') }),
  );
  app.get(
    '/api/audit/alerts/summary',
    { config: { permission: READ }, schema: { tags: ['audit'], summary: 'How many alerts are open, and how many are high', response: replies(Out({ open: Type.Integer(), high: Type.Integer() })) } },
    async (request) => alertSummary(actorOf(request)),
  );
  app.get(
    '/api/audit/alerts/:id',
    { config: { permission: READ }, schema: { tags: ['audit'], summary: 'One alert with the audit events behind it', params: AlertParams, response: replies(Out({ ...AlertSchema.properties, events: Type.Array(AlertEventSchema) })) } },
    async (request) => getAlert(actorOf(request), request.params.id),
  );
  app.post(
    '/api/audit/alerts/:id/assign',
    {
      config: { permission: MANAGE },
      schema: { tags: ['audit'], summary: 'Assign an alert to a compliance officer', params: AlertParams, body: Strict({ userId: Id }), response: replies(AlertSchema) },
    },
    async (request) => assignAlert(actorOf(request), request.params.id, request.body.userId),
  );
  app.post(
    '/api/audit/alerts/:id/resolve',
    {
      config: { permission: MANAGE, phiClient: organizationText },
      schema: {
        tags: ['audit'],
        summary: 'Resolve an alert: benign with the reason, or escalated (to an incident)',
        params: AlertParams,
        body: Strict({
          outcome: Literals(['benign', 'escalated'] as const),
          reason: PhiGuarded(1000, 3),
          incidentId: Type.Optional(Nullable(Declared('identifier', { maxLength: 64, description: 'The incident this alert was escalated to' }))),
        }),
        response: replies(AlertSchema),
      },
    },
    async (request) => resolveAlert(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/audit/anomaly-rules',
    { config: { permission: READ }, schema: { tags: ['audit'], summary: 'The anomaly rules with this organization’s settings', response: replies(Out({ items: Type.Array(RuleSchema) })) } },
    async (request) => ({ items: await listRules(actorOf(request)) }),
  );
  app.put(
    '/api/audit/anomaly-rules/:rule',
    {
      config: { permission: MANAGE },
      schema: {
        tags: ['audit'],
        summary: 'Turn a rule on or off, set its severity and thresholds',
        params: Strict({ rule: Literals(ANOMALY_RULE_NAMES as [string, ...string[]]) }),
        body: Strict({ enabled: Type.Boolean(), severity: Severity, params: Type.Optional(Thresholds) }),
        response: replies(Out({ rule: Type.String(), enabled: Type.Boolean(), severity: Severity, params: Thresholds })),
      },
    },
    async (request) => updateRule(actorOf(request), request.params.rule as (typeof ANOMALY_RULE_NAMES)[number], request.body),
  );
};
