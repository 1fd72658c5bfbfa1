/**
 * @medplum/core reads WebSocket.CLOSING and WebSocket.CLOSED when it loads (for its subscription client,
 * which validation never uses). Node 20 has no global WebSocket without a flag, so the constants are
 * supplied here; this module must be imported before @medplum/core.
 */
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

export {};
