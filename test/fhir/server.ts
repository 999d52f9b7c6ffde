/**
 * A FHIR R4 server for tests, built on @asymmetrik/node-fhir-server-core with an in-memory
 * Patient service loaded from patients.json (synthetic data only).
 *
 *   node --import tsx test/fhir/server.ts
 *
 * Environment:
 *   FHIR_PORT              port on 127.0.0.1 (default 0: a free port is chosen)
 *   FHIR_BEARER_TOKEN      when set, every request must carry `Authorization: Bearer <token>`
 *   FHIR_PATIENTS          path of the Patient Bundle or array (default: patients.json beside this file)
 *   FHIR_EXIT_WITH_PARENT  "1": exit when stdin closes (set by start.ts so a dead test run leaves no server)
 *
 * When ready it prints exactly one line on stdout, `FHIR_LISTENING <baseUrl>`; logs go to stderr.
 * SIGTERM and SIGINT close the server and exit 0.
 *
 * Supported: GET [base]/metadata, GET [base]/Patient/:id, GET [base]/Patient?... and
 * POST [base]/Patient/_search with _id, identifier (and identifier:of-type), phone, telecom,
 * name, family, given (each with :exact and :contains) and birthdate (eq ne gt lt ge le).
 * Parameters are ANDed; comma-separated values within one parameter are ORed. Any other
 * search parameter the library accepts is answered with 400 rather than silently ignored.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

/** The R4 release this server exposes; the base URL is `/<FHIR_VERSION>`. */
const FHIR_VERSION = '4_0_0';
const HOST = '127.0.0.1';

// ---------------------------------------------------------------------------------------------
// FHIR shapes (only what the search code reads)
// ---------------------------------------------------------------------------------------------

interface Coding {
  system?: string;
  code?: string;
}

interface Identifier {
  system?: string;
  value?: string;
  type?: { coding?: Coding[] };
}

interface HumanName {
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}

interface ContactPoint {
  system?: string;
  value?: string;
}

interface Patient {
  resourceType: 'Patient';
  id: string;
  identifier?: Identifier[];
  name?: HumanName[];
  telecom?: ContactPoint[];
  birthDate?: string;
  [element: string]: unknown;
}

interface OperationOutcomeIssue {
  severity: 'error';
  code: string;
  diagnostics: string;
}

// ---------------------------------------------------------------------------------------------
// The parts of @asymmetrik/node-fhir-server-core this file uses (the package ships no types)
// ---------------------------------------------------------------------------------------------

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The express request the library hands to services as `context.req`. */
interface LibraryRequest {
  headers: IncomingHttpHeaders;
  originalUrl: string;
  params: Record<string, string | undefined>;
}

interface ServiceContext {
  req: LibraryRequest;
}

/** Arguments after the library's sanitizer: `base_version`, `id`, and search parameters keyed as sent (`name:exact`). */
type SearchArgs = Record<string, unknown>;

interface PatientServiceModule {
  search(args: SearchArgs, context: ServiceContext): Promise<unknown>;
  searchById(args: SearchArgs, context: ServiceContext): Promise<unknown>;
  makeResource(version: unknown, logger: unknown): unknown;
}

interface CoreServer {
  /** The express application before listen(); the node http server after it. */
  app: { use(middleware: Middleware): unknown } | HttpServer;
  configureMiddleware(): CoreServer;
  configureSession(): CoreServer;
  configureHelmet(): CoreServer;
  configurePassport(): CoreServer;
  setPublicDirectory(): CoreServer;
  setProfileRoutes(): CoreServer;
  setErrorRoutes(): CoreServer;
  listen(port: number, host: string, callback: () => void): void;
}

interface WinstonLogger {
  clear(): void;
  add(transport: unknown): void;
}

interface FhirServerCore {
  Server: new (config: object) => CoreServer;
  ServerError: new (message: string, options: { statusCode: number; issue: OperationOutcomeIssue[] }) => Error;
  resolveSchema(version: string, name: string): new (json: unknown) => { toJSON(): unknown };
  loggers: {
    container: { get(name: string): WinstonLogger };
    transports: { Console: new (options: { level: string; stderrLevels: string[] }) => unknown };
  };
}

const fhirCore = createRequire(import.meta.url)('@asymmetrik/node-fhir-server-core') as FhirServerCore;

// ---------------------------------------------------------------------------------------------
// Loading the synthetic patients
// ---------------------------------------------------------------------------------------------

