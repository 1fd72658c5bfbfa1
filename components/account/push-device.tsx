'use client';

import { useEffect, useState } from 'react';

type Status = 'checking' | 'unsupported' | 'off' | 'on' | 'blocked' | 'working';

/** How long to wait for the service worker before saying push is not available here. */
const WORKER_WAIT_MS = 10_000;

async function workerRegistration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (!existing) await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The app’s service worker did not start.')), WORKER_WAIT_MS)),
  ]);
}

/** The server's public key as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let index = 0; index < raw.length; index++) bytes[index] = raw.charCodeAt(index);
  return bytes;
}

async function send(method: 'POST' | 'DELETE', body: unknown): Promise<string | null> {
  const response = await fetch('/api/push/subscription', { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (response.ok) return null;
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  return answer.message ?? 'Uplift could not save this device. Please try again.';
}

/** "Turn on push on this device": asks the browser's permission, subscribes, and tells Uplift. */
export function PushDevice({ publicKey }: { publicKey: string }) {
  const [status, setStatus] = useState<Status>('checking');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported' as const;
      if (Notification.permission === 'denied') return 'blocked' as const;
      const registration = await navigator.serviceWorker.getRegistration('/');
      const subscription = await registration?.pushManager.getSubscription();
      return subscription ? ('on' as const) : ('off' as const);
    })()
      .then((next) => !cancelled && setStatus(next))
      .catch(() => !cancelled && setStatus('unsupported'));
    return () => {
      cancelled = true;
    };
  }, []);

  async function turnOn() {
    setStatus('working');
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setStatus(permission === 'denied' ? 'blocked' : 'off');
        return;
      }
      const registration = await workerRegistration();
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const refused = await send('POST', subscription.toJSON());
      if (refused) {
        await subscription.unsubscribe();
        setMessage(refused);
        setStatus('off');
        return;
      }
      setMessage('Push is on for this device.');
      setStatus('on');
    } catch {
      setMessage('This browser could not turn push on. On an iPhone or iPad, add Uplift to your Home Screen first, then open it from there.');
      setStatus('off');
    }
  }

  async function turnOff() {
    setStatus('working');
    setMessage(null);
    try {
      const registration = await navigator.serviceWorker.getRegistration('/');
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await send('DELETE', { endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setMessage('Push is off for this device.');
      setStatus('off');
    } catch {
      setMessage('This browser could not turn push off. Please try again.');
      setStatus('on');
    }
  }

  return (
    <div className="space-y-3">
      {status === 'unsupported' ? <p className="text-base text-slate-800">This browser cannot receive push messages. Reminders still arrive in Uplift and by email.</p> : null}
      {status === 'blocked' ? (
        <p className="text-base text-slate-800">Notifications are blocked for Uplift in this browser’s settings. Allow them there, then come back to turn push on.</p>
      ) : null}
      {status === 'off' || (status === 'working' && !message) ? (
        <button
          type="button"
          onClick={turnOn}
          disabled={status === 'working'}
          className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {status === 'working' ? 'Turning on…' : 'Turn on push on this device'}
        </button>
      ) : null}
      {status === 'on' ? (
        <button
          type="button"
          onClick={turnOff}
          className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-400 bg-white px-5 py-3 text-base font-semibold text-slate-900 hover:bg-slate-100"
        >
          Turn off push on this device
        </button>
      ) : null}
      <p role="status" className="text-base text-slate-800">
        {message}
      </p>
    </div>
  );
}
