"""Normalizers: one small pure function per rule `kind`, from a match to (type, value, mod).

Each takes a `Context` (anchor, reference date, tense of the sentence) and returns
None when the match must be dropped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from timeline.resolver.calendar import (add_months, easter, fmt, hour_in_part_of_day, nth_weekday, quarter_of,
                                        safe_date, shift)
from timeline.resolver.data_loader import calendar_table

@dataclass(frozen=True)
class Context:
    """What a normalizer may read besides the match."""

    anchor: dt.date
    reference: dt.date
    future: bool
    vocab: dict
    quarter: str | None
    params: dict
    #: The calendar value of the date last mentioned ("1988", "1989-03", "1989-03-31"):
    #: "that year" and "the following month" count from it.
    mentioned: str | None = None
    #: The language's cues for numbers that count things (``Language.counts``).
    counts: dict | None = None
    #: A past-tense verb comes right before the expression ("opened on Jan. 5").
    past: bool = False
    #: The date last mentioned, when it was written with its year in the expression's own
    #: clause (``engine._framing``): a month or day without a year takes its year from it.
    mention_in_clause: str | None = None
    #: That date opens the sentence before, as this expression opens its own: a story told in
    #: steps, where a later month of the year stays in it ("In March 2003, ... By December, ...").
    story_moves_on: bool = False
    #: The expression names when a change takes effect ("effective Jan. 1"): it lies ahead.
    only_ahead: bool = False
    #: The date last mentioned was named in a later sentence than the day in focus (or there
    #: is no day in focus): the story has moved on to it.
    mention_after_reference: bool = True
    #: The expression owns an event and no cue says it is ahead ("the November ballot", "the
    #: August shooting"): the sentence's tense is the event's, not the date's, so a month is
    #: taken ahead more readily.
    tenseless: bool = False


Result = tuple  # (type, value, mod, is_point_date_for_reference)


def _g(m: re.Match, name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.lower() if v else None


def _v(ctx: Context, vocab: str, m: re.Match, name: str | None = None):
    s = _g(m, name or vocab)
    return None if s is None else ctx.vocab[vocab].get(re.sub(r"\s+", " ", s))


def _mod(m: re.Match, ctx: Context) -> str | None:
    """The TIMEX3 ``mod`` of the match's modifier words ("early" -> START), from the vocabulary."""
    s = _g(m, "modifier")
    return ctx.vocab["modifier"].get(re.sub(r"\s+", " ", s)) if s else None


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _number(ctx: Context, m: re.Match) -> int | float | str | None:
    """The count the match names: an int, a float for a decimal ("2.5 hours"), "X" for a
    vague one ("a few"), None for none."""
    s = _g(m, "number")
    if s is None:
        return None
    if _THOUSANDS.fullmatch(s):  # "1,000 years"
        s = s.replace(",", "")
    if s.isdigit():
        return int(s)
    if _DECIMAL.fullmatch(s):
        n = float(s)
        return int(n) if n.is_integer() else n
    word = re.sub(r"\s+", " ", s)
    if word in ctx.vocab["number"]:
        return ctx.vocab["number"][word]
    tens, _, unit = word.replace("-", " ").partition(" ")  # "seventy-five": tens and a digit
    if ctx.vocab["year_tens"].get(tens, 0) in (20, 30, 40, 50, 60, 70, 80, 90) and unit in ctx.vocab["digit"]:
        return ctx.vocab["year_tens"][tens] + ctx.vocab["digit"][unit]
    return None


_DECIMAL = re.compile(r"\d+\.\d+")


def _numeral(n: int | float | str) -> str:
    """A count as TIMEX3 writes it in a duration: 5, 2.5, X."""
    if isinstance(n, float):
        return f"{n:.6f}".rstrip("0").rstrip(".")
    return str(n)


def _period(n: int | float | str, unit: str) -> str:
    """A TIMEX3 length of `n` units (a unit letter of the vocabulary): P3D, PT30M, PXY."""
    if unit in ("H", "MI", "S"):
        return f"PT{_numeral(n)}{'M' if unit == 'MI' else unit}"
    return f"P{_numeral(n)}{unit}"


def _unit(m: re.Match, ctx: Context) -> str | None:
    """The TIMEX3 unit letter(s) of the match's unit word ("weeks" -> W), from the vocabulary."""
    s = _g(m, "unit")
    return ctx.vocab["unit"].get(s) if s else None


def _year(m: re.Match, ctx: Context) -> int | None:
    era = _g(m, "era_year") or _g(m, "era_year2")
    if era:  # "AD 79": the number as written
        return int(era)
    s = _g(m, "year") or _g(m, "range_year")
    if not s:
        return None
    if not s.isdigit():
        return _spelled_year(s, ctx.vocab)
    y = int(s)
    return y + (1900 if y >= 50 else 2000) if len(s) == 2 else y