/**
 * Reads Patient resources from a FHIR Bundle (entry[].resource) or a plain JSON array, and checks
 * each one against the library's R4 Patient model: a resource that does not survive a round trip
 * through it unchanged has a misspelt or misplaced element.
 */
function loadPatients(file: string): Map<string, Patient> {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const resources: unknown[] = Array.isArray(json)
    ? json
    : ((json as { entry?: { resource?: unknown }[] }).entry ?? []).map((entry) => entry.resource);
  const PatientModel = fhirCore.resolveSchema(FHIR_VERSION, 'patient');
  const patients = new Map<string, Patient>();
  for (const resource of resources) {
    const patient = resource as Patient;
    if (patient?.resourceType !== 'Patient' || typeof patient.id !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(patient.id)) {
      throw new Error(`${file}: every entry must be a Patient with a valid id (got ${JSON.stringify(resource)?.slice(0, 80)})`);
    }
    if (patients.has(patient.id)) throw new Error(`${file}: duplicate Patient id ${patient.id}`);
    const roundTrip: unknown = JSON.parse(JSON.stringify(new PatientModel(patient)));
    if (!isDeepStrictEqual(roundTrip, patient)) throw new Error(`${file}: Patient/${patient.id} does not match the FHIR R4 Patient model`);
    patients.set(patient.id, patient);
  }
  return patients;
}

// ---------------------------------------------------------------------------------------------
// Search parameter values
// ---------------------------------------------------------------------------------------------

/** A 400 (or other) answer the library turns into an OperationOutcome. */
function fhirError(statusCode: number, code: string, diagnostics: string): Error {
  return new fhirCore.ServerError(diagnostics, { statusCode, issue: [{ severity: 'error', code, diagnostics }] });
}

/** Splits on separators not escaped with a backslash, keeping the escapes for the parts' own parsers. */
function splitUnescaped(value: string, separator: ',' | '|'): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** A token search value: `code`, `system|code`, `|code` (no system) or `system|` (any code). */
interface Token {
  /** undefined: any system; '': no system; otherwise that system. */
  system: string | undefined;
  /** undefined: any code. */
  code: string | undefined;
}

/** Parses one (already comma-split, still escaped) token value. */
function parseToken(raw: string): Token {
  const [first = '', ...rest] = splitUnescaped(raw, '|');
  if (rest.length === 0) return { system: undefined, code: unescapeValue(first) };
  const code = unescapeValue(rest.join('|'));
  return { system: unescapeValue(first), code: code === '' ? undefined : code };
}

/** Removes FHIR search escapes. */
function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Whether a coded value (system + code) satisfies a token; code comparison is case-sensitive. */
function tokenMatches(token: Token, system: string | undefined, code: string | undefined): boolean {
  if (token.system !== undefined && token.system !== (system ?? '')) return false;
  return token.code === undefined || token.code === code;
}

/** Case- and accent-insensitive form of a string ("García-López" → "garcia-lopez"). */
function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** FHIR string matching: starts-with by default, :contains, or :exact (case- and accent-sensitive). */
function stringMatches(candidate: string, search: string, modifier: string | undefined): boolean {
  if (modifier === 'exact') return candidate === search;
  if (modifier === 'contains') return fold(candidate).includes(fold(search));
  return fold(candidate).startsWith(fold(search));
}

/** Digits of a North American phone number without the leading country code 1, or '' if it has no digits. */
function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Contact point systems whose values are phone numbers and so compare by digits as well. */
const PHONE_LIKE_SYSTEMS = new Set(['phone', 'fax', 'sms', 'pager']);

/**
 * Whether a contact point satisfies a token: the token's system, if any, must equal
 * ContactPoint.system; the value must equal the stored value exactly or, for phone numbers,
 * have the same digits (ignoring a leading country code 1), since practices store phones in
 * mixed formats ("+15550100145", "(555) 010-0145", "555.010.0145").
 */
function contactPointMatches(token: Token, point: ContactPoint): boolean {
  if (token.system !== undefined && token.system !== '' && token.system !== point.system) return false;
  if (token.code === undefined) return true;
  if (point.value === undefined) return false;
  if (point.value === token.code) return true;
  if (!PHONE_LIKE_SYSTEMS.has(point.system ?? '')) return false;
  const wanted = phoneDigits(token.code);
  return wanted !== '' && wanted === phoneDigits(point.value);
}

