import type { Runtime } from 'webextension-polyfill';
import type { MessageType, Reply } from '../shared/messages';
import { clip, requestSchemas, validateRequest } from '../shared/schemas';
import type { BackgroundDeps } from './deps';
import type { Handler, Handlers } from './handlers/types';
import { StorageFullError } from './storageErrors';
import { t } from '../shared/i18n';

export interface SenderPolicy {
  /** runtime.id of this extension. */
  extensionId: string;
  /** runtime.getURL(''), e.g. "chrome-extension://<id>/". */
  extensionOrigin: string;
}

export type Route = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply>;

/**
 * The background's one entry point for messages. Refuses senders other than this
 * extension's own pages (content scripts send nothing in this design), checks the type and
 * the payload, waits for the worker to be ready (database open, indexes loaded), runs the
 * handler with the dependencies, and always answers a Reply: nothing throws across the
 * message boundary.
 */
export function createRouter(handlers: Handlers, ready: () => Promise<BackgroundDeps>, policy: SenderPolicy): Route {
  return async (message, sender) => {
    const refusal = refuseSender(sender, policy);
    if (refusal) return { ok: false, error: refusal };
    if (typeof message !== 'object' || message === null || !('type' in message) || typeof message.type !== 'string') {
      return { ok: false, error: t('errNoType') };
    }
    const type = message.type;
    if (!isMessageType(type)) return { ok: false, error: t('errUnknownRequest', [type.slice(0, 80)]) };
    return dispatch(handlers, ready, type, 'payload' in message ? message.payload : undefined);
  };
}

async function dispatch<T extends MessageType>(
  handlers: Handlers,
  ready: () => Promise<BackgroundDeps>,
  type: T,
  payload: unknown,
): Promise<Reply<T>> {
  const checked = validateRequest(type, payload);
  if (!checked.ok) return { ok: false, error: t('errInvalidRequest', [type, checked.reason]) };
  try {
    const handler: Handler<T> = handlers[type];
    return { ok: true, data: await handler(checked.value, await ready()) };
  } catch (e) {
    return { ok: false, error: readableError(e) };
  }
}

function refuseSender(sender: Runtime.MessageSender, policy: SenderPolicy): string | null {
  if (sender.id !== policy.extensionId) return t('errForeignExtension');
  if (!sender.url?.startsWith(policy.extensionOrigin)) return t('errWebPage');
  return null;
}

function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(requestSchemas, type);
}

/** Errors thrown on purpose carry a reader's sentence; anything else is a bug, said as such. */
function readableError(e: unknown): string {
  if (e instanceof StorageFullError) return e.message;
  if (e instanceof Error && e.constructor === Error) return clip(e.message, MAX_ERROR_CHARS);
  const detail = clip(e instanceof Error ? `${e.name}: ${e.message}` : String(e), 200);
  return t('errUnexpected', [detail]);
}

/** Errors quote ids and values; a reply stays a sentence, not a dump. */
const MAX_ERROR_CHARS = 500;
