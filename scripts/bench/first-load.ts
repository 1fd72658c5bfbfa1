/**
 * First-load JavaScript of a page as a browser downloads it: every module script the HTML references,
 * fetched from the server and gzipped (what `next start` sends), counted once each.
 */
import { gzipSync } from 'node:zlib';

export type FirstLoad = { scripts: number; rawKb: number; gzipKb: number };

export async function firstLoadJs(origin: string, html: string): Promise<FirstLoad> {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"[^>]*>/g)) {
    // noModule polyfills are skipped by every browser that runs modules, so they are not first-load.
    if (/\snoModule/i.test(match[0])) continue;
    sources.add(match[1]!.replace(/&amp;/g, '&'));
  }
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const response = await fetch(new URL(source, origin));
    const bytes = Buffer.from(await response.arrayBuffer());
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { scripts: sources.size, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}
