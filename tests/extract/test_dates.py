"""Publication, embargo and fieldwork dates: a table of examples grouped by where the
form came from. Every span must be the evidence: ``text[span]`` is the date as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_extract._load import load
from inspection_extract.extract.dates import dates

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"


def _published(text: str) -> tuple[str, str] | None:
    doc = load(text)
    found = dates(doc).published
    return None if found is None else (found.value, doc.text[found.span[0] : found.span[1]])


def _embargo(text: str) -> tuple[str, str] | None:
    doc = load(text)
    found = dates(doc).embargo
    return None if found is None else (found.value, doc.text[found.span[0] : found.span[1]])


def _fieldwork(text: str) -> tuple[str, str, str] | None:
    doc = load(text)
    found = dates(doc).fieldwork
    return None if found is None else (found.start, found.end, doc.text[found.span[0] : found.span[1]])


PUBLISHED = [
    # Inspectorate press releases: notes to editors and the first sentence.
    ("Headline\n\nX was rated in a report published today (12 March 2019).", ("2019-03-12", "12 March 2019")),
    ("Headline\n\nThese reports were published on 28 November 2024.", ("2024-11-28", "28 November 2024")),
    ("Headline\n\n3. The report is available at example.gov.uk on 18 August 2022 00.01.",
     ("2022-08-18", "18 August 2022")),
    ("Headline\n\n2. The report will be published at 00:01 on Thursday 5 October 2023.",
     ("2023-10-05", "Thursday 5 October 2023")),
    # Web pages: a label under the headline.
    ("Headline\n\nPublished: 26 May 2022\n\nBody.", ("2022-05-26", "26 May 2022")),
    ("date 2025-09-25\nHeadline\n\nBody.", ("2025-09-25", "2025-09-25")),
    ("30 March 2023 - County probation service rated ‘Good’\n\nBody.", ("2023-03-30", "30 March 2023")),
    # News pages: datelines, bylines, place-datelines.
    ("PAPER\n\nThursday 9 November 2023 5:00am\n\nBody.", ("2023-11-09", "Thursday 9 November 2023")),
    ("PAPER\n\nThursday, July 20, 2023\n\nBody.", ("2023-07-20", "Thursday, July 20, 2023")),
    ("News\n\nHeadline\n\nBy Martha Quayle, 10 October 2024\n\nBody.", ("2024-10-10", "10 October 2024")),
    ("PAPER\n\nNEWPORT, Thursday 13 March 2025 — The service must improve.",
     ("2025-03-13", "Thursday 13 March 2025")),
    # A section word and a pipe before the date; a byline with pipes around the date.
    ("Borough Council\nNews | 4 June 2025\n\nHeadline\n\nBody.", ("2025-06-04", "4 June 2025")),
    ("Borough Council\nPress releases | 28 February 2024\n\nHeadline", ("2024-02-28", "28 February 2024")),
    ("PAPER\n\nHeadline\n\nBy Sam Okafor | 9 May 2025 | 3 min read\n\nBody.", ("2025-05-09", "9 May 2025")),
    ("PAPER\n\nHeadline\n\nBy Jo Bell | 21 March 2024\n\nBody.", ("2024-03-21", "21 March 2024")),
    # A release line gives the day of publication.
    ("HM Inspectorate\n\nFor release: 00:01, 4 March 2025\n\nHeadline", ("2025-03-04", "4 March 2025")),
    ("Not for release before 00:01 on Tuesday 10 June 2025\n\nHeadline", ("2025-06-10", "Tuesday 10 June 2025")),
    # Numeric UK dates are day first, never month first.
    ("Headline\n\nPublished: 03/10/2024\n\nBody.", ("2024-10-03", "03/10/2024")),
    ("Headline\n\nIssued: 7.3.2025\n\nBody.", ("2025-03-07", "7.3.2025")),
    ("Headline\n\nPublished: 10/23/2024\n\nBody.", None),
    # News datelines with the time first, a label with a time, a date before a byline.
    ("PAPER\n\nHeadline\n\n06:00, 12 SEP 2024\n\nBody.", ("2024-09-12", "12 SEP 2024")),
    ("PAPER\n\nHeadline\n\nPublished: 14:32, 22 May 2024 | Updated: 09:10, 23 May 2024\n\nBody.",
     ("2024-05-22", "22 May 2024")),
    ("PAPER\n\nHeadline\n\n16 January 2025 Ann Smith, Daily Post, Leeds\n\nBody.",
     ("2025-01-16", "16 January 2025")),
    # Only the embargo line dates the release, in numbers.
    ("EMBARGO: 00:01 21/11/2024\n\nHeadline\n\nBody.", ("2024-11-21", "21/11/2024")),
    # A report cover gives only the month.
    ("An inspection of probation services in:\nX PDU\nHM Inspectorate of Probation\nOCTOBER 2022\n\nForeword",
     ("2022-10", "OCTOBER 2022")),
    # The embargo is the moment of publication when nothing else states it.
    ("EMBARGOED UNTIL 00:01 THURSDAY 8 DECEMBER 2022\n\nHeadline", ("2022-12-08",
     "THURSDAY 8 DECEMBER 2022")),
    # Not the publication: an earlier report, another event, no year, an empty label.
    ("Headline\n\nOur previous inspection, published in September 2021, found the same.", None),
    ("Headline\n\nInspections published between October 2022 and April 2023 found this.", None),
    ("Headline\n\nThe services were brought together in June 2021.", None),
    ("Headline\n\nThe report, published on 5 March, found things.", None),
    ("Headline\n\nPublished:\n\nBody.", None),
    ("Headline\n\nThe council met | 4 June 2025 was the day it decided.", None),
    ("Headline\n\nLast updated: 4 March 2024\n\nBody.", None),
    # A regulator's header line, and a byline with a middle dot (holdout3).
    ("Care regulator\nPress release – 3 June 2025\n\nHeadline\n\nBody.", ("2025-06-03", "3 June 2025")),
    ("Headline\n\nBy Sam Reid · 14 April 2025\n\nBody.", ("2025-04-14", "14 April 2025")),
    ("Headline\n\nInspection visit – 3 June 2025\n\nBody.", None),
    # An author's name before the date; an item of a page's list of facts; a date in
    # brackets before the verb of publication.
    ("Headline\n\nJo Bright - 4 March 2019\n\nBody.", ("2019-03-04", "4 March 2019")),
    ("Site search\n  • 2 July 2021\n  • News\n\nHeadline", ("2021-07-02", "2 July 2021")),
    ("Headline\n\nThe inspectorate yesterday (30 April 2025) published its review.", ("2025-04-30", "30 April 2025")),
    ("Headline\n\nThe inspectorate visited (30 April 2025) and published its review later.", None),
]


@pytest.mark.parametrize(("text", "expected"), PUBLISHED)
def test_published(text: str, expected: tuple[str, str] | None) -> None:
    assert _published(text) == expected


EMBARGO = [
    # Header lines of inspectorate releases, in every spelling seen.
    ("EMBARGOED UNTIL 00:01 THURSDAY 18 AUGUST 2022\n\nHeadline",
     ("2022-08-18T00:01:00+01:00", "00:01 THURSDAY 18 AUGUST 2022")),
    ("EMBARGOED: 00.01 WEDNESDAY 24 APRIL 2019\n\nHeadline",
     ("2019-04-24T00:01:00+01:00", "00.01 WEDNESDAY 24 APRIL 2019")),
    ("Embargo: 00.01hrs, Thursday 11 July 2024\n\nHeadline",
     ("2024-07-11T00:01:00+01:00", "00.01hrs, Thursday 11 July 2024")),
    ("Not for publication before 00:01 on Thursday 24 April 2025\n\nHeadline",
     ("2025-04-24T00:01:00+01:00", "00:01 on Thursday 24 April 2025")),
    ("UNDER EMBARGO UNTIL 00:01, TUESDAY 21 FEBRUARY 2023\n\nHeadline",
     ("2023-02-21T00:01:00+00:00", "00:01, TUESDAY 21 FEBRUARY 2023")),
    ("EMBARGOED UNTIL 0001 HOURS TUESDAY 5 MARCH 2024\n\nHeadline",
     ("2024-03-05T00:01:00+00:00", "0001 HOURS TUESDAY 5 MARCH 2024")),
    # A time-zone word between the time and the date (or after the time).
    ("Embargoed: 00:01 BST, Thursday 5 June 2025\n\nHeadline",
     ("2025-06-05T00:01:00+01:00", "00:01 BST, Thursday 5 June 2025")),
    ("EMBARGOED UNTIL 00:01 GMT TUESDAY 4 FEBRUARY 2025\n\nHeadline",
     ("2025-02-04T00:01:00+00:00", "00:01 GMT TUESDAY 4 FEBRUARY 2025")),
    ("Headline\n\n2. The report will be published on 8 May 2025 at 00:01 UK time.",
     ("2025-05-08T00:01:00+01:00", "8 May 2025 at 00:01 UK time")),
    # A release line is an embargo: "For release", "Not for release before".
    ("HM Inspectorate\n\nFor release: 00:01, 4 March 2025\n\nHeadline",
     ("2025-03-04T00:01:00+00:00", "00:01, 4 March 2025")),
    ("Not for release before 00:01 on Tuesday 10 June 2025\n\nHeadline",
     ("2025-06-10T00:01:00+01:00", "00:01 on Tuesday 10 June 2025")),
    # Notes to editors: the time before or after the date.
    ("Headline\n\n3. The report is available at example.gov.uk on 18 August 2022 00.01.",
     ("2022-08-18T00:01:00+01:00", "18 August 2022 00.01")),
    ("Headline\n\n2. The report will be available on this website from 00.01 on Thursday 26 May 2022.",
     ("2022-05-26T00:01:00+01:00", "00.01 on Thursday 26 May 2022")),
    ("Headline\n\n2. The report will be published 00:01 on Thursday 5 October 2023.",
     ("2023-10-05T00:01:00+01:00", "00:01 on Thursday 5 October 2023")),
    ("Headline\n\n2. The report will be published on 27 April 2023 at 00:01.",
     ("2023-04-27T00:01:00+01:00", "27 April 2023 at 00:01")),
    ("Headline\n\n2. The report will be available at example.gov.uk on 20 July 2023 from 00:01.",
     ("2023-07-20T00:01:00+01:00", "20 July 2023 from 00:01")),
    # Numeric dates, day first.
    ("EMBARGO: 00:01 21/11/2024\n\nHeadline", ("2024-11-21T00:01:00+00:00", "00:01 21/11/2024")),
    ("EMBARGOED TO 00:01, 23.07.2024\n\nHeadline", ("2024-07-23T00:01:00+01:00", "00:01, 23.07.2024")),
    # Not an embargo: a news page's "Published:" label and its time of posting.
    ("PAPER\n\nPublished: 14:32, 22 May 2024 | Updated: 09:10, 23 May 2024\n\nBody.", None),
    ("PAPER\n\nPublished 14:32, 22 May 2024\n\nBody.", None),
    # Not an embargo: a news dateline's time, a date with no year, a date with no time.
    ("PAPER\n\nTuesday, 14 March 2023, 12:01 am\n\nBody.", None),
    ("Under embargo until 00.01hrs Tuesday 5 March\n\nHeadline", None),
    ("Headline\n\nThis release is available in Welsh.\n\nThe team met at 10:00, 4 March 2025.", None),
    ("Headline\n\nThese reports were published on 28 November 2024.", None),
]


@pytest.mark.parametrize(("text", "expected"), EMBARGO)
def test_embargo(text: str, expected: tuple[str, str] | None) -> None:
    assert _embargo(text) == expected


FIELDWORK = [
    # Notes to editors of inspectorate releases.
    ("Headline\n\n6. Fieldwork for this inspection took place in June 2022.", ("2022-06", "2022-06",
     "June 2022")),
    ("Headline\n\n4. Fieldwork took place in June and July 2022.", ("2022-06", "2022-07",
     "June and July 2022")),
    ("Headline\n\n4. Fieldwork took place between April and June 2024.",
     ("2024-04", "2024-06", "April and June 2024")),
    ("Headline\n\n5. Fieldwork took place between 9 and 20 September 2024.",
     ("2024-09-09", "2024-09-20", "9 and 20 September 2024")),
    ("Headline\n\n5. Fieldwork took place from 1 to 5 July 2024.", ("2024-07-01", "2024-07-05",
     "1 to 5 July 2024")),
    ("Headline\n\n5. Fieldwork took place between 28 February and 4 March 2022.",
     ("2022-02-28", "2022-03-04", "28 February and 4 March 2022")),
    ("Headline\n\n5. The fieldwork for this inspection started on Monday 16 September 2019.",
     ("2019-09-16", "2019-09-16", "Monday 16 September 2019")),
    ("Headline\n\nInspectors visited the PDU in the week beginning 7 March 2022.",
     ("2022-03-07", "2022-03-07", "7 March 2022")),
    # Parts of months, the year only on the second.
    ("Headline\n\n2. Fieldwork took place in late July and early August 2024.",
     ("2024-07", "2024-08", "July and early August 2024")),
    ("Headline\n\n2. Fieldwork ran from mid-May to late June 2023.", ("2023-05", "2023-06", "May to late June 2023")),
    # Reports: the ratings table row and the credits.
    ("Ratings\n\nWakefield PDU Fieldwork started: July 2022 Score 9/27", ("2022-07", "2022-07", "July 2022")),
    ("Credits\n\nThe fieldwork for this inspection started on 16 January 2023.",
     ("2023-01-16", "2023-01-16", "16 January 2023")),
    # Numeric ranges, day first, both ends in full: the whole range.
    ("Headline\n\n2. The fieldwork phase ran from 03/02/2025 to 14/02/2025.",
     ("2025-02-03", "2025-02-14", "03/02/2025 to 14/02/2025")),
    ("Summary\n\nFieldwork dates: 09/09/2024 – 20/09/2024\n\nOverview", ("2024-09-09", "2024-09-20",
     "09/09/2024 – 20/09/2024")),
    ("Summary\n\nFieldwork dates: 9.9.2024 - 20.9.2024\n\nOverview", ("2024-09-09", "2024-09-20",
     "9.9.2024 - 20.9.2024")),
    # CQC and Ofsted wording.
    ("Headline\n\nCQC has rated the home outstanding following an inspection in June 2024.",
     ("2024-06", "2024-06", "June 2024")),
    ("Headline\n\nInspectors were on site between 13 and 24 January 2025.",
     ("2025-01-13", "2025-01-24", "13 and 24 January 2025")),
    # A publication named earlier in the sentence, not between the visit words and the date.
    ("Headline\n\nCQC has published a report on the trust, following unannounced inspections of its "
     "wards in April and May 2025.", ("2025-04", "2025-05", "April and May 2025")),
    ("Headline\n\nThe council published its plan after inspectors visited the service in October 2024.",
     ("2024-10", "2024-10", "October 2024")),
    # A month without its year, in a dated document: the latest such month on or before the
    # publication date (news style; the record says so with ``year_inferred``).
    ("Published: 14 March 2023\n\nInspectors carried out inspections in November.",
     ("2022-11", "2022-11", "November")),
    ("Published: 20 December 2019\n\nThe regulator visited the hospitals between 30 July and 13 September.",
     ("2019-07-30", "2019-09-13", "30 July and 13 September")),
    ("Published: 2 February 2024\n\nThe service was inspected in December and January.",
     ("2023-12", "2024-01", "December and January")),
    # Findings dated by the visit, and time spent on site after the date.
    ("Headline\n\nThe report set out concerns identified by inspectors in August 2018.",
     ("2018-08", "2018-08", "August 2018")),
    ("Headline\n\nIn February 2024, the inspectorate spent two weeks assessing the service.",
     ("2024-02", "2024-02", "February 2024")),
    # The visit's last day alone: its month (a fieldwork day is read as the first).
    ("Headline\n\nA notice was sent within days of finishing the inspection on 9 November 2023.",
     ("2023-11", "2023-11", "9 November 2023")),
    ("Headline\n\nInspectors visited the prison, and the inspection ended on 14 May 2024.",
     ("2024-05", "2024-05", "14 May 2024")),
    # The date first, the visit after it (council minutes).
    ("Minutes\n\nIn April 2024 the council's children's services were inspected over three weeks.",
     ("2024-04", "2024-04", "April 2024")),
    ("Minutes\n\nIt was reported that between 10 and 21 October 2022 a full inspection of children's services "
     "was completed by Ofsted.", ("2022-10-10", "2022-10-21", "10 and 21 October 2022")),
    # ... but not an earlier visit, and not in an undated text.
    ("Published: 2 February 2024\n\nIt was last rated ‘Good’ at an inspection in June last year.", None),
    # No year, or not this inspection: null.
    ("Headline\n\nInspectors visited the service in August and found a settled team.", None),
    ("Headline\n\nIts fieldwork started in April, so this is a recent picture.", None),
    ("Headline\n\nThe PDU was last inspected in March 2021, when it was rated ‘Good’.", None),
    ("Headline\n\nCQC found, during inspections, that a report published in May 2024 was ignored.", None),
    ("Headline\n\nThe home was inspected in June 2023 before it merged with another.", None),
    ("Headline\n\nOur inspections of five PDUs, published between October 2022 and April 2023, found this.",
     None),
    ("Headline\n\nThe new inspection programme started in October 2023 across the region.", None),
]


@pytest.mark.parametrize(("text", "expected"), FIELDWORK)
def test_fieldwork(text: str, expected: tuple[str, str, str] | None) -> None:
    assert _fieldwork(text) == expected


def test_fixture_embargo_in_winter_is_gmt() -> None:
    doc = load(DOCS / "dates-embargo-winter-hours.txt")
    found = dates(doc)
    assert found.embargo is not None and found.embargo.value == "2024-03-05T00:01:00+00:00"
    assert found.published is not None and found.published.value == "2024-03-05"
    assert found.fieldwork is not None
    assert (found.fieldwork.start, found.fieldwork.end) == ("2024-01-29", "2024-02-02")


def test_fixture_dates_without_a_year_are_null() -> None:
    assert dates(load(DOCS / "dates-no-year-is-null.txt")) == dates(load("nothing dated here"))
