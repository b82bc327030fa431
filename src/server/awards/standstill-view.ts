import { describeStandstill } from "@/domain/working-days";

export interface StandstillView {
  /** The day the standstill began ("YYYY-MM-DD"), the day after the notice. */
  beginsOn: string;
  /** Midnight at the end of the 8th working day after `beginsOn`. */
  endsAt: Date;
  /** "The standstill began on … and ends at midnight at the end of …". */
  sentence: string;
}

/** The standstill of an approved award decision, as every page states it; null before approval. */
export function standstillView(d: { standstillStartsOn: Date | null; standstillEndsAt: Date | null }): StandstillView | null {
  if (!d.standstillStartsOn || !d.standstillEndsAt) return null;
  const beginsOn = d.standstillStartsOn.toISOString().slice(0, 10);
  return { beginsOn, endsAt: d.standstillEndsAt, sentence: describeStandstill(beginsOn, d.standstillEndsAt) };
}
