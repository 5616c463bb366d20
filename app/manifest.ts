import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest): applicants can add Expedite to their home
// screen. Names are both languages in one, as the brand is; the icons are app/icon.svg rendered once
// into public/icons (192 and 512 px, and a maskable one whose bolt keeps to the launcher's safe zone).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "加急通 Expedite",
    short_name: "加急通",
    description: "加急申请与实时进度 · Urgent applications with a live, transparent timeline",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1d5fd1",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
