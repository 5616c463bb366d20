/**
 * Masks a person's name for places where others may see it (tracking page, staff lists).
 *
 * Names in scripts written without spaces (Chinese, also Japanese and Korean) keep the first and last character
 * and mask each one between (张小三 → 张*三, 欧阳小明 → 欧**明); two-character names keep only the first (张三 → 张*).
 * Other names: each word but the last becomes its first letter + "***" (a fixed length hides the word's length);
 * the last word (usually the family name) stays: John Smith → J*** Smith; a single word → J***.
 */

// Spaces inside such names are typing noise ("张 三"), not word boundaries.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function maskPersonName(name: string): string {
  const collapsed = name.normalize("NFC").trim().replace(/\s+/g, " ");
  if (collapsed === "") return "";

  if (UNSPACED_SCRIPT.test(collapsed)) {
    // Array.from splits by code point, so a rare character outside the BMP (𠮷) counts as one.
    const chars = Array.from(collapsed.replaceAll(" ", ""));
    // Two characters are usually surname + given name, so only the surname stays (张三 → 张*);
    // a one-character name is never shown unmasked either.
    if (chars.length <= 2) return `${chars[0]}*`;
    return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  }

  const words = collapsed.split(" ");
  const initial = (word: string) => `${Array.from(word)[0]}***`;
  if (words.length === 1) return initial(collapsed);
  return [...words.slice(0, -1).map(initial), words[words.length - 1]].join(" ");
}
