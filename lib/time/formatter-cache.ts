/**
 * Building an Intl.DateTimeFormat costs far more than using one, and a long list formats a date per
 * row. Formatters are cached per kind and time zone; the set of time zones is small.
 */
const formatterCache = new Map<string, Intl.DateTimeFormat>();

export function cachedFormatter(kind: string, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = make();
    formatterCache.set(key, formatter);
  }
  return formatter;
}