/** Date search prefixes this server implements. */
const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] as const;
type DatePrefix = (typeof DATE_PREFIXES)[number];

/** A day-precision range as ISO strings, which compare correctly as text. */
interface DateRange {
  start: string;
  end: string;
}

/** The range of days that a FHIR date of YYYY, YYYY-MM or YYYY-MM-DD precision covers, or null if malformed. */
function dateRange(value: string): DateRange | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  if (day !== undefined) {
    const parsed = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : { start: value, end: value };
  }
  if (month !== undefined) {
    const monthNumber = Number(month);
    if (monthNumber < 1 || monthNumber > 12) return null;
    const lastDay = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
    return { start: `${value}-01`, end: `${value}-${String(lastDay).padStart(2, '0')}` };
  }
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Parses `[prefix]YYYY[-MM[-DD]]` into a prefix and range; 400 for anything else. */
function parseDateSearch(raw: string, parameter: string): { prefix: DatePrefix; range: DateRange } {
  const prefixed = /^([a-z]{2})(.*)$/.exec(raw);
  const prefix = (prefixed?.[1] ?? 'eq') as DatePrefix;
  const date = prefixed ? (prefixed[2] ?? '') : raw;
  if (!DATE_PREFIXES.includes(prefix)) throw fhirError(400, 'not-supported', `${parameter}: prefix '${prefix}' is not supported`);
  const range = dateRange(date);
  if (!range) throw fhirError(400, 'invalid', `${parameter}: '${raw}' is not a date of the form [prefix]YYYY[-MM[-DD]]`);
  return { prefix, range };
}

/** FHIR date comparison between a search range and the range a stored date covers. */
function dateMatches(prefix: DatePrefix, search: DateRange, target: DateRange): boolean {
  const equal = search.start <= target.start && target.end <= search.end;
  switch (prefix) {
    case 'eq':
      return equal;
    case 'ne':
      return !equal;
    case 'gt':
      return target.end > search.end;
    case 'lt':
      return target.start < search.start;
    case 'ge':
      return target.end > search.end || equal;
    case 'le':
      return target.start < search.start || equal;
  }
}

// ---------------------------------------------------------------------------------------------
// Search parameters
// ---------------------------------------------------------------------------------------------

type PatientPredicate = (patient: Patient) => boolean;

/** Builds the predicate for one parameter's value (already split on commas) and modifier. */
type ParameterHandler = (value: string, modifier: string | undefined, parameter: string) => PatientPredicate;

/** Strings of a HumanName that `name` searches, per the Patient-name search parameter. */
function nameStrings(name: HumanName): string[] {
  return [name.text, name.family, ...(name.given ?? []), ...(name.prefix ?? []), ...(name.suffix ?? [])].filter(
    (part): part is string => typeof part === 'string',
  );
}

/** A handler for a string parameter over the strings `select` picks from each HumanName. */
function nameHandler(select: (name: HumanName) => (string | undefined)[]): ParameterHandler {
  return (value, modifier, parameter) => {
    requireModifier(parameter, modifier, [undefined, 'exact', 'contains']);
    const search = unescapeValue(value);
    return (patient) =>
      (patient.name ?? []).some((name) =>
        select(name).some((part) => part !== undefined && stringMatches(part, search, modifier)),
      );
  };
}

/** A handler for a token parameter over the contact points `filter` keeps. */
function telecomHandler(filter: (point: ContactPoint) => boolean): ParameterHandler {
  return (value, modifier, parameter) => {
    requireModifier(parameter, modifier, [undefined]);
    const token = parseToken(value);
    return (patient) => (patient.telecom ?? []).some((point) => filter(point) && contactPointMatches(token, point));
  };
}

/** 400 unless the modifier is one this server implements for the parameter. */
function requireModifier(parameter: string, modifier: string | undefined, allowed: (string | undefined)[]): void {
  if (!allowed.includes(modifier)) throw fhirError(400, 'not-supported', `${parameter}: modifier ':${modifier}' is not supported`);
}

