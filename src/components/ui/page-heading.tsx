import type { ReactNode } from "react";

export function PageHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  return (
    <div className="mb-6">
      {caption && <p className="text-lg text-slate-600">{caption}</p>}
      <h1 className="text-3xl font-bold md:text-4xl">{children}</h1>
    </div>
  );
}

export function Panel({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="mb-6 bg-green-700 p-6 text-white" role="status">
      <h2 className="text-2xl font-bold">{title}</h2>
      <div className="mt-2 text-lg">{children}</div>
    </div>
  );
}
