/**
 * Reporting verbs. The neutral ones (said, told, added...) against the loaded ones that
 * style guides warn about: the AP Stylebook ("said" is the neutral attribution; "claimed",
 * "insisted", "admitted" carry judgement) and Bell, "The Language of News Media" (1991),
 * ch. 9 on reporting verbs. Every form that can head an attribution is listed.
 */
// prettier-ignore
export const NEUTRAL_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes',
  'explained', 'explains', 'wrote', 'writes', 'replied', 'replies', 'responded', 'responds',
  'continued', 'continues', 'asked', 'asks', 'answered', 'answers', 'announced', 'announces',
  'reported', 'reports', 'confirmed', 'confirms', 'tweeted', 'tweets', 'posted', 'posts',
  'remarked', 'observed', 'recalled', 'recalls', 'testified', 'testifies', 'described', 'describes',
  'called', 'calls', 'commented', 'comments', 'went on', 'disclosed', 'discloses',
] as const;

// prettier-ignore
export const LOADED_VERBS = [
  'claimed', 'claims', 'insisted', 'insists', 'admitted', 'admits', 'conceded', 'concedes',
  'acknowledged', 'acknowledges', 'alleged', 'alleges', 'asserted', 'asserts', 'argued', 'argues',
  'contended', 'contends', 'maintained', 'maintains', 'warned', 'warns', 'declared', 'declares',
  'slammed', 'slams', 'blasted', 'blasts', 'denied', 'denies', 'dismissed', 'dismisses',
  'boasted', 'boasts', 'complained', 'complains', 'lamented', 'laments', 'charged', 'charges',
  'countered', 'counters', 'emphasized', 'emphasised', 'emphasizes', 'stressed', 'stresses',
  'urged', 'urges', 'vowed', 'vows', 'promised', 'promises', 'predicted', 'predicts',
  'suggested', 'suggests', 'cautioned', 'cautions', 'quipped', 'joked', 'mused', 'concluded',
  'shouted', 'yelled', 'scoffed', 'fumed', 'raged', 'railed', 'hit back', 'lashed out',
  'accused', 'accuses', 'condemned', 'condemns', 'criticised', 'criticized', 'decried',
  'pointed out', 'points out', 'threatened', 'threatens', 'demanded', 'demands', 'pleaded', 'praised', 'praises',
] as const;

export const SPEECH_VERBS: readonly string[] = [...NEUTRAL_VERBS, ...LOADED_VERBS];
const LOADED: ReadonlySet<string> = new Set(LOADED_VERBS);

export function isLoadedVerb(verb: string): boolean {
  return LOADED.has(verb.toLowerCase());
}
