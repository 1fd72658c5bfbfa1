import { createRandom } from '../../db/seed';

/**
 * Deterministic version-4-shaped UUIDs from a seeded stream, so the same seed gives the same
 * clinic down to its ids (and a second run of the same size is refused by name, not by collision).
 */
export function createUuidSource(seed: number): () => string {
  const random = createRandom(seed);
  const word = () => Math.floor(random.next() * 4_294_967_296);
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  return () => {
    const a = word();
    const b = (word() & 0xffff0fff) | 0x00004000;
    const c = ((word() & 0x3fffffff) | 0x80000000) >>> 0;
    const d = word();
    const bHex = hex(b >>> 0, 8);
    const cHex = hex(c, 8);
    return `${hex(a, 8)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex(d, 8)}`;
  };
}
