"""Event extraction: triggers, types, arguments and evidence from a parsed article."""
