"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Saves the enclosing answer form a moment after the young person stops typing, without reloading the page (what
 * they typed stays as it is), and says when: "Saved at 14:32". Without JavaScript the form's own "Save answer" button
 * saves it.
 */
export function AnswerAutosave({
  save,
  initial,
}: {
  save: (formData: FormData) => Promise<{ ok: boolean; savedAt?: string; removed?: boolean; message?: string }>;
  initial: string;
}) {
  const marker = useRef<HTMLSpanElement>(null);
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const mine = ++latest;
        setStatus("Saving…");
        const result = await save(new FormData(form)).catch(() => ({ ok: false, savedAt: undefined, removed: false, message: undefined }));
        if (mine !== latest) return; // A newer save is on its way: its answer is the one to show.
        setStatus(
          result.ok
            ? result.savedAt
              ? `Saved at ${result.savedAt}`
              : result.removed
                ? "Answer removed"
                : "Not answered yet"
            : (result.message ?? "Could not save. Press Save answer to try again."),
        );
      }, 1200);
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
    };
  }, [save]);
  return (
    <span ref={marker} role="status" aria-live="polite" className="mb-3 block min-h-6 font-bold text-slate-700" data-testid="answer-status">
      {status}
    </span>
  );
}
