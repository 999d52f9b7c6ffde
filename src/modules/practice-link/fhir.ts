import { Client } from 'fhir-kit-client';
import { AppError } from '../../platform/http/errors.ts';
import type { PatientFields, PatientPhone } from '../patients/index.ts';

/** How Ringfence authenticates to a practice system. */
export type PracticeCredentials = { type: 'none' } | { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

/** Search criteria for the practice system's Patient endpoint (FHIR R4 search parameters). */
export interface PracticeSearch {
  identifier?: { system?: string; value: string };
  phone?: string;
  family?: string;
  given?: string;
  birthDate?: string;
}

/** A practice record mapped to the fields of the Ringfence patient directory. */
export interface PracticePatient {
  fhirId: string;
  fields: Partial<PatientFields>;
}

const TIMEOUT_MS = 10_000;
const MAX_RESULTS = 20;
const MRN_TYPE = 'MR';

interface FhirIdentifier {
  system?: string;
  value?: string;
  type?: { coding?: { code?: string }[] };
}
interface FhirPatient {
  resourceType: 'Patient';
  id?: string;
  identifier?: FhirIdentifier[];
  name?: { use?: string; family?: string; given?: string[]; text?: string }[];
  telecom?: { system?: string; value?: string; use?: string }[];
  birthDate?: string;
  address?: { line?: string[]; city?: string; state?: string; postalCode?: string }[];
}
interface FhirBundle {
  resourceType: 'Bundle';
  entry?: { resource?: FhirPatient }[];
}

/**
 * A FHIR R4 client for one practice system (fhir-kit-client), with Ringfence's timeouts and
 * errors: a failure there is a 502 naming the practice system, never a value from it.
 */
export class PracticeSystem {
  readonly #client: Client;

  constructor(baseUrl: string, credentials: PracticeCredentials) {
    const customHeaders: Record<string, string> = { accept: 'application/fhir+json' };
    if (credentials.type === 'basic') customHeaders.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    this.#client = new Client({ baseUrl, customHeaders, ...(credentials.type === 'bearer' ? { bearerToken: credentials.token } : {}) });
  }

  /** The server's capability statement: proves the link works. */
  async capabilities(): Promise<{ fhirVersion: string | null; software: string | null }> {
    const statement = (await this.#call(() => this.#client.capabilityStatement({ signal: AbortSignal.timeout(TIMEOUT_MS) }))) as {
      fhirVersion?: string;
      software?: { name?: string };
    };
    return { fhirVersion: statement.fhirVersion ?? null, software: statement.software?.name ?? null };
  }

  /** Patients matching every given criterion (at most 20). */
  async searchPatients(search: PracticeSearch): Promise<PracticePatient[]> {
    const params: Record<string, string> = {};
    if (search.identifier) params.identifier = search.identifier.system ? `${search.identifier.system}|${search.identifier.value}` : search.identifier.value;
    if (search.phone) params.phone = search.phone;
    if (search.family) params.family = search.family;
    if (search.given) params.given = search.given;
    if (search.birthDate) params.birthdate = search.birthDate;
    const bundle = (await this.#call(() =>
      this.#client.search({ resourceType: 'Patient', searchParams: params, options: { signal: AbortSignal.timeout(TIMEOUT_MS) } }),
    )) as FhirBundle;
    return (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is FhirPatient => r?.resourceType === 'Patient' && typeof r.id === 'string')
      .slice(0, MAX_RESULTS)
      .map(toPracticePatient);
  }

  /** One practice record by its id, or null when the practice system does not have it. */
  async readPatient(fhirId: string): Promise<PracticePatient | null> {
    try {
      const resource = (await this.#client.read({ resourceType: 'Patient', id: fhirId, options: { signal: AbortSignal.timeout(TIMEOUT_MS) } })) as FhirPatient;
      return resource.resourceType === 'Patient' ? toPracticePatient(resource) : null;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 410) return null;
      throw practiceError(error);
    }
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw practiceError(error);
    }
  }
}

function statusOf(error: unknown): number | null {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : null;
}

function practiceError(error: unknown): AppError {
  const status = statusOf(error);
  if (status === 401 || status === 403) return new AppError('bad_gateway', 'The practice system refused Ringfence’s credentials; an administrator should check the practice-system link.');
  if (status !== null) return new AppError('bad_gateway', `The practice system answered with an error (HTTP ${status})`);
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new AppError('bad_gateway', 'The practice system did not answer in time.');
  return new AppError('bad_gateway', 'The practice system could not be reached.');
}

const PHONE_USES: Record<string, PatientPhone['type']> = { mobile: 'mobile', home: 'home', work: 'work' };

/** Maps a FHIR Patient to the directory's fields: official name, phones, e-mail, birth date, first address, identifiers and the MRN. */
export function toPracticePatient(resource: FhirPatient): PracticePatient {
  const fields: Partial<PatientFields> = { fhirPatientId: resource.id! };
  const name = resource.name?.find((n) => n.use === 'official') ?? resource.name?.[0];
  if (name && (name.family || name.given?.length)) fields.name = { family: name.family ?? '', given: (name.given ?? []).join(' ') };
  const phones = (resource.telecom ?? []).filter((t) => t.system === 'phone' && t.value).map((t) => ({ number: t.value!, type: PHONE_USES[t.use ?? ''] ?? ('other' as const) }));
  if (phones.length > 0) fields.phones = phones;
  const email = resource.telecom?.find((t) => t.system === 'email' && t.value)?.value;
  if (email) fields.email = email;
  if (resource.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(resource.birthDate)) fields.dateOfBirth = resource.birthDate;
  const address = resource.address?.[0];
  if (address?.line?.[0] && address.city && address.state && address.postalCode) {
    fields.address = { line1: address.line[0], ...(address.line[1] ? { line2: address.line[1] } : {}), city: address.city, state: address.state, postalCode: address.postalCode };
  }
  const identifiers = (resource.identifier ?? []).filter((i) => i.system && i.value).map((i) => ({ system: i.system!, value: i.value! }));
  if (identifiers.length > 0) fields.identifiers = identifiers;
  const mrn = resource.identifier?.find((i) => i.value && i.type?.coding?.some((c) => c.code === MRN_TYPE))?.value;
  if (mrn) fields.mrn = mrn;
  return { fhirId: resource.id!, fields };
}
