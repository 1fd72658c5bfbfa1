/**
 * Password rules per OWASP ASVS 5.0 V6: at least 12 characters, at most 128, no composition rules,
 * not a commonly used password, checked exactly as typed (never trimmed).
 */
import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from './data/common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set(COMMON_PASSWORDS);
const commonWords = new Set(COMMON_PASSWORD_WORDS);

/** One or two common words (or a keyboard run) with only digits, symbols and spaces around them. */
function isPaddedCommonWord(lowered: string): boolean {
  const letters = lowered.replace(/[^\p{L}@]+/gu, ' ').trim();
  const words = letters
    .split(' ')
    .map((word) => word.replace(/^@+|@+$/g, ''))
    .filter(Boolean);
  if (words.length === 0) return /^[\d\s]+$/u.test(lowered); // digits only
  if (words.length > 2) return false;
  const joined = words.join('');
  if (commonWords.has(joined)) return true;
  if (words.length === 2 && words.every((word) => commonWords.has(word))) return true;
  // The same common word typed twice: "qwertyqwerty".
  const half = joined.slice(0, joined.length / 2);
  return joined.length % 2 === 0 && half + half === joined && commonWords.has(half);
}

/** Null when acceptable, else a plain message for the person choosing the password. */
export function checkNewPassword(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (common.has(lowered) || isPaddedCommonWord(lowered)) return 'That password is too common. Choose something less predictable.';
  const emailName = context.email?.split('@')[0]?.toLowerCase();
  if (emailName && emailName.length >= 4 && lowered.includes(emailName)) return 'Don’t include your email address in your password.';
  if (/^(.)\1+$/u.test(password)) return 'Don’t use one character repeated.';
  return null;
}
