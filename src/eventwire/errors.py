"""Named exceptions with stable codes. Every message says what to do next (one line)."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. `code` is stable across releases so scripts and docs can refer to it."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(EventwireError):
    """An input file or record cannot be read as an article (becomes a Rejection, never a crash)."""

    code = "E100"


class ModelNotInstalled(EventwireError):
    code = "E200"


class GazetteerError(EventwireError):
    code = "E300"


class StoreError(EventwireError):
    code = "E400"


class NotFound(StoreError):
    """An event, article or revision id that the database does not hold."""

    code = "E404"


class CorrectionError(StoreError):
    """An analyst's change that cannot be applied (unknown field, a value of the wrong shape)."""

    code = "E410"


class InvalidCorrection(CorrectionError):
    """A corrected value the event schema or the taxonomy refuses: names the field and the reason."""

    code = "E411"

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class DiskFull(StoreError):
    """The disk (or the database's quota) is full: nothing is lost, a run resumes once there is room."""

    code = "E420"


class ReadOnlyStore(StoreError):
    """A write to a database opened read-only (a read-only file, folder or filesystem)."""

    code = "E421"


class UsageError(EventwireError):
    code = "E500"


class EngineError(EventwireError):
    """The distributed engine cannot run (no scheduler at the address, the extra not installed)."""

    code = "E600"


# Codes carried by Rejection records (stage "ingest" unless stated).
REJECT_EMPTY = "E101"  # no text
REJECT_ENCODING = "E102"  # not UTF-8 and not confidently another text encoding
REJECT_BINARY = "E103"  # binary content
REJECT_NO_DATE = "E104"  # no publication date: relative dates could not be resolved
REJECT_BAD_RECORD = "E105"  # a JSONL/CSV record that is malformed or lacks `text`
REJECT_BAD_DATE = "E106"  # a publication date that cannot be parsed
REJECT_UNSUPPORTED = "E107"  # a file type eventwire does not read
REJECT_NO_ARTICLE = "E108"  # an HTML page in which no article text was found
REJECT_FETCH = "E109"  # stage "fetch": a URL that could not be fetched (network, timeout, HTTP error, too large)
REJECT_ROBOTS = "E110"  # stage "fetch": robots.txt disallows the URL for eventwire's user agent
REJECT_NOT_FEED = "E111"  # a `watch` URL whose content is not an RSS or Atom feed
REJECT_DATE_RANGE = "E112"  # a publication date before 1900 or after tomorrow: a typo or a placeholder
REJECT_REUSED_ID = "E113"  # a second article in one batch with an id already seen and a different text
REJECT_LANGUAGE = "E114"  # an article in a language eventwire does not read (English, Ukrainian, Russian)
REJECT_EXTRACT = "E201"  # stage "extract": the pipeline raised on this article (a bug: please report it)
REJECT_PARTITION = "E202"  # stage "engine": the partition holding this input failed on every try
