import { countMyPushDevices, getPushPublicKey } from '@/lib/dal/push-subscriptions';
import { PushDevice } from './push-device';

/** "Push on this device": how many of the person's devices have push on, and the button for this one. */
export async function PushSection({ what }: { what: string }) {
  const [publicKey, devices] = await Promise.all([getPushPublicKey(), countMyPushDevices()]);
  return (
    <section aria-labelledby="push-heading" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="push-heading" className="text-xl font-semibold">
        Push on this device
      </h2>
      <p className="text-base text-slate-700">
        {devices === 0 ? 'Push is not on for any of your devices yet.' : `Push is on for ${devices} ${devices === 1 ? 'device' : 'devices'}.`} Turn it on
        for each phone or computer where you want {what} to pop up. A push message only says that something is waiting; the details are in
        Uplift, after you sign in.
      </p>
      <PushDevice publicKey={publicKey} />
    </section>
  );
}
