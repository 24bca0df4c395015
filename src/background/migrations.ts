import type { ArchiveDb, UpgradeTx } from './dbSchema';

/**
 * Archive schema migrations as data (Bitwarden's numbered migrations, Refined GitHub's
 * ordered list with a note). Each step runs once, in order, inside the versionchange
 * transaction; it may only await requests of that transaction. A step is never edited
 * after release: a change is a new step. Every step is tested on before/after fixtures in
 * tests/unit/archive-migrations.test.ts.
 */
export interface Migration {
  version: number;
  /** What the step does and when it could be dropped. */
  note: string;
  up(db: ArchiveDb, tx: UpgradeTx): Promise<void> | void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    note: '2026-11-22: first schema: articles (by id; unique canonical url, savedAt, outlet, published), meta, staged imports. Never droppable: it creates the stores.',
    up(db) {
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      // Unique on the normalised canonical URL: one record per page. Records without a URL
      // have no urlKey and are left out of the index (IndexedDB skips missing keys).
      articles.createIndex('url', 'urlKey', { unique: true });
      articles.createIndex('savedAt', 'savedAt');
      articles.createIndex('outlet', 'record.outlet');
      articles.createIndex('published', 'record.published');
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('staging', { keyPath: ['importId', 'seq'] });
      const imports = db.createObjectStore('imports', { keyPath: 'importId' });
      imports.createIndex('updatedAt', 'updatedAt');
    },
  },
  {
    version: 3,
    note: '2026-11-22: index articles by [origin, savedAt], so retention counts and removes the oldest automatically added records without reading every row. Droppable only with retention.',
    up(_db, tx) {
      // Every row has an origin and a savedAt since v1: the index covers the whole store.
      tx.objectStore('articles').createIndex('originSavedAt', ['origin', 'savedAt']);
    },
  },
  {
    version: 4,
    note: "2026-11-22: feed subscriptions: feeds (by id; unique url) and feedItems (by [feedId, itemId]; state index [feedId, state]) holding each feed's poll state. Never droppable: it creates the stores.",
    up(db) {
      const feeds = db.createObjectStore('feeds', { keyPath: 'id' });
      feeds.createIndex('url', 'url', { unique: true });
      const items = db.createObjectStore('feedItems', { keyPath: ['feedId', 'itemId'] });
      items.createIndex('state', ['feedId', 'state']);
    },
  },
  {
    version: 5,
    note: "2026-12-04: changeLog (by counter): the ids each write put and removed, written in the write's own transaction, so a mirror (match index, catalog) whose snapshot is behind reads only what changed since. Droppable with the mirrors' catch-up (they would rebuild).",
    up(db) {
      db.createObjectStore('changeLog', { keyPath: 'counter' });
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
