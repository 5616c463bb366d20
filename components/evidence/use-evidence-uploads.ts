import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { announceSessionExpired } from "@/components/auth/session-expired";
import { isSessionExpired, type ActionResult } from "@/lib/action-result";
import { removeEvidence, uploadEvidence } from "@/lib/evidence/actions";
import { LIMIT_MESSAGE_VALUES, precheckFile, type Usage } from "@/lib/evidence/limits";
import type { EvidenceKind, SavedEvidence, UploadedEvidence } from "@/lib/evidence/types";

export type QueueItem = {
  key: string;
  file: File;
  kind: EvidenceKind;
  status: "queued" | "uploading" | "failed";
  /** i18n key of the failure. */
  error?: string;
  /** False when sending the same file again cannot help (wrong type, too big). */
  retryable?: boolean;
  /** Set for a replacement: the file to remove once the new one is stored. */
  replaces?: UploadedEvidence;
};

const FINAL_PROBLEMS = new Set(["evidence.empty", "evidence.tooLarge", "evidence.unsupportedType"]);

let nextKey = 0;

/**
 * The uploader's state: uploaded files, and a queue sent one file at a time (Server Actions
 * report no upload progress, so progress is "file n of m" plus each file's state).
 */
export function useEvidenceUploads({
  initialFiles,
  supplementRequestId,
}: {
  initialFiles?: UploadedEvidence[];
  supplementRequestId?: string;
}) {
  const t = useTranslations();
  const [files, setFiles] = useState<UploadedEvidence[]>(initialFiles ?? []);
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [progress, setProgress] = useState<{ current: number; total: number } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [duplicateNotice, setDuplicateNotice] = useState<{ kind: EvidenceKind; text: string } | null>(null);
  // The upload loop reads the queue between awaits, so it keeps its own current copy.
  const queueRef = useRef<QueueItem[]>([]);
  const running = useRef(false);
  const batch = useRef({ done: 0, total: 0 });

  const message = (key: string) => t(key, LIMIT_MESSAGE_VALUES);

  function commitQueue(next: QueueItem[]) {
    queueRef.current = next;
    setQueue(next);
  }

  function updateItem(key: string, change: Partial<QueueItem> | null) {
    commitQueue(
      change === null
        ? queueRef.current.filter((item) => item.key !== key)
        : queueRef.current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }

  function usage(excluding?: UploadedEvidence): Usage {
    const pending = queueRef.current.filter((item) => item.status !== "failed");
    const kept = files.filter((file) => file.id !== excluding?.id);
    return {
      count: kept.length + pending.length,
      totalBytes:
        kept.reduce((sum, file) => sum + file.sizeBytes, 0) +
        pending.reduce((sum, item) => sum + item.file.size, 0),
    };
  }

  function enqueue(kind: EvidenceKind, picked: File[], replaces?: UploadedEvidence) {
    const added: QueueItem[] = [];
    const current = usage(replaces);
    for (const file of picked) {
      const problem = precheckFile(file, current);
      const key = `upload-${nextKey++}`;
      if (problem) {
        added.push({
          key,
          file,
          kind,
          replaces,
          status: "failed",
          error: problem,
          retryable: !FINAL_PROBLEMS.has(problem),
        });
        continue;
      }
      current.count += 1;
      current.totalBytes += file.size;
      added.push({ key, file, kind, replaces, status: "queued" });
    }
    const failed = added.filter((item) => item.status === "failed");
    if (failed.length > 0) {
      setAnnouncement(
        failed
          .map((item) => t("evidence.announceFailed", { name: item.file.name, error: message(item.error!) }))
          .join(" "),
      );
    }
    batch.current.total += added.length - failed.length;
    commitQueue([...queueRef.current, ...added]);
    void drain();
  }

  async function send(item: QueueItem): Promise<ActionResult<SavedEvidence>> {
    const formData = new FormData();
    formData.set("file", item.file);
    formData.set("kind", item.kind);
    if (supplementRequestId) formData.set("supplementRequestId", supplementRequestId);
    try {
      return await uploadEvidence(formData);
    } catch {
      // Network trouble, an expired session page, a body over the server's limit …
      return { ok: false, message: "evidence.uploadFailed" };
    }
  }

  async function finish(item: QueueItem, result: ActionResult<SavedEvidence>) {
    if (!result.ok) {
      if (isSessionExpired(result)) announceSessionExpired();
      const error = Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message;
      updateItem(item.key, { status: "failed", error, retryable: !FINAL_PROBLEMS.has(error) });
      setAnnouncement(t("evidence.announceFailed", { name: item.file.name, error: message(error) }));
      return;
    }
    updateItem(item.key, null);
    const { duplicate, ...saved } = result.data;
    if (duplicate) {
      const text = t("evidence.duplicate", { name: saved.originalName });
      setDuplicateNotice({ kind: item.kind, text });
      setAnnouncement(text);
      setFiles((current) => (current.some((file) => file.id === saved.id) ? current : [...current, saved]));
      return;
    }
    setDuplicateNotice(null);
    const old = item.replaces;
    setFiles((current) => {
      const at = old ? current.findIndex((file) => file.id === old.id) : -1;
      return at < 0 ? [...current, saved] : current.map((file, index) => (index === at ? saved : file));
    });
    if (!old) {
      setAnnouncement(t("evidence.announceUploaded", { name: saved.originalName }));
      return;
    }
    // Uploaded first, removed second: a failed upload never costs the applicant the old file.
    const removal = await removeEvidence(old.id).catch(() => null);
    if (removal?.ok) {
      setAnnouncement(
        t("evidence.announceReplaced", { name: saved.originalName, oldName: old.originalName }),
      );
    } else {
      setFiles((current) => [...current, old]);
      setAnnouncement(t("evidence.announceUploaded", { name: saved.originalName }));
    }
  }

  async function drain() {
    if (running.current) return;
    running.current = true;
    try {
      for (let item = nextQueued(); item; item = nextQueued()) {
        updateItem(item.key, { status: "uploading" });
        setProgress({ current: batch.current.done + 1, total: batch.current.total });
        const result = await send(item);
        batch.current.done += 1;
        await finish(item, result);
      }
    } finally {
      running.current = false;
      batch.current = { done: 0, total: 0 };
      setProgress(null);
    }
  }

  function nextQueued() {
    return queueRef.current.find((item) => item.status === "queued");
  }

  return {
    files,
    queue,
    progress,
    announcement,
    duplicateNotice,
    message,
    add: (kind: EvidenceKind, picked: File[]) => enqueue(kind, picked),
    replace: (old: UploadedEvidence, file: File) => enqueue(old.kind, [file], old),
    retry(key: string) {
      const item = queueRef.current.find((entry) => entry.key === key);
      if (!item) return;
      const problem = precheckFile(item.file, usage(item.replaces));
      if (problem) {
        updateItem(key, { error: problem, retryable: !FINAL_PROBLEMS.has(problem) });
        setAnnouncement(t("evidence.announceFailed", { name: item.file.name, error: message(problem) }));
        return;
      }
      batch.current.total += 1;
      updateItem(key, { status: "queued", error: undefined });
      void drain();
    },
    dismiss: (key: string) => updateItem(key, null),
    /** Resolves to null when removed, else the i18n key of the failure. */
    async remove(file: UploadedEvidence): Promise<string | null> {
      const result = await removeEvidence(file.id).catch(() => ({
        ok: false as const,
        message: "evidence.removeFailed",
      }));
      if (!result.ok) return result.message;
      setFiles((current) => current.filter((entry) => entry.id !== file.id));
      setAnnouncement(t("evidence.announceRemoved", { name: file.originalName }));
      return null;
    },
  };
}
