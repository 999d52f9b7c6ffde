import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../http/errors.ts';

/** argon2id at the OWASP minimum: 19 MiB, two passes, one lane. */
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/**
 * Common passwords long enough to pass the length rule; shorter ones are refused by length.
 * Compared case-insensitively and with trailing digits and symbols stripped.
 */
const COMMON_PASSWORDS = new Set(
  [
    'password', 'passw0rd', 'p@ssw0rd', 'password1', 'passwordpassword', 'qwerty', 'qwertyuiop', 'qwertyqwerty', 'asdfghjkl', 'asdfasdfasdf',
    'zxcvbnm', 'iloveyou', 'welcome', 'welcometo', 'letmein', 'letmeinnow', 'changeme', 'changemenow', 'administrator', 'admin',
    'trustno', 'trustnoone', 'football', 'baseball', 'basketball', 'monkey', 'sunshine', 'princess', 'starwars', 'dragon',
    'superman', 'batman', 'master', 'masterkey', 'shadow', 'michael', 'jennifer', 'jordan', 'hunter', 'summer', 'winter',
    'spring', 'autumn', 'abcdefghijkl', 'abcdefghijklmnop', 'abc', 'abcabcabcabc', 'qazwsxedc', 'qazwsxedcrfv', 'zaqwsxcde', '1qaz2wsx3edc',
    '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'passwordisstrong', 'mypassword', 'secretpassword', 'topsecret', 'opensesame', 'whatever',
    'nothing', 'computer', 'internet', 'healthcare', 'hospital', 'medical', 'doctor', 'nurse', 'patient', 'hipaa', 'hipaacompliance',
    'compliance', 'ringfence', 'callcenter', 'answering', 'answeringservice', 'lovelove', 'iloveyouforever', 'blink', 'pokemon',
    'minecraft', 'fortnite', 'liverpool', 'chelsea', 'arsenal', 'yankees', 'cowboys', 'steelers', 'eagles', 'newyork', 'california',
    'america', 'freedom', 'jesus', 'jesuschrist', 'godisgood', 'blessed', 'charlie', 'thomas', 'soccer', 'hockey', 'killer', 'pepper',
    'cheese', 'chocolate', 'cookie', 'butterfly', 'flower', 'rainbow', 'purple', 'orange', 'banana', 'apple', 'samsung', 'iphone',
    'google', 'facebook', 'linkedin', 'microsoft', 'windows', 'ubuntu', 'linux', 'security', 'default', 'guest', 'test', 'testing',
    'temp', 'temporary', 'login', 'letmein', 'access', 'accessgranted', 'monday', 'tuesday', 'friday', 'january', 'december',
  ].map((p) => p.toLowerCase()),
);

function stripDecoration(pw: string): string {
  return pw.toLowerCase().replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
}

function isTrivial(pw: string): boolean {
  if (/^(.)\1+$/u.test(pw)) return true;
  const codes = [...pw].map((c) => c.charCodeAt(0));
  const steps = codes.slice(1).map((c, i) => c - codes[i]!);
  return steps.every((s) => s === 1) || steps.every((s) => s === -1) || /^\d+$/.test(pw);
}

/** Throws a 400 naming `field` when the password is too short, too long, common or built from the email address. */
export function assertAcceptablePassword(password: string, email: string | null, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidField(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw invalidField(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  const core = stripDecoration(password);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(core) || core.length < 4 || isTrivial(password)) {
    throw invalidField(field, 'is too common or too easy to guess; use a longer passphrase');
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) throw invalidField(field, 'must not contain your email address');
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against its hash; false on any mismatch or malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('ringfence-timing-equaliser-password');
  await verifyPassword(await dummyHash, password);
}
