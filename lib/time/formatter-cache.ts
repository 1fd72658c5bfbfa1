/**
 * Building an Intl.DateTimeFormat costs far more than using one (about 0.1 ms and a few kB each):
 * a caseload of 200 rows formatting dates with fresh formatters spent most of its render time
 * here. Formatters are cached per kind and time zone; the set of time zones is small.
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
