import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ndjsonLines, zipStream, type ZipEntry } from './ndjson';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts;
}

const join = (parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (all.set(part, offset), offset + part.length), 0);
  return all;
};

async function* from(...texts: string[]) {
  for (const text of texts) yield strToU8(text);
}

describe('ndjsonLines', () => {
  it('writes one resource per line, each line ending with a newline', () => {
    expect(strFromU8(ndjsonLines([{ resourceType: 'Patient', id: 'a' }, { resourceType: 'Patient', id: 'b' }]))).toBe(
      '{"resourceType":"Patient","id":"a"}\n{"resourceType":"Patient","id":"b"}\n',
    );
  });
});

describe('zipStream', () => {
  it('streams a zip that opens to the entries, in order', async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'Patient.ndjson', chunks: from('{"a":1}\n', '{"a":2}\n') };
      yield { name: 'manifest.json', chunks: from('{}') };
    }
    const parts = await collect(zipStream(entries()));
    expect(parts.length).toBeGreaterThan(1);
    const files = unzipSync(join(parts));
    expect(Object.keys(files)).toEqual(['Patient.ndjson', 'manifest.json']);
    expect(strFromU8(files['Patient.ndjson']!)).toBe('{"a":1}\n{"a":2}\n');
  });

  it('stops with the error when a source fails part-way, and what was sent is not a readable zip', async () => {
    async function* failing() {
      yield strToU8('{"a":1}\n'.repeat(5000));
      throw new Error('connection lost');
    }
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'Observation.ndjson', chunks: failing() };
      yield { name: 'manifest.json', chunks: from('{}') };
    }
    const sent: Uint8Array[] = [];
    await expect(
      (async () => {
        for await (const chunk of zipStream(entries())) sent.push(chunk);
      })(),
    ).rejects.toThrow('connection lost');
    expect(() => unzipSync(join(sent))).toThrow();
  });
});
