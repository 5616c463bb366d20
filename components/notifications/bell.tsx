import Link from "next/link";

type Props = {
  count: number;
  /** The whole accessible name, count included ("Notifications, 3 unread"): the badge is decoration. */
  label: string;
};

/** The header's way to the notification list, with the unread count as a badge (none at 0). */
export function Bell({ count, label }: Props) {
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-6"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 grid min-w-5 place-items-center rounded-full bg-red-700 px-1 text-xs font-bold leading-5 text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
