type Shortcut = { keys: readonly string[]; label: string };

type Props = {
  id: string;
  open: boolean;
  onToggle: () => void;
  /** Already translated, like the title, intro and shortcut labels. */
  toggleLabel: string;
  title: string;
  intro?: string;
  /** The help's heading level where it stands in the page's outline. */
  heading?: "h2" | "h3";
  shortcuts: Shortcut[];
};

const KBD =
  "rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm";

/** Keyboard help as a disclosure (not a modal): it never traps focus; "?" (handled by the caller) or the button toggles it. */
export function ShortcutHelp({
  id,
  open,
  onToggle,
  toggleLabel,
  title,
  intro,
  heading: Heading = "h2",
  shortcuts,
}: Props) {
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-keyshortcuts="?"
        onClick={onToggle}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {toggleLabel}
        <kbd aria-hidden="true" className={KBD}>
          ?
        </kbd>
      </button>
      <section
        id={id}
        hidden={!open}
        aria-label={title}
        className="w-full rounded-xl border border-slate-200 bg-slate-50 p-4 sm:max-w-sm"
      >
        <Heading className="text-sm font-semibold">{title}</Heading>
        {intro && <p className="mt-1 text-sm text-slate-700">{intro}</p>}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.keys.join(" ")} className="contents">
              <dt className="flex gap-1">
                {shortcut.keys.map((key) => (
                  <kbd key={key} className={KBD}>
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{shortcut.label}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
