import { randomInt } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Normal forms for blind-index lookups: two spellings of the same value must give the same
 * string, so the same HMAC digest. Nothing here decides what is stored; the vault stores what
 * was entered, encrypted.
 */

/** The calling region assumed for numbers written without a country code. */
export const DEFAULT_REGION = 'US';

/** A phone number in E.164 (+15550100123), or null when it cannot be a phone number. Extensions are dropped. */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input, DEFAULT_REGION);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/**
 * A name part folded for matching: accents removed, case folded, spaces, hyphens and
 * apostrophes dropped ("García-López" and "garcia lopez" both give "garcialopez").
 */
export function normalizeNamePart(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A medical record number folded for matching: case, spaces and punctuation ignored ("test-mrn 0001" = "TESTMRN0001"). */
export function normalizeMrn(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The blind-index kinds and the normalised string each one hashes. */
export const indexValue = {
  phone: (e164: string) => e164,
  mrn: (mrn: string) => normalizeMrn(mrn),
  name_dob: (family: string, given: string, dob: string) => `${normalizeNamePart(family)}|${normalizeNamePart(given)}|${dob}`,
  family_dob: (family: string, dob: string) => `${normalizeNamePart(family)}|${dob}`,
  /** The family name alone: never searched by, compared only (a person opening a relative's record). */
  family: (family: string) => normalizeNamePart(family),
  identifier: (system: string, value: string) => `${system.trim()}|${value.trim()}`,
  fhir_id: (id: string) => id.trim(),
};

/**
 * Patient references: `P-` and six characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U), easy to read over the phone: 30^6 ≈ 729 million per client.
 */
export const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const REF_PATTERN = new RegExp(`^P-[${REF_ALPHABET}]{6}$`);

export function newPatientRef(): string {
  let ref = 'P-';
  for (let i = 0; i < 6; i += 1) ref += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return ref;
}

/** A reference as typed ("p 7f3k2q", "P7F3K2Q") in its canonical form, or null when it cannot be one. */
export function normalizePatientRef(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const ref = compact.startsWith('P') ? `P-${compact.slice(1)}` : `P-${compact}`;
  return REF_PATTERN.test(ref) ? ref : null;
}
