// Punctuation that joins translated pieces in markup. Chinese text takes full-width marks with no
// spaces around them (问题：…, （必填）); English takes ASCII ones with a space.

/** What goes after a label and before its value: "问题：" / "Problem: ". */
export function colonAfter(label: string, locale: string): string {
  return locale === "zh" ? `${label}：` : `${label}: `;
}

/** A label and its value on one line: "问题：文件模糊" / "Problem: blurry file". */
export function labelled(label: string, value: string, locale: string): string {
  return `${colonAfter(label, locale)}${value}`;
}

/** An aside in brackets: "（必填）" / "(required)". */
export function parenthesized(text: string, locale: string): string {
  return locale === "zh" ? `（${text}）` : `(${text})`;
}
