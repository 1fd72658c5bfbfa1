/**
 * `npx tsx scripts/icons.ts`: draws the installable app's icons in public/icons/ from app/icon.svg with
 * sharp (installed with Next.js for image optimisation). Run again after changing the logo; the PNGs are
 * committed so builds need no image tooling.
 * - icon-192.png, icon-512.png: the logo as it is (rounded square).
 * - maskable-512.png: full-bleed background with the arrow inside the central 60 %, so launchers that
 *   crop to a circle or squircle never cut it (the maskable safe zone is the central 80 %).
 * - apple-touch-icon.png (180): iOS home screens, which round the corners themselves.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = process.cwd();
const out = path.join(root, 'public', 'icons');
mkdirSync(out, { recursive: true });

const logo = readFileSync(path.join(root, 'app', 'icon.svg'));
const arrow = 'M16 7 L25 17 H19.5 V25 H12.5 V17 H7 Z';
const fullBleed = (scale: number) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0f766e"/>` +
      `<g transform="translate(16 16) scale(${scale}) translate(-16 -16)"><path d="${arrow}" fill="#fff"/></g></svg>`,
  );

async function main() {
  for (const size of [192, 512]) await sharp(logo, { density: 1200 }).resize(size, size).png().toFile(path.join(out, `icon-${size}.png`));
  await sharp(fullBleed(0.6), { density: 1200 }).resize(512, 512).png().toFile(path.join(out, 'maskable-512.png'));
  await sharp(fullBleed(0.8), { density: 1200 }).resize(180, 180).png().toFile(path.join(out, 'apple-touch-icon.png'));
}

void main();
