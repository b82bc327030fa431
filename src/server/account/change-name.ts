import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { Invalid } from "../errors";
import { fieldErrorsOf } from "../validation";

export const NAME_MAX_LENGTH = 120;

export const changeNameSchema = z.object({
  name: z
    .string("Enter your name")
    .trim()
    .min(1, "Enter your name")
    .max(NAME_MAX_LENGTH, `Your name must be ${NAME_MAX_LENGTH} characters or fewer`)
    // Letters of any language, marks and emoji are fine; invisible control characters are not.
    .refine((name) => !/\p{Cc}/u.test(name), "Your name must not contain control characters"),
});

/** The name other people on the portal see (young commissioners can use a first or chosen name). */
export async function changeName(actor: Actor, input: { name: string }): Promise<{ name: string }> {
  const parsed = changeNameSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { name } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    if (before.name === name) return { name };
    await tx.user.update({ where: { id: actor.id }, data: { name } });
    await audit(tx, actor, { action: "user.name_changed", entityType: "User", entityId: actor.id, before, after: { name } });
    return { name };
  });
}
