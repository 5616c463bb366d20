/** The value of one sample in the exposition text, found by name and labels. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([key, value]) =>
      (match[2] ?? "").includes(`${key}="${value}"`),
    );
    if (has) return Number(match[3]);
  }
  return undefined;
}
