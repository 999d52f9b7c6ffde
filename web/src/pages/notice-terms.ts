import type { BaaView } from '../api/types';

type Unit = BaaView['breachNoticeUnit'];
type Trigger = BaaView['breachNoticeTrigger'];

const UNIT_WORDS: Record<Unit, string> = { calendar_days: 'calendar days', business_days: 'business days', hours: 'hours' };
const TRIGGER_WORDS: Record<Trigger, string> = {
  breach: 'confirmed breaches only',
  impermissible_use: 'any impermissible use or disclosure',
  security_incident: 'any security incident',
};

/** A BAA's incident-notice window in words: "30 calendar days", "10 business days", "24 hours". */
export function noticeWindowText(window: number, unit: Unit): string {
  return `${window} ${UNIT_WORDS[unit]}`;
}

/** The window and what triggers it: "10 business days, for any impermissible use or disclosure". */
export function noticeTermsText(window: number, unit: Unit, trigger: Trigger): string {
  return `${noticeWindowText(window, unit)}, for ${TRIGGER_WORDS[trigger]}`;
}
