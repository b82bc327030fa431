// The world the authorization matrix runs in: the demo (a tender at every
// lifecycle stage, made by the real use cases) plus one person for every
// relationship that matters, on every stage tender: commissioners and young
// commissioners invited, declined, stepped back, conflicted or with no seat; a
// governor of the tenders' establishments and one of another; a bidder, a
// rival bidder and an organisation that did not bid.
import { createHash } from "node:crypto";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { createUserSession } from "@/server/auth/user-sessions";
import { createAgreement } from "@/server/agreements/create-agreement";
import { db } from "@/server/db";
import { createInvitation } from "@/server/users/create-invitation";
import { newLinkToken } from "@/server/users/invitation-token";
import { seedDemo } from "@/server/demo/demo-scenario";
import { GATHERING_TENDER_REFERENCE } from "@/server/demo/demo-shaping";
import { createEstablishment, createOrganisation, createUser } from "../../fixtures/factories";
import { STAGES, type ActorKey, type Stage, type World } from "./actors";

const EXTRA: Partial<
  Record<
    ActorKey,
    {
      role: "COMMISSIONER" | "TECHNICIAN";
      status: "INVITED" | "DECLINED" | "STEPPED_BACK" | "ACCEPTED" | null;
      conflicted?: boolean;
      label?: string;
    }
  >
