"""Which event a noun trigger tells, if any: its own modifiers and the sentence decide ('hunger strike' is a
protest, 'a cash withdrawal' nothing, 'talks' only when someone holds them)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt
from eventwire.records.taxonomy import Family as F

GUNFIGHTS = frozenset({"shootout", "firefight", "gunfight", "gunbattle"})


_CAUSE_WORDS = frozenset({"protest", "opposition", "against", "supporters", "thousands", "demanding", "demand",
                          "demands", "calling", "solidarity", "support", "peaceful"})
_TIME_PREPS = frozenset({"during", "after", "before", "since", "until", "following"})
_MARKET_WORDS = frozenset({"stocks", "stock", "shares", "market", "markets", "prices", "dollar", "oil", "bonds",
                           "equities", "index", "currency", "rupee", "euro", "yen", "gold", "futures"})


def noun_sense(tok: Token, family: str, conflict: bool) -> str | None:
    near = pt.words(tok.subtree)
    lemma = tok.lemma_.lower()
    if lemma == "strike" and near & {"hunger", "general", "workers", "labour", "labor"}:
        return "protest"
    if lemma in lx.LOSS_WORDS:
        return "clash" if conflict and near & lx.ARMED_WORDS else None
    if lemma in GUNFIGHTS:  # an exchange of fire is armed violence whatever the sentence says around it
        return None if near & {"penalty", "penalties"} else family
    if family in lx.CONTEXT_FAMILIES | {F.TERRITORY}:
        if lemma in ("strike", "blast", "explosion", "attack", "raid", "assault", "battle"):
            return family if (near & lx.WEAPON_WORDS or conflict) else None
        return family if conflict or pt.is_placed_caption(tok) else None
    if family == "withdraw":
        return family if near & lx.ARMED_WORDS else None  # troops withdraw; cash withdrawals are not events
    if lemma in ("rally", "march"):  # "a peaceful march of opposition supporters" (not "in March", "the march on")
        # a headline's first word may be tagged a proper noun ("Rally in Kyiv for prisoners of war")
        if tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ != "NOUN" and not tok.is_sent_start):
            return None
        # a rally at a named place, held or told with its cause; markets rally in stocks, not in towns
        # ("detained during the rally in Minsk" tells of a rally as the time of something else)
        placed = pt.is_placed_caption(tok) or (any(t.ent_type_ == "GPE" for t in tok.subtree)
                                               and not (tok.dep_ == "pobj" and tok.head.lower_ in _TIME_PREPS))
        held = tok.head.lemma_.lower() in {"hold", "organize", "organise", "join", "attend", "stage"}
        market = bool(pt.words(tok.sent) & _MARKET_WORDS)
        return "protest" if (near & _CAUSE_WORDS or (placed and not market)
                             or (held and tok.dep_ == "dobj" and not market)) else None
    if lemma in ("deal", "agreement", "accord"):
        return "agree" if near & lx.CONFLICT_AGREEMENT else None
    if lemma == "call":
        return "request" if pt.has_prep(tok, {"for"}) else None
    if lemma == "talk":
        return "consult" if tok.head.lemma_.lower() in {"hold", "resume", "begin", "open", "host"} else None
    if lemma in ("threat", "sanction", "embargo", "demand", "appeal", "accusation"):
        return family if conflict or pt.political_near(tok) else None
    return family
