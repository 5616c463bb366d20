/**
 * The Content-Security-Policy of our pages (set by proxy.ts with a fresh nonce per request; Next
 * reads the nonce from the request's copy of the header and puts it on its own scripts).
 * - script-src: only scripts carrying the nonce, and what they load ('strict-dynamic'); an
 *   injected <script> or inline handler never runs. React's dev build needs eval, production not.
 * - style-src allows inline styles: React renders `style` attributes (charts, progress bars), and
 *   nonces cannot cover attributes. Styles cannot run code; the script rule is what matters.
 * - frame-src 'self': the workspace frames PDFs from /api/evidence (whose own CSP allows that).
 * - frame-ancestors/object-src/base-uri/form-action: no framing of our pages (clickjacking), no
 *   plugins, no <base> hijack of relative URLs, no form posting our data elsewhere.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over https: on plain http (local runs) it would send sub-requests to a port nobody serves.
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and new for every page. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Powerful browser features none of our pages uses (file inputs with `capture` open the camera app
 * without it). Only features Chromium knows: unknown names are reported as header errors.
 */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";
