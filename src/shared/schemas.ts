import * as v from 'valibot';
import { checkRecord, isCalendarDate, RecordSchema } from '../core/records';
import type { Article, ArticleRecord } from '../core/types';
import type { MessageType, Request } from './messages';
import { CaptureSettingsSchema, RetentionPolicySchema } from './settings';
import { DiscoverySettingsSchema } from './discoverySettings';

/**
 * One valibot schema per message payload. The router validates every request against its
 * schema before a handler sees it; records are checked by the interchange RecordSchema.
 */

const MAX_BATCH_RECORDS = 10_000;
const MAX_IDS = 100_000;

const id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(1024, 'id is longer than 1024 characters'));
const nullableText = (max: number) => v.nullable(v.pipe(v.string(), v.maxLength(max)));
const empty = v.strictObject({});

const METADATA_SOURCES = ['json-ld', 'open-graph', 'meta', 'time-element', 'url', 'readability', 'host', 'none'] as const;
const SOURCE_FIELDS = ['title', 'byline', 'outlet', 'published', 'modified', 'lang', 'url'] as const;

/**
 * What an import would take: src/core/records.ts checkRecord (the interchange schema plus
 * real calendar dates, no prototype keys at any depth, no absurd nesting), so nothing can
 * be written by a message that could not be read back from an export.
 */
function importable<T extends object>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const check = checkRecord(dataset.value);
    if (!check.ok) addIssue({ message: check.reason });
  });
}

/** An interchange record; extra fields (dataset labels such as `lean`, `topic`) are kept. */
export const ArticleRecordSchema: v.GenericSchema<unknown, ArticleRecord> = v.pipe(
  RecordSchema,
  importable<v.InferOutput<typeof RecordSchema>>(),
);

const ArticleFields = v.looseObject({
  ...RecordSchema.entries,
  byline: nullableText(1000),
  lang: nullableText(35),
  words: v.pipe(v.number(), v.integer(), v.minValue(0)),
  modified: v.optional(nullableText(64)),
  sources: v.optional(
    v.partial(
      v.object(
        Object.fromEntries(SOURCE_FIELDS.map((f) => [f, v.picklist(METADATA_SOURCES)])) as Record<
          (typeof SOURCE_FIELDS)[number],
          v.PicklistSchema<typeof METADATA_SOURCES, undefined>
        >,
      ),
    ),
  ),
});
/** An extracted article: the record plus byline, language, word count and metadata origins. */
export const ArticleSchema: v.GenericSchema<unknown, Article> = v.pipe(ArticleFields, importable<v.InferOutput<typeof ArticleFields>>());

/** An http(s) address of at most 4096 characters (the background resolves and checks it again). */
const feedUrl = v.pipe(v.string(), v.trim(), v.minLength(1, 'url is empty'), v.maxLength(4096, 'url is longer than 4096 characters'));
/** Minutes between polls: from 15 minutes to a week. */
const pollInterval = v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(7 * 24 * 60));

const records = v.pipe(v.array(ArticleRecordSchema), v.maxLength(MAX_BATCH_RECORDS, `at most ${MAX_BATCH_RECORDS} records per message`));
const ids = v.pipe(v.array(id), v.maxLength(MAX_IDS, `at most ${MAX_IDS} ids per message`));

const day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date'),
  v.check(isCalendarDate, 'not a real calendar date'),
);
const outletName = v.pipe(v.string(), v.maxLength(500));
const filterFields = {
  query: v.optional(v.pipe(v.string(), v.maxLength(500))),
  outlets: v.optional(v.pipe(v.array(outletName), v.maxLength(5000, 'at most 5000 outlets'))),
  from: v.optional(day),
  to: v.optional(day),
  story: v.optional(v.pipe(v.string(), v.maxLength(500))),
  sameStoryAs: v.optional(id),
};
const listFields = {
  ...filterFields,
  outlet: v.optional(outletName),
  sort: v.optional(v.picklist(['saved', 'published', 'outlet', 'title'])),
  dir: v.optional(v.picklist(['asc', 'desc'])),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
};

