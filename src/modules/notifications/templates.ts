/**
 * What Ringfence sends: fixed texts whose only variable parts are typed parameters of a few
 * kinds (ids, counts, dates, keys, fixed words, a practice's name, a six-digit code, a link to
 * Ringfence). None of them can hold free text, so no patient detail can reach a message,
 * whatever a caller passes: a value that is not of its kind is refused before anything is
 * queued. The one name kind is for a client practice's name (an organization, never a person):
 * letters, digits and a little punctuation, and no more than four digits, so a phone number or
 * an e-mail address cannot pass as one.
 */
import { isCalendarDay } from '../../platform/calendar.ts';
import { invalidField } from '../../platform/http/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
/** A proper name: letters (accented too), digits, spaces and . , & ' ( ) - only. */
const NAME = /^[\p{L}\p{M}0-9 .,&'()-]{1,80}$/u;
const CODE = /^[0-9]{6}$/;
/** A short reference people read out on the phone, such as U-7F3K2Q. */
const REFERENCE = /^[A-Z]{1,3}-[A-Z0-9]{4,12}$/;
/** An absolute http(s) link with a plain path: no credentials, query or fragment can fit. */
const LINK = /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?(?:\/[A-Za-z0-9/_-]*)?$/;

/** The kinds a template parameter can be: none is free text. */
export type ParamSpec =
  | { kind: 'id' }
  | { kind: 'date' }
  | { kind: 'count'; max: number }
  | { kind: 'key' }
  | { kind: 'choice'; values: readonly string[] }
  /** A practice's or organization's name, never a person's. */
  | { kind: 'name' }
  /** A six-digit verification code. */
  | { kind: 'code' }
  /** A short reference such as U-7F3K2Q (an urgent message's). */
  | { kind: 'reference' }
  /** A link into Ringfence (path only: no query, no fragment). */
  | { kind: 'link' };

type ValueOf<S extends ParamSpec> = S extends { kind: 'count' } ? number : S extends { kind: 'choice'; values: readonly (infer V)[] } ? V : string;
type ParamsOf<P extends Record<string, ParamSpec>> = { [K in keyof P]: ValueOf<P[K]> };

interface Template<P extends Record<string, ParamSpec>> {
  params: P;
  render(p: ParamsOf<P>): { subject: string; text: string };
  /** The one-line form an SMS carries; without it, the subject and any link. */
  sms?(p: ParamsOf<P>): string;
}

/** A rendered message: the e-mail's subject and text, and the SMS's one line. */
export interface RenderedMessage {
  subject: string;
  text: string;
  sms: string;
}

const template = <const P extends Record<string, ParamSpec>>(t: Template<P>): Template<P> => t;

const days = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);
const FOOTER = '\n\nThis message was sent by Ringfence. It carries no patient information; sign in to Ringfence for the details.';

export const TEMPLATES = {
  'baa.ending': template({
    params: { baaId: { kind: 'id' }, party: { kind: 'choice', values: ['client', 'vendor'] as const }, endsOn: { kind: 'date' }, daysLeft: { kind: 'count', max: 366 } },
    render: (p) => ({
      subject: `A business associate agreement ends ${days(p.daysLeft)}`,
      text:
        `A business associate agreement with a ${p.party} ends ${days(p.daysLeft)} (${p.endsOn}).\n` +
        `Renew it, or ${p.party === 'client' ? "the client's PHI closes" : "the vendor's integrations stop"} when it ends.\n` +
        `Open Compliance, then Reminders, in Ringfence. Agreement reference: ${p.baaId}.` +
        FOOTER,
    }),
  }),
  'incident.notice_due': template({
    params: { reference: { kind: 'reference' }, client: { kind: 'name' }, dueOn: { kind: 'date' }, step: { kind: 'choice', values: ['half', 'most', 'last_day'] as const } },
    render: (p) => ({
      subject: `Incident ${p.reference}: the notice to ${p.client} is due ${p.dueOn}`,
      text:
        `The notice of incident ${p.reference} to ${p.client} is due by the end of ${p.dueOn} (the client's day), ` +
        `${p.step === 'half' ? 'and half of the time allowed has gone' : p.step === 'most' ? 'and 80% of the time allowed has gone' : 'which is less than a day away'}.\n` +
        `Open Incidents in Ringfence to finish the assessment and send the notice.` +
        FOOTER,
    }),
  }),
  'training.expiring': template({
    params: { courseKey: { kind: 'key' }, expiresOn: { kind: 'date' }, daysLeft: { kind: 'count', max: 366 } },
    render: (p) => ({
      subject: `Your training expires ${days(p.daysLeft)}`,
      text: `Your training course "${p.courseKey}" expires ${days(p.daysLeft)} (${p.expiresOn}).\nComplete it again to keep access to patient information.` + FOOTER,
    }),
  }),
  'channel.test': template({
    params: { channelId: { kind: 'id' } },
    render: (p) => ({
      subject: 'Ringfence test message',
      text: `This is a test of the notification channel ${p.channelId}. It reached you, so the channel works.` + FOOTER,
    }),
    sms: () => 'Ringfence test message: it reached you, so the channel works.',
  }),
  /** An on-call page: which practice, which message (a reference, never its content), and where to read it. */
  'urgent.page': template({
    params: { clientName: { kind: 'name' }, reference: { kind: 'reference' }, link: { kind: 'link' }, step: { kind: 'count', max: 50 } },
    render: (p) => ({
      subject: `Urgent message for ${p.clientName}`,
      text: `Urgent message for ${p.clientName} (reference ${p.reference}). Sign in to read and acknowledge it: ${p.link}` + FOOTER,
    }),
    sms: (p) => `Ringfence: urgent message for ${p.clientName} (ref ${p.reference}). Sign in to read it: ${p.link}`,
  }),
  /** Proves a contact point (a number, an address) reaches the person who gave it. */
  'contact.verify': template({
    params: { code: { kind: 'code' } },
    render: (p) => ({
      subject: 'Your Ringfence verification code',
      text: `Your Ringfence verification code is ${p.code}\n\nEnter it in Ringfence to confirm this contact point reaches you. If you did not ask for it, ignore this message.` + FOOTER,
    }),
    sms: (p) => `Your Ringfence verification code is ${p.code}`,
  }),
} as const;

