import { AuditAlertsNotice } from '../pages/AuditNotices';
import type { Session } from '../session';
import { lazyScreen, type WebModule } from './module';

/** Whoever reads the audit trail (the compliance role): the API refuses everyone else regardless. */
const readsAudit = ({ can }: Session) => can('read', 'AuditEvent');

/**
 * The compliance officer's audit screens: the trail's search, each event with its place in the
 * hash chain, the trail's verification and export; the anomaly alerts and their resolution; and
 * one patient's access history with the accounting of disclosures. Above every screen, a notice
 * while alerts are open.
 */
export const auditModule: WebModule = {
  name: 'audit',
  routes: [
    { path: '/audit', screen: lazyScreen(() => import('../pages/AuditPage'), 'AuditPage') },
    { path: '/audit/events/:id', screen: lazyScreen(() => import('../pages/AuditEventPage'), 'AuditEventPage') },
    { path: '/audit/alerts', screen: lazyScreen(() => import('../pages/AuditAlertsPage'), 'AuditAlertsPage') },
    { path: '/audit/alerts/:id', screen: lazyScreen(() => import('../pages/AuditAlertsPage'), 'AuditAlertPage') },
    { path: '/patients/:id/access', screen: lazyScreen(() => import('../pages/AuditPatientAccessPage'), 'AuditPatientAccessPage') },
  ],
  nav: [
    { path: '/audit', label: 'Audit trail', key: 'i', order: 114, useVisible: readsAudit },
    { path: '/audit/alerts', label: 'Audit alerts', key: 'l', order: 116, useVisible: readsAudit },
  ],
  notices: [AuditAlertsNotice],
};
