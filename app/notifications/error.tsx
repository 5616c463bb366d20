"use client";

// The site-wide error view (message, error reference, retry) also serves the notification list.
export { default } from "@/app/error";
