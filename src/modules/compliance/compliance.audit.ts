/** The audit events the compliance module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'vendor.created': { name: string; handlesPhi: boolean };
    'vendor.updated': { changed: string[] };
    'baa.created': { party: 'client' | 'vendor'; partyId: string; status: string };
    'baa.updated': { changed: string[]; status: string };
    'baa.document_stored': { name: string; bytes: number; sha256: string };
    'baa.document_read': { name: string };
    'training.completed': { course: string; completedOn: string };
    'training.imported': { rows: number; people: number };
    'access_review.opened': { name: string; items: number };
    'access_review.decided': { itemId: string; userId: string; role: string; decision: 'certified' | 'revoked' };
    'access_review.closed': { name: string };
    'reminder.acknowledged': { kind: string; dueOn: string; thresholdDays: number };
  }
}

export {};