export const requestSchemas: { [T in MessageType]: v.GenericSchema<unknown, Request<T>> } = {
  'tab/analyze': v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  'tab/related': v.strictObject({ article: ArticleSchema }),
  'archive/save': v.strictObject({ article: ArticleSchema }),
  'archive/get': v.strictObject({ id }),
  'archive/list': v.strictObject({ ...listFields, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  'archive/ids': v.strictObject({ ...listFields, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_IDS))) }),
  'archive/deleteMatching': v.strictObject({ filter: v.strictObject(filterFields), except: v.optional(ids) }),
  'archive/facets': empty,
  'archive/related': v.strictObject({ id }),
  'archive/delete': v.strictObject({ ids }),
  'archive/import': v.strictObject({ records }),
  'archive/importStart': v.strictObject({ source: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  'archive/importBatch': v.strictObject({ importId: id, records }),
  'archive/importCommit': v.strictObject({ importId: id }),
  'archive/importAbort': v.strictObject({ importId: id }),
  'archive/export': v.strictObject({
    after: v.optional(v.nullable(id)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
  }),
  'archive/loadSample': empty,
  'archive/stats': empty,
  'archive/origins': empty,
  'framing/compare': v.strictObject({
    article: v.optional(ArticleSchema),
    ids: v.pipe(v.array(id), v.minLength(1, 'no article ids'), v.maxLength(20, 'at most 20 articles')),
  }),
  'capture/set': CaptureSettingsSchema,
  'retention/set': v.strictObject({ policy: RetentionPolicySchema }),
  'retention/preview': v.strictObject({ policy: RetentionPolicySchema }),
  'discover/plan': v.strictObject({ article: ArticleSchema }),
  'discover/services': empty,
  'discover/setSettings': DiscoverySettingsSchema,
  'discover/start': v.strictObject({ article: ArticleSchema }),
  'discover/status': v.strictObject({ jobId: id, since: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'discover/cancel': v.strictObject({ jobId: id }),
  'discover/keep': v.strictObject({ id }),
  'feeds/list': empty,
  'feeds/add': v.strictObject({ url: feedUrl, intervalMinutes: v.optional(pollInterval) }),
  'feeds/import': v.strictObject({
    feeds: v.pipe(
      v.array(
        v.strictObject({
          url: feedUrl,
          title: v.pipe(v.string(), v.maxLength(500)),
          siteUrl: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
        }),
      ),
      v.maxLength(1000, 'at most 1000 feeds'),
    ),
  }),
  'feeds/remove': v.strictObject({ id }),
  'feeds/poll': v.strictObject({ id }),
  'feeds/setInterval': v.strictObject({ id, minutes: pollInterval }),
};

/** What the offscreen document accepts (src/offscreen): a page's HTML and address. */
export const OffscreenExtractSchema = v.strictObject({
  target: v.literal('offscreen'),
  type: v.literal('offscreen/extract'),
  html: v.pipe(v.string(), v.maxLength(20_000_000)),
  url: v.pipe(v.string(), v.maxLength(4096)),
});

/** Validates a payload; the first issue as a readable sentence ("article.title: Invalid type…"). */
export function validateRequest<T extends MessageType>(
  type: T,
  payload: unknown,
): { ok: true; value: Request<T> } | { ok: false; reason: string } {
  const schema = requestSchemas[type] as v.GenericSchema<unknown, Request<T>>;
  const result = v.safeParse(schema, payload);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  // valibot quotes the value it received, which may be megabytes long: keep it readable.
  return { ok: false, reason: clip(path ? `${path}: ${issue.message}` : issue.message, MAX_REASON_CHARS) };
}

const MAX_REASON_CHARS = 300;

/** `text`, cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