def _spelled_year(words: str, vocab: dict) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (vocabularies of the data)."""
    parts = [w for w in re.split(r"[-\s]+", words) if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(vocab["digit"].get(w, 0) for w in parts[2:])
    try:
        return (vocab["year_hundreds"][parts[0]] * 100 + vocab["year_tens"][parts[1]]
                + (vocab["digit"][parts[2]] if len(parts) > 2 else 0))
    except (KeyError, IndexError):
        return None


def numeric_date(m, ctx):
    if _g(m, "day2"):  # the day first, with dots
        y, mo, d = int(m.group("year2")), int(m.group("month2")), int(m.group("day2"))
    else:
        y, mo, d = _year(m, ctx), int(m.group("month")), int(m.group("day"))
    date = safe_date(y, mo, d) if y else None
    if date is None:
        return None
    if _g(m, "hour"):
        return "TIME", f"{date.isoformat()}T{m.group('hour')}:{m.group('minute')}", None, date
    return "DATE", date.isoformat(), None, date


def _infer_year(ctx: Context, month: int, day: int | None = None) -> int:
    """The year that puts month(/day) closest to the anchor; the sentence's tense breaks near-ties.

    Distance counts in days; a date on the side the tense contradicts pays a penalty
    (100 days for a day, 7 months for a month alone: news reports past months far more often
    than months to come, so a bare month up to nine months back is taken as past; 3 months for
    the month of an event, "the November ballot"). After a
    past-tense verb ("opened on Jan. 5") a date after the anchor is taken only when no earlier
    one exists.
    """
    a = ctx.anchor
    near = _MENTIONED.match(ctx.mention_in_clause or "")
    if near and int(near.group(1)) != a.year:
        # "elected in November 2012 and took office in January": next to a date of another
        # year in the same sentence, the month or day closest to that date
        y0 = int(near.group(1))
        m0 = int(near.group(2)) if near.group(2) else None
        if m0 is None:
            return y0
        if ctx.story_moves_on and month >= m0:
            return y0
        return min((y0 - 1, y0, y0 + 1), key=lambda y: abs((y - y0) * 12 + month - m0))
    best = None
    for year in (a.year - 1, a.year, a.year + 1):
        cand = safe_date(year, month, min(day or 15, 28) if day else 15)
        if cand is None:
            continue
        if day is None:  # a month: same month as the anchor counts as distance 0
            diff = (year - a.year) * 12 + month - a.month
            # an event's month ("the November ballot") is named ahead as often as behind
            penalty = 90 if ctx.tenseless else 210
            cost = abs(diff) * 30 + (penalty if (diff > 0) != ctx.future and diff != 0 else 0)
        else:
            diff = (cand - a).days
            cost = abs(diff) + (100 if (diff > 0) != ctx.future and diff != 0 else 0)
        if (ctx.past and diff > 0) or (ctx.only_ahead and diff < 0):
            cost += 100_000
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else a.year


#: "last year" -> -1: the year a direction word names, counted from the publication date.
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _relative_year(m: re.Match, ctx: Context) -> int | None:
    direction = _g(m, "reldir")
    return None if direction is None else ctx.anchor.year + _YEAR_SHIFT[direction]


def calendar(m, ctx):
    month = _v(ctx, "month", m)
    if month is None:
        return None
    day = _g(m, "day") or _v(ctx, "day_ordinal", m)
    year = _year(m, ctx) or _relative_year(m, ctx)
    later = _v(ctx, "month", m, "range_month")
    if year and not _g(m, "year") and later is not None and later < month:
        year -= 1  # "from Dec. 28 to Jan. 3, 2022": the range starts the year before
    mod = _mod(m, ctx)
    if day is None:
        y = year or _infer_year(ctx, month)
        return "DATE", f"{y:04d}-{month:02d}", mod, None
    deadline = ctx.params.get("deadline_before")
    if ctx.future and deadline and re.search(deadline, m.string[max(0, m.start() - 12):m.start()]):
        ctx = replace(ctx, only_ahead=True)  # "would fund the government through Sept. 30"
    year = year or _infer_year(ctx, month, int(day))
    date = safe_date(year, month, int(day))
    if date is None:
        return None
    return "DATE", date.isoformat(), mod, date


def day_of_month(m, ctx):
    """"on the 13th": that day of the month last mentioned (or the anchor's), moved a month
    back when a past sentence names a later day, a month on when a future one names an earlier."""
    day = int(m.group("day"))
    ref = ctx.reference
    year, month = ref.year, ref.month
    if ctx.mentioned and re.fullmatch(r"\d{4}-\d\d", ctx.mentioned):
        year, month = int(ctx.mentioned[:4]), int(ctx.mentioned[5:])  # "In May ... on the 13th"
    elif not ctx.future and day > ref.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif ctx.future and day < ref.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    date = safe_date(year, month, day)
    if date is None:
        return None
    return "DATE", date.isoformat(), None, date


def week_of(m, ctx):
    """The calendar week of the day the match names ("the week of March 6", "of Thanksgiving")."""
    res = holiday(m, ctx) if _g(m, "holiday") else calendar(m, ctx)
    if res is None or res[3] is None:
        return None
    return "DATE", fmt(res[3], "W"), None, None


#: The day of the month that stands for its nth week ("the first week of October": the 4th).
_NTH_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


def week_of_month(m, ctx):
    """The calendar week the nth (or last) week of a month falls in."""
    res = calendar(m, ctx)
    if res is None:
        return None
    year, month = int(res[1][:4]), int(res[1][5:7])
    nth = m.group("nth").lower()
    if nth in _NTH_WEEK_DAY:
        day = dt.date(year, month, _NTH_WEEK_DAY[nth])
    else:  # the last or final week: its middle is three days before the month's end
        day = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=4)
    return "DATE", fmt(day, "W"), None, None


def weekday_of_month(m, ctx):
    """"the first Tuesday in November": the nth (or last) such weekday of the month."""
    if not m.group("weekday")[0].isupper() or not m.group("month")[0].isupper():
        return None
    res = calendar(m, ctx)
    if res is None:
        return None
    year, month = int(res[1][:4]), int(res[1][5:7])
    n = -1 if _g(m, "ordinal") in ctx.params.get("from_end", ()) else _v(ctx, "ordinal", m)
    day = nth_weekday(year, month, _v(ctx, "weekday", m), n)
    if day.month != month:  # "the fifth Monday" of a month with four
        return None
    return "DATE", day.isoformat(), None, day


def _year_of_next(month: int, base: dt.date) -> int:
    """The year of the first `month` after the month of `base` ("next March")."""
    return base.year if month > base.month else base.year + 1


def _year_of_last(month: int, base: dt.date) -> int:
    """The year of the latest `month` before the month of `base` ("last March")."""
    return base.year if month < base.month else base.year - 1


def month_alone(m, ctx):
    word = m.group("month")
    direction = _g(m, "dir")
    if direction and len(word) >= 3 and not word.islower():
        month = _v(ctx, "month", m)
        a = ctx.anchor
        if direction == "that":  # "by that December": of the year last mentioned
            y = _mentioned_base(ctx, "Y").year
        elif direction.startswith("the"):  # "the following March": after the date last mentioned
            base = _mentioned_base(ctx, "M")
            ahead = direction.endswith(("following", "next"))
            story_year = _year_alone_mentioned(ctx)
            if story_year is not None:  # "In 2003 ... the following March": 2004's
                y = story_year + (1 if ahead else -1)
            else:
                y = _year_of_next(month, base) if ahead else _year_of_last(month, base)
        elif direction in ("last", "past"):
            y = _year_of_last(month, a)
        elif direction in ("next", "coming"):
            y = _year_of_next(month, a)
        else:
            y = a.year
        if not 1 <= y <= 9999:
            return None
        return "DATE", f"{y:04d}-{month:02d}", _mod(m, ctx), None
    if (len(word) <= 3 and word.lower() != "may") or word.islower():
        return None
    verb_month, noun_after = ctx.params.get("verb_month_before"), ctx.params.get("event_noun_after")
    if verb_month and word.lower() in ("may", "march") and not _g(m, "modifier"):
        before = m.string[max(0, m.start() - 24):m.start()]
        found = re.search(verb_month, before)
        if found is None or (found.group("the") and not re.match(noun_after or "(?!)", m.string[m.end():m.end() + 30])):
            return None  # "they may go", "support for May", "the March for Our Lives"
    name_after, date_before = ctx.params.get("name_after"), ctx.params.get("date_before")
    if (name_after and not _g(m, "modifier") and re.match(name_after, m.string[m.end():m.end() + 30])
            and not re.search(date_before, m.string[max(0, m.start() - 12):m.start()])):
        return None  # a first name ("April Smith, 34, was arrested", "June Carter sang")
    deadline, ranged = ctx.params.get("deadline_before"), ctx.params.get("range_before")
    past_deadline = ctx.params.get("past_deadline_before")
    if (deadline and re.search(deadline, m.string[max(0, m.start() - 12):m.start()])
            and not (ranged and re.search(ranged, m.string[max(0, m.start() - 50):m.start()]))
            and not (past_deadline and re.search(past_deadline, m.string[max(0, m.start() - 90):m.start()]))):
        # "pay it down by February": a month named as a deadline lies ahead
        ctx = replace(ctx, future=True, past=False)
    return calendar(m, ctx)


def _counts_things(m: re.Match, ctx: Context) -> bool:
    """Whether the number of the match counts things ("about 1509 households") (data: counts)."""
    cues = ctx.counts
    if not cues or not m.group("year").isdigit():
        return False
    after = cues["plural_after"].match(m.string, m.end(), m.end() + 60)
    if after is None:
        return False
    noun = after.group("noun").lower()
    if noun in cues["year_nouns"] or noun in ctx.vocab["unit"]:
        return False
    before = m.string[max(0, m.start() - 30):m.start()]
    if cues["quantity_before"].search(before):
        return True
    return noun in cues["count_nouns"] and not cues["time_before"].search(before)


_SEASON_SLASH = re.compile(r"\d{4}/$")


def year(m, ctx):
    bc = _g(m, "bc_year")
    if bc:  # "44 BC": TIMEX3 writes the era before the year
        return "DATE", f"BC{int(bc):04d}", None, None
    y = _year(m, ctx)
    if y is None or not (ctx.params.get("min_year", 1000) <= y <= 2100):
        return None
    if m.start() > 0 and m.string[m.start() - 1] in "#/:" and not _SEASON_SLASH.search(
            m.string, max(0, m.start() - 5), m.start()):
        return None  # "#2012", "1/2012", "10:2012"; but "the 2021/22 season" has two years
    if ctx.params.get("check_counts") and _counts_things(m, ctx):
        return None
    not_after = ctx.params.get("not_after")
    if not_after and re.search(not_after, m.string[max(0, m.start() - 16):m.start()]):
        return None  # a number that labels a thing ("Room 2012", "Flight 1549")
    street = ctx.params.get("street_after")
    if street and re.match(street, m.string[m.end():m.end() + 60]) and not (
            ctx.counts and ctx.counts["time_before"].search(m.string[max(0, m.start() - 30):m.start()])):
        return None  # a street number ("1600 Pennsylvania Avenue")
    title = ctx.params.get("title_after")
    if title and re.match(title, m.string[m.end():m.end() + 30]):
        return None  # a work's name ("the 1812 Overture")
    words = _g(m, "year") or ""
    if not words.isdigit() and re.search(r"[\s-][A-Z]", m.group("year") or ""):
        return None  # a year in words and in capitals is a title ("Nineteen Eighty-Four")
    return "DATE", f"{y:04d}", _mod(m, ctx), None


def decade(m, ctx):
    word = _v(ctx, "decade_word", m)
    if word is not None:
        return "DATE", f"19{word}", _mod(m, ctx), None
    s = m.group("decade")
    if s.startswith("'"):
        d = int(s[1:])
        prefix = "19" if d >= 30 else "20"
        return "DATE", prefix + s[1], _mod(m, ctx), None
    centuries = ctx.params.get("centuries")
    if centuries and re.fullmatch(centuries, s):
        return "DATE", s[:2], _mod(m, ctx), None  # "the 1800s" is the 19th century
    return "DATE", s[:3], _mod(m, ctx), None


def century(m, ctx):
    c = int(m.group("century"))
    if not 1 <= c <= 21:
        return None
    return "DATE", f"{c - 1:02d}", _mod(m, ctx), None


def _reports_results(m: re.Match, ctx: Context) -> bool:
    """Whether the quarter matched names the period of results ("fourth-quarter results",
    "results for the fourth quarter"): the rule's ``results_after`` / ``results_before``."""
    after, before = ctx.params.get("results_after"), ctx.params.get("results_before")
    return bool((after and re.match(after, m.string[m.end():m.end() + 30]))
                or (before and re.search(before, m.string[max(0, m.start() - 30):m.start()])))


def quarter(m, ctx):
    if ctx.params.get("needs_story_quarter"):
        return None if ctx.quarter is None else ("DATE", ctx.quarter, None, None)
    q = _g(m, "qnum")
    q = int(q) if q else _v(ctx, "ordinal", m)
    if q is None and _g(m, "month"):  # "the July-September quarter": the months' quarter
        month, first = _v(ctx, "month", m), _v(ctx, "month", m, "first_month")
        q = quarter_of(month)
        if _g(m, "first_month") and (first is None or quarter_of(first) != q):
            return None  # months of two quarters: not one quarter
    if q is not None and not 1 <= q <= 4:
        return None  # "the fifth quarter" of a game, not of a year
    direction = _g(m, "dir")
    ref = ctx.reference
    cur_q = quarter_of(ref.month)
    y = _year(m, ctx) or _relative_year(m, ctx)
    if q is None and direction == "last" and y is not None:
        q = 4  # "the last quarter of 2021" is that year's fourth, not the one before now
    if q is None:
        if direction in ("last", "past", "previous", "next"):
            # "the previous quarter" after a story's quarter is the one before it ("fell in the
            # first quarter after growing in the previous quarter"); else the quarter before
            # (after) the one of the date in focus
            if direction == "previous" and ctx.quarter:
                sy, sq = ctx.quarter.split("-Q")
                start = _quarter_start(int(sy), int(sq))
            else:
                start = _quarter_start(ref.year, cur_q)
            return "DATE", fmt(shift(start, "Q", 1 if direction == "next" else -1), "Q"), None, None
        if direction in ("year-earlier", "year-ago"):
            return "DATE", _quarter_year_ago(ctx) or f"{ref.year - 1:04d}-Q{_last_complete_q(ref)[1]}", None, None
        if direction is None and y is None:
            if ctx.quarter:
                return "DATE", ctx.quarter, None, None
            # "the quarter": the one just ended, which results report; in a sentence of the
            # future, the one under way ("on track to finish the quarter with a loss")
            a = ctx.anchor
            yy, qq = (a.year, quarter_of(a.month)) if ctx.future else _last_complete_q(a)
            return "DATE", f"{yy:04d}-Q{qq}", None, None
        yy, qq = _last_complete_q(ref) if direction == "latest" else (ref.year, cur_q)
        return "DATE", f"{y or yy:04d}-Q{qq}", None, None
    if y is None:
        # A numbered quarter is the latest one of that number before the publication
        # date (financial news reports on the quarter just ended), or the one to come of this
        # year in a sentence about the future ("expected to close in the fourth quarter"), but
        # not the quarter just ended ("will report fourth-quarter results", said in February)
        a_q = quarter_of(ctx.anchor.month)
        ahead = ctx.future and (q != (a_q - 2) % 4 + 1 or not _reports_results(m, ctx))
        y = ctx.anchor.year if q <= a_q or ahead else ctx.anchor.year - 1
        if direction in ("year-earlier", "year-ago"):
            y -= 1
    return "DATE", f"{y:04d}-Q{q}", None, None


def year_quarter(m, ctx):
    """A quarter whose year comes first; "the 1988 period" takes the story's quarter number."""
    y = _year(m, ctx) or _relative_year(m, ctx) or ctx.anchor.year
    q = _v(ctx, "ordinal", m)
    if q is None:
        if ctx.quarter is None:
            return None  # no quarter in the story: the year alone is tagged by its own rule
        q = int(ctx.quarter[-1])
    if not 1 <= q <= 4:
        return None
    return "DATE", f"{y:04d}-Q{q}", None, None


def half_year(m, ctx):
    y = _year(m, ctx) or _relative_year(m, ctx)
    game = ctx.params.get("game_words")
    if y is None and game and re.search(game, _sentence_so_far(m) + m.string[m.end():m.end() + 150].split(".")[0]):
        return None  # "scored in the second half": a half of a game, not of the year
    y = y or ctx.anchor.year
    first = _g(m, "hnum") == "1" or _g(m, "half") == "first"
    return "DATE", f"{y:04d}-H{1 if first else 2}", None, None


def _quarter_start(year: int, q: int) -> dt.date:
    """The first day of quarter `q` of `year`."""
    return dt.date(year, (q - 1) * 3 + 1, 1)


def _last_complete_q(ref: dt.date) -> tuple[int, int]:
    q = quarter_of(ref.month)
    return (ref.year, q - 1) if q > 1 else (ref.year - 1, 4)


def year_part(m, ctx):
    return "DURATION", "P9M" if m.group("span").lower() == "nine" else "P6M", None, None


#: Season words that are also common verbs or nouns ("prices fall", "a hot spring"):
#: taken as seasons only with a determiner, a direction, a year or "in" before them.
AMBIGUOUS_SEASONS = ("fall", "spring")


def season(m, ctx):
    s = _v(ctx, "season", m)
    y = _year(m, ctx) or _relative_year(m, ctx)  # "the summer of 2019", "the fall of last year"
    direction = _g(m, "dir")
    if (_g(m, "season") in AMBIGUOUS_SEASONS and not (direction or y or _mod(m, ctx))
            and not m.group(0).lower().startswith("the")
            and not re.search(r"\b(?:in|this|last|next|of|since|until|by)\s+$",
                              m.string[max(0, m.start() - 8):m.start()].lower())):
        return None
    kind_of = ctx.params.get("kind_of_thing_after")
    if not (direction or y or _mod(m, ctx)) and kind_of and re.match(kind_of, m.string[m.end():m.end() + 30]):
        return None  # "a winter storm watch", "the summer reading program": a kind of thing
    ref = ctx.reference
    if y is None and direction in ("last", "past", "next", "coming", "following", "previous", "preceding"):
        # "last fall" is the latest fall already over, "next spring" the first one not yet
        # begun, counted from the publication date; "the following (previous) spring" the
        # same, counted from the date last mentioned
        base = ctx.anchor if direction in ("last", "past", "next", "coming") else _mentioned_base(ctx, "M")
        first_month = SEASON_FIRST_MONTH[s]
        story_year = _year_alone_mentioned(ctx) if direction in ("following", "previous", "preceding") else None
        if story_year is not None:  # "In 1994 ... the following spring": 1995's
            y = story_year + (1 if direction == "following" else -1)
        elif direction in ("next", "coming", "following"):
            y = _year_of_next(first_month, base)
        else:  # the season's last month is two after its first
            y = _year_of_last(first_month + 2, base)
    elif y is None and direction == "that":  # "that summer": of the year last mentioned
        y = _mentioned_base(ctx, "Y").year
    elif y is None:
        y = ref.year
        if direction is None and not ctx.future and s in ("SU", "FA") and ref.month < 6:
            y -= 1
        elif direction is None and ctx.future and ref.month >= SEASON_FIRST_MONTH[s] + 3:
            y += 1  # "work will begin in the spring", said in October: next spring
    return "DATE", f"{y:04d}-{s}", _mod(m, ctx), None


#: The month each TIMEX3 season starts in (winter YYYY-WI: December YYYY to February).
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _nearest_occurrence(days: list[dt.date], ref: dt.date, ctx: Context) -> dt.date:
    """The holiday's occurrence the sentence means, counted from the date in focus.

    `days` are its occurrences in the years around the focus, in order. Its tense decides:
    ahead, the last one from the anchor to a focus ahead, else the first one not before the
    focus. Otherwise, after a past date in focus, the
    first one from it up to the anchor (the story moves on: "opened on June 3, 1998. By
    Christmas, ..."); else, after a past-tense verb, the last one not after the focus, and
    without one, the last one up to 60 days ahead (a holiday just ahead is often spoken of
    without a future cue: "the office closes on New Year's Day"). The years on both sides of
    the focus are tried, so that New Year's Day after a Christmas in focus is the next one,
    not the one eleven months back.
    """
    if ctx.future:
        # an occurrence between the anchor and a day ahead in focus is the one meant ("classes
        # begin Tuesday, following the Labor Day holiday"); else the first one from the focus
        between = [d for d in days if ctx.anchor <= d <= ref]
        if between:
            return between[-1]
        return next(d for d in days if d >= ref) if days[-1] >= ref else days[-1]
    if ref < ctx.anchor:  # a past date in focus: the story moves on from it, up to the anchor
        ahead = [d for d in days if ref <= d <= ctx.anchor]
        if ahead:
            return ahead[0]
    limit = ref if ctx.past else ref + dt.timedelta(days=60)
    earlier = [d for d in days if d <= limit]
    return earlier[-1] if earlier else days[0]


_ONE_OFF = re.compile(r"\d{4}-\d\d-\d\d")
_EASTER = re.compile(r"easter:(-?\d+)(:W)?")
_NTH = re.compile(r"nth:(\d+):(\d):(-?\d)(?:\+(\d+))?")
_TABLE = re.compile(r"table:(\w+)")


def _holiday_days(code: str, year: int) -> list[dt.date]:
    """The days a holiday code of the vocabulary falls on in `year` (see vocabulary.yaml)."""
    easter_rule = _EASTER.fullmatch(code)
    if easter_rule:
        return [easter(year) + dt.timedelta(days=int(easter_rule.group(1)))]
    rule = _NTH.fullmatch(code)
    if rule:
        month, weekday, n, after = rule.groups()
        return [nth_weekday(year, int(month), int(weekday), int(n)) + dt.timedelta(days=int(after or 0))]
    table = _TABLE.fullmatch(code)
    if table:  # a lunar or lunisolar calendar's holiday: looked up (none outside the table)
        return [dt.date(year, int(day[:2]), int(day[3:])) for day in calendar_table(table.group(1)).get(year, ())]
    mo, d = code.split("-")
    return [dt.date(year, int(mo), int(d))]


def _holiday_days_around(code: str, day: dt.date) -> list[dt.date]:
    """The days a holiday falls on in the year of `day` and the years on either side, in order."""
    return [d for year in (day.year - 1, day.year, day.year + 1) for d in _holiday_days(code, year)]


def holiday(m, ctx):
    word = m.group("holiday") if "holiday" in m.re.groupindex else None
    if word and " " not in word and word.islower():
        return None  # a common noun ("a service of thanksgiving"), not the holiday
    code = _v(ctx, "holiday", m)
    if _ONE_OFF.fullmatch(code):  # a one-off day ("Black Monday")
        return "DATE", code, None, dt.date.fromisoformat(code)
    y = _year(m, ctx)
    direction = _g(m, "dir")
    a = ctx.anchor
    if y is not None:
        days = _holiday_days(code, y)
    elif direction in ("last", "next", "coming"):  # counted from the publication date
        around = _holiday_days_around(code, a)
        days = [d for d in around if d < a][-1:] if direction == "last" else [d for d in around if d > a][:1]
    elif direction == "this":
        days = _holiday_days(code, a.year)
    elif direction == "that":  # "In 2021 ... that Christmas": of the year last mentioned
        days = _holiday_days(code, _mentioned_base(ctx, "Y").year)
    else:
        # from the date in focus; in a sentence about the future, not from before the anchor
        ref = _not_before_anchor(ctx, ctx.reference)
        around = _holiday_days_around(code, ref)
        days = [_nearest_occurrence(around, ref, ctx)] if around else []
    if not days:
        return None
    date = days[0]
    easter_rule = _EASTER.fullmatch(code)
    if easter_rule and easter_rule.group(2):
        return "DATE", fmt(date, "W"), None, None
    return "DATE", date.isoformat(), None, date


def deictic(m, ctx):
    word = m.group("deictic").lower()
    name_before = ctx.params.get("name_before")
    if (name_before and m.group("deictic")[0].isupper()
            and re.search(name_before, m.string[max(0, m.start() - 20):m.start()])):
        return None  # a title: "USA Today", NBC's "Today" show, "The Tonight Show"
    date = ctx.anchor + dt.timedelta(days=ctx.vocab["deictic_day"][word])
    part = _v(ctx, "part_of_day", m)
    if word == "tonight":
        part = "NI"
    if part:
        return "TIME", f"{date.isoformat()}T{part}", None, date
    return "DATE", date.isoformat(), _mod(m, ctx), date


def part_of_day(m, ctx):
    part = _v(ctx, "part_of_day", m)
    if _g(m, "dir") is None:  # "in the morning": of the day the story is on
        mod = "MID" if _g(m, "modifier") or _g(m, "modifier2") else None
        return "TIME", f"{ctx.reference.isoformat()}T{part}", mod, None
    date = ctx.anchor - dt.timedelta(days=1 if _g(m, "dir") == "last" else 0)
    return "TIME", f"{date.isoformat()}T{part}", None, date


def weekday(m, ctx):
    word = m.group("weekday")
    if word[0].islower() or (len(word) <= 3 and not word.istitle()):
        return None
    if len(word) <= 4 and m.end() < len(m.string) and m.string[m.end()] != ".":
        return None  # "Sun", "Sat", "Wed" alone are too ambiguous
    wd = _v(ctx, "weekday", m)
    before = m.string[max(0, m.start() - 16):m.start()]
    if ctx.params.get("not_after") and re.search(ctx.params["not_after"], before):
        return None
    after = m.string[m.end():m.end() + 20]
    if ctx.params.get("name_after") and re.match(ctx.params["name_after"], after):
        return None
    part_word = m.group("part_of_day")
    if part_word and part_word[0].isupper() and re.match(ctx.params.get("title_after_part", "(?!)"), after):
        return None
    direction = _g(m, "dir")
    ref = ctx.reference if direction in ("previous", "following") else ctx.anchor
    delta = wd - ref.isoweekday()
    future = ctx.future if direction is None else direction in ("next", "coming", "following")
    if direction == "this":
        future = ctx.future
    if future:
        days = delta if delta >= 0 else delta + 7
        if direction in ("next", "following") and days == 0:
            days = 7
    else:
        days = delta if delta <= 0 else delta - 7
        if direction in ("last", "past", "previous") and days == 0:
            days = -7
    date = ref + dt.timedelta(days=days)
    part = _v(ctx, "part_of_day", m)
    if part and part in ctx.params.get("keep_parts", ()):
        return "TIME", f"{date.isoformat()}T{part}", None, date
    return "DATE", date.isoformat(), None, date


def count_from_day(m, ctx):
    """"a week from Friday", "two days from tomorrow": units counted on from a day ahead.

    The day is the next such day (today's weekday is today), the holiday's next occurrence.
    """
    shift_days = _v(ctx, "deictic_day", m)
    if shift_days is not None:
        base = ctx.anchor + dt.timedelta(days=shift_days)
    elif _g(m, "weekday"):
        if not m.group("weekday")[0].isupper():
            return None
        days = (_v(ctx, "weekday", m) - ctx.anchor.isoweekday()) % 7
        if _g(m, "dir") == "next" and days == 0:
            days = 7
        base = ctx.anchor + dt.timedelta(days=days)
    else:
        base = holiday(m, replace(ctx, future=True, reference=ctx.anchor))[3]
        if base is None:  # a holiday that is a whole week ("Easter week")
            return None
    return _count_shift(ctx, m, base, 1)


def fortnights(m, ctx):
    """ "a fortnight" (P2W), "a fortnight ago" (the day 14 days back)."""
    n = _number(ctx, m)
    if not isinstance(n, int):
        return None
    if _g(m, "ago"):
        d = ctx.anchor - dt.timedelta(days=14 * n)
        return "DATE", d.isoformat(), _mod(m, ctx), d
    return "DURATION", f"P{2 * n}W", _mod(m, ctx), None


def ago_on_day(m, ctx):
    """ "a year ago today", "ten years ago this month": that day (month, week), n units back."""
    n, unit = _number(ctx, m), _unit(m, ctx)
    if not isinstance(n, int) or unit not in ("Y", "M", "W"):
        return None
    d = shift(ctx.anchor + dt.timedelta(days=_v(ctx, "deictic_day", m) or 0), unit, -n)
    gran = {"week": "W", "month": "M"}.get(_g(m, "part"), "D")
    return "DATE", fmt(d, gran), _mod(m, ctx), (d if gran == "D" else None)


def weekday_around(m, ctx):
    """"the Monday after Thanksgiving": the first such weekday after (before) the holiday."""
    if not m.group("weekday")[0].isupper():
        return None
    day = holiday(m, ctx)[3]
    if day is None:
        return None
    gap = (_v(ctx, "weekday", m) - day.isoweekday()) % 7
    if _g(m, "around") == "after":
        day += dt.timedelta(days=gap or 7)
    else:
        day -= dt.timedelta(days=(7 - gap) % 7 or 7)
    return "DATE", day.isoformat(), None, day


def weekend(m, ctx):
    direction = _g(m, "dir")
    ref = ctx.anchor
    n = {"last": -1, "past": -1, "next": 1, "coming": 0}.get(direction, 0)
    if direction == "the":
        n = 0 if ctx.future or ref.isoweekday() >= 6 else -1
    d = ref + dt.timedelta(days=7 * n)
    return "DATE", fmt(d, "W") + "-WE", None, None


def relative_unit(m, ctx):
    unit = _unit(m, ctx)
    title = ctx.params.get("title_before")
    if title and m.group("unit")[0].isupper() and re.search(title, m.string[max(0, m.start() - 2):m.start()]):
        return None  # a quoted title-case name: a programme or a book, not a time
    span_dirs = ctx.params.get("span_dirs", ("past",))
    span = ctx.params.get("past_spans", {}).get(_g(m, "unit")) if _g(m, "dir") in span_dirs else None
    if span and not _g(m, "modifier"):
        return "DURATION", span, None, None  # "over the past decade": the last ten years
    n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(_g(m, "dir"), 0)
    base = ctx.anchor
    if (n == 1 and unit in ("Y", "M") and ctx.mentioned and not ctx.future
            and m.group(0).lower().startswith("the next")):
        base = _mentioned_base(ctx, unit)  # "in 2020 ... The next year, protests erupted"
    d = shift(base, unit, n)
    return "DATE", fmt(d, unit), _mod(m, ctx) or ctx.params.get("mod"), None


_MENTIONED = re.compile(r"^(\d{4})(?:-(\d\d))?")


def _year_alone_mentioned(ctx: Context) -> int | None:
    """The year last mentioned when it was named alone ("In 1994, ..."), else None."""
    found = _MENTIONED.match(ctx.mentioned or "")
    return int(found.group(1)) if found and not found.group(2) else None


def _not_before_anchor(ctx: Context, day: dt.date) -> dt.date:
    """`day`, or the anchor when the sentence speaks of the future and `day` is before it: what
    lies ahead is not counted from a past day of the story."""
    return ctx.anchor if ctx.future and day < ctx.anchor else day


def _mentioned_base(ctx: Context, unit: str) -> dt.date:
    """The date "that year"/"the following month" count from: the last mention at that
    granularity or finer, else the reference date."""
    found = _MENTIONED.match(ctx.mentioned or "")
    if found and unit in ("Y", "DE", "CE"):  # "by the end of the decade": of the story's year
        return dt.date(int(found.group(1)), 1, 1)
    if found and unit == "M" and found.group(2):
        return dt.date(int(found.group(1)), int(found.group(2)), 1)
    return ctx.reference


def anaphoric_unit(m, ctx):
    unit = _unit(m, ctx)
    if _g(m, "modifier"):  # "the end of the month": a part of the story's month
        # "plans to sell it by the end of the year", "hope to finish by the end of the week": a
        # plan ends in this year (week), not in the story's past one
        base = _not_before_anchor(ctx, _mentioned_base(ctx, unit))
        return "DATE", fmt(base, unit), _mod(m, ctx), None
    if unit == "D":
        if not _g(m, "dir") and m.group(0).lower().startswith("the"):
            return None  # "in the day", "the day belonged to": rarely a date of its own
        return "DATE", ctx.reference.isoformat(), None, ctx.reference
    # "for the week, the index fell": the week (month) the story is in, a date, not a length
    return "DATE", fmt(_mentioned_base(ctx, unit), unit), None, None


def anaphoric_shift(m, ctx):
    direction = _g(m, "dir")
    unit = _unit(m, ctx) or "D"
    n = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1,
         "before": -1}.get(direction, 0)
    d = shift(_mentioned_base(ctx, unit) if unit in ("Y", "M") else ctx.reference, unit, n)
    word = m.group("unit").lower()
    if word in ("morning", "night"):
        return "TIME", f"{d.isoformat()}T{'MO' if word == 'morning' else 'NI'}", None, d
    return "DATE", fmt(d, unit), None, (d if unit == "D" else None)


