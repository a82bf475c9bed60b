/**
 * Turns what Teams sends as message text into plain text we can store and show safely.
 * Teams delivers HTML-ish text (entities, `<p>`, `<br>`, mention tags); we keep words, never markup,
 * so a stored action shows the same in a card, in minutes and in an e-mail.
 */
export function toPlainText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n');
  const withoutTags = withBreaks.replace(/<\/?[a-z][^>]*>/gi, '');
  return cleanTypedText(decodeEntities(withoutTags));
}

/**
 * Tidies text a person typed into a card's input, which Teams sends as plain text: nothing in it is
 * markup, so `<b>` and `&amp;` stay as typed. Control characters would break cards and documents;
 * line breaks are kept, runs of spaces and tabs become one space.
 */
export function cleanTypedText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return safeCodePoint(parseInt(code.slice(2), 16), whole);
    if (code.startsWith('#')) return safeCodePoint(parseInt(code.slice(1), 10), whole);
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  // A surrogate on its own is half a character: it would turn into U+FFFD in storage and break JSON consumers.
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !surrogate ? String.fromCodePoint(code) : fallback;
}
