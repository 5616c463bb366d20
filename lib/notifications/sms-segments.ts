// GSM 03.38: the basic set costs one septet a character, the extension table two; any other
// character makes the whole message UCS-2. Single messages hold 160 septets or 70 UCS-2 units;
// concatenated parts lose room to their header: 153 and 67.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€";

/** How many SMS segments a text takes (carriers bill, and some split, by segment). */
export function smsSegments(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else return ucs2Segments(text);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

function ucs2Segments(text: string): number {
  // UTF-16 code units: a character outside the BMP takes two.
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}