def _coarse_mention(ctx: Context) -> tuple[dt.date, str] | None:
    """The month or year last mentioned, when it does not hold the reference day.

    "In May 2011, he resigned. A week earlier, ...": the story has moved to a month with no
    day named, so a count of days or weeks starts in that month (from its middle, as the day
    is unknown) and gives a month, not a day counted from an older reference. Not when that
    month or year came in the sentence of the day in focus ("declared a famine on July 20,
    the first since 1992. Seven days later, ..." counts from July 20).
    """
    found = _MENTIONED.match(ctx.mentioned or "")
    if not found or len(ctx.mentioned) > 7 or not ctx.mention_after_reference:
        return None
    year, month = int(found.group(1)), found.group(2)
    if month is None:
        if ctx.reference.year == year:
            return None
        return dt.date(year, 7, 1), "Y"
    if (ctx.reference.year, ctx.reference.month) == (year, int(month)):
        return None
    return dt.date(year, int(month), 15), "M"


def _count_shift(ctx, m, base: dt.date, sign: int, gran: str | None = None):
    n = _number(ctx, m)
    unit = _unit(m, ctx)
    if unit is None or unit in ("S", "MI", "H"):
        return None
    if isinstance(n, float):  # "2.5 years ago": 30 months back
        smaller, per_unit = _HALF_SHIFT.get(unit, (unit, 1))
        d = shift(base, smaller, sign * round(n * per_unit))
    elif not isinstance(n, int):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None
    elif (_g(m, "half") or _g(m, "half_after")) and unit in _HALF_SHIFT:
        smaller, per_unit = _HALF_SHIFT[unit]  # "2 1/2 years ago": 30 months back
        d = shift(base, smaller, sign * (n * per_unit + per_unit // 2))
    else:
        d = shift(base, unit, sign * n)
    # "a decade ago" is the year ten years back, not that year's whole decade
    gran = gran or ("D" if unit in ("D", "W") else "Y" if unit == "DE" else unit)
    return "DATE", fmt(d, gran), _mod(m, ctx), (d if gran == "D" else None)


#: A sentence comparing periods longer than a quarter ("in the first nine months, ... a year
#: earlier"): there "a year earlier" is the year before, not the story's quarter a year before.
_YEAR_LONG_PERIOD = re.compile(r"\b(?:nine|six) months\b|\b(?:fiscal |full |the )year\b(?![- ](?:ago|earlier))")
_SENTENCE_START = re.compile(r".*[.!?][\"')]*\s", re.S)


def _sentence_so_far(m: re.Match) -> str:
    """The text from the start of the match's sentence to the match (at most 300 characters)."""
    before = m.string[max(0, m.start() - 300):m.start()]
    found = _SENTENCE_START.match(before)
    return before[found.end():] if found else before


def shifted(m, ctx):
    direction = _g(m, "dir") or _g(m, "dir2")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if (sign < 0 and _unit(m, ctx) == "Y" and _number(ctx, m) == 1 and ctx.quarter
            and not _YEAR_LONG_PERIOD.search(_sentence_so_far(m))):
        return "DATE", _quarter_year_ago(ctx), None, None
    unit = _unit(m, ctx)
    if ((direction in ("earlier", "later") or _g(m, "number") is None)
            and unit in ("MI", "H", "D", "W", "M", "Y", "DE") and not isinstance(_number(ctx, m), (int, float))):
        # "a few days later": a vague shift from the story's event has no date, and it is no
        # more in the future (past) of the publication date than the event: its length; so is
        # a bare "months ago" (news annotation: PXM)
        return "DURATION", _period("X", "Y" if unit == "DE" else unit), _mod(m, ctx), None
    if direction in ("ago", "from now"):
        base = ctx.anchor
    else:  # "two years later": from the year (month) last mentioned, days from the last day
        if unit in ("D", "W") and (coarse := _coarse_mention(ctx)):
            return _count_shift(ctx, m, coarse[0], sign, gran=coarse[1])
        base = _mentioned_base(ctx, "Y" if unit == "DE" else unit) if unit in ("Y", "M", "DE") else ctx.reference
    return _count_shift(ctx, m, base, sign)


def shifted_future(m, ctx):
    """ "in three days.": that many units after the publication date, or a length of time
    where a superlative measures back from now ("the first loss in 10 years")."""
    back, past = ctx.params.get("measured_back"), ctx.params.get("past_clause")
    noun = ctx.params.get("measured_back_noun")
    if back and noun and re.search(back + noun, m.string[max(0, m.start() - 60):m.start()], re.I):
        return duration(m, ctx)  # "their fourth election in seven years", whatever the tense
    if not ctx.future and ((back and re.search(back, _sentence_so_far(m), re.I))
                           or (past and re.search(past, _sentence_so_far(m)))):
        return duration(m, ctx)
    return _count_shift(ctx, m, ctx.anchor, 1)


def _quarter_year_ago(ctx):
    if ctx.quarter:
        y, q = ctx.quarter.split("-")
        return f"{int(y) - 1:04d}-{q}"
    return None


def year_ago(m, ctx):
    return "DATE", _quarter_year_ago(ctx) or f"{ctx.anchor.year - 1:04d}", None, None


#: A shift by n and a half units, counted in a smaller unit: (that unit, how many make one).
_HALF_SHIFT = {"Y": ("M", 12), "DE": ("Y", 10), "M": ("D", 30), "W": ("D", 7), "Q": ("M", 3)}

#: Half of a unit in the next smaller one, appended to a duration value.
_HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MI": "30S"}

_UNIT_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D"}


def duration(m, ctx):
    if ctx.params.get("unit_from_number"):  # "the year ended ...": one of that unit
        return "DURATION", f"P1{_UNIT_LETTER[m.group('number').lower()]}", None, None
    n = _number(ctx, m)
    unit = _unit(m, ctx)
    if unit is None or n is None:
        return None
    if m.group("number")[0].isdigit() and m.group("unit")[0].isupper():
        return None  # a title in the middle of a sentence: CBS's "60 Minutes", "12 Years a Slave"
    if unit == "S" and _g(m, "number") in ("a", "an"):
        return None  # "a second term", "a second time": an ordinal
    if _g(m, "number") in ("a", "an") and _AMOUNT_BEFORE.search(m.string[max(0, m.start() - 30):m.start()]):
        return None  # "$500 million a year", "700 seats a week": a rate, not a length of time
    if unit == "Q" and (_g(m, "number") in ("a", "an") or m.string[m.start("unit") - 1] == "-"):
        return None  # "a quarter of the vote", "three-quarters": fractions, not time
    if unit == "DE":
        unit, n = "Y", (n * 10 if isinstance(n, (int, float)) else "X") if n != "X" else "X"
        unit = "DE" if n == "X" else "Y"
    if unit == "CE":
        unit, n = ("Y", n * 100) if isinstance(n, (int, float)) else ("CE", "X")
    value = _period(n, unit)
    if (_g(m, "half") or _g(m, "half_after")) and _numeral(n).isdigit() and unit in _HALF:
        value += _HALF[unit]  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
    return "DURATION", value, _mod(m, ctx), None


def vague_duration(m, ctx):
    unit = _unit(m, ctx)
    if unit is None:
        return None
    if not any(c.isspace() for c in m.group(0)) and not _measures_time(m, ctx):
        return None
    if unit == "DE":  # "for decades": decades are counted in years, as "four decades" is P40Y
        unit = "Y"
    return "DURATION", _period("X", unit), None, None


def _measures_time(m: re.Match, ctx: Context) -> bool:
    """Whether the sentence measures time with a bare plural ("for years", "spent years",
    "hours after the vote"; the rule's ``measuring_before``/``measuring_after``); elsewhere
    ("years of war") it is mostly not tagged."""
    before, after = ctx.params.get("measuring_before"), ctx.params.get("measuring_after")
    return bool((before and re.search(before, m.string[max(0, m.start() - 12):m.start()], re.I))
                or (after and re.compile(after).match(m.string, m.end(), m.end() + 30)))


def unit_adjective(m, ctx):
    """The length an adjective names ("day-long" P1D, "two-year-long" P2Y, "decades-long" PXDE)."""
    word = _g(m, "unit") or _g(m, "unit2")  # "day-long", or closed up: "weeklong"
    unit = ctx.vocab["unit"].get(word)
    if unit is None:
        return None
    n = _number(ctx, m) if _g(m, "number") else ("X" if word.endswith("s") else 1)
    if n is None:
        return None
    if unit == "DE":  # decades are counted in years, a vague number of them too
        unit, n = "Y", (n * 10 if isinstance(n, (int, float)) else n)
    return "DURATION", _period(n, unit), None, None


def day_in_focus(m, ctx):
    """The day a copula sentence is about ("today is the eighth day of ..."): the reference day."""
    subject = ctx.params.get("subject_before")
    if subject and not re.search(subject, m.string[max(0, m.start() - 20):m.start()]):
        return None
    return "DATE", ctx.reference.isoformat(), None, None


def fixed_duration(m, ctx):
    """A length of time the data gives for the unit word ("half an hour" -> PT30M)."""
    value = ctx.params.get(_g(m, "unit"))
    return None if value is None else ("DURATION", value, _mod(m, ctx), None)


def clock(m, ctx):
    # on the day in focus; in a sentence about the future, not on a day before the anchor
    # ("took the oath on Sunday, and will repeat it publicly at 11:55 a.m.")
    day = _not_before_anchor(ctx, ctx.reference).isoformat()
    fixed = _g(m, "fixed")
    if fixed:
        return "TIME", f"{day}T{'24:00' if fixed == 'midnight' else '12:00'}", None, None
    hour24 = _g(m, "hour24")
    if hour24:
        return "TIME", f"{day}T{int(hour24):02d}:{m.group('minute')}", None, None
    hour = _g(m, "hour")
    h = (int(hour) if hour.isdigit() else ctx.vocab["number"][hour]) % 12
    if (_g(m, "ampm") or "").startswith("p"):
        h += 12
    else:  # "at 4 in the afternoon", "ten at night"
        h = hour_in_part_of_day(h, "NI" if _g(m, "night") else _v(ctx, "part_of_day", m, "half_day"))
    mi = int(m.group("minute") or 0)
    return "TIME", f"{day}T{h:02d}:{mi:02d}", _mod(m, ctx), None


def ref(m, ctx):
    v = ctx.params.get(re.sub(r"\s+", " ", m.group("ref").lower()))
    return None if v is None else ("DATE", v, None, None)


#: An amount just before "annually"/"daily" ("$5 million annually", "rise 8% annually")
#: makes it a rate, which news annotation does not tag as a recurrence.
_AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*\s*%?|percent|million|billion|units|shares)\s+(?:\w+\s+)?$")


def set_(m, ctx):
    adverb = _g(m, "adverb")
    before = m.string[max(0, m.start() - 30):m.start()]
    if adverb and (_AMOUNT_BEFORE.search(before) or (
            ctx.params.get("not_after") and re.search(ctx.params["not_after"], before))):
        return None
    if adverb:
        return "SET", ctx.params[adverb], None, None
    wd = _g(m, "weekday")
    if wd:
        part = _v(ctx, "part_of_day", m) or _v(ctx, "part_of_day", m, "part_of_day2")
        return "SET", f"XXXX-WXX-{ctx.vocab['weekday'][wd]}{'T' + part if part else ''}", None, None
    month = _v(ctx, "month", m)
    if month:
        return "SET", f"XXXX-{month:02d}", None, None
    season = _v(ctx, "season", m)
    if season:  # "every winter"
        return "SET", f"XXXX-{season}", None, None
    word = _g(m, "unit")
    if word is None:  # a fixed value ("weekends", "every weekend")
        fixed = ctx.params.get(re.sub(r"\s+", " ", m.group(0).lower()))
        return None if fixed is None else ("SET", fixed, None, None)
    if word in ("morning", "night"):
        return "SET", f"XXXX-XX-XXT{'MO' if word == 'morning' else 'NI'}", None, None
    unit = _unit(m, ctx)
    n = 2 if _g(m, "other") else (_number(ctx, m) or 1)  # "every other week", "every two weeks"
    return "SET", _period(n, unit), None, None


NORMALIZERS = {
    "numeric_date": numeric_date, "calendar": calendar, "day_of_month": day_of_month, "month_alone": month_alone, "week_of": week_of,
    "week_of_month": week_of_month, "weekday_of_month": weekday_of_month,
    "year": year, "decade": decade, "century": century, "quarter": quarter,
    "year_quarter": year_quarter, "half_year": half_year, "ago_on_day": ago_on_day, "fortnights": fortnights,
    "year_part": year_part, "season": season, "holiday": holiday, "deictic": deictic,
    "part_of_day": part_of_day, "weekday": weekday, "weekend": weekend,
    "count_from_day": count_from_day, "weekday_around": weekday_around,
    "relative_unit": relative_unit, "anaphoric_unit": anaphoric_unit,
    "anaphoric_shift": anaphoric_shift, "shifted": shifted, "shifted_future": shifted_future,
    "year_ago": year_ago, "duration": duration, "vague_duration": vague_duration, "fixed_duration": fixed_duration,
    "unit_adjective": unit_adjective, "day_in_focus": day_in_focus,
    "clock": clock, "ref": ref, "set": set_,
}
