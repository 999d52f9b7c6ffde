/**
 * What Ringfence sends: fixed texts whose only variable parts are typed parameters of a few
 * kinds (ids, counts, dates, keys, fixed words). None of them can hold a name or free text,
 * so no patient detail can reach a message, whatever a caller passes: a value that is not of
 * its kind is refused before anything is queued.
 */
import { isCalendarDay } from '../../platform/calendar.ts';
import { invalidField } from '../../platform/http/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** The kinds a template parameter can be: none is free text. */
export type ParamSpec = { kind: 'id' } | { kind: 'date' } | { kind: 'count'; max: number } | { kind: 'key' } | { kind: 'choice'; values: readonly string[] };

type ValueOf<S extends ParamSpec> = S extends { kind: 'count' } ? number : S extends { kind: 'choice'; values: readonly (infer V)[] } ? V : string;
type ParamsOf<P extends Record<string, ParamSpec>> = { [K in keyof P]: ValueOf<P[K]> };

interface Template<P extends Record<string, ParamSpec>> {
  params: P;
  render(p: ParamsOf<P>): { subject: string; text: string };
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
      text: `This is a test of the e-mail channel ${p.channelId}. It reached you, so the channel works.` + FOOTER,
    }),
  }),
} as const;

export type TemplateKey = keyof typeof TEMPLATES;
export type TemplateParams<K extends TemplateKey> = ParamsOf<(typeof TEMPLATES)[K]['params']>;

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
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value);
  }
}

/**
 * Checks a template's parameters at run time too (a stored row, a caller outside TypeScript):
 * exactly the declared ones, each of its kind. Refused with the parameter's name, never its value.
 */
export function checkParams(key: string, params: Record<string, unknown>): void {
  if (!isTemplateKey(key)) throw invalidField('template', 'is not a known template');
  const specs = TEMPLATES[key].params as Record<string, ParamSpec>;
  for (const name of Object.keys(params)) if (!Object.hasOwn(specs, name)) throw invalidField(`params.${name}`, 'is not a parameter of this template');
  for (const [name, spec] of Object.entries(specs)) if (!valid(spec, params[name])) throw invalidField(`params.${name}`, `must be ${spec.kind === 'choice' ? `one of ${spec.values.join(', ')}` : `a ${spec.kind}`}`);
}

/** The subject and text of a message, from checked parameters. */
export function renderTemplate(key: string, params: Record<string, unknown>): { subject: string; text: string } {
  checkParams(key, params);
  return (TEMPLATES[key as TemplateKey] as Template<Record<string, ParamSpec>>).render(params as never);
}
