"use client";

import en from "@/lib/i18n/messages/en/errorPage.json";
import zh from "@/lib/i18n/messages/zh/errorPage.json";
import { Button } from "@/components/ui/button";
import "./globals.css";

// Shown when the root layout itself fails (the database is down: see assertDatabaseReachable), with
// status 500. It replaces the layout that provides translations and the locale, so it says
// everything in both languages, from the same message files.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh items-center justify-center px-4">
        <main role="alert" className="max-w-lg text-center">
          {[zh, en].map((messages, index) => (
            <div key={index} lang={index === 0 ? "zh-CN" : "en"} className="mt-6">
              <h1 className="text-2xl font-bold">{messages.title}</h1>
              <p className="mt-2 text-slate-600">{messages.body}</p>
              {error.digest && (
                <p className="mt-2 font-mono text-xs text-slate-500">
                  {messages.reference.replace("{id}", error.digest)}
                </p>
              )}
            </div>
          ))}
          <Button className="mt-6" onClick={reset}>
            {zh.retry} · {en.retry}
          </Button>
        </main>
      </body>
    </html>
  );
}