const PARAMETERS: Record<string, ParameterHandler> = {
  _id: (value, modifier, parameter) => {
    requireModifier(parameter, modifier, [undefined]);
    const id = unescapeValue(value);
    return (patient) => patient.id === id;
  },
  identifier: (value, modifier, parameter) => {
    requireModifier(parameter, modifier, [undefined, 'of-type']);
    if (modifier === 'of-type') {
      const parts = splitUnescaped(value, '|');
      if (parts.length !== 3 || parts.some((part) => part === '')) {
        throw fhirError(400, 'invalid', `${parameter}: expected [type system]|[type code]|[identifier value]`);
      }
      const [typeSystem, typeCode, identifierValue] = parts.map(unescapeValue);
      return (patient) =>
        (patient.identifier ?? []).some(
          (identifier) =>
            identifier.value === identifierValue &&
            (identifier.type?.coding ?? []).some((coding) => coding.system === typeSystem && coding.code === typeCode),
        );
    }
    const token = parseToken(value);
    return (patient) => (patient.identifier ?? []).some((identifier) => tokenMatches(token, identifier.system, identifier.value));
  },
  phone: telecomHandler((point) => point.system === 'phone'),
  telecom: telecomHandler(() => true),
  name: nameHandler(nameStrings),
  family: nameHandler((name) => [name.family]),
  given: nameHandler((name) => name.given ?? []),
  birthdate: (value, modifier, parameter) => {
    requireModifier(parameter, modifier, [undefined]);
    const { prefix, range } = parseDateSearch(value, parameter);
    return (patient) => {
      const target = patient.birthDate === undefined ? null : dateRange(patient.birthDate);
      return target !== null && dateMatches(prefix, range, target);
    };
  },
};

/** Arguments the library adds that are not search parameters. */
const NON_SEARCH_ARGS = new Set(['base_version']);

/**
 * Turns the sanitized arguments into one predicate: every parameter must match (AND), and
 * within a parameter any comma-separated value may match (OR). (The library's sanitizer
 * answers a repeated parameter, such as `given=a&given=b`, with 400 before it gets here.)
 */
function buildPredicate(args: SearchArgs): PatientPredicate {
  const predicates: PatientPredicate[] = [];
  for (const [key, raw] of Object.entries(args)) {
    if (NON_SEARCH_ARGS.has(key) || raw === undefined) continue;
    const [parameter = '', modifier] = key.split(':', 2);
    const handler = Object.hasOwn(PARAMETERS, parameter) ? PARAMETERS[parameter] : undefined;
    if (!handler) throw fhirError(400, 'not-supported', `Search parameter '${parameter}' is not supported by this test server`);
    if (typeof raw !== 'string' || raw === '') throw fhirError(400, 'invalid', `${key}: expected a single non-empty value`);
    const alternatives = splitUnescaped(raw, ',').map((alternative) => handler(alternative, modifier, key));
    predicates.push((patient) => alternatives.some((matches) => matches(patient)));
  }
  return (patient) => predicates.every((matches) => matches(patient));
}

// ---------------------------------------------------------------------------------------------
// The Patient service the library routes to
// ---------------------------------------------------------------------------------------------

/** `http://host:port/4_0_0`, as the client addressed this server. */
function baseUrlOf(req: LibraryRequest): string {
  return `http://${req.headers.host ?? HOST}/${req.params.base_version ?? FHIR_VERSION}`;
}

/** Search parameters advertised in the capability statement (those PARAMETERS implements). */
const ADVERTISED_PARAMETERS = [
  ['_id', 'token', 'Resource-id', 'Logical id of the Patient'],
  ['identifier', 'token', 'Patient-identifier', 'system|value, |value or value; :of-type'],
  ['phone', 'token', 'individual-phone', 'Phone contact; also matches on digits, ignoring a leading country code 1'],
  ['telecom', 'token', 'individual-telecom', 'Any contact point; phone numbers also match on digits'],
  ['name', 'string', 'Patient-name', 'Starts with, ignoring case and accents, any part of a name; :exact, :contains'],
  ['family', 'string', 'individual-family', 'Family name; :exact, :contains'],
  ['given', 'string', 'individual-given', 'Given name; :exact, :contains'],
  ['birthdate', 'date', 'individual-birthdate', 'Date of birth; prefixes eq ne gt lt ge le'],
].map(([name, type, id, documentation]) => ({ name, type, definition: `http://hl7.org/fhir/SearchParameter/${id}`, documentation }));

