import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APPLICATION_FIELDS } from "@/lib/applications/schema";
import { applicationRequestBody } from "./api-callers.fixtures";
import {
  canonicalJson,
  requestHash,
  submissionKeyFor,
  toApiFieldErrors,
  toFormInput,
} from "./application-request";
import { applicationRequestSchema } from "./schema";

const file = (kind: string, text: string) => ({ kind, bytes: new TextEncoder().encode(text) });

describe("mapping an API submission onto the apply form", () => {
  it("fills every field the form has, and names every form field back in the API's terms", () => {
    const request = applicationRequestSchema.parse(applicationRequestBody());
    const form = toFormInput(request, { evidenceIds: [], submissionKey: "k" });
    expect(Object.keys(form).sort()).toEqual([...APPLICATION_FIELDS].sort());
    const named = toApiFieldErrors(Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, ["x"]])));
    expect(Object.keys(named).filter((field) => (APPLICATION_FIELDS as string[]).includes(field))).toEqual([
      "serviceCode",
      "tier",
      "neededBy",
      "utcOffsetMinutes",
      "reason",
    ]);
  });

  it("derives a valid UUID per client and key, never the same for two clients", () => {
    const a = submissionKeyFor("client-a", "key-1");
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(submissionKeyFor("client-a", "key-1")).toBe(a);
    expect(submissionKeyFor("client-b", "key-1")).not.toBe(a);
  });

  it("hashes the same request alike however it was serialized, and any change differently", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    const base = requestHash({ a: 1, b: 2 }, [file("ID_PROOF", "x"), file("OTHER", "y")]);
    expect(requestHash({ b: 2, a: 1 }, [file("OTHER", "y"), file("ID_PROOF", "x")])).toBe(base);
    expect(requestHash({ a: 1, b: 3 }, [file("ID_PROOF", "x"), file("OTHER", "y")])).not.toBe(base);
    expect(requestHash({ a: 1, b: 2 }, [file("ID_PROOF", "x"), file("OTHER", "z")])).not.toBe(base);
    expect(requestHash({ a: 1, b: 2 }, [file("OTHER", "x"), file("ID_PROOF", "y")])).not.toBe(base);
  });
});
