/** "hold 5 seconds, …" → "Hold 5 seconds, …": dosage phrases start a line on their own in lists. */
export function sentenceCase(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
