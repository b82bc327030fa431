import "server-only";
import { now as clockNow } from "../clock";
import { isUniqueViolation } from "../db-errors";
import { z } from "zod";
import { Role } from "@/generated/prisma/enums";
import { canInvite } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import { Conflict, Forbidden, Invalid } from "../errors";
import { enqueueEmail } from "../notifications/outbox";
import { fieldErrorsOf } from "../validation";
import { INVITATION_VALID_DAYS, newInvitationToken } from "./invitation-token";

// In the form's order (name, email, role…): the error summary lists the errors in this order (issue 27).
export const createInvitationSchema = z.object({
  name: z.string().trim().min(1, "Enter their name").max(120, "Name must be 120 characters or fewer"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org")),
  role: z.enum(Role, "Select a role"),
  organisationId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  establishmentId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
});

export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

/** Where the link goes in the stored email; admins reading the outbox see this, not the link. */
export const INVITATION_LINK_MARKER = "[invitation link: only in the email sent to the person invited]";

export interface CreatedInvitation {
  id: string;
  link: string;
  expiresAt: Date;
}

/**
 * An admin (or a commissioner, for technicians) invites someone. The link is
 * shown once to the inviter and emailed through the outbox.
 */
export async function createInvitation(actor: Actor, input: CreateInvitationInput, now = clockNow()): Promise<CreatedInvitation> {
  const parsed = createInvitationSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const data = parsed.data;
  if (!canInvite(actor, data.role)) throw new Forbidden("You cannot invite people with that role.");

  const errors: Record<string, string> = {};
  if (data.role === "PROVIDER" && !data.organisationId) errors.organisationId = "Select the provider organisation";
  if (data.role === "GOVERNOR" && !data.establishmentId) errors.establishmentId = "Select the establishment they govern";
  if (data.role === "COMMISSIONER" && !data.organisationId) errors.organisationId = "Select the commissioning organisation";
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const organisationId = data.role === "PROVIDER" || data.role === "COMMISSIONER" ? data.organisationId : undefined;
  const establishmentId = data.role === "GOVERNOR" ? data.establishmentId : undefined;

  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
  const link = `${env().NEXTAUTH_URL.replace(/\/$/, "")}/invitations/${token}`;

  return db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        throw new Invalid({ email: "Someone with this email address already has an account" });
      }
      if (organisationId) {
        const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
        const wanted = data.role === "PROVIDER" ? "PROVIDER" : "COMMISSIONER";
        if (!org || org.kind !== wanted) throw new Invalid({ organisationId: "Select an organisation from the list" });
      }
      if (establishmentId && !(await tx.establishment.findUnique({ where: { id: establishmentId }, select: { id: true } }))) {
        throw new Invalid({ establishmentId: "Select an establishment from the list" });
      }
      // A newer invitation replaces any open one for the same address.
      const open = await tx.invitation.updateMany({
        where: { email: data.email, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      const invitation = await tx.invitation.create({
        data: {
          email: data.email,
          name: data.name,
          role: data.role,
          organisationId: organisationId ?? null,
          establishmentId: establishmentId ?? null,
          tokenHash,
          expiresAt,
          createdById: actor.id,
          createdAt: now,
        },
      });
      await audit(tx, actor, {
        action: "invitation.created",
        entityType: "Invitation",
        entityId: invitation.id,
        establishmentId: establishmentId ?? null,
        after: { email: data.email, role: data.role, organisationId, establishmentId, expiresAt, replacedOpen: open.count },
      });
      await enqueueEmail(tx, {
        to: data.email,
        template: "invitation",
        subject: "You have been invited to CoCommission",
        // The link is a key to the new account: the stored text holds a marker,
        // the link itself is kept encrypted and filled in only when sent.
        secrets: { [INVITATION_LINK_MARKER]: link },
        text:
          `Hello ${data.name},\n\n${actor.name} has invited you to CoCommission.\n\n` +
          `Set your password here (the link works once and expires in ${INVITATION_VALID_DAYS} days):\n${INVITATION_LINK_MARKER}\n\n` +
          `If you were not expecting this, you can ignore this email.`,
      });
      return { id: invitation.id, link, expiresAt };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new Conflict("That invitation was just created by someone else. Refresh the page.");
      throw error;
    });
}
