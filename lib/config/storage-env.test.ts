import { describe, expect, it } from "vitest";
import { parseStorageSettings } from "./storage-env";

const DEMO_DEFAULTS = { uploadDir: ".data/uploads" };
const S3 = {
  STORAGE_DRIVER: "s3",
  S3_REGION: "cn-hangzhou",
  S3_BUCKET: "evidence",
  S3_ACCESS_KEY_ID: "id",
  S3_SECRET_ACCESS_KEY: "secret",
};

describe("parseStorageSettings", () => {
  it("is local disk under .data/uploads for the demo when nothing is set", () => {
    expect(parseStorageSettings({}, DEMO_DEFAULTS)).toEqual({
      settings: { driver: "local", uploadDir: ".data/uploads" },
      problems: [],
    });
    expect(parseStorageSettings({ STORAGE_DRIVER: "", UPLOAD_DIR: "/x" }, DEMO_DEFAULTS).settings).toEqual({
      driver: "local",
      uploadDir: "/x",
    });
  });

  it("reads the S3 settings, with AWS's endpoint and virtual-hosted style unless told otherwise", () => {
    expect(parseStorageSettings(S3, DEMO_DEFAULTS).settings).toEqual({
      driver: "s3",
      endpoint: undefined,
      region: "cn-hangzhou",
      bucket: "evidence",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    expect(
      parseStorageSettings(
        { ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" },
        DEMO_DEFAULTS,
      ).settings,
    ).toMatchObject({ endpoint: "http://127.0.0.1:9000", forcePathStyle: true });
  });

  it("requires the S3 settings whenever the driver is s3, even in the demo", () => {
    const result = parseStorageSettings({ STORAGE_DRIVER: "s3", S3_BUCKET: "" }, DEMO_DEFAULTS);
    expect(result.settings).toBeUndefined();
    expect(result.problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "S3_ACCESS_KEY_ID",
      "S3_BUCKET",
      "S3_REGION",
      "S3_SECRET_ACCESS_KEY",
    ]);
  });

  it("refuses an unknown driver", () => {
    expect(parseStorageSettings({ STORAGE_DRIVER: "ftp" }, DEMO_DEFAULTS).problems).toEqual([
      expect.stringMatching(/^STORAGE_DRIVER: /),
    ]);
  });
});
