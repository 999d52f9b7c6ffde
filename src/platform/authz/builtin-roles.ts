import type { PermissionScope } from '../../modules/roles/roles.tables.ts';
import type { Action, DataCategory, SubjectType } from './catalogue.ts';

export interface PermissionGrant {
  action: Action;
  subject: SubjectType;
  categories: DataCategory[];
  /** organization: every row; assigned_clients: rows of the clients the role is assigned for; self: the person's own rows. */
  scope: PermissionScope;
}

export interface RoleDefinition {
  key: string;
  name: string;
  description: string;
  grants: PermissionGrant[];
}

const OPS: DataCategory[] = ['operational'];
const g = (action: Action, subject: SubjectType, categories: DataCategory[], scope: PermissionScope): PermissionGrant => ({ action, subject, categories, scope });

const ownAccount = [g('read', 'User', OPS, 'self')];

/** What every agent does for assigned clients; a clinical agent sees the `extra` categories on tasks and patients too. */
function callbackWorkerGrants(extra: DataCategory[]): PermissionGrant[] {
  return [
    ...ownAccount,
    g('read', 'Client', OPS, 'assigned_clients'),
    g('read', 'Queue', OPS, 'assigned_clients'),
    g('read', 'Task', ['operational', 'contact', ...extra], 'assigned_clients'),
    g('create', 'Task', ['operational', 'contact', ...extra], 'assigned_clients'),
    g('update', 'Task', ['operational', ...extra], 'assigned_clients'),
    g('read', 'Patient', ['operational', 'contact', ...extra], 'assigned_clients'),
    g('create', 'Patient', ['operational', 'contact', 'identity'], 'assigned_clients'),
    g('update', 'Patient', ['operational', 'contact'], 'assigned_clients'),
    g('reveal', 'Patient', ['identity'], 'assigned_clients'),
    // Who is on call, and paging them; a clinical agent writes what the provider needs to know.
    g('read', 'OnCall', OPS, 'assigned_clients'),
    g('create', 'UrgentMessage', ['operational', ...extra], 'assigned_clients'),
    g('read', 'UrgentMessage', ['operational', ...extra], 'assigned_clients'),
  ];
}

/**
 * The roles every organization starts with, from the roles table of docs/product.md. They are
 * copied into the organization's `roles` and `role_permissions` rows at creation; from then
 * on they are data.
 */
