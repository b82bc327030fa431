import { can } from "@/server/policy";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getMyTimeEntry, listMyTimeTenders } from "@/server/technicians/queries";
import { dateKey, STATUS_FOR_TECHNICIAN } from "@/server/technicians/time-labels";
import { deleteTimeEntryAction, editTimeEntryAction } from "../../actions";
import { TimeEntryFields } from "../../time-entry-fields";

export const metadata: Metadata = { title: "Change your time" };

export default async function EditTimePage({ params }: { params: Promise<{ entryId: string }> }) {
  const { entryId } = await params;
  const actor = await requireActor("time");
  if (!can(actor, "time.log")) forbidden();
  const [entry, myTenders] = await Promise.all([readable(getMyTimeEntry(actor, entryId)), listMyTimeTenders(actor)]);
  // Keep the entry's own panel choosable even if the list has changed since.
  const tenders = myTenders.some((t) => t.id === entry.tender.id) ? myTenders : [entry.tender, ...myTenders];
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href="/time">Back to your paid time</Link>
      </p>
      <PageHeading>Change your time</PageHeading>
      {!entry.editable ? (
        <p className="text-lg">
          This time is “{STATUS_FOR_TECHNICIAN[entry.status]}”, so it can&apos;t be changed any more. If something is wrong, talk to your
          commissioner.
        </p>
      ) : (
        <>
          {entry.reviewNote && (
            <div className="mb-6 border-l-4 border-amber-600 bg-amber-50 p-3">
              <h2 className="font-bold">What the commissioner said</h2>
              <p className="whitespace-pre-line break-words">{entry.reviewNote}</p>
            </div>
          )}
          <p className="mb-6">When you save your changes, a commissioner will check your time again.</p>
          <ActionForm action={editTimeEntryAction.bind(null, entry.id)}>
            <TimeEntryFields
              tenders={tenders}
              now={now()}
              defaults={{
                tenderId: entry.tenderId,
                workedOn: dateKey(entry.workedOn),
                hours: String(Math.floor(entry.minutes / 60)),
                minutes: String(entry.minutes % 60),
                activity: entry.activity,
                note: entry.note ?? "",
              }}
            />
            <SubmitButton>Save and send for checking</SubmitButton>
          </ActionForm>
          <section aria-labelledby="delete" className="mt-10 border-t border-slate-300 pt-6">
            <h2 id="delete" className="mb-2 text-2xl font-bold">
              Delete this time
            </h2>
            <p className="mb-4">If you logged this by mistake, you can delete it. This can&apos;t be undone.</p>
            <ActionForm action={deleteTimeEntryAction.bind(null, entry.id)} idPrefix="delete">
              <SubmitButton variant="warning">Delete this time</SubmitButton>
            </ActionForm>
          </section>
        </>
      )}
    </div>
  );
}
