/**
 * English function words (a union of the common SMART and NLTK lists, trimmed of words
 * that carry framing, such as "against" and "without", which we keep as content).
 */
const WORDS = `a about above after again all almost also although am an and any are aren't as at
be because been before being below between both but by can can't cannot could couldn't
did didn't do does doesn't doing don't down during each either else even ever every few for
from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its
itself just let's may me might more most much must mustn't my myself neither no nor not now of
off on once one only or other others ought our ours ourselves out over own per rather same
shall shan't she she'd she'll she's should shouldn't since so some such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this
those though through thus to too under until up upon us very was wasn't we we'd we'll we're
we've were weren't what what's whatever when when's where where's whether which while who
who's whom whose why why's will with won't would wouldn't yet you you'd you'll you're you've
your yours yourself yourselves also already another anyone anything around away back get got
like make many made well still within without along across among amongst onto toward towards
s t mr mrs ms dr`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
