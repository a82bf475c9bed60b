import { decodeHTMLStrict } from 'entities';

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

/**
 * Decodes every HTML entity once (`&eacute;`, `&pound;`, `&rsquo;`, `&#x1F389;`) with the WHATWG
 * table from `entities`. Only entities ending in ";" count, so "AT&T" or "&notes" stay as typed.
 * One that names no character, or a code point HTML would replace with U+FFFD (zero, a lone
 * surrogate, beyond Unicode), stays as written: people see what they typed, not a "�".
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (entity) => {
    const decoded = decodeHTMLStrict(entity);
    return decoded.includes('\uFFFD') ? entity : decoded;
  });
}
