/**
 * "Mariana López" → "ML", "Ana" → "A". A name that is only a phone number (no letters) has no
 * initials: the avatar shows a person icon instead.
 */
export function customerInitials(displayName: string): string {
  const words = displayName
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const first = words[0]?.match(/\p{L}/u)?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.match(/\p{L}/u)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
