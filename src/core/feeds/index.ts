/** Feeds: parsing RSS, Atom and JSON Feed into FeedItems, and OPML subscription lists. Pure: no DOM, no network. */
export { parseFeed } from './parse';
export { discoverFeeds } from './discover';
export { parseFeedDate } from './dates';
export { buildOpml, parseOpml, OpmlError, MAX_OPML_FEEDS, type OpmlFeed, type OpmlImport } from './opml';
export { decodeBody, refusedMediaType, type BodyKind } from './decode';
export { hostPattern, resolveHttpUrl } from './urls';
export * from './types';
export * from './directory';
