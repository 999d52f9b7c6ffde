/** The compliance module's public face: other modules import from here, never from its files (eslint.config.js). */
export { addStandardCourses } from './courses.ts';
export { assertNamedVendorMayCarryPhi, assertVendorMayCarryPhi, baaRequired, clientsWithoutActiveBaa, complianceRules, lackingCourses, trainingRequired, trainingStanding, trainingStandingOfAll } from './phi-rules.ts';
export { vendorSummaries } from './vendors.service.ts';
export { raiseCoverageGapReminders, raiseIncidentNoticeReminders, retireIncidentNoticeReminders } from './reminders.service.ts';
export type { CoverageGapReminder, IncidentNoticeReminder } from './reminders.service.ts';
export { clientNoticeTerms, vendorClientIds } from './notice-terms.ts';
export type { ClientNoticeTerms } from './notice-terms.ts';
export { NOTICE_TRIGGERS, NOTICE_UNITS } from './compliance.tables.ts';
export type { NoticeTrigger, NoticeUnit } from './compliance.tables.ts';
