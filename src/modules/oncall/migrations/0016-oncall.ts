import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

/**
 * On-call paging: providers' contact points, each client's on-call settings and schedule
 * versions (a schedule is never edited in place, so who covered a past instant stays
 * answerable), urgent messages with their recipients, timeline and replies, and calendar feed
 * tokens. Adds the grants the built-in roles need for them to existing organizations.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('oncall_contact_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // email, sms or webhook: the notification channel that carries a page to it.
    .addColumn('kind', 'text', (c) => c.notNull())
    // A work address, a mobile number (E.164) or a webhook URL: staff contact, not PHI.
    .addColumn('address', 'text', (c) => c.notNull())
    // The order pages try a person's contact points in, from 0.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('verified_at', t.timestamp)
    // SHA-256 of the verification code sent to the address, while one is outstanding.
    .addColumn('code_hash', 'text')
    .addColumn('code_expires_at', t.timestamp)
    .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oncall_contact_points_user_idx').on('oncall_contact_points').columns(['org_id', 'user_id', 'position']).execute();

  await db.schema
    .createTable('oncall_settings')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // JSON: coverage required, acknowledgement windows per priority, re-notify cadence, stop condition, escalation list.
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oncall_schedule_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The instant this version took over; instants before it are answered by the versions before.
    .addColumn('effective_from', t.timestamp, (c) => c.notNull())
    // JSON: rotations with their shift rules (RRULE, wall-clock start and end, primary, backups) and overrides.
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oncall_schedule_versions_client_idx').on('oncall_schedule_versions').columns(['org_id', 'client_id', 'version']).unique().execute();

  await db.schema
    .createTable('urgent_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('task_id', 'text')
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('patient_ref', 'text', (c) => c.notNull())
    // A short code the page names (no PHI): what a provider and an agent say on the phone.
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    // The clinical message, encrypted under the client's key, bound to this row.
    .addColumn('body_enc', 'text', (c) => c.notNull())
    // paging, read, acknowledged, exhausted (became a callback), cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON, frozen at creation: the escalation policy and the resolved roster with what decided it.
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('roster', 'text', (c) => c.notNull())
    // JSON: the planned steps (offset, recipients), from policy and roster.
    .addColumn('plan', 'text', (c) => c.notNull())
    // The step the next escalation run must carry out; -1 when the chain has stopped.
    .addColumn('next_step', 'integer', (c) => c.notNull())
    .addColumn('next_step_at', t.timestamp)
    // For an automatic page of an emergent task: that task (at most one automatic page each).
    .addColumn('auto_task_id', 'text')
    .addColumn('fallback_task_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('acknowledged_by', 'text')
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('urgent_messages_auto_task_idx').on('urgent_messages').columns(['org_id', 'auto_task_id']).unique().execute();
  await db.schema.createIndex('urgent_messages_open_idx').on('urgent_messages').columns(['org_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('urgent_messages_task_idx').on('urgent_messages').columns(['org_id', 'task_id']).execute();
  await db.schema.createIndex('urgent_messages_patient_idx').on('urgent_messages').columns(['org_id', 'patient_id']).execute();

  await db.schema
    .createTable('urgent_message_recipients')
    .addColumn('message_id', 'text', (c) => c.notNull().references('urgent_messages.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // primary, backup, supervisor or escalation: why this person was paged.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('first_notified_at', t.timestamp, (c) => c.notNull())
    .addColumn('opened_at', t.timestamp)
    .addColumn('read_at', t.timestamp)
    .addColumn('acknowledged_at', t.timestamp)
    .addPrimaryKeyConstraint('urgent_message_recipients_pk', ['message_id', 'user_id'])
    .execute();
  await db.schema.createIndex('urgent_message_recipients_user_idx').on('urgent_message_recipients').columns(['org_id', 'user_id', 'first_notified_at']).execute();

  await db.schema
    .createTable('urgent_message_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('urgent_messages.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    // created, paged, channel_failed, delivered, opened, read, acknowledged, replied, reply_handled, escalated, exhausted, cancelled.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('step', 'integer')
    .addColumn('channel', 'text')
    .addColumn('notification_id', 'text')
    // JSON of ids, counts and fixed words; never PHI.
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('urgent_message_events_message_idx').on('urgent_message_events').columns(['org_id', 'message_id', 'at']).execute();

  await db.schema
    .createTable('urgent_message_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('urgent_messages.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    // The reply, clinical, encrypted under the client's key, bound to this row.
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('handled_at', t.timestamp)
    .addColumn('handled_by', 'text')
    .execute();
  await db.schema.createIndex('urgent_message_replies_message_idx').on('urgent_message_replies').columns(['org_id', 'message_id', 'created_at']).execute();

  await db.schema
    .createTable('oncall_feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // SHA-256 of the token in the feed's URL; the token itself is shown once.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('oncall_feed_tokens_hash_idx').on('oncall_feed_tokens').columns(['token_hash']).unique().execute();

  const d = db as Kysely<Tables>;
  for (const role of await d.selectFrom('roles').select(['id', 'org_id', 'key']).execute()) {
    for (const grant of GRANTS[role.key] ?? []) {
      await d
        .insertInto('role_permissions')
        .values({ id: randomUUID(), org_id: role.org_id, role_id: role.id, action: grant.action, subject: grant.subject, categories: JSON.stringify(grant.categories), scope: grant.scope })
        .execute();
    }
  }
}

type Grant = { action: string; subject: string; categories: string[]; scope: string };
const g = (action: string, subject: string, categories: string[], scope: string): Grant => ({ action, subject, categories, scope });
const OPS = ['operational'];
/** The grants of src/platform/authz/builtin-roles.ts added with this migration, as they were then. */
const GRANTS: Record<string, Grant[]> = {
  agent: [g('read', 'OnCall', OPS, 'assigned_clients'), g('read', 'UrgentMessage', OPS, 'assigned_clients'), g('create', 'UrgentMessage', OPS, 'assigned_clients')],
  clinical_agent: [g('read', 'OnCall', OPS, 'assigned_clients'), g('read', 'UrgentMessage', ['operational', 'clinical'], 'assigned_clients'), g('create', 'UrgentMessage', ['operational', 'clinical'], 'assigned_clients')],
  supervisor: [g('manage', 'OnCall', OPS, 'assigned_clients'), g('manage', 'UrgentMessage', ['operational', 'clinical'], 'assigned_clients')],
  admin: [g('manage', 'OnCall', OPS, 'organization')],
  provider: [g('read', 'OnCall', OPS, 'self'), g('update', 'OnCall', OPS, 'self')],
};

interface Tables {
  roles: { id: string; org_id: string; key: string };
  role_permissions: { id: string; org_id: string; role_id: string; action: string; subject: string; categories: string; scope: string };
}
