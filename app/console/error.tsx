"use client";

// The site-wide error view (message, error reference, retry) also serves the console.
export { default } from "@/app/error";
