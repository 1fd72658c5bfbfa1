'use client';

import { useEffect } from 'react';

/**
 * Registers public/sw.js, which makes the portal installable, receives push messages and shows an
 * offline page; it caches nothing a person sees (docs/ARCHITECTURE.md, "Installable app and push").
 */
export function ServiceWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without the worker the portal still works; only install and push are unavailable.
    });
  }, []);
  return null;
}
