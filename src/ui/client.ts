import { getBrowser } from '../shared/browser';
import type { Envelope, MessageType, Reply, Request, Response } from '../shared/messages';
import { t } from '../shared/i18n';
import { errorText } from '../core/errors';

/**
 * The UI's one connector to the background: sends a typed request and returns the typed
 * response, or throws an Error whose message is the background's reader-facing reason.
 */
export async function send<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  const envelope: Envelope<T> = { type, payload };
  let answer: unknown;
  try {
    answer = await getBrowser().runtime.sendMessage(envelope);
  } catch (e) {
    throw new Error(t('errBackgroundUnreachable', [errorText(e)]), { cause: e });
  }
  if (!isReply<T>(answer)) throw new Error(t('errNoAnswer'));
  if (!answer.ok) throw new Error(answer.error);
  return answer.data;
}

function isReply<T extends MessageType>(value: unknown): value is Reply<T> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'data' in value : value.ok === false && 'error' in value && typeof value.error === 'string';
}
