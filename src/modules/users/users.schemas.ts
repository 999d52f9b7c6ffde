/**
 * The users module's contract: what its routes take and answer. The services' types are
 * derived from these schemas (`Static<>`), so a field is declared once.
 */
import { Type, type Static } from 'typebox';
import { Declared, Email, Id, IsoTime, Nullable, Out, PersonName, Secret, Strict } from '../../platform/http/schemas.ts';

export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('deactivated')]);

export const RoleAssignmentSchema = Out({ id: Type.String(), role: Type.String(), roleName: Type.String(), clientId: Nullable(Type.String()), clientName: Nullable(Type.String()) });
export type RoleAssignmentView = Static<typeof RoleAssignmentSchema>;

/** A person as the admin screens show them: never the password hash or MFA secrets. */
export const StaffMemberSchema = Out(
  {
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    status: UserStatus,
    mfaEnrolled: Type.Boolean(),
    lockedUntil: Nullable(IsoTime),
    createdAt: IsoTime,
    roles: Type.Array(RoleAssignmentSchema),
  },
  { description: 'A member of the organization' },
);
export type StaffMember = Static<typeof StaffMemberSchema>;

const RoleKey = Declared('identifier', { minLength: 1, maxLength: 64, pattern: '^[a-z_]+$' });
export const UserParams = Strict({ id: Id });

/** A role for one client, or for every client when clientId is null. */
export const RoleGrantBody = Strict({ role: RoleKey, clientId: Nullable(Id) });
export type RoleGrant = Static<typeof RoleGrantBody>;

/** A new person; the password is the first one, and they enrol an authenticator at first sign-in. */
export const NewStaffMemberBody = Strict({
  email: Email,
  displayName: PersonName(120),
  password: Secret(1024, 1, { description: 'First password, at least 12 characters' }),
  roles: Type.Optional(Type.Array(RoleGrantBody, { maxItems: 50 })),
});
export type NewStaffMember = Static<typeof NewStaffMemberBody>;

export const StaffMemberChangesBody = Strict({ displayName: Type.Optional(PersonName(120)), email: Type.Optional(Email) });
export type StaffMemberChanges = Static<typeof StaffMemberChangesBody>;
