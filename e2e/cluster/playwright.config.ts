import { readFileSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import base from "../../playwright.config";
import type { ClusterState } from "./topology";

// The multi-instance journey (issue 14): run by scripts/test.ts after the main e2e suite, against the
// topology it started (e2e/cluster/topology.ts), whose state file CLUSTER_STATE names.
const stateFile = process.env.CLUSTER_STATE;
if (!stateFile) throw new Error("CLUSTER_STATE is not set: run the cluster test through `npm test`.");
const state = JSON.parse(readFileSync(stateFile, "utf8")) as ClusterState;

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  timeout: 240_000,
  use: { ...base.use, baseURL: state.baseUrl },
  projects: [{ name: "cluster", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: undefined,
});
