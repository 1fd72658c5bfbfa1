import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { ServiceWorker } from '@/components/layout/service-worker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Uplift', template: '%s · Uplift' },
  description: 'Physiotherapy for back pain: your exercises, pain diary and progress in one place.',
  appleWebApp: { capable: true, title: 'Uplift', statusBarStyle: 'default' },
  // Set here, the icons replace app/icon.svg's own link, so the SVG is named too.
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) only reaches dynamically rendered pages.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        {children}
        <ServiceWorker />
      </body>
    </html>
  );
}