> = {
  "commissioner: invited": { role: "COMMISSIONER", status: "INVITED" },
  "commissioner: declined": { role: "COMMISSIONER", status: "DECLINED" },
  "commissioner: stepped back": { role: "COMMISSIONER", status: "STEPPED_BACK" },
  "commissioner: conflicted": { role: "COMMISSIONER", status: "ACCEPTED", conflicted: true },
  "commissioner: no seat": { role: "COMMISSIONER", status: null },
  "young commissioner: invited": { role: "TECHNICIAN", status: "INVITED", label: "J" },
  "young commissioner: declined": { role: "TECHNICIAN", status: "DECLINED", label: "K" },
  "young commissioner: stepped back": { role: "TECHNICIAN", status: "STEPPED_BACK", label: "H" },
  "young commissioner: conflicted": { role: "TECHNICIAN", status: "ACCEPTED", conflicted: true, label: "G" },
  "young commissioner: no seat": { role: "TECHNICIAN", status: null },
};

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export async function buildWorld(demoPassword: string): Promise<World> {
  await seedDemo({ password: demoPassword });
  const byRef = async (reference: string) =>
    db.tender.findUniqueOrThrow({ where: { reference }, select: { id: true, establishmentId: true } });
  const tenders = {} as Record<Stage, string>;
  for (const [stage, reference] of Object.entries(STAGES) as [Stage, string][]) tenders[stage] = (await byRef(reference)).id;
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const chair = await user("commissioner@demo.test");
  const bidder = await user("provider1@demo.test");
  const rival = await user("provider3@demo.test");

  const establishments = await db.establishment.findMany({ where: { code: { in: ["FMI", "CKI"] } } });
  const other = await createEstablishment("HMYOI Elsewhere");
  const emails = {
    admin: "admin@demo.test",
    "commissioner: created the tender": chair.email,
    "commissioner: accepted seat": "commissioner2@demo.test",
    "young commissioner: accepted seat": "technician1@demo.test",
    "governor: this establishment": (await createUser("GOVERNOR", { establishmentIds: establishments.map((e) => e.id) })).email,
    "governor: other establishment": (await createUser("GOVERNOR", { establishmentIds: [other.id] })).email,
    "provider: bidder": bidder.email,
    "provider: rival bidder": rival.email,
    "provider: other organisation": (await createUser("PROVIDER", { organisationId: (await createOrganisation("PROVIDER")).id })).email,
  } as World["emails"];
  // commissioner2 was only invited to the PUBLISHED demo tender's panel: accept it, so the seat means the same everywhere.
  await db.panelMember.updateMany({
    where: { tenderId: tenders.published, user: { email: emails["commissioner: accepted seat"] } },
    data: { status: "ACCEPTED", respondedAt: new Date() },
  });

  const commissionerOrg = chair.organisationId ?? undefined;
  for (const [key, spec] of Object.entries(EXTRA) as [ActorKey, NonNullable<(typeof EXTRA)[ActorKey]>][]) {
    const u = await createUser(spec.role, { organisationId: spec.role === "COMMISSIONER" ? commissionerOrg : undefined });
    (emails as Record<string, string>)[key] = u.email;
    if (!spec.status) continue;
    for (const stage of Object.keys(STAGES) as Stage[]) {
      const seat = await db.panelMember.create({
        data: {
          tenderId: tenders[stage],
          userId: u.id,
          role: spec.role,
          status: spec.status,
          anonymousLabel: spec.label ?? null,
          invitedById: chair.id,
          respondedAt: spec.status === "INVITED" ? null : new Date(),
          steppedBackAt: spec.status === "STEPPED_BACK" ? new Date() : null,
          keepSubmittedScores: spec.status === "STEPPED_BACK" ? false : null,
        },
      });
      if (spec.conflicted) {
        // A conflict with the bidder, none with the others: declared for every organisation that bid, as the form asks.
        const bidders = await db.bid.findMany({
          where: { tenderId: tenders[stage], status: "SUBMITTED" },
          select: { organisationId: true },
        });
        await db.conflictDeclaration.createMany({
          data: bidders.map((b) => ({
            panelMemberId: seat.id,
            organisationId: b.organisationId,
            hasConflict: b.organisationId === bidder.organisationId,
            details: b.organisationId === bidder.organisationId ? "Worked there last year." : null,
          })),
        });
      }
    }
  }

  const bidOf = async (stage: Stage) =>
    (await db.bid.findFirstOrThrow({ where: { tenderId: tenders[stage], organisationId: bidder.organisationId! }, select: { id: true } }))
      .id;
  const bid = {
    published: await bidOf("published"),
    evaluation: await bidOf("evaluation"),
    moderation: await bidOf("moderation"),
    signOff: await bidOf("signOff"),
    standstill: await bidOf("standstill"),
    awarded: await bidOf("awarded"),
  };
  const file = async (bidId: string) =>
    (
      await db.bidAttachment.create({
        data: {
          bidId,
          filename: "Method statement.pdf",
          contentType: "application/pdf",
          sizeBytes: PDF.length,
          sha256: createHash("sha256").update(PDF).digest("hex"),
          uploadedById: bidder.id,
          content: { create: { data: PDF } },
        },
      })
    ).id;
  const bidFile = { published: await file(bid.published), evaluation: await file(bid.evaluation) };
  // The panel sees the files of the submitted version: put the new file in it.
  const version = await db.bidVersion.findFirstOrThrow({ where: { bidId: bid.evaluation }, orderBy: { version: "desc" } });
  const content = version.content as { attachments?: object[] };
  // Submitted versions are append-only (a trigger refuses updates): the world's set-up alone steps around it.
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.bidVersion.update({
      where: { id: version.id },
      data: {
        content: {
          ...content,
          attachments: [
            ...(content.attachments ?? []),
            {
              id: bidFile.evaluation,
              filename: "Method statement.pdf",
              sha256: createHash("sha256").update(PDF).digest("hex"),
              criterionId: null,
            },
          ],
        } as object,
      },
    });
  });

  const criterion = async (stage: Stage) =>
    (await db.criterion.findFirstOrThrow({ where: { tenderId: tenders[stage], kind: "QUALITY" }, orderBy: { position: "asc" } })).id;
  const draftSeat = await db.panelMember.findFirstOrThrow({
    where: { tenderId: tenders.draft, user: { email: emails["young commissioner: invited"] } },
  });

  // The accepted commissioner has declared no conflict with any bidder on the tender in evaluation, as the others have.
  const evaluationBidders = (
    await db.bid.findMany({ where: { tenderId: tenders.evaluation, status: "SUBMITTED" }, select: { organisationId: true } })
  ).map((b) => b.organisationId);
  const acceptedSeat = await db.panelMember.findFirstOrThrow({
    where: { tenderId: tenders.evaluation, user: { email: emails["commissioner: accepted seat"] } },
  });
  await db.conflictDeclaration.createMany({
    data: evaluationBidders.map((organisationId) => ({ panelMemberId: acceptedSeat.id, organisationId, hasConflict: false })),
    skipDuplicates: true,
  });

  const question = await db.clarificationQuestion.create({
    data: {
      tenderId: tenders.published,
      organisationId: bidder.organisationId!,
      askedById: bidder.id,
      question: "Is the service needed at weekends?",
    },
  });

  const award = async (stage: Stage) =>
    (await db.awardDecision.findFirstOrThrow({ where: { tenderId: tenders[stage] }, select: { id: true } })).id;
  const awardDecision = { signOff: await award("signOff"), standstill: await award("standstill"), awarded: await award("awarded") };
  const signOffHash = (await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecision.signOff } })).contentHash;
  const representation = await db.representation.create({
    data: {
      awardDecisionId: awardDecision.standstill,
      tenderId: tenders.standstill,
      organisationId: bidder.organisationId!,
      submittedById: bidder.id,
      text: "We think the price scores were worked out wrongly.",
      submittedAt: new Date(),
      attachments: {
        create: {
          filename: "Workings.pdf",
          contentType: "application/pdf",
          sizeBytes: PDF.length,
          sha256: createHash("sha256").update(PDF).digest("hex"),
          data: PDF,
        },
      },
    },
    include: { attachments: true },
  });

  const contract = await db.contract.findFirstOrThrow({ where: { tenderId: tenders.awarded }, select: { id: true } });
  // The demo's Cookham Wood contract has a year of returns and signed reviews (src/server/demo/demo-contract-checks.ts).
  const checkedAction = await db.contractAction.findFirstOrThrow({
    where: { review: { period: { contract: { tender: { reference: "NHSE-LDN-2023-031" } } } } },
    select: { id: true, review: { select: { period: { select: { contractId: true, number: true } } } } },
  });
  const returnFile = await db.contractReturnFile.findFirstOrThrow({
    where: { contractReturn: { period: { contractId: checkedAction.review.period.contractId } } },
    select: { id: true },
  });
  const fmi = establishments.find((e) => e.code === "FMI")!;
  const creator = (await loadActor(chair.id)) as Actor;
  const { agreementId } = await createAgreement(creator, {
    establishmentId: fmi.id,
    title: "Feltham co-commissioning agreement 2027",
    periodStart: "2027-04-01",
    periodEnd: "2028-03-31",
    priorities: "Mental health first.",
    servicesInScope: "All health services.",
    youngPeopleInvolvement: "Young commissioners on every panel.",
    otherTerms: "",
    contractIds: [],
  });

  const agreementHash = (await db.agreementVersion.findFirstOrThrow({ where: { agreementId }, orderBy: { version: "desc" } })).contentHash;

  const technician = await user(emails["young commissioner: accepted seat"]);
  const entry = (status: "PENDING" | "APPROVED") =>
    db.timeEntry.create({
      data: {
        technicianId: technician.id,
        tenderId: tenders.evaluation,
        workedOn: new Date(Date.UTC(2026, 10, 2)),
        minutes: 90,
        activity: "READING_BIDS",
        status,
        ...(status === "APPROVED" ? { reviewedById: chair.id, reviewedAt: new Date(), hourlyRatePence: 1500, amountPence: 2250 } : {}),
      },
    });
  const timeEntry = { pending: (await entry("PENDING")).id, approved: (await entry("APPROVED")).id };

  const admin = (await loadActor((await user(emails.admin)).id)) as Actor;
  const invitation = await createInvitation(admin, {
    email: "invited-provider@matrix.example",
    name: "Invited Provider",
    role: "PROVIDER",
    organisationId: rival.organisationId!,
  });

  const release = await db.ocdsRelease.findFirstOrThrow({ select: { ocid: true } });

  const forgetful = await createUser("PROVIDER", { email: "forgetful@matrix.example", organisationId: rival.organisationId! });
  const reset = newLinkToken();
  await db.passwordReset.create({
    data: { userId: forgetful.id, tokenHash: reset.tokenHash, expiresAt: new Date(Date.now() + 24 * 60 * 60_000) },
  });

  const closing = await createUser("TECHNICIAN", { email: "closing@matrix.example", name: "Closing" });
  await db.user.update({ where: { id: closing.id }, data: { closureRequestedAt: new Date() } });
  await db.panelMember.create({
    data: {
      tenderId: tenders.evaluation,
      userId: closing.id,
      role: "TECHNICIAN",
      status: "DECLINED",
      anonymousLabel: "Y",
      invitedById: (await db.tender.findUniqueOrThrow({ where: { id: tenders.evaluation }, select: { createdById: true } })).createdById,
    },
  });

  // The shaping stage: everyone with a seat on the stage tenders has a shaping membership in the same state.
  const shapingTender = await db.tender.findUniqueOrThrow({
    where: { reference: GATHERING_TENDER_REFERENCE },
    select: { id: true, createdById: true, shapingStage: { select: { id: true } } },
  });
  const stageId = shapingTender.shapingStage!.id;
  for (const [key, spec] of Object.entries(EXTRA) as [ActorKey, NonNullable<(typeof EXTRA)[ActorKey]>][]) {
    if (!spec.status) continue;
    await db.shapingMember.create({
      data: {
        stageId,
        userId: (await user((emails as Record<string, string>)[key]!)).id,
        role: spec.role,
        status: spec.status,
        invitedById: shapingTender.createdById,
        respondedAt: spec.status === "INVITED" ? null : new Date(),
      },
    });
  }
  const invitedMember = await db.shapingMember.findFirstOrThrow({
    where: { stageId, user: { email: emails["young commissioner: invited"] } },
    select: { id: true },
  });
  // The second question: one the demo's young commissioners have not answered (an allowed empty save writes nothing).
  const shapingQuestion = await db.shapingQuestion.findFirstOrThrow({ where: { stageId, position: 2 }, select: { id: true } });
  const waitingView = await db.shapingView.findFirstOrThrow({
    where: { stageId, source: "CODE", check: "WAITING", quoteConsent: false },
    select: { id: true },
  });
  const revokedBatch = await db.oneTimeCode.findFirstOrThrow({ where: { stageId, revokedAt: { not: null } }, select: { batch: true } });

  const people = await Promise.all(Object.entries(emails).map(async ([key, email]) => [key, await user(email)] as const));
  const names = Object.fromEntries(people.map(([key, u]) => [key, u.name])) as World["names"];
  const userIds = Object.fromEntries(people.map(([key, u]) => [key, u.id])) as World["userIds"];

  return {
    emails,
    names,
    evaluationBidders,
    signOffHash,
    agreementHash,
    tenders,
    bid,
    bidFile,
    criterion: { draft: await criterion("draft"), evaluation: await criterion("evaluation"), moderation: await criterion("moderation") },
    establishment: (await byRef(STAGES.draft)).establishmentId,
    userIds,
    panelSeat: { invitedToDraft: draftSeat.id },
    question: question.id,
    awardDecision,
    representation: representation.id,
    representationFile: representation.attachments[0]!.id,
    contract: contract.id,
    checks: {
      contract: checkedAction.review.period.contractId,
      period: checkedAction.review.period.number,
      action: checkedAction.id,
      file: returnFile.id,
    },
    agreement: agreementId,
    timeEntry,
    ocid: release.ocid,
    organisation: (await createOrganisation("PROVIDER")).id,
    invitationToken: invitation.link.split("/").pop()!,
    passwordResetToken: reset.token,
    otherSessions: Object.fromEntries(
      await Promise.all(
        people.map(async ([key, u]) => [key, await createUserSession(u.id, 8 * 60 * 60, new Date(), "Matrix other device")] as const),
      ),
    ) as World["otherSessions"],
    closingTechnician: closing.id,
    shaping: {
      tender: shapingTender.id,
      stage: stageId,
      question: shapingQuestion.id,
      invitedMember: invitedMember.id,
      waitingView: waitingView.id,
      revokedBatch: String(revokedBatch.batch),
    },
    finishedShaping: await finishedShaping(tenders.draft),
  };
}

/** The demo's finished shaping stage on the draft tender, and records in it for the matrix's actions. */
async function finishedShaping(draftTenderId: string): Promise<World["finishedShaping"]> {
  const stage = await db.shapingStage.findUniqueOrThrow({ where: { tenderId: draftTenderId }, select: { id: true } });
  const link = await db.shapingThemeView.findFirstOrThrow({ where: { theme: { stageId: stage.id } }, orderBy: { themeId: "asc" } });
  const requirement = await db.serviceRequirement.findFirstOrThrow({ where: { stageId: stage.id }, orderBy: { position: "asc" } });
  return { stage: stage.id, theme: link.themeId, view: link.viewId, requirement: requirement.id };
}
