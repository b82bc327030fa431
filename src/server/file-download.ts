import "server-only";

export interface DownloadableFile {
  filename: string;
  contentType: string;
  sizeBytes: number;
  data: Uint8Array;
}

/**
 * An uploaded file as a download: never rendered inline (nosniff, attachment),
 * never cached, and its name safe in the header (ASCII fallback + RFC 5987).
 */
export function fileDownloadResponse(file: DownloadableFile): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
