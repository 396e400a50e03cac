"""Small helpers shared by the argument finders: phrases, clauses and character spans in a Doc."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SENTENCE_ENDS = (".", "!", "?", '"', "”")


def ends_sentence(text: str) -> bool:
    """Text that closes as a sentence of prose does; headlines, captions and list lines do not."""
    return text.rstrip().endswith(SENTENCE_ENDS)


CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj"})


def phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`, without trailing relative clauses and appositions."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl"):
            break
        right = child.right_edge.i
    return tok.doc[left : right + 1]


def core_phrase(tok: Token) -> Span:
    """The head with its left modifiers only: 'AFP journalists' from 'AFP journalists in Kyiv'."""
    return tok.doc[tok.left_edge.i : tok.i + 1]


def clause_of(tok: Token) -> Span:
    """The smallest clause containing `tok`: the subtree of its nearest clausal head."""
    head = tok
    while head.dep_ not in CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    return tok.doc[head.left_edge.i : head.right_edge.i + 1]


def ancestors_to_root(tok: Token) -> Iterator[Token]:
    """Governing tokens from the nearest up, staying inside the sentence."""
    yield from tok.ancestors


def char_span(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _heading(tok: Token) -> bool:
    """A noun phrase that opens its sentence and ends in a colon: the heading of a report's line."""
    edge = tok.right_edge
    colon = edge.text == ":" or (edge.i + 1 < len(tok.doc) and tok.doc[edge.i + 1].text == ":")
    return bool(tok.left_edge.is_sent_start) and colon


def subject_of(verb: Token) -> Token | None:
    """The verb's active subject (the doer), or for an infinitive ('preparing to announce') the governing
    verb's. A passive subject ('20 people were detained') is the one acted on, so it is never returned."""
    for _ in range(4):
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        # "Krasnopilska hromada: Russians fired artillery": a line's heading before a colon is where, not who
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subj = next((c for c in subjects if not _heading(c)), subjects[0] if subjects else None)
        if subj is not None:
            return subj
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "took the town after recapturing the fields"
            verb = verb.head.head
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
