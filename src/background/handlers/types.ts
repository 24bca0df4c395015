import type { MessageType, Request, Response } from '../../shared/messages';
import type { BackgroundDeps } from '../deps';

/**
 * A handler gets a validated payload and the ready worker's dependencies, and answers the
 * response, or throws an Error whose message a reader understands.
 */
export type Handler<T extends MessageType> = (payload: Request<T>, deps: BackgroundDeps) => Promise<Response<T>>;

/** One handler per message: a message added to the protocol without a handler fails to compile. */
export type Handlers = { [T in MessageType]: Handler<T> };

/** A message type's area: the part before the slash ('archive' of 'archive/save'). */
export type Area = MessageType extends infer T ? (T extends `${infer A}/${string}` ? A : never) : never;

/** The messages of one area. */
export type MessagesOf<A extends Area> = Extract<MessageType, `${A}/${string}`>;

/** Exactly one area's handlers: what each file under handlers/ exports. */
export type HandlersFor<A extends Area> = { [T in MessagesOf<A>]: Handler<T> };
