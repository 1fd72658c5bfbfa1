import { timeZoneNames } from '@/lib/time';

/** Suggestions for a time zone field (`list={id}`): every IANA name the server accepts. */
export function TimeZoneList({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {timeZoneNames().map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
