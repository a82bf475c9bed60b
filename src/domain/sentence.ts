/** Ends a note with a full stop unless it already ends a sentence, so notes read on into what follows them. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["')\]]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
