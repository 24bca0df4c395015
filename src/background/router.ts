import type { Runtime } from 'webextension-polyfill';
import type { MessageType, Reply, Request, Response } from '../shared/messages';
import { clip, requestSchemas, validateRequest } from '../shared/schemas';
import { StorageFullError } from './storageErrors';

/** A handler gets a validated payload and answers the response, or throws an Error whose message a reader understands. */
export type Handler<T extends MessageType> = (payload: Request<T>) => Promise<Response<T>>;

/** One handler per message: a message added to Protocol without a handler fails to compile. */
export type Handlers = { [T in MessageType]: Handler<T> };

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
 * the payload, runs the handler, and always answers a Reply: nothing throws across the
 * message boundary.
 */
export function createRouter(handlers: Handlers, policy: SenderPolicy): Route {
  return async (message, sender) => {
    const refusal = refuseSender(sender, policy);
    if (refusal) return { ok: false, error: refusal };
    if (typeof message !== 'object' || message === null || !('type' in message) || typeof message.type !== 'string') {
      return { ok: false, error: 'Framelens received a message without a type and ignored it.' };
    }
    const type = message.type;
    if (!isMessageType(type)) return { ok: false, error: `Framelens does not know the request "${type.slice(0, 80)}".` };
    return dispatch(handlers, type, 'payload' in message ? message.payload : undefined);
  };
}

async function dispatch<T extends MessageType>(handlers: Handlers, type: T, payload: unknown): Promise<Reply<T>> {
  const checked = validateRequest(type, payload);
  if (!checked.ok) return { ok: false, error: `Framelens refused an invalid "${type}" request: ${checked.reason}.` };
  try {
    const handler: Handler<T> = handlers[type];
    return { ok: true, data: await handler(checked.value) };
  } catch (e) {
    return { ok: false, error: readableError(e) };
  }
}

function refuseSender(sender: Runtime.MessageSender, policy: SenderPolicy): string | null {
  if (sender.id !== policy.extensionId) return 'Framelens only answers its own pages; this request came from elsewhere and was refused.';
  if (!sender.url?.startsWith(policy.extensionOrigin)) return 'Framelens only answers its own pages (popup, options, comparison); this request came from a web page and was refused.';
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
  return `Framelens hit an unexpected problem (${detail}). Reload the extension and try again; if it persists, please report it.`;
}

/** Errors quote ids and values; a reply stays a sentence, not a dump. */
const MAX_ERROR_CHARS = 500;
