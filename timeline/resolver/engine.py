"""The engine: scan text with every compiled rule, pick non-overlapping spans, normalize.

Knows nothing of any language: rules, vocabularies and tense cues come from the data.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from timeline.resolver.calendar import hour_in_part_of_day, quarter_of
from timeline.resolver.data_loader import Language
from timeline.resolver.index import char_classes
from timeline.resolver.normalize import NORMALIZERS, SEASON_FIRST_MONTH, Context
from timeline.resolver.timex import Timex

QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
MENTION = re.compile(r"^\d{4}(?:-\d\d)?(?:-\d\d)?$")
SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
WRITTEN_YEAR = re.compile(r"\d{4}")
YEAR_AGO = re.compile(r"year-(?:ago|earlier)|previous|last|prior", re.I)
#: A sentence ends at . ! ? before a capital or a digit, but not after a title, an initial or a
#: clock abbreviation ("4 a.m. EDT Thursday", "Mr. Bush", "U.S. officials", "Sept. 13").
SENTENCE_END = re.compile(
    r"[.!?](?<!\b[ap]\.m\.)(?<!\bMrs\.)(?<!\b[MD]r\.)(?<!\bSt\.)(?<!\bGen\.)(?<!\bSen\.)(?<!\bRep\.)"
    r"(?<!\bGov\.)(?<!\b[A-Z]\.)(?<!\b(?:Jan|Feb|Aug|Oct|Nov|Dec)\.)(?<!\bSept\.)(?<!\bNo\.)"
    r"[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
#: "a.m."/"p.m." end a sentence only before a word that cannot go on with the time ("at 8
#: p.m. Early voting ..." but not "10 p.m. Wednesday", "8 p.m. Eastern time", "9 a.m. EDT").
CLOCK_SENTENCE_END = re.compile(
    r"\b[ap]\.m\.[\"'”’)]*\s+(?=[\"'“‘(]?(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec|Eastern|Central|Mountain|Pacific|Local|[A-Z]{2,5}\b))[A-Z0-9])")


def _sentence_bounds(text: str) -> list[int]:
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if "m." in text:  # most texts name no clock time
        ends = sorted(ends + [m.end() for m in CLOCK_SENTENCE_END.finditer(text)])
    return [0] + ends + [len(text) + 1]


def _is_future(text: str, bounds: list[int], sentence: int, pos: int, end: int, tense: dict,
               past_verb: bool, ahead_from: int | None, onset: re.Match | None,
               noun_end: int | None) -> bool:
    """Whether the expression at ``text[pos:end]`` lies ahead (the language's cues).

    The cues are searched from ``before`` characters ahead of the expression to ``after``
    characters past its end, within its sentence (``bounds[sentence - 1]`` to
    ``bounds[sentence]``). ``past_verb``: a past-tense verb comes right before it
    (``_is_past``); a cue found only past its start does not count then.
    ``onset``: the start of a change right before it ("Starting", ``onset_before``);
    ``noun_end``: where the noun of the event it owns ends (``_owns_event``), or None.
    ``ahead_from``: where an earlier date of the sentence that lies ahead ends, or None; this
    one lies ahead too ("will leave from March 30, with a third flight each Thursday from
    August 6", "storms were likely Tuesday and Wednesday"), unless a past cue is near it or it
    ends a clause of its own in the past after that date. The start of a change
    ("Starting Monday,") is decided by its main clause (``_onset_is_future``). An expression
    that opens its sentence (``opening_before``) is ahead when the rest of the sentence
    matches ``opening_future``.
    """
    first, last = bounds[sentence - 1], bounds[sentence]
    start = max(first, pos - tense["before"])
    saying = tense["past_before"].search(text, start, pos)
    if saying is not None:
        # a schedule verb in the words said keeps them ahead ("said the bridge reopens Monday")
        scheduled = tense["future_verb_before"].search(text, max(saying.start() + 1, pos - 30), pos)
        return scheduled is not None
    if onset:
        return _onset_is_future(text, tense, first, onset, end, last)
    if tense["future_verb_before"].search(text, max(start, pos - 30), pos):
        return True
    stop = min(last, end + tense["after"])
    if noun_end is not None:
        # "Wednesday's ruling": a day that owns an event is ahead only by a cue right before
        # it ("ahead of Friday's vote") or after its noun ("Friday's vote will decide"), not
        # by the sentence's future ("would look for ways to get around Wednesday's ruling",
        # "will appeal on Monday against Wednesday's ruling", "the suspect in the November
        # attacks in Paris would be extradited"), nor by a plan before it ("voted to leave the
        # EU in Thursday's referendum")
        if tense["possessive_ahead"].search(text, max(start, pos - 30), pos):
            return True
        if _scheduled_event_ahead(text, tense, start, pos, end):
            return True
        cue = tense["future"].search(text, noun_end, min(last, noun_end + 24))
        return cue is not None and tense["event_noun_tail"].fullmatch(text, noun_end, cue.start()) is not None
    if (ahead_from is not None and not past_verb and not _in_past_clause(text, tense, max(start, ahead_from), pos)
            and tense["past_verb_after"].match(text, end) is None):
        return True
    cue = tense["future"].search(text[start:stop])
    if cue and cue.start() >= end - start and tense["new_clause"].search(text, end, start + cue.start()):
        cue = None  # the cue opens a clause of its own ("a 5-4 win Wednesday night and will open")
    if cue:
        before = cue.start() < pos - start
        # a clause in the past between a cue and the expression keeps it in the past ("want to
        # know what happened on Tuesday"), as does one that holds the expression before a cue
        # after it ("students whose school was destroyed on Friday will return"); a past-tense
        # verb right before the expression
        # outweighs a cue that starts after it ("docked Monday and will leave Friday"); a plan
        # that is then said to have been undone or done is past ("was scheduled to launch
        # Wednesday, but the flight was scrubbed")
        if (not _in_past_clause(text, tense, start + cue.end() if before else first, pos) and (before or not past_verb)
                and tense["plan_undone"].match(text, end, last) is None
                and tense["past_verb_after"].match(text, end) is None):
            return True
    # a schedule or a plan in the words before it ("opens to the public on Saturday", "called
    # for protests on Saturday"): searched last, as it is the costliest cue
    if tense["future_phrase_before"].search(text, max(first, pos - 60), pos):
        return True
    # a day that opens the sentence ("On Tuesday, the league plans to ..."): its main clause
    if tense["opening_before"].match(text, first, pos):
        return tense["opening_future"].match(text, end, last) is not None
    return False


def _scheduled_event_ahead(text: str, tense: dict, start: int, pos: int, end: int) -> bool:
    """Whether a day that owns an event of the calendar ("Saturday's home game", tense cue
    ``scheduled_event``) lies ahead by the future of its clause ("will lift the trophy after
    Saturday's home game") or by a schedule in the present after it
    (``scheduled_event_schedule``: "Thursday's game kicks off at 10 a.m."), unlike a decision
    or an incident ("would look for ways to get around Wednesday's ruling")."""
    possessive = tense["possessive"].match(text, end)
    event = None if possessive is None else tense["scheduled_event"].match(text, possessive.end())
    if event is None:
        return False
    if tense["scheduled_event_schedule"].match(text, event.end()):
        return True  # "Thursday's game kicks off at 10 a.m."
    cue = tense["future"].search(text, start, pos)
    return cue is not None and not _in_past_clause(text, tense, cue.end(), pos)


def _onset_is_future(text: str, tense: dict, first: int, onset: re.Match, end: int, last: int) -> bool:
    """Whether the start of a change (``onset``: "Starting Monday", "effective Jan. 1") lies
    ahead: yes, unless its main clause is in the past. That clause follows when the onset opens
    the sentence ("Starting Monday, stores closed early"), else it comes before ("will suspend
    travel starting Friday"); a future cue in it wins. Inside a sentence, an onset of the
    ``ahead`` group is always ahead ("voted to ban the sale, effective Jan. 1")."""
    clause = text[first:onset.start()]
    if not clause.strip(" \t\n\"'“‘"):
        rest = text[end:last]
        return tense["future"].search(rest) is not None or tense["onset_past"].match(rest) is None
    if _always_ahead(onset):
        return True
    return tense["future"].search(clause) is not None or tense["onset_clause_past"].search(clause) is None


def _always_ahead(onset: re.Match | None) -> bool:
    """Whether an onset is of the kind that lies ahead ("effective"; ``onset_before``'s group
    ``ahead``)."""
    return onset is not None and "ahead" in onset.re.groupindex and onset.group("ahead") is not None


def _in_past_clause(text: str, tense: dict, lo: int, pos: int) -> bool:
    """Whether the expression at ``pos`` ends a clause of its own in the past that starts
    after ``lo`` ("... after lawmakers debated a levy over the weekend"), with no future cue
    after that clause's verb ("the man who robbed a bank will appear Tuesday")."""
    found = tense["embedded_past"].search(text, lo, pos)
    return found is not None and tense["future"].search(text, found.end("verb"), pos) is None


def _owns_event(text: str, pos: int, end: int, tense: dict) -> int | None:
    """Where the noun of the event ends, when the expression at ``text[pos:end]`` owns one:
    "Wednesday's ruling", or after "the" as a modifier of the noun ("the August shooting")."""
    possessive = tense["possessive"].match(text, end)
    if possessive is not None:
        noun = re.match(r"\s+[\w-]+", text[possessive.end():possessive.end() + 40])
        return possessive.end() + (noun.end() if noun else 0)
    if tense["attributive_before"].search(text, max(0, pos - 6), pos) is None:
        return None
    noun = tense["attributive_after"].match(text, end)
    return noun.end() if noun else None


def _framing(text: str, bounds: list[int], sentence: int, future: bool, mentioned: str | None,
             mention: tuple[int, int], mention_sentence: int, pos: int, goes_on: re.Pattern) -> str | None:
    """How the date last mentioned frames an expression at ``pos`` that lacks a year.

    "clause": in the same sentence, for an expression not in the future, when no comma comes
    between them ("elected in November 2012 and took office in January") or the sentence
    opens with the mention ("In 2010, sales rose in January"); not across a clause ("invited
    in July 1997, will join on March 12"), unless `goes_on` says the clause after the comma
    goes on with the same story ("began on July 1, 1916, and dragged on until November").
    "story": both open consecutive sentences, a story
    told in steps ("In March 2003, troops invaded. By December, Saddam was captured."), which
    moves forward; only from a month or a day (after "Profit rose in 2012." a sentence that
    opens "In January," may well speak of this January). None otherwise.
    """
    if future:
        return None
    if mention_sentence == sentence - 1:
        opens = mention[0] - bounds[sentence - 2] <= 12 and pos - bounds[sentence - 1] <= 12
        return "story" if opens and len(mentioned or "") >= 7 else None
    if mention_sentence != sentence:
        return None
    between = text[mention[1]:pos]
    if "," not in between or mention[0] - bounds[sentence - 1] <= 12 or goes_on.match(between):
        return "clause"
    return None


def _day_of_saying(text: str, first: int, pos: int, tense: dict) -> bool:
    """Whether the expression at ``pos`` dates the telling of the story, not its events ("an
    attack at a cafe Sunday, police said Monday. The shooting began at 11:22 a.m."): it does
    not become the day in focus."""
    return tense["saying_before"].search(text, max(first, pos - 40), pos) is not None


def _is_past(text: str, pos: int, tense: dict) -> bool:
    """Whether a verb in the past tense comes right before ``pos`` (the language's cue)."""
    return tense["past_verb_before"].search(text, max(0, pos - 40), pos) is not None


def _passes(rule, text: str, lower: str) -> bool:
    """Whether `text` has what every match of `rule` contains (``requires_any``, ``requires``)."""
    if rule.requires_any:
        for word in rule.requires_any:  # a plain loop: cheaper than any() over a generator
            if word in lower:
                break
        else:
            return False
    return rule.requires is None or rule.requires.search(text) is not None


def _candidates(text: str, lang: Language) -> list[tuple[int, int, int, re.Match]]:
    """Every rule's matches as ``finditer`` over the whole text gives them: (start, -length,
    rule index, match), sorted.

    Rules in the language's index are only tried at the word starts where their matches
    may begin (``index.RuleIndex``): trying them in order of position and resuming after
    each match yields what ``finditer`` yields. A rule's ``requires`` are only checked
    once it has a match (they only ever take matches away).
    """
    out = []
    rules = lang.rules
    index = lang.index
    unindexed = range(len(rules)) if index is None else index.unindexed
    lower = None
    for idx in unindexed:
        rule = rules[idx]
        if lower is None:
            lower = text.lower()
        if not _passes(rule, text, lower):
            continue
        for m in rule.regex.finditer(text):
            _add(out, text, m, idx)
    if index is not None:
        resume = [0] * len(rules)  # where each rule's finditer would search next
        passed: dict[int, bool] = {}
        classes = char_classes(text)
        by_prefix = index.by_prefix
        for start in index.starts.finditer(classes):
            s = start.start()
            for idx in by_prefix[start.group(1)]:
                if s < resume[idx]:
                    continue
                rule = rules[idx]
                m = rule.regex.match(text, s)
                if m is None:
                    continue
                resume[idx] = m.end()
                ok = passed.get(idx)
                if ok is None:
                    if lower is None:
                        lower = text.lower()
                    ok = passed[idx] = _passes(rule, text, lower)
                if ok:
                    _add(out, text, m, idx)
    out.sort(key=lambda c: (c[0], c[1], c[2]))
    return out


def _add(out: list, text: str, m: re.Match, idx: int) -> None:
    """Append `m` as a candidate, its span without the white space at either end (if any is left)."""
    s, e = m.span()
    # strip leading/trailing whitespace captured by optional parts
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, -(e - s), idx, m))


def _story_quarter(current: str | None, mentioned: str, anchor: dt.date) -> str | None:
    """The quarter a financial story is about, after a quarter is mentioned.

    The first quarter mentioned that is not in the future of the anchor, unless a later mention
    names the quarter just completed (the one results are reported for), which takes over.
    A "year-ago quarter" or a forecast for a coming quarter never becomes the story's quarter.
    """
    q = quarter_of(anchor.month)
    if mentioned > f"{anchor.year:04d}-Q{q}":
        return current
    just_completed = f"{anchor.year:04d}-Q{q - 1}" if q > 1 else f"{anchor.year - 1:04d}-Q4"
    return mentioned if current is None or mentioned == just_completed else current


CAPITALS = re.compile(r"[A-Z]{3,}")


def recase_capitals(text: str, capitals: frozenset) -> str:
    """`text` with the words of `capitals` capitalized ("MARCH" -> "March").

    The length is unchanged, so offsets found in the result hold for `text`. Most texts have
    none: the check for them is one scan (about 3% of the resolver's time).
    """
    if capitals.isdisjoint(CAPITALS.findall(text)):
        return text
    return CAPITALS.sub(lambda m: m[0][0] + m[0][1:].lower() if m[0] in capitals else m[0], text)


def run(text: str, anchor: dt.date, lang: Language) -> list[Timex]:
    """All temporal expressions in `text`, in order, resolved against `anchor`."""
    original, text = text, recase_capitals(text, lang.capitals)
    out = _resolve(text, anchor, lang)
    if text != original:  # the expressions as the article writes them ("MARCH 18")
        out = [replace(t, text=original[t.start:t.end]) for t in out]
    return out


def _resolve(text: str, anchor: dt.date, lang: Language) -> list[Timex]:
    """`run` on a text whose capitals are already read."""
    bounds = _sentence_bounds(text)
    reference = anchor
    reference_sentence = latest_mention_sentence = 0  # where the day in focus and the last date were named
    quarter = None
    mentioned: str | None = None
    out: list[Timex] = []
    last_end = 0
    future_sentence = mentioned_sentence = -1
    future_end = 0  # where the latest date ahead ends (in sentence future_sentence)
    today_ahead_end = -1  # where a "today" said of the future ends ("continues today and Sunday")
    mention_span = (0, 0)
    anchor_day = anchor.isoformat()
    coordinated = lang.cues.get("coordinated", NEVER)
    goes_on, describing_year = lang.cues.get("story_goes_on", NEVER), lang.cues.get("describing_year", NEVER)
    opening_year = lang.cues.get("opening_year", NEVER)
    time_day = lang.joiners.get("time_day", NEVER)
    for start, neglen, idx, m in _candidates(text, lang):
        end = start - neglen
        if start < last_end:
            continue
        rule = lang.rules[idx]
        sentence = bisect.bisect_right(bounds, start)
        # the tense cues of a day come before the clock time joined to it ("remains in effect
        # until 8 p.m. Wednesday")
        cue_pos = start
        if out and CLOCK.match(out[-1].value) and time_day.search(text[out[-1].end:start]):
            cue_pos = out[-1].start
        past_verb = _is_past(text, cue_pos, lang.tense)
        ahead = future_end if sentence == future_sentence else (
            today_ahead_end if today_ahead_end >= 0 and coordinated.match(text, today_ahead_end, start) else None)
        onset = lang.tense["onset_before"].search(text, max(bounds[sentence - 1], cue_pos - 20), cue_pos)
        noun_end = _owns_event(text, cue_pos, end, lang.tense)
        future = _is_future(text, bounds, sentence, cue_pos, end, lang.tense, past_verb,
                            ahead_from=ahead, onset=onset, noun_end=noun_end)
        framing = _framing(text, bounds, sentence, future, mentioned, mention_span, mentioned_sentence,
                           start, goes_on)
        ctx = Context(anchor, reference, future, lang.vocab, quarter, rule.params, mentioned,
                      lang.counts, past=not future and past_verb,
                      mention_in_clause=mentioned if framing else None,
                      story_moves_on=framing == "story",
                      only_ahead=future and _always_ahead(onset),
                      tenseless=not future and noun_end is not None,
                      mention_after_reference=latest_mention_sentence > reference_sentence)
        try:
            res = NORMALIZERS[rule.kind](m, ctx)
        except (ValueError, OverflowError, KeyError, TypeError):
            res = None
        if res is None:
            continue
        typ, value, mod, point = res
        if future and not value.startswith(anchor_day):
            # a date ahead makes the later dates of its sentence ahead; today does not ("will
            # travel to Jordan on Friday after visiting Israel on Thursday", said on a Friday),
            # except for a day joined to it ("continues today and Sunday")
            future_sentence, future_end = sentence, end
        today_ahead_end = end if future and value.startswith(anchor_day) else -1
        if point is not None and not _day_of_saying(text, bounds[sentence - 1], cue_pos, lang.tense):
            reference, reference_sentence = point, sentence
        season = SEASON.match(value)
        # "the spring of 1963": the story moves to that season's first month
        as_mention = f"{season[1]}-{SEASON_FIRST_MONTH[season[2]]:02d}" if season else value
        if typ == "DATE" and MENTION.match(as_mention):
            mentioned, latest_mention_sentence = as_mention, sentence
            # only a year written in digits frames the dates after it ("in November 2012"), or
            # one counted from the anchor that opens its sentence ("Last year the canal opened
            # on Jan. 4"; cue opening_year), not one inside it ("last year's profit was reported
            # in March"), nor one that describes a thing ("a 2019 graduate reported missing on
            # April 9")
            written = ((WRITTEN_YEAR.search(text, start, end) is not None
                        and not describing_year.search(text, max(0, start - 12), start))
                       or (opening_year.fullmatch(text, start, end) is not None
                           and start - bounds[sentence - 1] <= 3
                           and not lang.tense["possessive"].match(text, end)))
            mentioned_sentence, mention_span = (sentence if written else -1), (start, end)
        if rule.kind == "quarter" and QUARTER.match(value) and not YEAR_AGO.search(m.group(0)):
            quarter = _story_quarter(quarter, value, anchor)
        elif rule.kind == "year_quarter" and QUARTER.match(value) and value.startswith(f"{anchor.year:04d}"):
            # "this year's third quarter": a quarter of the publication year, as said above
            quarter = _story_quarter(quarter, value, anchor)
        out.append(Timex(start, end, text[start:end], typ, value, mod,
                         ctx.reference.isoformat()))
        last_end = end
    out = join_lengths(join_times_to_days(out, text, lang.joiners), text, lang.joiners)
    out = order_days_in_sequence(out, text, lang.joiners, lang.vocab["weekday"])
    out = follow_coordinated_day(out, text, coordinated, lang.vocab["weekday"], anchor)
    out = today_as_nowadays(out, text, bounds, lang.cues, anchor)
    out = place_days_in_named_week(out, text, lang.joiners, lang.vocab["weekday"])
    return add_range_days(shift_days_before_after(out, text, lang.joiners), text, lang.joiners)


#: How far back a time must lie for a "today" after it to mean nowadays.
NOWADAYS_GAP_YEARS = 10
#: A time long past: a decade or a century ("196", "19"), or a year (with its month and day).
ERA = re.compile(r"^(?:\d{2,3}|(\d{4})(?:-\d\d)?(?:-\d\d)?)$")


def today_as_nowadays(found: list[Timex], text: str, bounds: list[int], cues: dict,
                      anchor: dt.date) -> list[Timex]:
    """Read "today" as the present of a story told against the past (PRESENT_REF).

    "In the 1950s, thousands of cars a day passed the motel. Today the highway is a two-lane
    curiosity": after a time at least ``NOWADAYS_GAP_YEARS`` back, named in the same sentence
    or the one before, a "today" (cue ``nowadays_word``) whose clause is in the present
    (``nowadays_after`` right after it, or ``nowadays_before`` right before it) means
    nowadays, not the publication date.
    """
    word, after, before = cues.get("nowadays_word"), cues.get("nowadays_after"), cues.get("nowadays_before")
    if word is None or (after is None and before is None):
        return found
    out = list(found)
    for i, t in enumerate(out):
        if not word.fullmatch(t.text) or t.value != anchor.isoformat():
            continue
        sentence = bisect.bisect_right(bounds, t.start)
        first = bounds[max(0, sentence - 2)]
        era = any(_long_past(p.value, anchor) for p in out[:i] if p.start >= first)
        present = ((after is not None and after.match(text, t.end) is not None)
                   or (before is not None and before.search(text, bounds[sentence - 1], t.start) is not None))
        if era and present:
            out[i] = replace(t, value="PRESENT_REF")
    return out


def _long_past(value: str, anchor: dt.date) -> bool:
    """Whether a DATE value names a time at least ``NOWADAYS_GAP_YEARS`` before `anchor`."""
    m = ERA.match(value)
    if m is None:
        return False
    # a decade or a century counts by its last year ("196" is 1969)
    last_year = int(value.ljust(4, "9")) if m.group(1) is None else int(m.group(1))
    return last_year <= anchor.year - NOWADAYS_GAP_YEARS


def _bare_weekday(t: Timex, weekdays: dict) -> bool:
    """Whether `t` is a weekday named alone ("Thursday"), resolved to a day."""
    return t.text.lower() in weekdays and DAY.match(t.value) is not None


def order_days_in_sequence(found: list[Timex], text: str, joiners: dict, weekdays: dict) -> list[Timex]:
    """Put a weekday on the right side of the day before it when a clause orders them.

    "will fly to Rome on Friday after visiting Paris on Thursday", said on a Friday: the
    sentence's future put Thursday a week ahead, but the visit comes before the flight. The
    joiner ``day_sequence`` matches the text between the two days; its group ``dir`` (after or
    before) says on which side of the first day the weekday lies, within a week of it.
    """
    rx = joiners.get("day_sequence")
    if rx is None:
        return found
    out = list(found)
    for i in range(1, len(out)):
        first, day = out[i - 1], out[i]
        if not (_bare_weekday(day, weekdays) and DAY.match(first.value)):
            continue
        m = rx.match(text, first.end, day.start)
        if m is None:
            continue
        a, b = dt.date.fromisoformat(first.value), dt.date.fromisoformat(day.value)
        after = m.group("dir").lower() == "after"
        if b != a and (b > a) == after:  # on the wrong side of the day before it
            out[i] = replace(day, value=_weekday_beside(b, a, after=not after).isoformat())
    return out


def _weekday_beside(day: dt.date, pivot: dt.date, after: bool) -> dt.date:
    """The date of `day`'s weekday nearest `pivot` on its far side: the first after it (the
    last before it when not `after`), whole weeks away from `day`."""
    weeks = ((pivot - day).days if after else (day - pivot).days) // 7 + 1
    return day + dt.timedelta(days=7 * weeks if after else -7 * weeks)


def follow_coordinated_day(found: list[Timex], text: str, coordinated: re.Pattern, weekdays: dict,
                           anchor: dt.date) -> list[Timex]:
    """Put a bare weekday joined to a day ahead ("next Thursday and Friday", cue
    ``coordinated``) on the first such weekday after that day, not before it."""
    out = list(found)
    for i in range(1, len(out)):
        first, day = out[i - 1], out[i]
        if not (_bare_weekday(day, weekdays) and DAY.match(first.value)) or coordinated.fullmatch(
                text, first.end, day.start) is None:
            continue
        a, b = dt.date.fromisoformat(first.value), dt.date.fromisoformat(day.value)
        if a > anchor and b < a:
            out[i] = replace(day, value=_weekday_beside(b, a, after=True).isoformat())
    return out


WEEK = re.compile(r"^(\d{4})-W(\d\d)$")


def place_days_in_named_week(found: list[Timex], text: str, joiners: dict, weekdays: dict) -> list[Timex]:
    """Put the weekdays that follow a week's event in that week.

    "moved next week's budget vote from Monday to Thursday": the joiner ``week_event`` matches
    right after the week ("'s"); each bare weekday after it, up to the next other expression
    and within ``week_event_span`` (no sentence end between), is that week's day.
    """
    rx, span = joiners.get("week_event"), joiners.get("week_event_span")
    if rx is None or span is None:
        return found
    out = list(found)
    for i, week in enumerate(out):
        iso = WEEK.match(week.value)
        if iso is None or rx.match(text, week.end) is None:
            continue
        for j in range(i + 1, len(out)):
            day = out[j]
            if not _bare_weekday(day, weekdays) or span.match(text, week.end, day.start) is None:
                break
            date = dt.date.fromisocalendar(int(iso[1]), int(iso[2]), weekdays[day.text.lower()])
            out[j] = replace(day, value=date.isoformat())
    return out


DAY_AT_END = re.compile(r"(\d\d?)(?:st|nd|rd|th)?$")


def add_range_days(found: list[Timex], text: str, joiners: dict) -> list[Timex]:
    """After a day written with its number ("April 24"), tag the second day of a range ("and 25").

    The joiner ``day_range`` is matched right after the day: group ``day`` is the second day,
    in the same month; an optional ``year`` ("June 5-7, 2024") belongs to the expression.
    """
    rx = joiners.get("day_range")
    if rx is None:
        return found
    out: list[Timex] = []
    i = 0
    while i < len(found):
        t = found[i]
        out.append(t)
        i += 1
        end_day = DAY_AT_END.search(t.text) if DAY.match(t.value) else None
        if end_day is None or int(end_day.group(1)) != int(t.value[8:]):
            continue
        m = rx.match(text, t.end)
        if m is None:
            continue
        first = dt.date.fromisoformat(t.value)
        year = int(m.group("year")) if m.group("year") else first.year
        try:
            second = dt.date(year, first.month, int(m.group("day")))
        except ValueError:
            continue
        start, end = m.start("day"), m.end()
        j = i
        while j < len(found) and found[j].end <= end:  # a year tagged on its own is taken in
            j += 1
        if second <= first.replace(year=year) or (j < len(found) and found[j].start < end) or \
                any(found[k].start < start for k in range(i, j)):
            continue
        out.append(Timex(start, end, text[start:end], "DATE", second.isoformat(), None, t.reference))
        i = j
    return out


def shift_days_before_after(found: list[Timex], text: str, joiners: dict) -> list[Timex]:
    """Take "day before"/"day after" into the day that follows ("the day before last Tuesday").

    The joiner ``day_shift`` is searched in the text right before a day; its group ``dir``
    (before/after) gives the shift, and the expression starts where the match starts.
    """
    rx = joiners.get("day_shift")
    if rx is None:
        return found
    out: list[Timex] = []
    for t in found:
        m = rx.search(text, max(out[-1].end if out else 0, t.start - 30), t.start) if DAY.match(t.value) else None
        if m is None:
            out.append(t)
            continue
        day = dt.date.fromisoformat(t.value) + dt.timedelta(days=-1 if m.group("dir").lower() == "before" else 1)
        out.append(Timex(m.start(), t.end, text[m.start():t.end], t.type, day.isoformat(), t.mod, t.reference))
    return out


DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
#: A clock time or a part of the day ("T14:30", "TAF") on a day: joined to a day next to it.
CLOCK = re.compile(r"^\d{4}-\d\d-\d\d(T(?:\d\d(?::\d\d)?|MO|AF|EV|NI))$")


def join_times_to_days(found: list[Timex], text: str, joiners: dict) -> list[Timex]:
    """Merge "10 p.m." + "Wednesday" (either order) into one TIME on that day."""
    if not joiners or len(found) < 2:
        return found
    out: list[Timex] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        joined = None
        if b is not None:
            gap = text[a.end:b.start]
            clock_a, clock_b = CLOCK.match(a.value), CLOCK.match(b.value)
            if clock_a and DAY.match(b.value) and joiners.get("time_day", NEVER).search(gap):
                joined = Timex(a.start, b.end, text[a.start:b.end], "TIME",
                               b.value + clock_a.group(1), a.mod, b.reference)
            elif DAY.match(a.value) and clock_b and joiners.get("day_time", NEVER).search(gap):
                joined = Timex(a.start, b.end, text[a.start:b.end], "TIME",
                               a.value + clock_b.group(1), b.mod, a.reference)
            elif (clock_a and clock_b and (part := PART_OF_DAY.match(b.value))
                    and (hhmm := HOUR_MINUTE.match(clock_a.group(1)))
                    and joiners.get("time_day_part", NEVER).search(gap)):
                joined = Timex(a.start, b.end, text[a.start:b.end], "TIME",
                               _in_part_of_day(part, hhmm), a.mod, b.reference)
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


#: A length of whole units, its parts in TIMEX3 order (P2Y3M, PT3H35M), each part optional.
LENGTH = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
LENGTH_LETTERS = ("Y", "M", "W", "D", "H", "M", "S")


def join_lengths(found: list[Timex], text: str, joiners: dict) -> list[Timex]:
    """Merge "three hours" + "35 minutes" into one length (PT3H35M) when the joiner
    ``length_length`` ("and") comes between them and the second counts in smaller units only;
    the first one's modifier is the whole one's ("about three hours and 35 minutes")."""
    rx = joiners.get("length_length")
    if rx is None or len(found) < 2:
        return found
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        a = LENGTH.match(prev.value) if prev is not None and prev.type == "DURATION" else None
        b = LENGTH.match(t.value) if t.type == "DURATION" and not t.mod else None
        if a and b and rx.search(text[prev.end:t.start]) and _length_parts_follow(a, b):
            parts = [x or y for x, y in zip(a.groups(), b.groups())]
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DURATION", _length_value(parts),
                            prev.mod, prev.reference)
        else:
            out.append(t)
    return out


def _length_parts_follow(a: re.Match, b: re.Match) -> bool:
    """Whether every unit of length `b` is smaller than every unit of length `a`."""
    used_a = [i for i, g in enumerate(a.groups()) if g]
    used_b = [i for i, g in enumerate(b.groups()) if g]
    return bool(used_a and used_b) and max(used_a) < min(used_b)


def _length_value(parts: list[str | None]) -> str:
    """The TIMEX3 value of a length's parts (in ``LENGTH`` order)."""
    date = "".join(f"{n}{u}" for n, u in zip(parts[:4], LENGTH_LETTERS[:4]) if n)
    clock = "".join(f"{n}{u}" for n, u in zip(parts[4:], LENGTH_LETTERS[4:]) if n)
    return "P" + date + ("T" + clock if clock else "")


NEVER = re.compile(r"(?!)")
#: A part of a day ("2023-10-04TNI") and a clock time ("T06:30"), for "6:30 tonight".
PART_OF_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)$")
HOUR_MINUTE = re.compile(r"^T(\d\d):(\d\d)$")


def _in_part_of_day(part: re.Match, hhmm: re.Match) -> str:
    """The clock time ``T06:30`` within the part of a day: "6:30 tonight" is T18:30.

    The hour as ``hour_in_part_of_day`` gives it ("11 last night" is 23:00, "6:30 p.m.
    tonight" stays T18:30); a night's hour before six is in the early hours of the next day
    ("2 last night").
    """
    day, h = dt.date.fromisoformat(part.group(1)), int(hhmm.group(1))
    if part.group(2) == "NI" and h < 6:
        day += dt.timedelta(days=1)
    return f"{day.isoformat()}T{hour_in_part_of_day(h, part.group(2)):02d}:{hhmm.group(2)}"
