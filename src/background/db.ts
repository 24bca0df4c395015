import { openDB } from 'idb';
import type { ArchiveDb, FramelensDB } from './dbSchema';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** The archive's IndexedDB database (its schema: dbSchema.ts). */
export const DB_NAME = 'framelens';

/** Opens (and migrates) the archive database. */
export async function openArchiveDb(name = DB_NAME, migrations = MIGRATIONS, version = SCHEMA_VERSION): Promise<ArchiveDb> {
  return openDB<FramelensDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      const applied = migrations.filter((m) => m.version > oldVersion && m.version <= target);
      // Steps run in order inside the one versionchange transaction: if any fails, the
      // browser aborts it and the database stays at its old version, data intact.
      // openDB rejects when the upgrade fails; the transaction's own promise needs no second report.
      tx.done.catch(() => undefined);
      void (async () => {
        for (const m of applied) await m.up(db, tx);
        const schema = await tx.objectStore('meta').get('schema');
        const history = schema?.key === 'schema' ? schema.history : [];
        for (const m of applied) history.push({ version: m.version, note: m.note, at: Date.now() });
        await tx.objectStore('meta').put({ key: 'schema', version: target, history });
      })().catch(() => tx.abort());
    },
    blocking(_current, _next, event) {
      // A newer version (another extension context after an update) wants the database: let it.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
