import { archiveHandlers } from './archive';
import { captureHandlers } from './capture';
import { feedsHandlers } from './feeds';
import { framingHandlers } from './framing';
import { retentionHandlers } from './retention';
import { tabHandlers } from './tab';
import type { Handlers } from './types';

/**
 * Every message's handler, one file per area (the prefix before the slash). A new area's
 * file exports `HandlersFor<'area'>` and is spread in here; a message without a handler
 * fails to compile.
 */
export const handlers: Handlers = {
  ...tabHandlers,
  ...archiveHandlers,
  ...framingHandlers,
  ...feedsHandlers,
  ...captureHandlers,
  ...retentionHandlers,
};
