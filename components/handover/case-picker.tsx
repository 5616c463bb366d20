"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-field";

/** One open case, its labels already in the reader's language. */
export type PickerCase = { id: string; number: string; meta: string };

const PAGE_SIZE = 20;

type CasePickerProps = {
  cases: PickerCase[];
  legend: string;
  /** Every case ticked to begin with (the handover), or none (a rebalance). */
  initiallyAll: boolean;
  /** Sends `scope=all` while "select all" is ticked (the handover then takes cases assigned meanwhile too). */
  sendsScope?: boolean;
  /** An optional note per case, sent as `caseNote.<id>`. */
  caseNotes?: { label: (number: string) => string; summary: (number: string) => string; hint: string };
  errorsFor?: (field: string) => string[] | undefined;
  onCountChange?: (count: number) => void;
};

/**
 * A long list of cases to tick, twenty to a page. Every row stays in the form (rows of other pages
 * are only hidden), so ticks and notes on other pages are sent too; ticked boxes are sent as `caseId`.
 */
export function CasePicker({
  cases,
  legend,
  initiallyAll,
  sendsScope = false,
  caseNotes,
  errorsFor,
  onCountChange,
}: CasePickerProps) {
  const t = useTranslations("rota.handover.picker");
  const id = useId();
  const [selected, setSelected] = useState(() => new Set(initiallyAll ? cases.map((item) => item.id) : []));
  const [page, setPage] = useState(0);
  const allRef = useRef<HTMLInputElement>(null);
  const pages = Math.max(1, Math.ceil(cases.length / PAGE_SIZE));
  const all = cases.length > 0 && selected.size === cases.length;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selected.size > 0 && !all;
    onCountChange?.(selected.size);
  }, [selected, all, onCountChange]);

  function toggle(caseId: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
  }

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={`${id}-count`}>
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      {cases.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
              <input
                ref={allRef}
                type="checkbox"
                className="size-5 accent-brand-600"
                checked={all}
                onChange={(event) =>
                  setSelected(new Set(event.target.checked ? cases.map((item) => item.id) : []))
                }
              />
              {t("selectAll", { count: cases.length })}
            </label>
            <p id={`${id}-count`} aria-live="polite" className="text-sm text-slate-600">
              {t("selected", { selected: selected.size, total: cases.length })}
            </p>
          </div>
          {sendsScope && all && <input type="hidden" name="scope" value="all" />}
          <ul className="flex flex-col gap-2">
            {cases.map((item, index) => (
              <li
                key={item.id}
                hidden={Math.floor(index / PAGE_SIZE) !== page}
                className="flex flex-col gap-1 rounded-xl border border-slate-200 p-3"
              >
                <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
                  <input
                    type="checkbox"
                    name="caseId"
                    value={item.id}
                    className="size-5 shrink-0 accent-brand-600"
                    checked={selected.has(item.id)}
                    onChange={(event) => toggle(item.id, event.target.checked)}
                  />
                  <span className="flex min-w-0 flex-col">
                    <span className="font-mono break-all">{item.number}</span>
                    <span className="text-xs font-normal text-slate-600">{item.meta}</span>
                  </span>
                </label>
                {caseNotes && (
                  <details className="text-sm" open={Boolean(errorsFor?.(`caseNote.${item.id}`))}>
                    <summary className="min-h-11 cursor-pointer py-2 text-brand-700">
                      {caseNotes.summary(item.number)}
                    </summary>
                    <TextAreaField
                      id={`case-note-${item.id}`}
                      name={`caseNote.${item.id}`}
                      label={caseNotes.label(item.number)}
                      hint={caseNotes.hint}
                      maxLength={1000}
                      rows={2}
                      errors={errorsFor?.(`caseNote.${item.id}`)}
                    />
                  </details>
                )}
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2 text-sm">
              <Button
                type="button"
                variant="secondary"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                {t("previous")}
              </Button>
              <span aria-live="polite" className="text-slate-600">
                {t("page", { page: page + 1, pages })}
              </span>
              <Button
                type="button"
                variant="secondary"
                disabled={page === pages - 1}
                onClick={() => setPage(page + 1)}
              >
                {t("next")}
              </Button>
            </nav>
          )}
        </>
      )}
    </fieldset>
  );
}
