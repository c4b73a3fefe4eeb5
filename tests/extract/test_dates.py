"""Resolving date expressions against a fixed article date.

Reference weekdays, checked by hand: 2023-10-19 is a Thursday (2023-01-01 was a Sunday and
19 October is day 292, 291 = 41 * 7 + 4 days later), so the Tuesday before it is 2023-10-17;
2024-01-02 is a Tuesday (2024-01-01 was a Monday); 2023-10-22 is a Sunday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract.dates import ResolvedDate, _date_entities_for, event_date, parse_article_date, parse_date_expression
from extract.pipeline import Extractor
from graph.model import Article

THURSDAY = "2023-10-19"


def test_reference_weekdays_are_right() -> None:
    assert dt.date.fromisoformat(THURSDAY).strftime("%A") == "Thursday"
    assert dt.date(2023, 10, 17).strftime("%A") == "Tuesday"
    assert dt.date(2024, 1, 2).strftime("%A") == "Tuesday"
    assert dt.date(2023, 10, 22).strftime("%A") == "Sunday"


@pytest.mark.parametrize(
    ("text", "article_date", "iso", "precision"),
    [
        # Month and day, no year: the past of the article's year...
        ("on October 17", THURSDAY, "2023-10-17", "day"),
        ("October 17th", THURSDAY, "2023-10-17", "day"),
        # ...or the year before, when that date would be more than a week in the future.
        ("October 17", "2024-01-05", "2023-10-17", "day"),
        ("December 28", "2024-01-02", "2023-12-28", "day"),
        # Within a week after the article date stays in the same year.
        ("October 20", THURSDAY, "2023-10-20", "day"),
        # Explicit years, month-first and day-first.
        ("Oct. 3, 2021", THURSDAY, "2021-10-03", "day"),
        ("Sept. 11, 2001", THURSDAY, "2001-09-11", "day"),
        ("17 October 2023", "2024-06-01", "2023-10-17", "day"),
        ("3rd March", THURSDAY, "2023-03-03", "day"),
        ("2022-02-24", THURSDAY, "2022-02-24", "day"),
        # Relative days.
        ("yesterday", THURSDAY, "2023-10-18", "day"),
        ("yesterday", "2024-03-01", "2024-02-29", "day"),
        ("today", THURSDAY, "2023-10-19", "day"),
        ("tomorrow", "2023-12-31", "2024-01-01", "day"),
        # Weekdays: the most recent one, the article day itself included.
        ("on Tuesday", THURSDAY, "2023-10-17", "day"),
        ("on Thursday", THURSDAY, "2023-10-19", "day"),
        ("on Friday", THURSDAY, "2023-10-13", "day"),
        ("on Sunday", "2024-01-02", "2023-12-31", "day"),
        ("last Tuesday", "2023-10-17", "2023-10-10", "day"),
        ("next Tuesday", THURSDAY, "2023-10-24", "day"),
        # Counted offsets.
        ("three days ago", THURSDAY, "2023-10-16", "day"),
        ("10 days earlier", THURSDAY, "2023-10-09", "day"),
        ("two weeks ago", THURSDAY, "2023-10-05", "week"),
        ("a year earlier", THURSDAY, "2022-10-19", "year"),
        ("a few days ago", THURSDAY, "2023-10-16", "week"),
        # Weeks (their Monday), months (their first day), years.
        ("earlier this week", THURSDAY, "2023-10-16", "week"),
        ("earlier this week", "2023-10-22", "2023-10-16", "week"),
        ("last week", THURSDAY, "2023-10-09", "week"),
        ("next week", THURSDAY, "2023-10-23", "week"),
        ("last month", THURSDAY, "2023-09-01", "month"),
        ("last month", "2024-01-15", "2023-12-01", "month"),
        ("this month", THURSDAY, "2023-10-01", "month"),
        ("last year", THURSDAY, "2022-01-01", "year"),
        ("in March", THURSDAY, "2023-03-01", "month"),
        ("in November", THURSDAY, "2022-11-01", "month"),
        ("March 2019", THURSDAY, "2019-03-01", "month"),
        ("2019", THURSDAY, "2019-01-01", "year"),
        ("in 2019", THURSDAY, "2019-01-01", "year"),
    ],
)
def test_past_expressions(text: str, article_date: str, iso: str, precision: str) -> None:
    assert parse_date_expression(text, article_date) == ResolvedDate(iso, precision)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("on Tuesday", "2023-10-24", "day"),
        ("on Thursday", "2023-10-26", "day"),
        ("on October 10", "2024-10-10", "day"),
        ("on October 25", "2023-10-25", "day"),
        ("in March", "2024-03-01", "month"),
        ("in December", "2023-12-01", "month"),
        ("two days later", "2023-10-21", "day"),
    ],
)
def test_future_expressions(text: str, iso: str, precision: str) -> None:
    assert parse_date_expression(text, THURSDAY, future=True) == ResolvedDate(iso, precision)


def test_an_impossible_day_falls_back_to_the_month() -> None:
    assert parse_date_expression("February 30", THURSDAY) == ResolvedDate("2023-02-01", "month")


@pytest.mark.parametrize("text", ["at some point", "the summit", "recently", "", "for decades", "the 1990s"])
def test_unknown_text_is_none(text: str) -> None:
    assert parse_date_expression(text, THURSDAY) is None


@pytest.mark.parametrize(("text", "iso"), [("early March", "2023-03-01"), ("in late October 2022", "2022-10-01")])
def test_a_month_after_a_modifier(text: str, iso: str) -> None:
    assert parse_date_expression(text, THURSDAY) == ResolvedDate(iso, "month")


# --- articles dated only by their month or year (news dumps) ---------------------------------


@pytest.mark.parametrize(
    ("value", "iso", "first", "precision"),
    [
        ("2021-04-15", "2021-04-15", "2021-04-15", "day"),
        ("2021-04-15T09:30:00Z", "2021-04-15", "2021-04-15", "day"),
        ("2021-04", "2021-04", "2021-04-01", "month"),
        ("2021", "2021", "2021-01-01", "year"),
    ],
)
def test_article_dates_keep_their_precision(value: str, iso: str, first: str, precision: str) -> None:
    date = parse_article_date(value)
    assert (date.iso, date.first.isoformat(), date.precision) == (iso, first, precision)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2021-13", "not a calendar date"), ("2021-02-30", "not a calendar date"), ("0000", "not a calendar date"),
     ("2021-4", "not an ISO date"), ("April 2021", "not an ISO date"), ("21", "not an ISO date"),
     ("2021/04", "not an ISO date")],
)
def test_what_is_not_a_date_is_refused(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_article_date(value)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        # below a month: the article's month
        ("on Tuesday", "2021-04-01", "month"),
        ("yesterday", "2021-04-01", "month"),
        ("earlier this week", "2021-04-01", "month"),
        ("two weeks ago", "2021-04-01", "month"),
        # whole months and years shift the month
        ("last month", "2021-03-01", "month"),
        ("six weeks ago", "2021-03-01", "month"),
        ("three months ago", "2021-01-01", "month"),
        ("a year earlier", "2020-04-01", "month"),
        ("last year", "2020-01-01", "year"),
        # a month without a year: this year's, or last year's when it comes after April
        ("in March", "2021-03-01", "month"),
        ("in April", "2021-04-01", "month"),
        ("in November", "2020-11-01", "month"),
        ("on April 20", "2021-04-20", "day"),
        ("on October 17", "2020-10-17", "day"),
        # what the text says in full needs no article date
        ("2019-05-06", "2019-05-06", "day"),
        ("Oct. 3, 2019", "2019-10-03", "day"),
        ("March 2019", "2019-03-01", "month"),
    ],
)
def test_relative_dates_against_a_month(text: str, iso: str, precision: str) -> None:
    assert parse_date_expression(text, "2021-04") == ResolvedDate(iso, precision)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("on Tuesday", "2021-01-01", "year"),
        ("last month", "2021-01-01", "year"),
        ("three months ago", "2021-01-01", "year"),
        ("last year", "2020-01-01", "year"),
        ("two years ago", "2019-01-01", "year"),
        ("in November", "2021-11-01", "month"),
        ("on October 17", "2021-10-17", "day"),
        ("in 2019", "2019-01-01", "year"),
    ],
)
def test_relative_dates_against_a_year(text: str, iso: str, precision: str) -> None:
    assert parse_date_expression(text, "2021") == ResolvedDate(iso, precision)


def test_future_months_against_a_month() -> None:
    assert parse_date_expression("in March", "2021-04", future=True) == ResolvedDate("2022-03-01", "month")
    assert parse_date_expression("next week", "2021-04", future=True) == ResolvedDate("2021-04-01", "month")


@pytest.mark.parametrize(
    ("article_date", "text", "iso", "precision"),
    [
        ("2021-04", "Hungary criticized Russia.", "2021-04-01", "month"),
        ("2021", "Hungary criticized Russia.", "2021-01-01", "year"),
        ("2021-04-15", "Hungary criticized Russia.", "2021-04-15", "article"),
        ("2021-04", "Hungary criticized Russia on Tuesday.", "2021-04-01", "month"),
        ("2021-04", "Hungary criticized Russia last month.", "2021-03-01", "month"),
        ("2021", "Hungary criticized Russia on March 3.", "2021-03-03", "day"),
    ],
)
def test_events_of_an_article_dated_by_month_or_year(
    extractor: Extractor, article_date: str, text: str, iso: str, precision: str
) -> None:
    (extraction,) = extractor.extract_many([Article("a", text, date=article_date)])
    assert [(e.date, e.date_precision) for e in extraction.events] == [(iso, precision)]


@pytest.mark.parametrize("article_date", ["2023-10-19", "2023-10", "2023"])
def test_an_events_date_from_the_article_date_read_once(extractor: Extractor, article_date: str) -> None:
    """``event_date`` takes the article's date as read once per event (not read again at each date
    expression): it gives what resolving the trigger's own date expressions against the written
    date gives, else the article's period."""
    text = ("Chile recalled its envoy on Tuesday. Peru had warned Bolivia last month, and Ecuador will meet "
            "Colombia next week. Brazil criticised Argentina in 1990. Spain met Italy.")
    doc = extractor.nlp(text)
    published = parse_article_date(article_date)
    dated = 0
    for trigger in (t for t in doc if t.pos_ == "VERB"):
        for future in (False, True):
            expressions = [parse_date_expression(ent.text, article_date, future) for ent in _date_entities_for(trigger)]
            resolved = [date for date in expressions if date is not None]
            spelt = resolved[0] if resolved else published.period
            assert event_date(trigger, published, future) == spelt, (trigger.text, future)
            dated += bool(resolved)
    assert dated >= 4
    assert event_date(doc[1], None, False) == ResolvedDate(None, "unknown")
