import "server-only";
import { forbidden, notFound } from "next/navigation";
import { Forbidden, NotFound } from "./errors";

/**
 * For pages: a query's NotFound becomes Next's 404 page and Forbidden its 403
 * page (with the right HTTP status), instead of the generic error page.
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
