const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** For text and attribute values alike: every value in the HTML passes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export type EmailParts = {
  lang: string;
  brand: string;
  title: string;
  greeting: string;
  body: string;
  numberLine: string;
  link: string;
  button: string;
  footer: string;
};

/**
 * A deliberately plain layout: inline styles and one column, because mail clients drop <style>
 * blocks and scripts, and many show images only on request.
 */
export function emailHtml(parts: EmailParts): string {
  const e = escapeHtml;
  return [
    "<!doctype html>",
    `<html lang="${e(parts.lang)}"><head><meta charset="utf-8"><title>${e(parts.title)}</title></head>`,
    "<body style=\"margin:0;padding:24px;background:#f1f5f9;font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#0f172a\">",
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">',
    `<p style="margin:0 0 16px;font-weight:bold;color:#1d4ed8">${e(parts.brand)}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px">${e(parts.title)}</h1>`,
    `<p style="margin:0 0 12px">${e(parts.greeting)}</p>`,
    `<p style="margin:0 0 12px;line-height:1.5">${e(parts.body)}</p>`,
    // Account messages have no application number.
    parts.numberLine ? `<p style="margin:0 0 20px;font-weight:bold">${e(parts.numberLine)}</p>` : "",
    `<p style="margin:0 0 24px"><a href="${e(parts.link)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:8px;text-decoration:none">${e(parts.button)}</a></p>`,
    `<p style="margin:0;font-size:12px;line-height:1.5;color:#475569">${e(parts.footer)}</p>`,
    "</div></body></html>",
  ].join("\n");
}
