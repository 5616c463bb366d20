import { describe, expect, it } from "vitest";
import { chooseTool, parseToolVersion, serverMajor, toolConnection, type FoundTool } from "./pg-tools";

const tool = (major: number, path = `/usr/lib/postgresql/${major}/bin/pg_dump`): FoundTool => ({
  path,
  major,
  version: `${major}.4`,
});
const WHY = "The server is PostgreSQL 18 (pg_dump refuses a server newer than itself)";

describe("parseToolVersion", () => {
  it("reads the major version from what the tools print", () => {
    expect(parseToolVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({
      major: 15,
      version: "15.18",
    });
    expect(parseToolVersion("pg_restore (PostgreSQL) 18.1")).toEqual({ major: 18, version: "18.1" });
    expect(parseToolVersion("pg_dump (PostgreSQL) 19devel")).toEqual({ major: 19, version: "19" });
    expect(parseToolVersion("something else 15.1")).toBeNull();
  });

  it("reads the server's major version from server_version_num", () => {
    expect(serverMajor("180001")).toBe(18);
    expect(serverMajor(150018)).toBe(15);
  });
});

describe("chooseTool", () => {
  it("takes the newest tool when it is at least the server's version", () => {
    expect(chooseTool("pg_dump", 15, [tool(15), tool(17), tool(16)], WHY)).toEqual(tool(17));
    expect(chooseTool("pg_dump", 18, [tool(18)], WHY)).toEqual(tool(18));
  });

  it("says which version is needed, which was found and what to install when every tool is older", () => {
    expect(() => chooseTool("pg_dump", 18, [tool(15), tool(13)], WHY)).toThrow(
      `${WHY}, but the newest pg_dump found is 15.4 (/usr/lib/postgresql/15/bin/pg_dump): install postgresql-client-18`,
    );
    expect(() => chooseTool("pg_dump", 18, [tool(15)], WHY)).toThrow(
      /or set PG_DUMP to a pg_dump 18 or newer\.$/,
    );
  });

  it("says when there is no tool at all", () => {
    expect(() => chooseTool("pg_restore", 16, [], "The dump was written by pg_dump 16.2")).toThrow(
      "The dump was written by pg_dump 16.2, and no pg_restore was found on PATH: install postgresql-client-16",
    );
  });

  it("uses the override even when a newer tool is on PATH, and refuses one that is too old", () => {
    const override = tool(18, "/opt/pg/bin/pg_dump");
    expect(chooseTool("pg_dump", 17, [tool(19)], WHY, override)).toEqual(override);
    expect(() => chooseTool("pg_dump", 18, [tool(18)], WHY, tool(15, "/opt/pg15/pg_dump"))).toThrow(
      `${WHY}, but PG_DUMP points at pg_dump 15.4 (/opt/pg15/pg_dump): point PG_DUMP at a pg_dump 18 or newer.`,
    );
  });
});

describe("toolConnection", () => {
  it("keeps the password out of the command line and drops Prisma-only settings", () => {
    expect(
      toolConnection("postgresql://app:s%40cret@db.internal:5432/expedite?schema=public&sslmode=require"),
    ).toEqual({
      url: "postgresql://app@db.internal:5432/expedite?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
    expect(toolConnection("postgresql://postgres@127.0.0.1:5432/x")).toEqual({
      url: "postgresql://postgres@127.0.0.1:5432/x",
      env: {},
    });
  });
});
