import 'server-only';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';
import { requireRole, requireViewer, type Viewer } from '@/lib/auth/viewer';
import { formDataToObject } from '@/lib/validation/form-data';
import { FORM_BROKEN, refusalMessage } from './refusal';
import { fieldErrorsOf, type FormResult, type FormValues } from './result';

/** Who may send the form: checked before anything is read (the DAL checks again beside the data). */
export type Access = 'public' | 'signed-in' | Role | readonly Role[];

export type ActionContext<Id> = {
  /** The signed-in viewer; null only for `access: 'public'`. */
  viewer: Viewer | null;
  /** The record id bound with `.bind(null, id)`, parsed with `id` (bound arguments are untrusted too). */
  id: Id;
  /** What was sent, as text, for a refusal the action builds itself. */
  values: FormValues;
};

type Schema = z.ZodType<unknown, unknown>;
/** What `run` answers: nothing (done), `{ ok: true, data }`, or a refusal (`refused(...)`, or one carrying `data`). */
type Outcome<Data> = void | FormResult<never> | { ok: true; data: Data } | FormResult<Data>;

export type FormActionConfig<S extends Schema, Data, IdSchema extends Schema | undefined> = {
  access: Access;
  /** A record id bound to the action; anything but a valid one is `notFound`. */
  id?: IdSchema;
  notFound?: string;
  /** The form's schema (built from lib/validation/fields.ts), or one built per request (it may throw an AppError). */
  schema: S | ((context: ActionContext<IdOutput<IdSchema>>) => S | Promise<S>);
  /** Fields sent as lists (checkbox groups) and `group-key` fields (lib/validation/form-data.ts); `files` keeps uploads. */
  read?: ReadOptions | ((context: ActionContext<IdOutput<IdSchema>>) => ReadOptions);
  /** The form message shown above the field messages when the input is refused. */
  invalid?: string | ((error: z.ZodError) => string | undefined);
  /** Parsed input → one DAL call. Returns nothing (or `{ ok: true, data }`) when done, or a refusal. */
  run: (input: z.output<S>, context: ActionContext<IdOutput<IdSchema>>) => Promise<Outcome<Data>>;
  /** On success: 'refresh' the current page, or revalidate a path (its layout and everything under it). */
  revalidate?: 'refresh' | string | ((input: z.output<S>, context: ActionContext<IdOutput<IdSchema>>) => string | undefined);
  /** On success: where to go next, if anywhere. */
  redirect?: (input: z.output<S>, data: Data | undefined, context: ActionContext<IdOutput<IdSchema>>) => string | undefined;
};

type ReadOptions = { arrays?: readonly string[]; groups?: readonly string[]; files?: readonly string[] };

type IdOutput<IdSchema> = IdSchema extends Schema ? z.output<IdSchema> : undefined;

/** Fields never sent back to the browser, even on a refusal. */
const SECRET_FIELDS = new Set(['password', 'current', 'confirm', 'token', 'code', 'recoveryCode']);

function echo(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string' || SECRET_FIELDS.has(key)) continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : [existing, value].flat();
  }
  return values;
}

async function checkAccess(access: Access): Promise<Viewer | null> {
  if (access === 'public') return null;
  if (access === 'signed-in') return requireViewer('action');
  return typeof access === 'string' ? requireRole(access as Role) : requireRole(...access);
}

/**
 * The pipeline every form takes, in order; each step's refusal ends it with a FormResult and nothing written:
 * 1. the form is a form, the bound id is one; 2. the viewer may use the form (`access`);
 * 3. the fields parse (messages by field, values echoed); 4. `run` calls the DAL, and an AppError it throws
 * becomes the form message; 5. on success, revalidate and redirect. Anything unexpected is thrown.
 */
async function pipeline<S extends Schema, Data, IdSchema extends Schema | undefined>(
  config: FormActionConfig<S, Data, IdSchema>,
  args: unknown[],
): Promise<FormResult<Data>> {
  const form = args.at(-1);
  if (!(form instanceof FormData)) return { ok: false, formError: FORM_BROKEN };
  const values = echo(form);
  let id: unknown;
  if (config.id) {
    const parsedId = config.id.safeParse(args[0]);
    if (!parsedId.success) return { ok: false, formError: config.notFound ?? 'This record could not be found.' };
    id = parsedId.data;
  }
  const area = config.access === 'public' || config.access === 'signed-in' ? undefined : typeof config.access === 'string' ? (config.access as Role) : config.access[0];
  let viewer: Viewer | null;
  try {
    viewer = await checkAccess(config.access);
  } catch (error) {
    return { ok: false, formError: refusalMessage(error, area), values };
  }
  const context = { viewer, id: id as IdOutput<IdSchema>, values };
  let data: Data | undefined;
  let input: z.output<S>;
  try {
    const schema = typeof config.schema === 'function' ? await config.schema(context) : config.schema;
    const parsed = schema.safeParse(formDataToObject(form, typeof config.read === 'function' ? config.read(context) : config.read));
    if (!parsed.success) {
      const formError = typeof config.invalid === 'function' ? config.invalid(parsed.error) : config.invalid;
      return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), formError, values };
    }
    input = parsed.data as z.output<S>;
    const outcome = await config.run(input, context);
    if (outcome && !outcome.ok) return { values, ...outcome } as FormResult<Data>;
    data = outcome?.data as Data | undefined;
  } catch (error) {
    return { ok: false, formError: refusalMessage(error), values };
  }
  const path = typeof config.revalidate === 'function' ? config.revalidate(input, context) : config.revalidate;
  if (path === 'refresh') refresh();
  else if (path) revalidatePath(path, 'layout');
  const next = config.redirect?.(input, data, context);
  if (next) redirect(next);
  return data === undefined ? { ok: true } : { ok: true, data };
}

type StateAction<Data, IdSchema> = IdSchema extends Schema
  ? (id: string, previous: FormResult<Data>, form: FormData) => Promise<FormResult<Data>>
  : (previous: FormResult<Data>, form: FormData) => Promise<FormResult<Data>>;

/** For a plain `<form action>`: the address to send a refused form to (`fieldErrors` set means refused input). */
type PlainFailure<Data> = { failed: (result: FormResult<Data>, fields: FormValues) => string };

/**
 * The one wrapper for every server action (saas-starter's `validatedAction` shape, with the DAL's
 * refusals as values). With `useActionState` it is called `(previous, form)`, or `(id, previous, form)`
 * when the config has `id`. With `failed`, it is a plain `<form action>` (no client state: it works
 * before the page's script has loaded), and a refusal, having nowhere else to be shown, becomes a
 * redirect to the address `failed` gives.
 */
export function formAction<S extends Schema, Data = undefined>(
  config: FormActionConfig<S, Data, undefined> & PlainFailure<Data>,
): (form: FormData) => Promise<void>;
export function formAction<S extends Schema, Data = undefined, IdSchema extends Schema | undefined = undefined>(
  config: FormActionConfig<S, Data, IdSchema>,
): StateAction<Data, IdSchema>;
export function formAction<S extends Schema, Data, IdSchema extends Schema | undefined>(
  config: FormActionConfig<S, Data, IdSchema> & Partial<PlainFailure<Data>>,
): (...args: never[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    const result = await pipeline(config, args);
    if (!config.failed) return result;
    const form = args.at(-1);
    if (!result.ok && form instanceof FormData) redirect(config.failed(result, echo(form)));
  };
}
