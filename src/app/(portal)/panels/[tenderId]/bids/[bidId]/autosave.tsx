"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Saves the enclosing form as a draft a moment after the person stops
 * typing. Without JavaScript the form's own "Save draft" button does the same.
 */
export function Autosave({ save }: { save: (formData: FormData) => Promise<{ ok: boolean }> }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [status, setStatus] = useState("");
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      setStatus("");
      timer = setTimeout(async () => {
        setStatus("Saving…");
        const result = await save(new FormData(form)).catch(() => ({ ok: false }));
        const time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
        setStatus(result.ok ? `Draft saved at ${time}` : "Could not save the draft. Use the Save draft button.");
      }, 1500);
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
    <span ref={marker} role="status" aria-live="polite" className="block min-h-6 text-slate-700" data-testid="autosave-status">
      {status}
    </span>
  );
}
