"""Cutting page chrome out of article text: lists of links to other stories, "Read also:" lines, ad labels, share
bars, comment forms, photo captions and bylines.

Text copied from a news page (or extracted from it by a tool less strict than trafilatura) often carries the
site's furniture after, or inside, the article: a "MORE ABOUT" or "Related Posts" list of other headlines with
their time stamps, a "Read also: <headline>" line, "Advertising" labels, "Leave a Reply" forms. Those headlines
report other events, on other days ("Russian drones strike farms, kill thousands of pigs"), and read as if
this article told them. They are cut here, before anything reads the text, so that the stored text, the
evidence offsets and the events all agree on what the article says.

A photo caption ("The aftermath of the attack on Kharkiv. Photo: SES", "... near the village. (Atesh/Telegram)")
retells the story's event, or an older one, as a line of its own: read as text it gives a second event, or a
date from the day the picture was published. A byline ("By Jane Doe", "Author: Jane Doe", "by Jane Doe March 9,
2025 7:27 AM 2 min read") is no prose either. Both go.

A list heading is cut only with the run of headline-like lines under it (short lines with no sentence-final
full stop, or time stamps); the first line of prose ends the run. An article that is nothing but such a list
is left as it is, so that it still ends as events, a no-event article or a rejection, never as nothing.
"""

from __future__ import annotations

import re

# Headings of lists of links to other stories, as whole lines (English, Ukrainian, Russian).
_LIST_HEADING = re.compile(
    r"(?:more about|more on this( story| topic)?|more from [\w .'-]{1,40}|more stories|latest( news| stories)?|"
    r"related( articles| posts| stories| news| content| coverage| topics)?|read more|read also|also read|see also|"
    r"most read|most popular|popular( now| news)?|trending( now)?|recommended( for you)?|you may also like|"
    r"top stories|editor'?s picks|"
    r"читайте також|більше новин|схожі новини|останні новини|популярне|новини партнерів|вас може зацікавити|"
    r"по темі|читайте также|похожие новости|последние новости|популярное|новости партнеров|"
    r"вас может заинтересовать|по теме|другие новости|інші новини)\s*[:.]?",
    re.IGNORECASE)
# A link written on one line after its label: "Read also: Defense Forces liberate ...".
_LINK_LINE = re.compile(r"(?:read (?:more|also)|also read|see also|читайте (?:також|также)|дивіться також|"
                        r"смотрите также)\s*:\s*\S.*", re.IGNORECASE)
# Labels that stand alone on a line between paragraphs.
_AD_LABEL = re.compile(r"(?:advertising|advertisement|sponsored( content)?|реклама|партнерський контент)",
                       re.IGNORECASE)
# A bar of share buttons: "Facebook Twitter Linkedin Mail", "Share this article".
_SHARE_BAR = re.compile(r"(?:share(?: this)?(?: article| story| on)?\s*:?\s*)?(?:(?:facebook|twitter|x|linkedin|mail|"
                        r"e-?mail|whatsapp|telegram|viber|reddit|pinterest|print|copy link)[\s,|/•·]*){2,}|"
                        r"share(?: this)?(?: article| story)?", re.IGNORECASE)
# The comment form under a post: everything from here on is the site's, not the article's.
_COMMENT_FORM = re.compile(r"(?:leave a (?:reply|comment)|post a comment|your email address will not be "
                           r"published\b.*|залишити коментар|оставить комментарий)\s*:?", re.IGNORECASE)
# Time stamps under listed headlines: "11:29, 21.01.2026", "03.02.2026 12:26", "2 hours ago", "Nov 8, 2024".
_TIME_STAMP = re.compile(
    r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?[,\s]*)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})?(?:[,\s]*\d{1,2}:\d{2})?|"
    r"\d+ (?:minutes?|hours?|days?) ago", re.IGNORECASE)
_MAX_HEADLINE = 180
# A caption's credit: "Photo: SES", "Stock Photo: Diana Ruda", "Фото: Вікіпедія", "Фото © flickr.com".
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s.(])(?:stock )?(?:photo|photos|picture|image|фото|фото/відео|фото/видео)\s*(?::|©)", re.IGNORECASE)
_JOINED_CREDIT = re.compile(r"[a-z]Photo:")  # "…drone attackPhoto: Sevastopol": a caption glued to its headline
# A credit in brackets closing the line, as the picture's source writes it: "(Atesh/Telegram)", "(Getty Images)",
# "(AFP)", "... sabotage operation. (Reuters)": a path, a credit word, or a bracket after a full stop. A bracket
# of prose or of a place ("(six miles)", "(Kherson Oblast)") is no credit.
_BRACKET_CREDIT = re.compile(r"(?:\((?:[^()\s/]+/[^()]{1,40})\)|\.\s+\((?:[A-Z@][\w.&'-]*\s?){1,4}\))$")
_CREDIT_WORDS = frozenset({"photo", "photos", "images", "image", "getty", "reuters", "afp", "ap", "epa", "telegram",
                           "facebook", "youtube", "screenshot", "handout", "courtesy", "file", "video", "x"})
