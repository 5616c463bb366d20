import { createHmac } from "node:crypto";

// Alibaba Cloud's RPC-style signature (SignatureVersion 1.0, HMAC-SHA1), as its "Signature
// mechanism" page defines it: https://help.aliyun.com/en/document_detail/315526.html

/** RFC 3986 percent-encoding: only A–Z a–z 0–9 - _ . ~ stay; a space is %20, never "+". */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The parameters (without Signature) sorted by name, each name and value encoded, joined by &. */
export function canonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join("&");
}

/** StringToSign = HTTPMethod & percentEncode("/") & percentEncode(CanonicalizedQueryString). */
export function stringToSign(method: "GET" | "POST", params: Record<string, string>): string {
  return `${method}&${percentEncode("/")}&${percentEncode(canonicalizedQuery(params))}`;
}

/** Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). */
export function rpcSignature(
  method: "GET" | "POST",
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  return createHmac("sha1", `${accessKeySecret}&`)
    .update(stringToSign(method, params), "utf8")
    .digest("base64");
}

/** The Timestamp parameter: ISO 8601 in UTC without milliseconds, yyyy-MM-ddTHH:mm:ssZ. */
export function rpcTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}
