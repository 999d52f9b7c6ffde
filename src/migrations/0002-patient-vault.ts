import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * The PHI vault: per-client patient directories whose PHI columns hold only ciphertext,
 * blind-index digests for lookups, issued patient references, data keys with a purpose
 * (field encryption or blind indexing) and each client's practice-system (FHIR) link.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  // A client now has two kinds of key: versioned data keys and one blind-index key.
  await db.schema.alterTable('data_keys').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('data')).execute();
  await db.schema.dropIndex('data_keys_owner_idx').execute();
  await db.schema.createIndex('data_keys_owner_idx').on('data_keys').columns(['org_id', 'client_id', 'purpose', 'version']).unique().execute();

  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // Every PHI field is its own ciphertext column (AES-256-GCM, bound to org, client, table, column and row).
    .addColumn('name_enc', 'text')
    .addColumn('phones_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('callback_window_enc', 'text')
    .addColumn('date_of_birth_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('mrn_enc', 'text')
    .addColumn('identifiers_enc', 'text')
    .addColumn('fhir_patient_id_enc', 'text')
    .addColumn('insurance_member_id_enc', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patients_ref_idx').on('patients').columns(['org_id', 'client_id', 'ref']).unique().execute();
  await db.schema.createIndex('patients_client_idx').on('patients').columns(['org_id', 'client_id', 'created_at']).execute();

  // Every reference ever issued, so a reference is never handed out twice, even after its patient is gone.
  await db.schema
    .createTable('patient_refs')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('patient_refs_pk', ['org_id', 'client_id', 'ref'])
    .execute();

  // Keyed blind indexes: HMAC-SHA256 under the client's index key of a normalised value.
  await db.schema
    .createTable('patient_index')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_index_lookup_idx').on('patient_index').columns(['org_id', 'client_id', 'kind', 'digest']).execute();
  await db.schema.createIndex('patient_index_patient_idx').on('patient_index').columns(['org_id', 'patient_id']).execute();

  await db.schema
    .createTable('practice_links')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('auth_type', 'text', (c) => c.notNull())
    .addColumn('credentials_enc', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Organizations created before the vault get the two patient grants the built-in roles now carry:
  // agents correct a patient's contact details; compliance officers find a record by reference to reveal it.
  const newGrants = [
    { roles: ['agent', 'clinical_agent'], action: 'update', categories: ['operational', 'contact'], scope: 'assigned_clients' },
    { roles: ['compliance'], action: 'read', categories: ['operational'], scope: 'organization' },
  ];
  const untyped = db as Kysely<{ roles: { id: string; org_id: string; key: string }; role_permissions: Record<string, string> }>;
  for (const grant of newGrants) {
    const roles = await untyped.selectFrom('roles').select(['id', 'org_id']).where('key', 'in', grant.roles).execute();
    for (const role of roles) {
      await untyped
        .insertInto('role_permissions')
        .values({ id: randomUUID(), org_id: role.org_id, role_id: role.id, action: grant.action, subject: 'Patient', categories: JSON.stringify(grant.categories), scope: grant.scope })
        .execute();
    }
  }
}
