import { describe, expect, it } from "vitest";
import { invalidMigrationName, migrationFolderName } from "./migration-folder";

describe("migrationFolderName", () => {
  it("stamps the name with the UTC time, as Prisma does", () => {
    const now = new Date("2027-03-04T05:06:07.890Z");

    expect(migrationFolderName("add_notes", now, ["20261121000000_init", "migration_lock.toml"])).toBe(
      "20270304050607_add_notes",
    );
  });

  it("goes after a newest folder dated ahead of the clock", () => {
    const now = new Date("2026-12-05T05:00:00Z");

    expect(
      migrationFolderName("add_notes", now, ["20261205130000_session_version", "20261121000000_init"]),
    ).toBe("20261205130001_add_notes");
  });

  it("carries the extra second across midnight", () => {
    expect(migrationFolderName("x", new Date("2026-01-01T00:00:00Z"), ["20261231235959_last"])).toBe(
      "20270101000000_x",
    );
  });
});

describe("invalidMigrationName", () => {
  it("accepts snake_case and refuses anything that would make an awkward folder name", () => {
    expect(invalidMigrationName("add_case_notes")).toBeUndefined();
    expect(invalidMigrationName("v2")).toBeUndefined();
    for (const name of [undefined, "", "Add-Notes", "add notes", "../escape", "_x", "x__y"])
      expect(invalidMigrationName(name), String(name)).toMatch(/name/);
  });
});
