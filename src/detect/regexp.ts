/** Building regular expressions from word lists (rule data): shared by the PII rules and the sentence reach. */

/** Escape a literal for use inside a RegExp source. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
