import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { actionBody, findActionId, smallPdf } from "./server-actions";

// React's own encoder, as the browser runs it: our hand-made bodies must decode to the same fields.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

async function entries(form: FormData) {
  const result: [string, string][] = [];
  for (const [name, value] of form.entries())
    result.push([name, typeof value === "string" ? value : `file:${value.name}:${value.size}`]);
  return result;
}

async function decode(body: Buffer, contentType: string) {
  return entries(
    await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData(),
  );
}

describe("actionBody", () => {
  const pdf = smallPdf("test");

  it("encodes action(formData) as React does", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "proof.pdf");
    form.append("kind", "URGENCY_PROOF");
    const expected = await entries((await encodeReply([form])) as FormData);
    const { body, contentType } = actionBody(
      [
        ["file", { filename: "proof.pdf", contentType: "application/pdf", bytes: pdf }],
        ["kind", "URGENCY_PROOF"],
      ],
      { withState: false },
    );
    expect(await decode(body, contentType)).toEqual(expected);
  });

  it("encodes action(null, formData), the useActionState shape, as React does", async () => {
    const form = new FormData();
    form.append("evidenceIds", "a");
    form.append("evidenceIds", "b");
    form.append("reason", "long enough");
    const expected = await entries((await encodeReply([null, form])) as FormData);
    const { body, contentType } = actionBody(
      [
        ["evidenceIds", "a"],
        ["evidenceIds", "b"],
        ["reason", "long enough"],
      ],
      { withState: true },
    );
    expect(await decode(body, contentType)).toEqual(expected);
  });
});

describe("findActionId", () => {
  const manifest = {
    node: {
      abc: { filename: "lib/a/actions.ts", exportedName: "go" },
      def: { filename: "lib/b/actions.ts", exportedName: "go" },
    },
  };

  it("finds an action by file and export", () => {
    expect(findActionId(manifest, "lib/b/actions.ts", "go")).toBe("def");
  });

  it("says which action is missing", () => {
    expect(() => findActionId(manifest, "lib/c/actions.ts", "go")).toThrow(
      "No Server Action go from lib/c/actions.ts",
    );
  });
});

describe("smallPdf", () => {
  it("is sniffed as a PDF and differs per marker", () => {
    expect(smallPdf("a").subarray(0, 5).toString()).toBe("%PDF-");
    expect(smallPdf("a").equals(smallPdf("b"))).toBe(false);
  });
});
