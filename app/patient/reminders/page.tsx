import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { PushSection } from '@/components/account/push-section';
import { getMyReminderSettings } from '@/lib/dal/reminder-preferences';
import { minuteToTime, REMINDER_CHANNELS, REMINDER_KINDS } from '@/lib/reminders/preferences';
import { ReminderForm, type ReminderFormDefaults } from './_components/reminder-form';

export const metadata: Metadata = { title: 'Reminders' };

export default async function RemindersPage() {
  await guardArea('patient');
  const settings = await getMyReminderSettings();
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
      <PushSection what="reminders" />
      <ReminderForm defaults={defaults} nudgeDays={settings.nudgeDays} />
    </div>
  );
}
