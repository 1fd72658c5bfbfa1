import { TextField, type TextFieldProps } from './text-field';

/**
 * A whole-number field: the numeric keypad on a phone, no autofill, and the saved `value` until the
 * form's last answer (`result`) gives what was typed. Parsing stays strict on the server (lib/forms).
 */
export function NumberField({ value, ...field }: Omit<TextFieldProps, 'defaultValue' | 'inputMode' | 'value'> & { value: number | null }) {
  return <TextField inputMode="numeric" autoComplete="off" defaultValue={value === null ? '' : String(value)} {...field} />;
}
