import { IncidentsNotice } from '../pages/IncidentNotices';
import { lazyScreen, type WebModule } from './module';

/**
 * Incidents: anyone reports one (from a task flagged after a wrong number, or by hand);
 * compliance works them, from the affected scope and the risk assessment to each client's
 * notice and the breach log.
 */
export const incidentsModule: WebModule = {
  name: 'incidents',
  routes: [
    { path: '/incidents', screen: lazyScreen(() => import('../pages/IncidentsPage'), 'IncidentsPage') },
    { path: '/incidents/report', screen: lazyScreen(() => import('../pages/IncidentsPage'), 'ReportIncidentPage') },
    { path: '/incidents/:id', screen: lazyScreen(() => import('../pages/IncidentPage'), 'IncidentPage') },
  ],
  nav: [
    { path: '/incidents', label: 'Incidents', key: 'x', order: 112, useVisible: ({ can }) => can('read', 'ComplianceRecord') },
    { path: '/incidents/report', label: 'Report an incident', key: 'y', order: 140, useVisible: ({ can }) => !can('read', 'ComplianceRecord') },
  ],
  notices: [IncidentsNotice],
};
