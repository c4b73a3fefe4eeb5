"""Resolving the date an event happened against the article's publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.block_index import sentence_entities

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_COUNTED = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(day|week|month|year)s?\s+(ago|earlier|before|later)"
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date (the first day of its week, month or year) and how precise it is: day, week,
    month, year, article (the article's day, defaulted), background (before the article, when is not
    said: extract.aspect) or unknown (no date at all)."""

    iso: str | None
    precision: str


PRECISIONS = ("day", "week", "month", "year")  # finest first
_DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


@dataclass(frozen=True)
class ArticleDate:
    """A publication date as precise as its source gives it: the first day of the day, month or
    year it names, and that precision (``day``, ``month`` or ``year``)."""

    first: dt.date
    precision: str

    @property
    def iso(self) -> str:
        """ISO 8601 at its own precision, as articles keep it: ``2021-04-15``, ``2021-04`` or ``2021``."""
        return self.first.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.precision]]

    @property
    def period(self) -> ResolvedDate:
        """The date of an event dated by this article: ``article`` for a day, else the month or year."""
        precision = "article" if self.precision == "day" else self.precision
        return ResolvedDate(self.first.isoformat(), precision)


def parse_article_date(value: str) -> ArticleDate:
    """``2021-04-15`` (a timestamp's time of day is ignored), ``2021-04`` or ``2021``. Raises
    ValueError saying why anything else is not a date."""
    text = value.strip()
    try:
        if _DAY_PREFIX.match(text):
            return ArticleDate(dt.date.fromisoformat(text[:10]), "day")
        found = _YEAR_MONTH.fullmatch(text)
        if found:
            month = found.group(2)
            return ArticleDate(dt.date(int(found.group(1)), int(month or 1), 1), "month" if month else "year")
    except ValueError:
        raise ValueError("not a calendar date") from None
    raise ValueError("not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")


def coarser(first: str, second: str) -> str:
    """The less precise of two precisions (``day`` < ``week`` < ``month`` < ``year``)."""
    return max(first, second, key=PRECISIONS.index)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(text: str, base: ArticleDate, future: bool) -> ResolvedDate | None:
    match = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", text)
    day_first = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\b", text)
    for found, month_group, day_group in ((match, 1, 2), (day_first, 2, 1)):
        if not found or found.group(month_group).lower() not in _MONTHS:
            continue
        month = _MONTHS[found.group(month_group).lower()]
        day = int(found.group(day_group))
        year = int(found.group(3)) if found.group(3) else base.first.year
        date = _safe_date(year, month, day)
        if date is None:
            return None
        if not found.group(3) and base.precision == "day":
            # News refers to the recent past, or to the near future with a future verb.
            if not future and date > base.first + dt.timedelta(days=7):
                date = _safe_date(year - 1, month, day) or date
            if future and date < base.first - dt.timedelta(days=7):
                date = _safe_date(year + 1, month, day) or date
        elif not found.group(3) and base.precision == "month":
            date = _safe_date(_year_of_month(month, base, future), month, day) or date
        return ResolvedDate(date.isoformat(), "day")
    return None


def _year_of_month(month: int, base: ArticleDate, future: bool) -> int:
    """The year of a month named without one: the article's, or the year before (after) when the
    month comes after (before) the article's month and the event is past (future). An article
    dated only by its year gives no month to compare with: its year."""
    if base.precision == "year":
        return base.first.year
    if not future and month > base.first.month:
        return base.first.year - 1
    if future and month < base.first.month:
        return base.first.year + 1
    return base.first.year


def _month_only(text: str, base: ArticleDate, future: bool) -> ResolvedDate | None:
    found = next(
        (m for m in re.finditer(r"\b([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?\b", text) if m.group(1).lower() in _MONTHS),
        None,
    )  # "in March", "early March", "in late October 2022"
    if found is None:
        return None
    month = _MONTHS[found.group(1).lower()]
    year = int(found.group(2)) if found.group(2) else _year_of_month(month, base, future)
    return ResolvedDate(dt.date(year, month, 1).isoformat(), "month")


