import { subject as asSubject } from '@casl/ability';
import { rulesToAST } from '@casl/ability/extra';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ActorContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { permittedCategories, type SubjectAttributes } from './ability.ts';
import { categoryOf, type Action, type DataCategory, type SubjectType } from './catalogue.ts';

/** Throws 403 unless the actor may do `action` on the subject type (or on this one row). */
export function assertCan(ctx: ActorContext, action: Action, subjectType: SubjectType, row?: SubjectAttributes): void {
  const allowed = row ? ctx.ability.can(action, asSubject(subjectType, { ...row })) : ctx.ability.can(action, subjectType);
  if (!allowed) throw new AppError('forbidden', `You may not ${action} ${subjectType}${row?.clientId ? ' for this client' : ''}`);
}

/** True when the actor may do `action` on this row. */
export function can(ctx: ActorContext, action: Action, subjectType: SubjectType, row?: SubjectAttributes): boolean {
  return row ? ctx.ability.can(action, asSubject(subjectType, { ...row })) : ctx.ability.can(action, subjectType);
}

interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

/**
 * Turns the actor's rules for (action, subject) into a WHERE expression, so rows outside
 * the actor's clients are never read. `columns` maps the condition attributes (`clientId`,
 * `userId`) to the query's columns. No rule means no rows (deny by default).
 */
export function rowScope(
  ctx: ActorContext,
  action: Action,
  subjectType: SubjectType,
  columns: Partial<Record<keyof SubjectAttributes, string>>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> {
  const ast = rulesToAST(ctx.ability, action, subjectType) as AstNode | null;
  return (eb) => (ast === null ? sql<SqlBool>`1 = 0` : translate(eb, ast, columns));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function translate(eb: ExpressionBuilder<any, any>, node: AstNode, columns: Partial<Record<string, string>>): Expression<SqlBool> {
  if (node.field === undefined) {
    const children = (node.value as AstNode[]).map((c) => translate(eb, c, columns));
    if (node.operator === 'and') return children.length === 0 ? sql<SqlBool>`1 = 1` : eb.and(children);
    if (node.operator === 'or') return children.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(children);
    if (node.operator === 'not' && children[0]) return eb.not(children[0]);
    throw new Error(`Unsupported authorization operator ${node.operator}`);
  }
  const name = columns[node.field];
  // A break-glass rule names one patient: a query that cannot tell which patient a row concerns gets nothing from it.
  if (!name && node.field === 'patientId') return sql<SqlBool>`1 = 0`;
  if (!name) throw new Error(`No column mapped for authorization attribute ${node.field}`);
  const column = sql.ref(name);
  const value = node.value;
  switch (node.operator) {
    case 'eq':
      return value === null ? eb(column, 'is', null) : eb(column, '=', value);
    case 'ne':
      return value === null ? eb(column, 'is not', null) : eb(column, '<>', value);
    case 'in':
      return (value as unknown[]).length === 0 ? sql<SqlBool>`1 = 0` : eb(column, 'in', value as unknown[]);
    case 'nin':
      return (value as unknown[]).length === 0 ? sql<SqlBool>`1 = 1` : eb(column, 'not in', value as unknown[]);
    default:
      throw new Error(`Unsupported authorization operator ${node.operator}`);
  }
}

/** The data categories any of `actions` grants the actor on one row of a subject type. */
export function fieldCategories(ctx: ActorContext, actions: readonly Action[], subjectType: SubjectType, attributes: SubjectAttributes): Set<DataCategory> {
  const target = asSubject(subjectType, { clientId: attributes.clientId, userId: attributes.userId, patientId: attributes.patientId });
  const out = new Set<DataCategory>();
  for (const action of actions) for (const c of permittedCategories(ctx.ability, action, target)) out.add(c);
  return out;
}

/**
 * Throws 403 naming every field whose data category none of `actions` grants on this row:
 * writes and reveals are refused field by field, never silently dropped.
 */
export function assertFieldCategories(
  ctx: ActorContext,
  actions: readonly Action[],
  subjectType: SubjectType,
  attributes: SubjectAttributes,
  fields: readonly string[],
  verb: string,
): void {
  const allowed = fieldCategories(ctx, actions, subjectType, attributes);
  const refused = fields.filter((f) => !allowed.has(categoryOf(subjectType, f)));
  if (refused.length === 0) return;
  throw new AppError('forbidden', `Your roles do not allow you to ${verb} ${refused.map((f) => `${f} (${categoryOf(subjectType, f)})`).join(', ')} for this client`, {
    field: refused[0],
    errors: refused.map((f) => ({ field: f, message: `the ${categoryOf(subjectType, f)} category is not among your permissions` })),
  });
}

/**
 * Removes every field of a row whose data category the actor may not see for this action
 * on this row. Services pass rows through here before they leave; the response schema is
 * the second, independent allow-list.
 */
export function filterFields<T extends object>(
  ctx: ActorContext,
  action: Action,
  subjectType: SubjectType,
  row: T,
  attributes: SubjectAttributes = row as SubjectAttributes,
): Partial<T> {
  const allowed = fieldCategories(ctx, [action], subjectType, attributes);
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(row)) {
    if (allowed.has(categoryOf(subjectType, key))) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
