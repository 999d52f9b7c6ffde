/** The compliance module's public face: other modules import from here, never from its files (eslint.config.js). */
export { addStandardCourses } from './courses.ts';
export { assertVendorMayCarryPhi, baaRequired, clientsWithoutActiveBaa, complianceRules, lackingCourses, trainingRequired, trainingStanding, trainingStandingOfAll } from './phi-rules.ts';
export { vendorSummaries } from './vendors.service.ts';
export { raiseCoverageGapReminders } from './reminders.service.ts';
export type { CoverageGapReminder } from './reminders.service.ts';
