/**
 * Recognisers for page furniture that Readability keeps inside the article: by the class
 * and id words sites give it (DOM level), and by the words it is written in (text level).
 * Site-independent by design: each pattern names a kind of furniture, never a site.
 */

/** Class/id words of elements that hold furniture, matched against an element's own class and id. */
export const FURNITURE_CLASS: readonly RegExp[] = [
  // Picture captions and credits.
  /caption|credit|copyright/,
  // Share bars and social buttons.
  /(?:^|[\s_-])(?:share|shares|sharing|sharebar|share-bar|social|socials|addthis|sharethis|sociable)(?:$|[\s_-])/,
  // Newsletter and subscription boxes, paywall prompts.
  /newsletter|(?:^|[\s_-])(?:subscribe|subscription|signup|sign-up|optin|opt-in|paywall|regwall|registration-wall|cta)(?:$|[\s_-])/,
  // "Related", "Recommended", "Read more" lists and recirculation widgets.
  /(?:^|[\s_-])(?:related|recommended|recommendations|more-stories|morestories|read-more|readmore|also-read|further-reading|outbrain|taboola|recirc|trending|most-popular|mostpopular|next-article|up-next)(?:$|[\s_-])/,
  // Author bios and boxes.
  /(?:^|[\s_-])(?:author-bio|authorbio|author-info|authorinfo|author-details|author-detail|author-description|about-author|about-the-author|author-box|bio-box|contributor-bio)(?:$|[\s_-])/,
  // Advertisement slots and labels.
  /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertising|adslot|ad-slot|ad-container|ad-wrapper|dfp|gpt-ad|sponsored|sponsor)(?:$|[\s_-])/,
  // Comment sections and counts.
  /(?:^|[\s_-])(?:comments?|comment-count|commentcount|disqus)(?:$|[\s_-])/,
  // Navigation menus.
  /(?:^|[\s_-])(?:nav|navbar|navigation|topnav|subnav|menu|submenu|menubar|sitenav)(?:$|[\s_-])/,
  // Tag lists, breadcrumbs, bylines and timestamps repeated in the body.
  /(?:^|[\s_-])(?:tags|tag-list|taglist|breadcrumb|breadcrumbs|byline|bylines|dateline|timestamp|published-date|post-meta|entry-meta|article-meta|post-author)(?:$|[\s_-])/,
];

/** A clock time or a written date: what makes a line a timestamp. */
const DATE_OR_TIME = String.raw`(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)`;

/** Short lines that are labels, prompts or counters, not sentences of the article. */
export const FURNITURE_TEXT: readonly RegExp[] = [
  /^(?:advertisement|advertisment|advert|ad|sponsored(?: content)?|story continues below(?: this)? advertisement|continue reading below|scroll to continue with content)$/i,
  /^(?:share|share this(?: article| story)?|share on \w+|tweet|email|print|whatsapp|copy link|facebook|twitter|linkedin|pinterest|reddit)(?:\s*[|/,]\s*\w+)*$/i,
  /^(?:read more|related|related articles?|related stories|related coverage|related content|recommended(?: for you| stories| reading)?|more on this story|more from \S+(?: \S+)?|more stories|you may also like|you might also like|you may be interested in|also read|see also|see more|don'?t miss|must read|most read|most popular|trending(?: now)?|up next|watch next|top stories|breaking news|editor'?s picks|latest news|sign in|log in|follow us|tell us what you think|what do you think\??|have your say|leave a comment|join the discussion)\s*(?:[:.…!]|\.\.\.)?$/i,
  /^(?:sign up|subscribe|get our|join our|receive our|never miss).{0,120}(?:newsletter|inbox|email|updates|alerts)/i,
  /^\d+\s+(?:comments?|replies|shares)$|^(?:comments?|view comments|show comments|join the conversation|leave a comment)\s*(?:\(\d+\))?$/i,
  /^(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?[,\s]*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?$/i,
  // Bylines with a date ("By Jane Doe - 11/18/19 11:04 PM EST", "By Jane Doe | Updated 5:03 pm").
  new RegExp(
    String.raw`^by\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s*(?:[-|,–—•·]|\bon\b|\bupdated\b|\s).{0,40}${DATE_OR_TIME}.{0,40}$`,
    'iu',
  ),
  new RegExp(String.raw`^[|•·\s]*(?:published|updated|posted|last updated|first published)\b.{0,40}${DATE_OR_TIME}.{0,40}$`, 'i'),
  // A picture credit or a copyright notice on its own line.
  /^(?:©|\(c\)|copyright\b|photo(?:graph)?\s*(?:credit)?\s*:|credit\s*:|image\s*(?:credit|source)?\s*:|source\s*:\s*getty)/i,
  /^(?:published|updated|posted|last updated)\s*:?\s*\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago$|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago$/i,
  // Teasers for embedded video and audio ("WATCH | ...", "Listen: ...").
  /^(?:watch|listen|video|audio|gallery|photos|in pictures)\s*[|:]/i,
  /^(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|\/)(?:\s*\/)?\s*\d+$/i,
  /^duration\s+\d{1,2}:\d{2}(?::\d{2})?$/i,
  /^(?:image|photo|picture|video|graphic)s?\s*(?:credit)?\s*:/i,
  /^(?:click here|tap here)\b.{0,80}$/i,
];

/**
 * A picture credit in parentheses at the end of a line: "(Fred Dufour/Pool/Reuters)",
 * "(Photo: Jane Doe/AP)", "(Getty Images)". Slash-separated credits are how agencies sign photos.
 */
export const PHOTO_CREDIT =
  /\((?:(?:photo|image|picture|credit|file photo|photograph)s?(?:\s+(?:credit|courtesy|source))?\s*:\s*[^()]{2,80}|[^()/]{2,50}(?:\/[^()/]{2,40}){1,3}|[^()]{0,40}\b(?:getty images|shutterstock|afp|reuters|associated press|ap photo|epa|alamy)\b[^()]{0,30})\)\s*$/i;

/** Picture descriptions: the words captions use and articles rarely do. */
export const CAPTION_WORDS =
  /\((?:pictured|pictured [a-z]+|above|below|left|right|centre|center|top|bottom|file photo|file picture|file)\)|\bpictured\b|\b(?:this|the|a) (?:file )?(?:photo|picture|image) (?:taken|shows|released|provided)|\bfile (?:photo|picture|image)\b|\bis pictured\b|\bare pictured\b/i;

/**
 * Promotions written as sentences, dropped when the paragraph is short: follow-us lines,
 * author contact lines, newsletter and forum invitations.
 */
export const PROMO_SENTENCE: readonly RegExp[] = [
  /\bfollow (?:us|him|her|them|me)\b.{0,40}(?:twitter|facebook|instagram|linkedin|@\w+)/i,
  /\b(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|inbox|podcast)\b/i,
  /\bjoin (?:our|the)\b.{0,40}\b(?:forums?|community|discussion)\b/i,
  /\b(?:reach|email|contact) (?:the )?(?:reporters?|writers?|authors?|him|her|them)\b.{0,20}(?:\bat\b|@|on twitter)/i,
  /\b(?:contains?|may contain|includes?) (?:\w+\s+){0,3}affiliate\b|\baffiliate (?:links?|commissions?)\b/i,
  /\bclick here\b/i,
];

/** Tags sites put after a teaser headline ("[VIDEO]", "[INSIGHT]"). */
export const TEASER_TAG =
  /\[(?:video|insight|reaction|pictures|pics|photos|live|analysis|poll|latest|revealed|comment|report|explained|opinion)\]\s*\|?\s*$/i;