export type TemplateKey = keyof typeof TEMPLATES;
export type TemplateParams<K extends TemplateKey> = ParamsOf<(typeof TEMPLATES)[K]['params']>;

/** Whether a value fits a parameter kind, for a caller choosing what to pass (a client name that does not fit is replaced, never sent). */
export function fitsParam(kind: 'name' | 'reference', value: string): boolean {
  return valid({ kind }, value);
}

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(TEMPLATES, key);
}

function valid(spec: ParamSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'id':
      return typeof value === 'string' && UUID.test(value);
    case 'date':
      return typeof value === 'string' && isCalendarDay(value);
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= spec.max;
    case 'key':
      return typeof value === 'string' && KEY.test(value);
    case 'reference':
      return typeof value === 'string' && REFERENCE.test(value);
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value);
    case 'name':
      // A letter is required, and at most four digits: "(312) 555-0187" fits the characters but is a number.
      return typeof value === 'string' && NAME.test(value) && /\p{L}/u.test(value) && value.trim() === value && (value.match(/[0-9]/g)?.length ?? 0) <= 4;
    case 'code':
      return typeof value === 'string' && CODE.test(value);
    case 'link':
      return typeof value === 'string' && value.length <= 300 && LINK.test(value) && URL.canParse(value);
  }
}

const KIND_WORDS: Record<ParamSpec['kind'], string> = {
  id: 'an id',
  date: 'a date (YYYY-MM-DD)',
  count: 'a count',
  key: 'a key',
  reference: 'a reference such as U-7F3K2Q',
  choice: 'one of the accepted values',
  name: "a name of letters, digits, spaces and . , & ' ( ) - only",
  code: 'a six-digit code',
  link: 'an http or https link without a query or fragment',
};

/**
 * Checks a template's parameters at run time too (a stored row, a caller outside TypeScript):
 * exactly the declared ones, each of its kind. Refused with the parameter's name, never its value.
 */
export function checkParams(key: string, params: Record<string, unknown>): void {
  if (!isTemplateKey(key)) throw invalidField('template', 'is not a known template');
  const specs = TEMPLATES[key].params as Record<string, ParamSpec>;
  for (const name of Object.keys(params)) if (!Object.hasOwn(specs, name)) throw invalidField(`params.${name}`, 'is not a parameter of this template');
  for (const [name, spec] of Object.entries(specs)) if (!valid(spec, params[name])) throw invalidField(`params.${name}`, `must be ${spec.kind === 'choice' ? `one of ${spec.values.join(', ')}` : KIND_WORDS[spec.kind]}`);
}

/** The subject, text and SMS line of a message, from checked parameters. */
export function renderTemplate(key: string, params: Record<string, unknown>): RenderedMessage {
  checkParams(key, params);
  const tpl = TEMPLATES[key as TemplateKey] as Template<Record<string, ParamSpec>>;
  const { subject, text } = tpl.render(params as never);
  const links = Object.entries(tpl.params).filter(([, spec]) => spec.kind === 'link').map(([name]) => String(params[name]));
  return { subject, text, sms: tpl.sms ? tpl.sms(params as never) : [subject, ...links].join(' ') };
}
