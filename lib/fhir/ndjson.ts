/**
 * FHIR Bulk Data style output: one NDJSON file per resource type (one resource per line) and a manifest
 * naming each file and its count, written last, so an export is complete exactly when its manifest exists.
 */
import { Zip, ZipDeflate } from 'fflate';

export type BulkOutput = { type: string; url: string; count: number };
export type BulkManifest = {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: BulkOutput[];
  error: never[];
};

export const ndjsonFileName = (type: string) => `${type}.ndjson`;
export const MANIFEST_FILE = 'manifest.json';

export function manifest(transactionTime: Date, request: string, output: BulkOutput[]): BulkManifest {
  return { transactionTime: transactionTime.toISOString(), request, requiresAccessToken: true, output, error: [] };
}

const encoder = new TextEncoder();

/** Lines of NDJSON for a batch of resources (each line ends with a newline). */
export function ndjsonLines(resources: readonly object[]): Uint8Array {
  let text = '';
  for (const resource of resources) text += `${JSON.stringify(resource)}\n`;
  return encoder.encode(text);
}

export type ZipEntry = { name: string; chunks: AsyncIterable<Uint8Array> };

/**
 * A zip streamed as it is made: entries are compressed one after another and each compressed chunk is
 * yielded as soon as fflate produces it, so only the batch being compressed is ever in memory. A failure
 * part-way stops the stream before the zip's central directory is written: what the receiver has is not a
 * readable zip, never a complete-looking one.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  };
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for await (const chunk of entry.chunks) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
