"""eventwire: news reports in, verifiable event records out."""

__version__ = "0.1.0"
EVENT_SCHEMA = "eventwire.event/1"
