import { describe, expect, it } from "vitest";
import { deviceKeysToRemove } from "./device-keys";
import { draftStorageKey, sessionDraftKey } from "./draft";

describe("deviceKeysToRemove", () => {
  const keys = [
    draftStorageKey("ada", "visa-invitation"),
    sessionDraftKey("ada", "visa-invitation"),
    draftStorageKey("bob", "passport-renewal"),
    sessionDraftKey("bob", "passport-renewal"),
    "expedite:apply-draft:v0:bob:old-service",
    "expedite:something-else",
    "another-site:key",
  ];

  it("at sign-out (or on a shared computer) removes everything of ours, nothing of others", () => {
    expect(deviceKeysToRemove(keys, null)).toEqual(keys.filter((key) => key.startsWith("expedite:")));
  });

  it("for a signed-in account removes the drafts of every other account", () => {
    expect(deviceKeysToRemove(keys, "ada")).toEqual([
      draftStorageKey("bob", "passport-renewal"),
      sessionDraftKey("bob", "passport-renewal"),
      "expedite:apply-draft:v0:bob:old-service",
    ]);
  });
});
