import type {
  DeleteQueryBuilder,
  DeleteResult,
  InsertQueryBuilder,
  InsertResult,
  Insertable,
  Kysely,
  SelectQueryBuilder,
  Transaction,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import type { Engine } from './database.ts';
import type { Database, OrgTable } from './types.ts';

type WithoutOrg<T> = T extends unknown ? Omit<T, 'org_id'> : never;
export type TenantInsert<T extends OrgTable> = WithoutOrg<Insertable<Database[T]>>;

/**
 * The only way modules reach the database: every query starts from a table of one
 * organization and carries `org_id = <tenant>` in its WHERE (or its VALUES), so a query
 * across organizations cannot be written with this API. A join to a further tenant table
 * must match on `org_id` as well.
 */
export class TenantDb {
  constructor(
    readonly orgId: string,
    readonly engine: Engine,
    private readonly kysely: Kysely<Database> | Transaction<Database>,
  ) {}

  /** SELECT from a tenant table, already restricted to this organization. */
  selectFrom<T extends OrgTable>(table: T): SelectQueryBuilder<Database, T, object> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this.kysely.selectFrom(table) as any).where(`${table}.org_id`, '=', this.orgId);
  }

  /** INSERT rows stamped with this organization. */
  insertInto<T extends OrgTable>(table: T, values: TenantInsert<T> | readonly TenantInsert<T>[]): InsertQueryBuilder<Database, T, InsertResult> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, org_id: this.orgId }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this.kysely.insertInto(table) as any).values(rows);
  }

  /** UPDATE restricted to this organization's rows. */
  updateTable<T extends OrgTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this.kysely.updateTable(table) as any).where(`${table}.org_id`, '=', this.orgId);
  }

  /** DELETE restricted to this organization's rows. */
  deleteFrom<T extends OrgTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this.kysely.deleteFrom(table) as any).where(`${table}.org_id`, '=', this.orgId);
  }

  /** This organization's own row (its name, its settings). */
  organization() {
    return this.kysely.selectFrom('organizations').selectAll().where('id', '=', this.orgId).executeTakeFirstOrThrow();
  }

  /** Runs fn in one transaction (or in the current one when already inside). */
  async transaction<R>(fn: (tx: TenantDb) => Promise<R>): Promise<R> {
    if (this.kysely.isTransaction) return fn(this);
    return (this.kysely as Kysely<Database>).transaction().execute((trx) => fn(new TenantDb(this.orgId, this.engine, trx)));
  }

  get isTransaction(): boolean {
    return this.kysely.isTransaction;
  }

  /**
   * Platform only: the connection (or transaction) under this scope, unscoped, so a platform
   * service writes its own rows in the caller's transaction (the jobs service enqueues this
   * way). Modules never call it: lint refuses it under src/modules.
   */
  unsafeExecutor(): Kysely<Database> | Transaction<Database> {
    return this.kysely;
  }
}

/** Builds the tenant scope for one organization. Called by the platform when it knows the caller's organization. */
export function tenantDb(kysely: Kysely<Database> | Transaction<Database>, engine: Engine, orgId: string): TenantDb {
  if (!orgId) throw new Error('tenantDb needs an organization id');
  return new TenantDb(orgId, engine, kysely);
}
