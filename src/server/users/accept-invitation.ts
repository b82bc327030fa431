import "server-only";
import { now as clockNow } from "../clock";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { audit } from "../audit";
import { hashPassword, passwordProblem } from "../auth/password";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { fieldErrorsOf } from "../validation";
import { hashInvitationToken } from "./invitation-token";

export type InvitationState =
  | { kind: "valid"; email: string; name: string; role: string; expiresAt: Date }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "revoked" }
  | { kind: "unknown" };

/** What the invitation link page shows. */
export async function checkInvitation(token: string, now = clockNow()): Promise<InvitationState> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) return { kind: "unknown" };
  if (invitation.acceptedAt) return { kind: "used" };
  if (invitation.revokedAt) return { kind: "revoked" };
  if (invitation.expiresAt <= now) return { kind: "expired" };
  return { kind: "valid", email: invitation.email, name: invitation.name, role: invitation.role, expiresAt: invitation.expiresAt };
}

export const acceptInvitationSchema = z.object({
  token: z.string().max(1000),
  name: z.string("Enter your name").trim().min(1, "Enter your name").max(120, "Name must be 120 characters or fewer"),
  /** Checked against the invitation's email address once it is known (passwordProblem). */
  password: z.string("Enter a password"),
  confirmPassword: z.string("The passwords do not match"),
});

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
  confirmPassword: string;
}

/** The invitee sets their name and password; the link then stops working. */
export async function acceptInvitation(
  input: AcceptInvitationInput,
  now = clockNow(),
): Promise<{ userId: string; email: string; role: Role }> {
  const parsed = acceptInvitationSchema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const state = errors.token === undefined ? await checkInvitation(input.token, now) : ({ kind: "unknown" } as const);
  if (state.kind === "unknown") throw new NotFound("This invitation link is not valid. Check you copied the whole link.");
  if (state.kind === "used") throw new Conflict("This invitation has already been used. Sign in instead.");
  if (state.kind === "revoked") throw new Conflict("This invitation was replaced by a newer one. Use the link in the latest email.");
  if (state.kind === "expired") throw new Conflict("This invitation has expired. Ask the person who invited you for a new one.");

  if (errors.password === undefined) {
    const problem = passwordProblem(input.password, state.email);
    if (problem) errors.password = problem;
    else if (input.password !== input.confirmPassword) errors.confirmPassword = "The passwords do not match";
  }
  if (!parsed.success || Object.keys(errors).length > 0) throw new Invalid(errors);
  const { name } = parsed.data;

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(input.token) } });
    // Claim the invitation first: of two tabs submitting at once, only one wins.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new Conflict("This invitation has already been used. Sign in instead.");
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new Conflict("An account already exists for this email address. Sign in instead.");
    }
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name,
        role: invitation.role,
        passwordHash,
        organisationId: invitation.organisationId,
        ...(invitation.establishmentId ? { establishments: { create: { establishmentId: invitation.establishmentId } } } : {}),
      },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
    await audit(
      tx,
      { id: user.id, role: user.role, name, email: user.email, organisationId: user.organisationId, establishmentIds: [] },
      {
        action: "invitation.accepted",
        entityType: "User",
        entityId: user.id,
        establishmentId: invitation.establishmentId,
        after: { email: user.email, role: user.role, organisationId: user.organisationId, invitationId: invitation.id },
      },
    );
    return { userId: user.id, email: user.email, role: user.role };
  });
}
