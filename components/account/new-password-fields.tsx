import { TextField } from '@/components/ui/text-field';

/**
 * The new password and its confirmation, with the same hint and browser hints everywhere a password is
 * chosen (an invitation, a reset link, the account page). The server checks the rules again.
 */
export function NewPasswordFields({
  confirmLabel,
  errors,
}: {
  confirmLabel: string;
  errors?: { password?: string[]; confirm?: string[] };
}) {
  return (
    <>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few words you will remember work well."
        required
        errors={errors?.password}
      />
      <TextField label={confirmLabel} name="confirm" type="password" autoComplete="new-password" required errors={errors?.confirm} />
    </>
  );
}
