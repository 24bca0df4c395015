import type { BodyKind } from '../../core/feeds';
import type { Archive } from '../archive';
import type { Fetched } from './fetchBounded';
import type { PageExtractor } from './pageExtractor';

/** What a feed's poll works with (poll.ts, archiveItem.ts); the service passes the real ones, tests offline stand-ins. */
export interface PollDeps {
  archive: Archive;
  fetchText(url: string, kind: BodyKind): Promise<Fetched>;
  pages: PageExtractor;
  /** True when Framelens may fetch this address (the reader granted its origin). */
  canRead(url: string): Promise<boolean>;
  now(): number;
}
