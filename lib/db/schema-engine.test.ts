import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { engineVersion } from "./schema-engine";
import { pgServerFromUrl } from "./schema-engine-adapter";

describe("the schema engine", () => {
  // Prisma 7.10.1 bundles engine 8.1.0-1.d1b3f37…, which npm does not serve as
  // @prisma/schema-engine-wasm; 8.1.0-2 is the same release (decision 015). When Prisma is upgraded
  // to another engine release, upgrade @prisma/schema-engine-wasm with it.
  it("is the release the installed Prisma CLI runs", () => {
    const cli = createRequire(import.meta.url)("@prisma/engines-version/package.json") as { version: string };
    const release = (version: string) => version.split("-")[0];
    const installed = engineVersion();

    expect(installed.package.endsWith(`.${installed.commit}`), "the loaded .wasm is the package's own").toBe(
      true,
    );
    expect(release(installed.package)).toBe(release(cli.version));
  });
});

describe("pgServerFromUrl", () => {
  it("splits a URL into the separate settings the engine's adapter needs", () => {
    expect(
      pgServerFromUrl("postgresql://app%40x:p%2Fw%3Ad@db.internal:6543/expedite?sslmode=disable"),
    ).toEqual({
      host: "db.internal",
      port: 6543,
      user: "app@x",
      password: "p/w:d",
      database: "expedite",
    });
  });

  it("fills in Postgres's defaults", () => {
    expect(pgServerFromUrl("postgres://postgres@[::1]")).toEqual({
      host: "::1",
      port: 5432,
      user: "postgres",
      password: undefined,
      database: "postgres",
    });
  });
});
