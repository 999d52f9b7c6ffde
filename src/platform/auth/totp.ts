import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'Ringfence';
const PERIOD = 30;

/** A new base32 TOTP secret. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app enrols from. */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/**
 * Checks a 6-digit code within one step of clock drift. Returns the matched time step, which
 * the caller persists: a step at or before `lastStep` is refused, so each code works once.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