def _relative(text: str, base: ArticleDate, future: bool) -> ResolvedDate | None:
    if base.precision == "day":
        return _relative_to_day(text, base.first, future)
    shift = _relative_shift(text.lower())
    if shift is None:
        return None
    months, finest = shift
    precision = coarser(base.precision, finest)
    if precision == "month":
        index = base.first.year * 12 + base.first.month - 1 + months
        return ResolvedDate(dt.date(index // 12, index % 12 + 1, 1).isoformat(), "month")
    return ResolvedDate(dt.date(base.first.year + round(months / 12), 1, 1).isoformat(), "year")


def _relative_shift(lower: str) -> tuple[int, str] | None:
    """A relative expression as whole months from the article date (days and weeks rounded to
    the nearest month) and the finest precision it can have, for an article dated by month or year."""
    days: int | None = None
    if "yesterday" in lower:
        days = -1
    elif "today" in lower or "tonight" in lower or re.search(r"\bthis week\b", lower):
        days = 0
    elif "tomorrow" in lower:
        days = 1
    elif any(re.search(rf"\b{name}\b", lower) for name in _WEEKDAYS):
        days = 0  # within a week of the article: its month
    elif re.search(r"\blast week\b", lower):
        days = -7
    elif re.search(r"\bnext week\b", lower):
        days = 7
    counted = _COUNTED.search(lower)
    if days is None and counted:
        amount = int(counted.group(1)) if counted.group(1).isdigit() else _NUMBERS[counted.group(1)]
        sign = 1 if counted.group(3) == "later" else -1
        unit = counted.group(2)
        if unit in ("day", "week"):
            days = sign * amount * (7 if unit == "week" else 1)
        else:
            return sign * amount * (12 if unit == "year" else 1), "month"
    if days is None and re.search(r"\b(days|a few days)\s+(ago|earlier|before)\b", lower):
        days = -3
    if days is not None:
        return round(days / 30.44), "day"
    if "last month" in lower:
        return -1, "month"
    if "this month" in lower:
        return 0, "month"
    if "last year" in lower:
        return -12, "year"
    return None


def _relative_to_day(text: str, base: dt.date, future: bool) -> ResolvedDate | None:
    lower = text.lower()
    if "yesterday" in lower:
        return ResolvedDate((base - dt.timedelta(days=1)).isoformat(), "day")
    if "today" in lower or "tonight" in lower:
        return ResolvedDate(base.isoformat(), "day")
    if "tomorrow" in lower:
        return ResolvedDate((base + dt.timedelta(days=1)).isoformat(), "day")
    for name, weekday in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", lower):
            delta = (base.weekday() - weekday) % 7
            if future or "next" in lower:
                delta = -((weekday - base.weekday()) % 7 or 7)
            elif "last" in lower and delta == 0:
                delta = 7
            return ResolvedDate((base - dt.timedelta(days=delta)).isoformat(), "day")
    counted = _COUNTED.search(lower)
    if counted:
        amount = int(counted.group(1)) if counted.group(1).isdigit() else _NUMBERS[counted.group(1)]
        unit = counted.group(2)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * amount
        sign = 1 if counted.group(3) == "later" else -1
        return ResolvedDate((base + dt.timedelta(days=sign * days)).isoformat(), unit if unit != "day" else "day")
    if re.search(r"\b(days|a few days)\s+(ago|earlier|before)\b", lower):
        return ResolvedDate((base - dt.timedelta(days=3)).isoformat(), "week")
    if "this week" in lower or "earlier this week" in lower:
        monday = base - dt.timedelta(days=base.weekday())
        return ResolvedDate(monday.isoformat(), "week")
    if "last week" in lower:
        monday = base - dt.timedelta(days=base.weekday() + 7)
        return ResolvedDate(monday.isoformat(), "week")
    if "next week" in lower:
        monday = base + dt.timedelta(days=7 - base.weekday())
        return ResolvedDate(monday.isoformat(), "week")
    if "last month" in lower:
        first = base.replace(day=1) - dt.timedelta(days=1)
        return ResolvedDate(first.replace(day=1).isoformat(), "month")
    if "this month" in lower:
        return ResolvedDate(base.replace(day=1).isoformat(), "month")
    if "last year" in lower:
        return ResolvedDate(dt.date(base.year - 1, 1, 1).isoformat(), "year")
    return None


def parse_date_expression(text: str, article_date: str, future: bool = False) -> ResolvedDate | None:
    """Resolve one date expression ("on October 17", "earlier this week") or None. Against an
    article dated only by month or year, relative expressions resolve no finer than that."""
    return resolve_date_expression(text, parse_article_date(article_date), future)


def resolve_date_expression(text: str, base: ArticleDate, future: bool = False) -> ResolvedDate | None:
    """``parse_date_expression`` against the article date ``base``, already read."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        date = _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if date:
            return ResolvedDate(date.isoformat(), "day")
    for parser in (_month_day, _relative, _month_only):
        resolved = parser(text, base, future)
        if resolved is not None:
            return resolved
    year = re.fullmatch(r"\s*(?:in\s+)?(\d{4})\s*", text)
    if year:
        return ResolvedDate(f"{year.group(1)}-01-01", "year")
    return None


def _date_entities_for(trigger: Token) -> list[Span]:
    """DATE entities of the trigger's sentence that hang from the trigger's clause."""
    entities = sentence_entities(trigger.sent)  # the block's entity spans, made once (extract/block_index.py)
    if any(ent.label_ == "DATE" and ent.start <= trigger.i < ent.end for ent in entities):
        return []  # a trigger inside a DATE entity is given none
    own: list[Span] = []
    for ent in entities:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        node = ent.root
        steps = 0
        while node.head != node and steps < 6:
            node = node.head
            steps += 1
            if node == trigger:
                own.append(ent)
                break
            if node.pos_ in ("VERB", "AUX") and node != trigger and node.dep_ not in ("xcomp", "aux"):
                break
    return own


def event_date(trigger: Token, article_date: ArticleDate | None, future: bool) -> ResolvedDate:
    """The date of the event expressed at ``trigger``, defaulting to the article date (precision
    ``article``, or ``month``/``year`` for an article dated only by its month or year);
    ``article_date`` as read (``parse_article_date``), or None when the article has none."""
    if article_date is None:
        return ResolvedDate(None, "unknown")
    for ent in _date_entities_for(trigger):
        resolved = resolve_date_expression(ent.text, article_date, future)
        if resolved is not None:
            return resolved
    return article_date.period
