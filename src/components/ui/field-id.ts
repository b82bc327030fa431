/**
 * Field names like "criteria.abc.weight" become valid, predictable ids. In a plain module (not "use client"), so
 * server components can call it too: a function exported from a client module is only a reference on the server.
 */
export function fieldId(name: string, prefix?: string): string {
  return `${prefix ? `${prefix}-` : ""}field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}
