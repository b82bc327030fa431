import "server-only";
import { forbidden, notFound } from "next/navigation";
import { Forbidden, NotFound } from "./errors";

/**
 * For pages: a query's NotFound becomes Next's 404 page and Forbidden its 403
 * page (with the right HTTP status). A page need not wrap its queries for that
 * any more (the errors carry Next's digest: src/server/errors.ts); this stays
 * for the pages that still do.
 */
export async function readable<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}
