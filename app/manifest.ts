import type { MetadataRoute } from 'next';

/**
 * The web app manifest: what a phone needs to install Uplift to its home screen (iOS sends push only to
 * an installed web app). Served at /manifest.webmanifest; Next.js links it from every page.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Uplift physiotherapy',
    short_name: 'Uplift',
    description: 'Your exercises, pain diary and progress from your physiotherapist, in one place.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0f766e',
    lang: 'en-GB',
    categories: ['health', 'medical'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
