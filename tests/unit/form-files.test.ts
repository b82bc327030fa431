import { describe, expect, it } from "vitest";
import { formFiles } from "@/server/action-result";

// A file input left empty still posts one empty file: "" without JavaScript,
// "undefined" once React has carried the form to a server action. Neither is a
// file the user chose; anything with bytes or a real name is.
describe("formFiles", () => {
  const form = (...files: File[]) => {
    const data = new FormData();
    data.append("text", "not a file");
    for (const f of files) data.append("attachments", f);
    return data;
  };

  it("an empty file input is no file, with or without JavaScript", async () => {
    expect(await formFiles(form(new File([], "")), "attachments")).toEqual([]);
    expect(await formFiles(form(new File([], "undefined")), "attachments")).toEqual([]);
    expect(await formFiles(form(), "attachments")).toEqual([]);
  });

  it("chosen files come through with their names and bytes, even an empty one with a real name (the use case refuses it)", async () => {
    const files = await formFiles(form(new File(["%PDF-1.4"], "rota.pdf"), new File([], "empty.pdf")), "attachments");
    expect(files.map((f) => [f.filename, new TextDecoder().decode(f.bytes)])).toEqual([
      ["rota.pdf", "%PDF-1.4"],
      ["empty.pdf", ""],
    ]);
  });

  it("reads only the named field, never text values", async () => {
    expect(await formFiles(form(new File(["x"], "a.pdf")), "text")).toEqual([]);
  });
});
