import { subscribeMyDevice, unsubscribeMyDevice } from '@/lib/dal/push-subscriptions';
import { isAppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/forms/result';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '@/lib/validation/push';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
/** A subscription is well under 1 KB; anything much larger is not one. */
const BODY_LIMIT = 8 * 1024;

/**
 * Turns push on (POST, the browser's PushSubscription as JSON) or off (DELETE, `{ endpoint }`) for this
 * device and the signed-in person. Only the portal's own pages may call it: a request whose Origin is
 * missing or another site's is refused (403), a malformed subscription gets 400 with a message saying
 * what is wrong, no session 401.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = pushSubscriptionSchema.safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return Response.json({ error: 'invalid_input', message: Object.values(errors)[0]?.[0] ?? 'Not a push subscription.', fieldErrors: errors }, { status: 400, headers: PRIVATE });
  }
  return answer(async () => {
    await subscribeMyDevice(parsed.data);
    return Response.json({ ok: true }, { status: 201, headers: PRIVATE });
  });
}

export async function DELETE(request: Request): Promise<Response> {
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = pushUnsubscribeSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: 'invalid_input', message: 'Say which device to stop (its endpoint).' }, { status: 400, headers: PRIVATE });
  return answer(async () => Response.json({ ok: await unsubscribeMyDevice(parsed.data.endpoint) }, { headers: PRIVATE }));
}

async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
}

/** The JSON body of a same-origin request, or the refusal to send. */
async function readJson(request: Request): Promise<unknown> {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  // Browsers always send Origin with a POST or DELETE from a page; without it this is not our page.
  if (!origin || !URL.canParse(origin) || new URL(origin).host !== host) {
    return Response.json({ error: 'forbidden', message: 'Push can only be turned on from Uplift’s own pages.' }, { status: 403, headers: PRIVATE });
  }
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return Response.json({ error: 'invalid_input', message: 'Send the subscription as JSON.' }, { status: 415, headers: PRIVATE });
  }
  const text = await request.text();
  if (text.length > BODY_LIMIT) return Response.json({ error: 'invalid_input', message: 'That is too large to be a push subscription.' }, { status: 413, headers: PRIVATE });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Response.json({ error: 'invalid_input', message: 'Not a push subscription.' }, { status: 400, headers: PRIVATE });
  }
}