/** The in-memory Patient service: searches and reads over the loaded resources. */
function patientService(patients: Map<string, Patient>): PatientServiceModule {
  return {
    async search(args, { req }) {
      const matches = buildPredicate(args);
      const base = baseUrlOf(req);
      const found = [...patients.values()].filter(matches);
      return {
        resourceType: 'Bundle',
        type: 'searchset',
        meta: { lastUpdated: new Date().toISOString() },
        total: found.length,
        link: [{ relation: 'self', url: `http://${req.headers.host ?? HOST}${req.originalUrl}` }],
        entry: found.map((resource) => ({ fullUrl: `${base}/Patient/${resource.id}`, resource, search: { mode: 'match' } })),
      };
    },
    async searchById(args) {
      const id = typeof args.id === 'string' ? args.id : '';
      const patient = patients.get(id);
      if (!patient) throw fhirError(404, 'not-found', `Patient/${id} is not known`);
      return patient;
    },
    makeResource() {
      return {
        type: 'Patient',
        profile: { reference: 'http://hl7.org/fhir/StructureDefinition/Patient' },
        conditionalDelete: 'not-supported',
        searchParam: ADVERTISED_PARAMETERS,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Authentication
// ---------------------------------------------------------------------------------------------

/** Express middleware answering 401 (with an OperationOutcome) unless the request bears `token`. */
function bearerAuth(token: string): Middleware {
  const expected = Buffer.from(`Bearer ${token}`);
  return (req, res, next) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Bearer realm="fhir"');
    res.setHeader('Content-Type', 'application/fhir+json');
    res.end(
      JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'login', diagnostics: 'A valid bearer token is required' }],
      }),
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------

/** Asks the OS for a free loopback port (the library refuses port 0 itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Routes the library's winston logger to stderr, errors only. */
function quietLogs(): void {
  const logger = fhirCore.loggers.container.get('default');
  logger.clear();
  logger.add(
    new fhirCore.loggers.transports.Console({
      level: 'error',
      stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
    }),
  );
}

/** Builds the library's server with the Patient profile and, when a token is given, bearer auth in front of everything. */
function buildServer(patients: Map<string, Patient>, bearerToken: string | undefined): CoreServer {
  const server = new fhirCore.Server({
    profiles: { Patient: { service: patientService(patients), versions: [FHIR_VERSION] } },
    server: {},
    logging: { level: 'error' },
  });
  quietLogs();
  if (bearerToken) (server.app as { use(middleware: Middleware): unknown }).use(bearerAuth(bearerToken));
  // The same chain as the library's initialize(), with our middleware first.
  return server
    .configureMiddleware()
    .configureSession()
    .configureHelmet()
    .configurePassport()
    .setPublicDirectory()
    .setProfileRoutes()
    .setErrorRoutes();
}

/** Resolves once `http` is listening on 127.0.0.1:port, rejects on a listen error. */
function whenListening(http: HttpServer): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    http.once('error', onError);
    http.once('listening', () => {
      http.off('error', onError);
      resolve(http);
    });
  });
}

/**
 * Listens through the library on the requested port or, for 0, on a port chosen just before.
 * Should another process take the chosen port in between, binds the same http server to another.
 */
async function listenOnPort(server: CoreServer, requested: number): Promise<HttpServer> {
  server.listen(requested || (await freePort()), HOST, () => {});
  const http = server.app as HttpServer;
  for (let attempt = 1; ; attempt++) {
    try {
      return await whenListening(http);
    } catch (error) {
      if (requested !== 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
      http.listen(await freePort(), HOST);
    }
  }
}

/** Parses FHIR_PORT (default 0). */
function requestedPort(): number {
  const raw = process.env.FHIR_PORT ?? '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`FHIR_PORT must be a port number, got '${raw}'`);
  return port;
}

/** Closes the server (dropping keep-alive connections) and exits. */
function shutdownOn(http: HttpServer): void {
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    http.close(() => process.exit(0));
    http.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  if (process.env.FHIR_EXIT_WITH_PARENT === '1') {
    process.stdin.once('close', shutdown);
    process.stdin.once('end', shutdown);
    process.stdin.resume();
  }
}

/** Loads the patients, starts listening and announces the base URL. */
async function main(): Promise<void> {
  const patientsFile = process.env.FHIR_PATIENTS ?? fileURLToPath(new URL('./patients.json', import.meta.url));
  const server = buildServer(loadPatients(patientsFile), process.env.FHIR_BEARER_TOKEN || undefined);
  const http = await listenOnPort(server, requestedPort());
  shutdownOn(http);
  const { port } = http.address() as net.AddressInfo;
  process.stdout.write(`FHIR_LISTENING http://${HOST}:${port}/${FHIR_VERSION}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
