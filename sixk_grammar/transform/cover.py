"""The cover page: from the cover's tree to the "cover" part of the dict.

The grammar marks every anchor (title, period, captions, questions, answers)
and keeps the free text between them as text runs.  This module reads what
the layout means: the run above a caption is the name that caption
describes, and a check mark belongs to the option it stands beside or under.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Transformer, v_args

from ..dates import iso_month
from ..parser import kind
from .common import NOT_A_NAME, Line, clean, first_token, squash

CAPTION_KINDS = {
    "EXACT_NAME_CAPTION": "exact_name", "NAME_CAPTION": "name",
    "TRANSLATION_CAPTION": "translation", "NAME_AND_ADDRESS_CAPTION": "name_and_address",
    "ADDRESS_CAPTION": "address", "JURISDICTION_CAPTION": "jurisdiction",
    "OTHER_CAPTION": "other",
}
NAME_CAPTIONS = ("exact_name", "name", "translation")
TITLE_ANCHORS = {"FORM_TITLE", "REPORT_TITLE", "RULE_REFERENCE", "UNITED_STATES",
                 "COMMISSION_HEADING", "WASHINGTON"}
OPTIONS = {"OPTION_20F": "20-F", "OPTION_40F": "40-F", "OPTION_YES": "yes", "OPTION_NO": "no"}
MARKED = {"MARK", "MARKED_BOX"}
UNMARKED = {"BLANK", "EMPTY_BOX"}
QUESTIONS = {"annual_report_check": "annual_report_form", "rule_12g3_check": "rule_12g3_2b",
             "paper_101b1_check": "paper_101b1", "paper_101b7_check": "paper_101b7",
             "other_check": "other", "unknown_check": "unknown"}
#: Which question an answer line with these options answers when nothing
#: above it says: 20-F/40-F is the annual report question, Yes/No the Rule
#: 12g3-2(b) question (the form's only Yes/No question).
FAMILIES = {"OPTION_20F": "annual_report_form", "OPTION_40F": "annual_report_form",
            "OPTION_YES": "rule_12g3_2b", "OPTION_NO": "rule_12g3_2b"}
#: Questions that are answered Yes/No (or with one box) by their own prompt.
YES_NO_QUESTIONS = {"rule_12g3_2b", "paper_101b1", "paper_101b7", "other"}


@dataclass
class TextRun:
    """Lines of free text, grouped into paragraphs by blank lines."""

    paragraphs: list[list[Line]]

    @property
    def lines(self) -> list[Line]:
        return [line for paragraph in self.paragraphs for line in paragraph]


@dataclass
class Period:
    text: str | None
    line: int
    column: int
    bare: bool = False       # a date alone on its line, with no prefix


@dataclass
class FileNumber:
    number: str | None
    line: int


@dataclass
class Caption:
    kind: str
    text: str
    line: int


@dataclass
class Question:
    """A check-box question with the answer tokens found after it."""

    key: str
    prompt: Token
    answers: list[Token] = field(default_factory=list)


@dataclass
class Line82:
    number: str | None
    text: str
    line: int
    column: int


@dataclass
class CoverEntry:
    """A numbered line on the cover: its number and its text."""

    number: Token
    text: Token


@dataclass
class Heading:
    items: list


@dataclass
class Checks:
    items: list


def join_lines(lines: list[Line]) -> str | None:
    return squash(" ".join(line.text for line in lines)) or None


class CoverTransformer(Transformer):
    """Callbacks for the rules of cover.lark (namespace ``cover``)."""

    def text_run(self, items):
        paragraphs: list[list[Line]] = [[]]
        current, current_end = None, 0
        for token in items:
            name = kind(token)
            if name == "NL":
                current = None
                if token.count("\n") > 1 and paragraphs[-1]:
                    paragraphs.append([])
            elif name in ("TEXT", "NAME_TEXT", "ADDRESS_TEXT"):
                text = clean(token)
                if not text:
                    continue
                if current is not None and current.line == token.line:
                    # tokens that touch ("Suite 900" read as two) join with no blank
                    gap = "" if token.column == current_end else " "
                    current.text = f"{current.text}{gap}{text}"
                    current.pieces.append(text)
                else:
                    current = Line(text, token.line, token.column, [text])
                    paragraphs[-1].append(current)
                current.ends_name = name == "NAME_TEXT"
                # (read only for a token on the same line; a token that runs
                # onto the next line has none after it on its first)
                current_end = token.column + len(str(token).rstrip())
                if name == "ADDRESS_TEXT" and current.address_from is None:
                    current.address_from = len(current.pieces) - 1
        return TextRun([p for p in paragraphs if p])

    def period(self, items):
        value = first_token(items, "PERIOD_DATE", "PERIOD_TEXT", "BARE_DATE")
        anchor = items[0]
        # A date loses the underlines it was typed on ("____March____, 2003");
        # text that is no date is kept as typed: a blank form's "____, 20__".
        text = None if value is None else squash(value) if kind(value) == "PERIOD_TEXT" else clean(value)
        return Period(text, anchor.line, anchor.column, kind(anchor) == "BARE_DATE")

    def file_number(self, items):
        number = first_token(items, "FILE_NUMBER")
        text = None
        if number is not None:
            text = squash(clean(number).strip("()").replace(" - ", "-")).replace("l", "1").replace("L", "1") or None
        return FileNumber(text, items[0].line)

    def caption(self, items):
        (token,) = items
        return Caption(CAPTION_KINDS[kind(token)], squash(token), token.line)

    def answers(self, items):
        return [token for token in items if kind(token) not in ("NL", "CHECK_ONE")]

    @v_args(tree=True)
    def _question(self, tree):
        """Any check question: its prompt and the answer tokens after it."""
        prompt = tree.children[0]
        answers = next((item for item in tree.children[1:] if isinstance(item, list)), [])
        return Question(QUESTIONS[kind(tree.data)], prompt, answers)

    annual_report_check = rule_12g3_check = paper_101b1_check = paper_101b7_check = _question
    other_check = unknown_check = _question

    def file_number_82(self, items):
        prompt = items[0]
        number = first_token(items, "FILE_NUMBER_82")
        values = [clean(t) for t in items[1:]]      # its line ends clean to blanks
        return Line82(squash(number).replace(" ", "") if number is not None else None,
                      squash(" ".join(values)), prompt.line, prompt.column)

    def cover_entry(self, items):
        return CoverEntry(*items)

    def cover_heading(self, items):
        return Heading([item for item in items if not (isinstance(item, Token) and kind(item) == "NL")])

    def cover_checks(self, items):
        """The check part's items; answer lines with no question above them
        become a question of their own, known by their options."""
        return Checks([Question("unprompted", item[0], item) if isinstance(item, list) else item
                       for item in items if not (isinstance(item, Token) and kind(item) == "NL")])

    def cover(self, items):
        return items


# ------------------------------------------------------------------ names ---

def read_heading(heading: Heading, ends_input: bool = False) -> dict:
    """Names, address, period, file number and title from the heading part
    (``ends_input``: nothing follows it, the input was cut inside it)."""
    items = heading.items
    names: dict[str, Name] = {}
    captions = []
    address = None
    run = None
    under_name = None       # the text run just under a name's caption
    company_run = _company_run(items, ends_input)
    for index, item in enumerate(items):
        if isinstance(item, TextRun):
            if not item.lines:
                continue        # nothing but rules ("===") or stray marks
            run = item
            if index and isinstance(items[index - 1], Caption) and items[index - 1].kind in NAME_CAPTIONS:
                under_name = under_name or item
            continue
        if isinstance(item, Caption):
            captions.append(item)
            if run is not None:
                # a name caption above already named the company: a block under
                # "(Name and address ...)" is then its address (a repeated name is cut below)
                opens_with_name = not names and (item.kind == "name_and_address" or run is company_run)
                described = _described(run, item, opens_with_name)
                name = described.get("name")
                if item.kind in NAME_CAPTIONS and name:
                    names.setdefault(item.kind, name)
                if item.kind in ("address", "name_and_address"):
                    address = address or described.get("address")
                    if name:
                        names.setdefault("name" if item.kind == "name_and_address" else "company", name)
        run = None
    if company_run is not None and "company" not in names:
        names["company"] = _name_of(company_run.paragraphs[0])
        address = address or _uncaptioned_address(company_run)
    if address is None and under_name is not None and any(line.address_from is not None
                                                          for line in under_name.paragraphs[0]):
        address = _address([line.text for line in under_name.paragraphs[0]])   # no caption of its own
    registrant, english = _registrant_names(names)
    if address and registrant and address.lower().startswith(registrant.text.lower() + ", "):
        address = address[len(registrant.text) + 2:]     # the block repeats the name above its address
    period = next((item for item in items if isinstance(item, Period) and not item.bare),
                  next((item for item in items if isinstance(item, Period)), None))
    numbers = [item for item in items if isinstance(item, FileNumber)]
    file_number = next((n for n in numbers if n.number), numbers[0] if numbers else None)
    title = first_token(items, "FORM_TITLE")
    return {
        "title": squash(title) if title is not None else None,
        "title_line": title.line if title is not None else None,
        "registrant": registrant.text if registrant else None,
        "registrant_line": registrant.line if registrant else None,
        "registrant_english": english.text if english else None,
        "names": [{"caption": c.text, "kind": c.kind, "line": c.line} for c in captions],
        "address": address,
        "period": period,
        "file_number": file_number,
    }


def _registrant_names(names: dict[str, Name]) -> tuple[Name | None, Name | None]:
    """The registrant's name and its English translation.

    A captioned exact name comes first.  An uncaptioned complete name (one
    that ends with its legal form) above a captioned translation is the exact
    name, the translation its English name ("Bayer Aktiengesellschaft" over
    "Bayer Corporation"), unless both end with the same legal form: then they
    are two registrants filing together ("ABN AMRO Holding N.V." over "ABN
    AMRO Bank N.V."), one name after the other.
    """
    names = {key: name for key, name in names.items() if name and name.text.lower() not in NOT_A_NAME}
    registrant = next((names[k] for k in ("exact_name", "name", "translation", "company") if k in names), None)
    english, company = names.get("translation"), names.get("company")
    if (registrant is english and company and company.complete and company.line < english.line
            and english.text.lower() not in company.text.lower()):   # not a line about the registrant
        if _legal_form(company.text) == _legal_form(english.text):
            registrant = Name(f"{company.text} {english.text}", company.line, True)
        else:
            registrant = company
    return registrant, english


def _legal_form(name: str) -> str:
    """A name's last word as a key: "N.V." and "NV" are one legal form."""
    return "".join(ch for ch in name.split()[-1].lower() if ch.isalnum())


def _company_run(items, ends_input: bool) -> TextRun | None:
    """The company's name when no caption names it: the first text run after
    the title lines, above the first caption (text below a caption is what
    that caption describes, or an address, never the registrant).  A date
    alone on its line after a company's name does not end the title lines.  A run
    that ends a cut input is one only if it ends with a legal form ("Inc.",
    "S.A."): a subject line or a title line cut short is not a name."""
    first_caption = next((i for i, item in enumerate(items) if isinstance(item, Caption)), len(items))
    last_anchor = -1
    for index, item in enumerate(items[:first_caption]):
        if isinstance(item, Period) and item.bare and any(
                isinstance(other, TextRun) and any(line.ends_name for line in other.lines)
                for other in items[last_anchor + 1:index]):
            continue
        if isinstance(item, (Period, FileNumber)) or (
                isinstance(item, Token) and kind(item) in TITLE_ANCHORS):
            last_anchor = index
    runs = [index for index in range(last_anchor + 1, first_caption)
            if isinstance(items[index], TextRun) and items[index].lines]
    if not runs:
        return None
    run = items[runs[0]]
    if ends_input and runs[0] == len(items) - 1 and not any(line.ends_name for line in run.paragraphs[0]):
        return None
    return run


@dataclass
class Name:
    """A name read from the cover: its text, its first line, and whether it
    ends with its legal form."""

    text: str
    line: int
    complete: bool = False
    rest: list[str] = field(default_factory=list)   # the text after it, when read from a run


def _name_of(lines: list[Line]) -> Name | None:
    """A name at the head of ``lines``, with the text after it.

    The name runs over lines until a parenthetical line (a caption, perhaps
    cut short), a line that begins an address, or the end of a line that
    ends with a legal form; or up to the first break inside a line: in text
    flattened from HTML the name runs into the address on its own line, and
    the grammar breaks the line where the name's legal form ends or the
    address begins ("ACME HOLDINGS N.V. | Kerkstraat 12").
    """
    parts: list[str] = []
    for index, line in enumerate(lines):
        if (index and line.text.startswith("(")) or line.address_from == 0:
            return _name(parts, lines[0].line, False, [l.text for l in lines[index:]])
        if len(line.pieces) > 1:
            parts.append(line.pieces[0])
            rest = [" ".join(line.pieces[1:])] + [l.text for l in lines[index + 1:]]
            return _name(parts, lines[0].line, line.ends_name or line.address_from == 1, rest)
        parts.append(line.text)
        if line.ends_name:
            return _name(parts, lines[0].line, True, [l.text for l in lines[index + 1:]])
    return _name(parts, lines[0].line, False, [])


def _name(parts: list[str], line: int, complete: bool, rest: list[str]) -> Name | None:
    text = squash(" ".join(parts)).rstrip("*\u2020\u2021").strip()
    return Name(text, line, complete, rest) if text else None


def _lines_of_name_above(paragraph: list[Line]) -> list[Line]:
    """The lines of the name a caption describes: the paragraph above it, up
    from the caption to a line that ends another name (with its legal form)
    -- text flattened from HTML keeps no blank line between them.  A line in
    parentheses goes on with the line above it, unless that line is a
    complete name: "(Formerly Point of Sale Ltd.)" under "RETALIX LTD." is a
    remark."""
    start = len(paragraph) - 1
    while start > 0 and (paragraph[start].text.startswith("(") or not paragraph[start - 1].ends_name):
        start -= 1
    lines = paragraph[start:]
    return [line for index, line in enumerate(lines)
            if not (index and line.text.startswith("(") and lines[index - 1].ends_name)]


def _uncaptioned_address(run: TextRun) -> str | None:
    """The address under a company's name that no caption names: the rest
    of the name's paragraph, or the paragraph after it, when one of its lines
    begins an address (a house number, a postal code, a P.O. Box...)."""
    first = run.paragraphs[0]
    name = _name_of(first)
    if name is None:
        return None
    if name.rest:
        lines = first[len(first) - len(name.rest):]
        texts = name.rest
    else:
        lines = run.paragraphs[1] if len(run.paragraphs) > 1 else []
        texts = [line.text for line in lines]
    return _address(texts) if any(line.address_from is not None for line in lines) else None


def _address(lines: list[str]) -> str | None:
    """An address's lines as one value, a comma between them."""
    return ", ".join(part for part in (line.strip().rstrip(",").strip() for line in lines) if part) or None


def _described(run: TextRun, caption: Caption, opens_with_name: bool) -> dict:
    """What the text run above a caption says, for that caption's kind
    (``opens_with_name``: an address block that may begin with the company's name)."""
    lines = run.lines
    if caption.kind in NAME_CAPTIONS:
        above = _lines_of_name_above(run.paragraphs[-1])
        return {"name": _name([line.text for line in above], above[0].line,
                              above[-1].ends_name, [])}
    if caption.kind in ("name_and_address", "address") and opens_with_name:
        if len(run.paragraphs) > 1:
            head = run.paragraphs[0]
        else:   # no blank line: the name ends where its legal form or the address does
            name = _name_of(lines)
            head = lines if name is not None and name.rest else lines[:1]
        name = _name_of(head)
        rest = (name.rest if name else []) + [other.text for other in lines[len(head):]]
        return {"name": name, "address": _address(rest)}
    if caption.kind in ("name_and_address", "address"):
        return {"address": _address([line.text for line in lines])}
    return {}


# ------------------------------------------------------------ check boxes ---

def resolve_answers(answers: list[Token]) -> list[dict]:
    """Which options the marks belong to, in reading order.

    On an option line a mark belongs to the option it follows ("Form 20-F X"),
    or, when the line opens with a mark, to the option after it ("[X] Yes").
    An option that ends its line with nothing after it takes the marks that
    open the next line ("Form 20-F" / "___X___ Form 40-F ___").  On a line of
    marks alone, the marks go in order to the options above that have none
    of their own when they are as many; otherwise a mark belongs to the
    option above whose column span holds it.  With no options at all the
    answer is a single box ("Rule 101(b)(1): ____").
    """
    slots: list[dict] = []
    current: list[dict] = []
    waiting: dict | None = None      # an option that ended its line unanswered
    for line_tokens in _by_line(answers):
        options = [t for t in line_tokens if kind(t) in OPTIONS]
        if options:
            current = [_slot(OPTIONS[kind(t)], t) for t in options]
            slots.extend(current)
            leading = next(i for i, t in enumerate(line_tokens) if kind(t) in OPTIONS)
            if waiting is not None and leading:
                for token in line_tokens[:leading]:
                    _attach(waiting, token)
                line_tokens, marks_first = line_tokens[leading:], False
            else:
                marks_first = leading > 0
            seen = -1
            for token in line_tokens:
                if kind(token) in OPTIONS:
                    seen += 1
                    continue
                _attach(current[min(seen + 1, len(current) - 1)] if marks_first else current[max(seen, 0)], token)
            waiting = current[-1] if kind(line_tokens[-1]) in OPTIONS and not marks_first else None
            continue
        waiting = None
        marks = [t for t in line_tokens if kind(t) in MARKED | UNMARKED]
        if not current:
            if marks and not slots:
                slots.append(_slot("box", marks[0]))
            for token in marks:
                _attach(slots[0], token)
            continue
        unanswered = [slot for slot in current if not (slot["marked"] or slot["blank"])]
        if unanswered and len(marks) == len(unanswered):
            for slot, token in zip(unanswered, marks):
                _attach(slot, token)
        else:
            for token in marks:
                _attach(_slot_under(current, token.column), token)
    return slots


def _by_line(tokens):
    groups: list[list[Token]] = []
    for token in tokens:
        if groups and groups[-1][0].line == token.line:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _slot(option, token) -> dict:
    return {"option": option, "marked": False, "mark": None, "blank": False,
            "line": token.line, "column": token.column}


def _slot_under(slots, column):
    chosen = slots[0]
    for slot in slots:
        if slot["column"] <= column:
            chosen = slot
    return chosen


def _attach(slot, token):
    name = kind(token)
    if name in MARKED:
        if not slot["marked"]:
            slot.update(marked=True, mark=squash(token), line=token.line, column=token.column)
    elif name in UNMARKED:
        slot["blank"] = True


def answer_value(slots: list[dict], yes_no: bool = True):
    """The dict's value for a question: the one option marked, else None.
    A single box answers a yes-or-no question (``yes_no``) only: it cannot
    say which of Form 20-F and Form 40-F."""
    marked = [slot["option"] for slot in slots if slot["marked"]]
    if len(slots) == 1 and slots[0]["option"] == "box":
        if not yes_no:
            return None
        return "yes" if marked else ("no" if slots[0]["blank"] else None)
    if len(marked) != 1:
        return None
    return marked[0]


def answer_groups(question: Question) -> list[tuple[str, list[Token]]]:
    """A question's answer lines, split where a line brings options of the
    other kind or repeats an option: (the question each part answers, its
    tokens).

    A part answers the question itself when its options fit it (or it has
    none: a single box).  A part whose options do not fit, a second part, or
    a part with no question above it answers the question its options
    belong to: a "Form 20-F / Form 40-F" line the annual report question, a
    "Yes / No" line the Rule 12g3-2(b) question.
    """
    parts: list[tuple[str | None, list[Token]]] = []   # (family, tokens)
    line_start = 0
    answers = question.answers
    for index, token in enumerate(answers):
        if index == 0 or token.line != answers[index - 1].line:
            line_start = index
        family = FAMILIES.get(kind(token))
        if parts:
            known, tokens = parts[-1]
            if family is None or (known in (None, family) and kind(token) not in {kind(t) for t in tokens}):
                parts[-1] = (known or family, tokens + [token])
                continue
            # "[ ] Yes [X] No": on a line that opens with a mark, the mark
            # before an option goes with it.
            if (index - 1 > line_start and kind(answers[line_start]) not in FAMILIES
                    and kind(answers[index - 1]) not in FAMILIES):
                parts[-1] = (known, tokens[:-1])
                parts.append((family, [answers[index - 1], token]))
                continue
        parts.append((family, [token]))
    fits = {None: True, "annual_report_form": question.key == "annual_report_form",
            "rule_12g3_2b": question.key in YES_NO_QUESTIONS}
    groups = []
    for index, (family, tokens) in enumerate(parts):
        own = fits[family] and not any(key == question.key for key, _ in groups)
        groups.append((question.key if own else family, tokens))
    return groups or [(question.key, [])]


def read_checks(checks: Checks | None) -> dict:
    """Answers, marks and the 82- number from the check part."""
    result = {"annual_report_form": None, "rule_12g3_2b": None, "paper_101b1": None,
              "paper_101b7": None, "file_number_82": None, "marks": {}, "line_82": None}
    if checks is None:
        return result
    for item in checks.items:
        if isinstance(item, Question):
            for key, tokens in answer_groups(item):
                if key in ("unknown", "unprompted"):
                    continue
                _record_answer(result, key, item, tokens)
        elif isinstance(item, Line82) and result["line_82"] is None:
            result["line_82"] = item
            result["file_number_82"] = item.number
    return result


def _record_answer(result: dict, key: str, question: Question, tokens: list[Token]) -> None:
    """Keep the first answer given to each question; its marks for the linter."""
    slots = resolve_answers(tokens)
    where = question.prompt if key == question.key else tokens[0]
    entry = {"line": where.line, "column": where.column,
             "options": [{k: s[k] for k in ("option", "marked", "mark", "line", "column")} for s in slots],
             "not_applicable": any(kind(t) == "NOT_APPLICABLE" for t in tokens)}
    known = result["marks"].get(key)
    if known is None or (entry["options"] and not known["options"]):
        result["marks"][key] = entry
    if key in result and result[key] is None:
        result[key] = answer_value(slots, yes_no=key != "annual_report_form")


def build_cover(heading: Heading, checks: Checks | None, ends_input: bool = False) -> dict:
    """The contract's "cover" dict (plus positions the linter uses);
    ``ends_input``: nothing follows the heading."""
    head = read_heading(heading, ends_input and checks is None)
    answers = read_checks(checks)
    period = head["period"]
    line_82 = answers["line_82"]
    first_line = _first_line(heading, checks)
    return {
        "line": first_line,
        "title": head["title"],
        "registrant": head["registrant"],
        "registrant_english": head["registrant_english"],
        "report_month": iso_month(period.text) if period else None,
        "report_month_text": period.text if period else None,
        "commission_file_number": head["file_number"].number if head["file_number"] else None,
        "address": head["address"],
        "annual_report_form": answers["annual_report_form"],
        "rule_12g3_2b": answers["rule_12g3_2b"],
        "file_number_82": answers["file_number_82"],
        "file_number_82_text": line_82.text if line_82 else None,
        "paper_101b1": answers["paper_101b1"],
        "paper_101b7": answers["paper_101b7"],
        "marks": answers["marks"],
        "names": head["names"],
        "enclosures": [],
        "positions": {
            "title": head["title_line"],
            "registrant": head["registrant_line"],
            "period": [period.line, period.column] if period else None,
            "file_number_82": [line_82.line, line_82.column] if line_82 else None,
        },
    }


def _first_line(heading: Heading, checks: Checks | None) -> int:
    """The line where the cover starts: that of its first item."""
    for item in heading.items + (checks.items if checks else []):
        if isinstance(item, Token):
            return item.line
        if isinstance(item, TextRun) and item.lines:
            return item.lines[0].line
        if isinstance(item, Question):
            return item.prompt.line
        if isinstance(item, (Period, FileNumber, Caption, Line82)):
            return item.line
    return 1
