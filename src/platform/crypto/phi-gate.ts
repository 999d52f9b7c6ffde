/**
 * The PHI gate's mechanism: a client's PHI is only ever written or read under that client's
 * data key, and a request's client keys (`ClientKeys`) run the gate inside their one key
 * lookup, so no route or service can forget it. What the gate asks (a BAA in effect, the
 * person's training) is the compliance module's: it hands its `ComplianceRules` to the app,
 * and the platform only builds each request's gate from them and remembers its answers.
 */
import type { Actor } from '../context.ts';
import type { ClientKeys, KeyRing, PhiGate } from './keyring.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { AppError } from '../http/errors.ts';

/** The rules the gate applies, implemented by the compliance module (src/modules/compliance/phi-rules.ts). */
export interface ComplianceRules {
  /** Refuses (throws) unless PHI of this client may be handled today (its BAA in effect). */
  assertClientMayHandlePhi(tenant: TenantDb, clientId: string): Promise<void>;
  /** Refuses (throws) unless this actor may handle PHI at all (a person's required training). */
  assertActorMayHandlePhi(tenant: TenantDb, actor: Actor): Promise<void>;
}

/** The rules of an app built without any: no rules, no PHI (never "no rules, no gate"). */
export const REFUSE_ALL_PHI: ComplianceRules = {
  assertClientMayHandlePhi: async () => {
    throw new AppError('forbidden', 'No compliance rules are installed: PHI can be neither created nor read.');
  },
  assertActorMayHandlePhi: async () => {},
};

/**
 * The gate for one request's actor. Answers are kept for the request: a page that decrypts
 * fifty rows of one client asks the database once, and the actor's standing is asked once
 * whatever the number of clients. A refusal of the actor is kept too; a client's is asked again.
 */
export function phiGateFor(rules: ComplianceRules, actor: Actor): PhiGate {
  const clientsOk = new Set<string>();
  let actorOk: Promise<void> | null = null;
  return async (tenant, clientId) => {
    if (!clientsOk.has(clientId)) {
      await rules.assertClientMayHandlePhi(tenant, clientId);
      clientsOk.add(clientId);
    }
    actorOk ??= rules.assertActorMayHandlePhi(tenant, actor);
    await actorOk;
  };
}

/** What a request's actor context carries for the gate: its gated client keys and the gate itself. */
export function phiAccessFor(keyring: KeyRing, rules: ComplianceRules, actor: Actor): { keyring: ClientKeys; phiGate: PhiGate } {
  const phiGate = phiGateFor(rules, actor);
  return { keyring: keyring.clientKeys(phiGate), phiGate };
}
