import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import { observabilityEnv } from "@/lib/env";
import { REDACTED, redactKeys, scrubLine } from "./redaction";

// The one structured logger (decision 020): JSON lines on stdout, written synchronously (no worker
// thread transports), redacted twice (lib/observability/redaction.ts). For people, pipe through
// `npx pino-pretty`.

export type { Logger } from "pino";
export type ProcessType = "web" | "worker";

type LoggerOptions = {
  processType: ProcessType;
  level?: string;
  /** Where finished lines go; stdout by default. Tests capture them here. */
  write?: (line: string) => void;
};

export function createLogger({ processType, level = "info", write }: LoggerOptions): Logger {
  const out = write ?? stdoutWriter();
  return pino(
    {
      level,
      base: { process_type: processType, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactKeys(object) },
      serializers: { err: (error: Error) => redactKeys(pino.stdSerializers.err(error)) },
      // Fixed shapes, cheap; wildcards in the middle of a path crash on Buffers (pino 10.4).
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          'req.headers["set-cookie"]',
          "headers.cookie",
          "headers.authorization",
        ],
        censor: REDACTED,
      },
    },
    { write: (line: string) => out(scrubLine(line)) },
  );
}

function stdoutWriter(): (line: string) => void {
  const destination = pino.destination({ dest: 1, sync: true });
  return (line) => destination.write(line);
}

// scripts/server.ts (run by tsx) and the app (bundled by Next) load this module twice in one
// process: the logger and the process type live on globalThis so both halves share them.
type LoggerState = { processType: ProcessType; logger?: Logger };
const STATE = Symbol.for("expedite.logger");

function state(): LoggerState {
  const holder = globalThis as typeof globalThis & { [STATE]?: LoggerState };
  return (holder[STATE] ??= { processType: "web" });
}

/** The process's logger, created on first use with LOG_LEVEL. */
export function logger(): Logger {
  const current = state();
  current.logger ??= createLogger({
    processType: current.processType,
    level: observabilityEnv().LOG_LEVEL,
  });
  return current.logger;
}

/** Called first thing by an entry point that is not the web server (e.g. the worker). */
export function setProcessType(processType: ProcessType): void {
  const current = state();
  if (current.processType === processType) return;
  current.processType = processType;
  current.logger = undefined;
}

export function processType(): ProcessType {
  return state().processType;
}

/** Puts `next` in place of the process's logger (tests capture lines); undefined goes back to stdout. */
export function replaceLogger(next: Logger | undefined): void {
  state().logger = next;
}
