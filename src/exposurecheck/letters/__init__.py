"""Request letters: for every open finding, the filled-in request that fixes it.

KVK findings get the KVK request their recommendation names, web findings an
AVG/GDPR erasure request to the page's owner (one per site), and every
official whose home address is exposed a BRP secrecy request to their
municipality. Pure functions of the report: writing files is the CLI's job.
"""

from __future__ import annotations

import re

from exposurecheck.i18n import Lang
from exposurecheck.letters.brp import secrecy
from exposurecheck.letters.document import (
    Document,
    Letter,
    LetterFormat,
    Recipient,
    render_markdown,
    render_text,
)
from exposurecheck.letters.facts import Sender
from exposurecheck.letters.kvk import kvk_letter
from exposurecheck.letters.web import erasure, site_of
from exposurecheck.models import (
    Finding,
    FindingKind,
    Fingerprint,
    OfficialId,
    Report,
    Roster,
    SourceId,
    Status,
)

__all__ = ["Letter", "LetterFormat", "Recipient", "letters_for"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def letters_for(report: Report, lang: Lang, *, reveal: bool, roster: Roster | None = None,
                official_id: str | None = None) -> list[Letter]:
    """Every request for the open findings in `report`, in report order.

    Personal data is filled in only with `reveal`, taken from an unredacted
    report or from the `roster`; otherwise the letters carry placeholders.
    """
    rostered = {o.id: o for o in roster.officials} if roster is not None and reveal else {}
    letters: list[Letter] = []
    for result in report.officials:
        if official_id is not None and result.id != official_id:
            continue
        sender = Sender(lang=lang, result=result, from_report=reveal and not report.redacted,
                        official=rostered.get(result.id))
        open_findings = [f for f in result.findings if f.is_exposure]
        sites: dict[str, list[Finding]] = {}
        for finding in open_findings:
            if finding.source in (SourceId.WEB, SourceId.ORI):  # a page or a council document
                # A town of residence is published by law on candidate lists (Kieswet): an
                # erasure request for it would be refused, and it is too little to dox with.
                # A news article is journalism (UAVG art. 43): the advice names the editor.
                if (finding.kind is not FindingKind.RESIDENCE
                        and finding.evidence.page_kind != "news"):
                    sites.setdefault(site_of(finding), []).append(finding)
            elif finding.status is not Status.ENDED:  # KVK no longer shows it: nothing to ask
                doc = kvk_letter(sender, finding)
                recipient, kind = ((Recipient.FIX_FIRST, "fix-first") if doc.blocked
                                   else (Recipient.KVK, finding.kind.value))
                letters.append(_letter(result.id, recipient, doc, (finding.fingerprint,),
                                       kind, lang))
        for site, findings in sites.items():
            letters.append(_letter(result.id, Recipient.PAGE_OWNER,
                                   erasure(sender, site, findings),
                                   tuple(f.fingerprint for f in findings), "avg", lang))
        home = tuple(f.fingerprint for f in open_findings if f.kind is FindingKind.HOME_ADDRESS)
        if home:
            letters.append(_letter(result.id, Recipient.MUNICIPALITY, secrecy(sender), home,
                                   "brp", lang))
    return letters


def _letter(official_id: OfficialId, recipient: Recipient, doc: Document,
            fingerprints: tuple[Fingerprint, ...], kind: str, lang: Lang) -> Letter:
    """File stem: official id, what the letter is about, and a short fingerprint."""
    short = "" if recipient is Recipient.MUNICIPALITY else f"-{min(fingerprints)[:8]}"
    stem = _UNSAFE.sub("_", f"{official_id}-{kind.replace('_', '-')}{short}").lstrip(".")
    return Letter(stem=stem, official_id=official_id, recipient=recipient,
                  recipient_name=doc.recipient, subject=doc.subject,
                  body_text=render_text(doc, lang), body_markdown=render_markdown(doc, lang),
                  fingerprints=fingerprints)