export const BUILTIN_ROLES: RoleDefinition[] = [
  {
    key: 'agent',
    name: 'Agent',
    description: 'Works callbacks in the queues of assigned clients; sees contact details of patients on their tasks, never clinical detail or billing.',
    grants: callbackWorkerGrants([]),
  },
  {
    key: 'clinical_agent',
    name: 'Clinical agent',
    description: 'Nurse triage: as an agent, plus clinical messages.',
    grants: [
      ...callbackWorkerGrants(['clinical']),
      g('read', 'ClinicalMessage', ['operational', 'clinical'], 'assigned_clients'),
      g('create', 'ClinicalMessage', ['operational', 'clinical'], 'assigned_clients'),
    ],
  },
  {
    key: 'supervisor',
    name: 'Supervisor',
    description: 'Manages queues, assigns, reviews attempts, plays recordings for QA; everything of assigned clients except billing.',
    grants: [
      ...ownAccount,
      g('read', 'User', OPS, 'organization'),
      g('read', 'Client', OPS, 'assigned_clients'),
      g('manage', 'Queue', OPS, 'assigned_clients'),
      g('manage', 'Task', ['operational', 'contact', 'identity', 'clinical'], 'assigned_clients'),
      g('manage', 'Patient', ['operational', 'contact', 'identity', 'clinical'], 'assigned_clients'),
      g('manage', 'ClinicalMessage', ['operational', 'clinical'], 'assigned_clients'),
      g('manage', 'OnCall', OPS, 'assigned_clients'),
      g('manage', 'UrgentMessage', ['operational', 'clinical'], 'assigned_clients'),
      g('read', 'Recording', ['operational', 'recording'], 'assigned_clients'),
      g('create', 'Recording', ['operational', 'recording'], 'assigned_clients'),
      g('read', 'Report', OPS, 'assigned_clients'),
      g('export', 'Report', OPS, 'assigned_clients'),
    ],
  },
  {
    key: 'compliance',
    name: 'Compliance officer',
    description: 'BAAs, vendors, training, incidents, access reviews and audit search; PHI only through an explicit, logged reveal.',
    grants: [
      ...ownAccount,
      g('read', 'User', OPS, 'organization'),
      g('read', 'RoleAssignment', OPS, 'organization'),
      g('read', 'Role', OPS, 'organization'),
      g('read', 'Client', OPS, 'organization'),
      g('read', 'AuditEvent', OPS, 'organization'),
      g('export', 'AuditEvent', OPS, 'organization'),
      g('manage', 'ComplianceRecord', OPS, 'organization'),
      g('read', 'Patient', OPS, 'organization'),
      g('reveal', 'Patient', ['contact', 'identity', 'clinical'], 'organization'),
      g('reveal', 'Recording', ['recording'], 'organization'),
    ],
  },
  {
    key: 'admin',
    name: 'Administrator',
    description: 'Organization settings, users, clients and keys; no PHI by default.',
    grants: [
      ...ownAccount,
      g('manage', 'Organization', OPS, 'organization'),
      g('manage', 'User', OPS, 'organization'),
      g('manage', 'Client', OPS, 'organization'),
      g('manage', 'Queue', OPS, 'organization'),
      g('manage', 'OnCall', OPS, 'organization'),
      g('manage', 'RoleAssignment', OPS, 'organization'),
      g('read', 'Role', OPS, 'organization'),
      g('manage', 'ApiToken', OPS, 'organization'),
      g('read', 'Report', OPS, 'organization'),
      g('export', 'Report', OPS, 'organization'),
    ],
  },
  {
    key: 'provider',
    name: 'On-call provider',
    description: 'Receives urgent messages, acknowledges and replies; sees only the messages sent to them.',
    grants: [...ownAccount, g('read', 'UrgentMessage', ['operational', 'clinical'], 'self'), g('update', 'UrgentMessage', ['operational', 'clinical'], 'self'), g('read', 'OnCall', OPS, 'self'), g('update', 'OnCall', OPS, 'self')],
  },
];

/**
 * Scopes an API token can carry, each a fixed set of grants and the routes it opens. A token
 * acts for the organization within these grants and, when it names clients, only for those
 * clients; and it reaches only the routes its scopes list, so a scope grants exactly what its
 * description says even where a route's permission is shared with other work (creating a
 * patient is also what a practice-system search asks, but `tasks:create` does not open it).
 */
export const TOKEN_SCOPES: Record<string, { description: string; grants: PermissionGrant[]; routes: string[] }> = {
  'tasks:create': {
    description: 'Create callback tasks (and their patients) from an integration, such as a telephony webhook',
    grants: [g('create', 'Task', ['operational', 'contact'], 'assigned_clients'), g('create', 'Patient', ['operational', 'contact', 'identity'], 'assigned_clients')],
    routes: ['POST /api/tasks', 'POST /api/patients'],
  },
  'tasks:read': {
    description: 'Read the status of callback tasks (no patient details)',
    grants: [g('read', 'Task', OPS, 'assigned_clients')],
    routes: ['GET /api/tasks', 'GET /api/tasks/:id', 'GET /api/board', 'GET /api/events'],
  },
  'clients:read': { description: 'List the clients the token is limited to', grants: [g('read', 'Client', OPS, 'assigned_clients')], routes: ['GET /api/clients', 'GET /api/clients/:id'] },
  'audit:read': { description: 'Search the audit trail (for a SIEM)', grants: [g('read', 'AuditEvent', OPS, 'organization')], routes: ['GET /api/audit/events', 'GET /api/audit/events/:id', 'GET /api/audit/status'] },
};
