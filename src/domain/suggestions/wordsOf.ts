/**
 * Words of a text as matching compares them: letters and digits only, lower case, accents dropped
 * ("Émile" and "emile" are one word), in order. Shared by owner-name and action-text matching.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
