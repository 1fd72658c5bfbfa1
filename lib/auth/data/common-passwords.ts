/**
 * Passwords of 12 or more characters that appear near the top of public breach-frequency lists
 * (shorter ones are already refused by length). Kept lower-case; compared case-insensitively.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1q2w3e4r5t6y', 'qwertyuiop12',
  'qwertyuiopas', 'qwertyuiop123', 'password1234', 'password12345', 'password123456', 'passwordpassword',
  'iloveyou1234', 'abc123456789', 'abcdefghijkl', 'abcdefghijklm', 'aaaaaaaaaaaa', '111111111111',
  '000000000000', '123123123123', '121212121212', '987654321098', 'qazwsxedcrfv', 'qazwsxedcrfvtgb',
  '1qaz2wsx3edc', 'zaq12wsxcde3', 'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234',
  'administrator', 'administrator1', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'football1234',
  'baseball1234', 'superman1234', 'princess1234', 'sunshine1234', 'trustno1trustno1', 'monkey123456',
  'dragon123456', 'master123456', 'starwars1234', 'whatever1234', 'computer1234', 'internet1234',
  'michael12345', 'jennifer1234', 'charlie12345', 'liverpool123', 'arsenal12345', 'chelsea12345',
  'manchester12', 'qwerty123456', 'qwerty1234567', 'asdfghjkl123', 'asdfghjkl;\'', 'zxcvbnm12345',
  'correcthorsebatterystaple', 'correct horse battery staple', 'uplift-demo-2026', 'physiotherapy',
  'physiotherapy1', 'backpain1234', 'mypassword123', 'mypassword1234', 'thisismypassword',
  'letmeinplease', 'ilovemyfamily', 'spring2026!!', 'summer2026!!', 'autumn2026!!', 'winter2026!!',
  'password2025', 'password2026', 'password2027', 'welcome2026!', 'january2026!', 'december2026',
];

/**
 * Words at the heart of the most common passwords. A password that is one of these (or two of
 * them) padded with digits and symbols — "Password2026!!", "qwertyqwerty1" — is refused too.
 */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'pass', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'azerty', 'qazwsx', '1qaz2wsx', 'abcdef', 'abcdefg', 'iloveyou', 'welcome', 'letmein', 'admin', 'administrator',
  'login', 'changeme', 'secret', 'master', 'dragon', 'monkey', 'football', 'baseball', 'soccer', 'hockey', 'basketball',
  'sunshine', 'princess', 'shadow', 'superman', 'batman', 'spiderman', 'starwars', 'pokemon', 'whatever', 'trustno1',
  'michael', 'jennifer', 'jessica', 'charlie', 'thomas', 'daniel', 'andrew', 'matthew', 'jordan', 'hunter', 'harley',
  'ranger', 'buster', 'tigger', 'ginger', 'pepper', 'cookie', 'summer', 'winter', 'spring', 'autumn', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday',
  'friday', 'liverpool', 'arsenal', 'chelsea', 'manchester', 'london', 'england', 'computer', 'internet', 'freedom',
  'flower', 'lovely', 'loveme', 'hello', 'hellohello', 'goodbye', 'family', 'mother', 'father', 'secret', 'money',
  'killer', 'access', 'default', 'guest', 'test', 'testing', 'demo', 'uplift', 'physio', 'physiotherapy', 'backpain',
  'health', 'doctor', 'nurse', 'patient', 'clinic', 'hospital',
];
