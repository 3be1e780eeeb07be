"""The newsroom's data model.

A *source story* is what arrived from an *outlet*, kept verbatim. An *article*
is the site's own edited version of one source story. Everything an editor
writes lives in the article's *revisions*: headline, standfirst, body, the
attached *disclaimer*, the *keywords* and the *Read Also links*. Revisions are
never changed once saved; the article points at its newest revision and, once
it has been published, at the revision readers see. A later draft therefore
never changes the public page until it is published itself.

One module per concern: `sources` (outlets, disclaimers, keywords, source stories),
`articles` (articles, revisions, Read Also links), `slugs`, `audit` (the trail, corrections,
notifications), `editing` (working copies, presence), `translation` (segments, glossary,
memory, overridden checks, names), `public` (the public site's generation) and `loading`.
Everything is imported from here: `from articles.models import Article`.
"""

from .articles import (  # noqa: F401
    LIVE_STATUSES,
    SUMMARY_WORDS,
    Article,
    ArticleQuerySet,
    ArticleStatus,
    ReadAlsoLink,
    Revision,
    free_slugs,
    person_name,
    summarize,
)
from .audit import (  # noqa: F401
    AuditAction,
    AuditRecord,
    ChangeKind,
    Correction,
    CorrectionQuerySet,
    Notification,
    NotificationStatus,
)
from .editing import (  # noqa: F401
    EditorPresence,
    WorkingCopy,
    WorkingCopyQuerySet,
)
from .loading import (  # noqa: F401
    RemembersLoaded,
)
from .public import (  # noqa: F401
    PublicGeneration,
)
from .slugs import (  # noqa: F401
    PROVISIONAL_SLUG,
    RESERVED_SLUGS,
    readable_slug,
    slug_for_import,
    source_slug,
    validate_not_reserved,
)
from .sources import (  # noqa: F401
    Disclaimer,
    Keyword,
    KeywordQuerySet,
    Language,
    Outlet,
    OutletQuerySet,
    OutletStatus,
    SourceFlag,
    SourceStory,
    keyword_slug,
)
from .translation import (  # noqa: F401
    FlagKind,
    FlagOverride,
    GlossaryTerm,
    MemoryEntry,
    MemoryEntryFingerprint,
    MemoryFingerprint,
    NameUse,
    Segment,
    SegmentKind,
    SegmentState,
)
