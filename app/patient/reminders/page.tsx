import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { getPushPublicKey } from '@/lib/dal/push-subscriptions';
import { getMyReminderSettings } from '@/lib/dal/reminder-preferences';
import { minuteToTime, REMINDER_CHANNELS, REMINDER_KINDS } from '@/lib/reminders/preferences';
import { PushDevice } from './_components/push-device';
import { ReminderForm, type ReminderFormDefaults } from './_components/reminder-form';

export const metadata: Metadata = { title: 'Reminders' };

export default async function RemindersPage() {
  await guardArea('patient');
  const [settings, publicKey] = await Promise.all([getMyReminderSettings(), getPushPublicKey()]);
  const { preferences } = settings;
  const defaults: ReminderFormDefaults = {
    exerciseTimes: preferences.exerciseMinutes.map(minuteToTime),
    quiet: preferences.quiet !== null,
    quietStart: preferences.quiet ? minuteToTime(preferences.quiet.start) : '21:00',
    quietEnd: preferences.quiet ? minuteToTime(preferences.quiet.end) : '08:00',
    channel: REMINDER_KINDS.flatMap((kind) => REMINDER_CHANNELS.filter((channel) => preferences.channels[kind][channel]).map((channel) => `${kind}:${channel}`)),
  };
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Reminders</h1>
      <p className="text-lg">
        Choose when Uplift reminds you and how. Times are in your time zone ({settings.timeZone.replace(/_/g, ' ')}). Emails and push messages only
        say you have a reminder; the details are here, after you sign in.
      </p>
      <section aria-labelledby="push-heading" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="push-heading" className="text-xl font-semibold">
          Push on this device
        </h2>
        <p className="text-base text-slate-700">
          {settings.pushDevices === 0
            ? 'Push is not on for any of your devices yet.'
            : `Push is on for ${settings.pushDevices} ${settings.pushDevices === 1 ? 'device' : 'devices'}.`}{' '}
          Turn it on for each phone or computer where you want reminders to pop up.
        </p>
        <PushDevice publicKey={publicKey} />
      </section>
      <ReminderForm defaults={defaults} nudgeDays={settings.nudgeDays} />
    </div>
  );
}
