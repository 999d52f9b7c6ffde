import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { CoursesTable } from './compliance.tables.ts';

/** The courses every organization starts with (docs/product.md, "Training"); each valid for 12 months and required. */
export const STANDARD_COURSES = [
  ['hipaa_basics', 'HIPAA basics'],
  ['minimum_necessary', 'Minimum necessary'],
  ['verbal_phi', 'Verbal PHI on calls'],
  ['secure_messaging', 'Secure messaging'],
  ['breach_reporting', 'Recognising and reporting a breach'],
] as const;

export const DEFAULT_VALIDITY_MONTHS = 12;

export type CourseRow = CoursesTable;

/** Gives a new organization the standard courses (called by the organizations module when it creates one). */
export async function addStandardCourses(tenant: TenantDb, at: string): Promise<void> {
  await tenant.insertInto('courses', standardCourses(tenant.orgId, at)).execute();
}

/** The standard courses as rows for one organization, a millisecond apart so that they list in this order. */
export function standardCourses(orgId: string, at: string): CourseRow[] {
  const start = Date.parse(at);
  return STANDARD_COURSES.map(([key, name], i) => ({ id: randomUUID(), org_id: orgId, key, name, validity_months: DEFAULT_VALIDITY_MONTHS, required: 1, created_at: new Date(start + i).toISOString() }));
}