_FINAL_BRACKET = re.compile(r"\(([^()]{1,60})\)$")
# A byline on a line of its own, with the time stamp and reading time sites put beside it.
_BYLINE = re.compile(
    r"(?:by|автор:?|author:)\s+(?:[A-Z\u0400-\u042f][\w.'-]+\s?){1,4}(?:\s*(?:and|,)\s*(?:[A-Z][\w.'-]+\s?){1,3})?"
    r"(?:[\s,|]*(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}:\d{2}\s*[AP]M|\d+ min read)){0,3}\s*",
    re.IGNORECASE)
_MAX_CAPTION = 400


def cut_page_chrome(text: str) -> str:
    """The text without link lists, link lines, ad labels and a trailing comment form; the text unchanged
    when none is found, or when nothing but them would be left."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if _COMMENT_FORM.fullmatch(line):
            keep[i:] = [False] * (len(lines) - i)
            break
        if (_AD_LABEL.fullmatch(line) or _SHARE_BAR.fullmatch(line) or _LINK_LINE.fullmatch(line)
                or _is_byline(line)):
            keep[i] = False
        elif is_caption(line):
            told = caption_text(line)
            if told:
                lines[i] = told  # a caption that tells what the picture shows is the story's: its credit goes
            else:
                keep[i] = False
        elif _LIST_HEADING.fullmatch(line):
            end = _end_of_list(lines, i + 1)
            if end > i + 1:
                keep[i:end] = [False] * (end - i)
                i = end
                continue
        i += 1
    if all(keep) and "\n".join(lines) == text:
        return text
    cut = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept).rstrip()
    return cut if cut.strip() else text


def _end_of_list(lines: list[str], start: int) -> int:
    """The index after the run of listed headlines (and their time stamps) that starts at `start`; `start`
    itself when the heading has no list under it. Trailing blank lines stay with the text."""
    end = start
    for j in range(start, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if not (_is_headline(line) or _TIME_STAMP.fullmatch(line)):
            break
        end = j + 1
    return end


def _is_headline(line: str) -> bool:
    """A line short enough for a headline that does not end as a sentence of prose does."""
    return len(line) <= _MAX_HEADLINE and not line.endswith((".", "!", "…", ";", ","))


def is_caption(line: str) -> bool:
    """A photo's caption: a short line that names the picture's source ("Photo: ...", "(Getty Images)")."""
    if not line or len(line) > _MAX_CAPTION:
        return False
    if _PHOTO_CREDIT.search(line) or _JOINED_CREDIT.search(line):
        return True
    bracket = _FINAL_BRACKET.search(line)
    if bracket is None or line.startswith("("):
        return False
    words = set(re.findall(r"[a-z]+", bracket.group(1).lower()))
    return bool(_BRACKET_CREDIT.search(line)) or bool(words & _CREDIT_WORDS)


_MIN_CAPTION_WORDS = 5  # fewer words before the credit name the picture ("The detainee", "Berdyansk")


def caption_text(line: str) -> str:
    """What a caption line says without its credit: '... in Kyiv yesterday. Photo: AFP' keeps the sentence (it
    may be the only place the story tells that event); a label ('Berdyansk (Photo: ...)') keeps nothing."""
    cuts = [m.start() for m in (_PHOTO_CREDIT.search(line), _JOINED_CREDIT.search(line), _FINAL_BRACKET.search(line))
            if m is not None]
    told = line[: min(cuts)].rstrip() if cuts else line
    if _JOINED_CREDIT.search(line) and not _PHOTO_CREDIT.search(line):
        told = line[: _JOINED_CREDIT.search(line).start() + 1]  # type: ignore[union-attr]
    return told if len(told.split()) >= _MIN_CAPTION_WORDS else ""


def _is_byline(line: str) -> bool:
    """'By Jane Doe', 'Author: Jane Doe', 'by Jane Doe March 9, 2025 7:27 AM 2 min read' (not 'By Friday, ...':
    the names are capitalised and nothing of a sentence follows them)."""
    match = _BYLINE.fullmatch(line)
    return match is not None and not line.rstrip().endswith(".")
