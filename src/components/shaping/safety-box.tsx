/** On every screen of the anonymous form: a disclosure is not a survey answer, so say who to talk to. */
export function SafetyBox() {
  return (
    <aside aria-label="If you are worried" className="my-6 border-l-8 border-nhs-blue bg-white p-4 text-lg">
      <p className="font-bold">Worried about your safety, or someone else&apos;s?</p>
      <p className="mt-1">
        Talk to a member of staff you trust, or the health centre. You can call Childline free on <strong>0800 1111</strong>, any time.
      </p>
      <p className="mt-1">This form is not the way to get help quickly.</p>
    </aside>
  );
}
