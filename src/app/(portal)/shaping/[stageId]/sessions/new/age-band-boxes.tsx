"use client";
import { useFormStateContext } from "@/components/ui/action-form";
import { fieldId } from "@/components/ui/error-summary";
import { describedBy, errorFrameClass, FieldError, FieldHint } from "@/components/ui/field";
import { AGE_BAND_LABELS, AGE_BANDS } from "@/domain/shaping-stage";

/** The age bands present, as GOV.UK checkboxes under one legend (posted as repeated `ageBands`). */
export function AgeBandBoxes() {
  const ctx = useFormStateContext();
  const id = fieldId("ageBands", ctx.idPrefix);
  const error = ctx.fieldErrors?.ageBands;
  const hint = "Tick every age band of the young people there. Ages only: no dates of birth.";
  const checked = new Set((ctx.values?.ageBands ?? "").split(",").filter(Boolean));
  return (
    <div className={errorFrameClass(error)}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="text-lg font-bold">Ages of the young people</legend>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        <div className="mt-2 space-y-2">
          {AGE_BANDS.map((band, i) => (
            <div key={band} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={i === 0 ? id : `${id}-${i}`}
                name="ageBands"
                value={band}
                defaultChecked={checked.has(band)}
                className="mt-1 h-6 w-6 shrink-0 accent-slate-900 focus:outline-4 focus:outline-yellow-400"
              />
              <label htmlFor={i === 0 ? id : `${id}-${i}`} className="cursor-pointer">
                {AGE_BAND_LABELS[band]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
