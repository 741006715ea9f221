"""What to do about data a web page exposes (texts translated in locale/).

A web page is taken down by whoever runs it: the griffie or webmaster of a
municipal site, the party, the editor of a news site. The steps go from asking
nicely, to the right to erasure (AVG art. 17), to the doxing offence for a
publication meant to intimidate (art. 285d Sr).
"""

from __future__ import annotations

from exposurecheck.i18n import N_
from exposurecheck.models import Finding, FindingKind, SourceId
from exposurecheck.recommendations import _Step

AP_URL = "https://www.autoriteitpersoonsgegevens.nl/"
WETTEN_URL = "https://wetten.overheid.nl/"

# Each step gives, in order: legal basis, url, title, text.
WEB_STEPS: dict[str, _Step] = {
    # UAVG art. 43 lid 3 (wetten.overheid.nl/BWBR0040940): for processing for exclusively
    # journalistic purposes most of the AVG's chapters, data-subject rights included, do
    # not apply; what works is the editor, the press's own code, and civil law.
    "web-news-editor": _Step(
        "art. 43 UAVG (journalistieke exceptie); Leidraad van de Raad voor de Journalistiek; "
        "art. 6:162 BW (onrechtmatige publicatie)",
        "https://wetten.overheid.nl/BWBR0040940",
        N_("A news article: ask the editor-in-chief, not for GDPR erasure"),
        N_("For journalism the GDPR right to erasure does not apply (art. 43 UAVG): a request "
           "on that ground is refused. Ask the editor-in-chief to take your address, phone "
           "number or your children's names out of the article, citing your safety and the "
           "guidelines of the Raad voor de Journalistiek (the Dutch press council: privacy, no "
           "needless identifying details). If that does not help, complain to the Raad voor "
           "de Journalistiek or, for an unlawful publication, bring a civil-law claim.")),
    "web-removal-request": _Step(
        "AVG art. 5 lid 1 onder c (dataminimalisatie)", AP_URL,
        N_("Ask whoever runs the page to remove the data"),
        N_("Contact whoever runs the page: the council clerk's office (griffie) or web team "
           "for the municipal site and council information system, the party office for a "
           "party site, the editor for a news article. Name the page and the data, and ask "
           "for it to be removed or replaced by work contact details (e-mail and phone via the "
           "griffie). Ask for archives and search engine caches too. A town of residence on "
           "a candidate list is required by law; elsewhere it is rarely needed.")),
    "web-avg-erasure": _Step(
        "AVG (GDPR) art. 17; art. 12 lid 3 (termijn); art. 17 lid 3 (uitzonderingen)", AP_URL,
        N_("Send an erasure request (GDPR art. 17)"),
        N_("If asking does not help, send a written erasure request to the controller (the "
           "municipality, the party, the publisher). It must answer within one month, which "
           "it can extend by two more months if it says why. What the law requires to be "
           "published, such as a candidate list or the Business Register, is exempt (GDPR "
           "art. 17(3)). Without a proper answer you can "
           "complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).")),
    # Open Raadsinformatie is run by Open State Foundation, which copies the documents
    # of the councils' own systems (openraadsinformatie.nl, openstate.eu): a change at
    # the source does not by itself remove ORI's copy or its search index entry.
    "ori-copy": _Step(
        "AVG (GDPR) art. 17", "https://openstate.eu/",
        N_("Have the copy on Open Raadsinformatie removed too"),
        N_("This document is on Open Raadsinformatie, which copies the documents of the "
           "council information system and makes them searchable. First ask the griffie to "
           "change or remove the document in its own system, then ask Open State Foundation, "
           "which runs Open Raadsinformatie, to update its copy and search index. Name the "
           "document and the page.")),
    "web-doxing-report": _Step(
        "art. 285d Wetboek van Strafrecht", WETTEN_URL,
        N_("Is the publication hostile? Report doxing to the police"),
        N_("If your data was published to frighten you, cause you serious nuisance or hinder "
           "you in your office, that has been a crime since 1 January 2024 (doxing, art. 285d "
           "of the Dutch Criminal Code: obtaining or spreading personal data to frighten, cause "
           "serious nuisance or obstruct someone in office), a third more when aimed at, among "
           "others, a mayor, alderman, provincial executive, King's Commissioner or member of "
           "an elected body (art. 285d(2) with art. 267 Sr). Record the page (exposurecheck "
           "evidence), report it to the police giving the town hall as your address for "
           "service (domicilie kiezen) so your home address stays out of the file, and tell "
           "the mayor or the griffier.")),
}


def web_steps_for(finding: Finding) -> list[str]:
    """The steps for a web or council-document finding, most effective first.

    A town of residence is often published by law (candidate lists) and too little to
    threaten anyone with, so it gets the removal request only.
    """
    if finding.kind is FindingKind.RESIDENCE:
        return ["web-removal-request"]
    if finding.evidence.page_kind == "news":
        return ["web-news-editor", "web-doxing-report"]
    if finding.source is SourceId.ORI:
        return ["web-removal-request", "web-avg-erasure", "ori-copy", "web-doxing-report"]
    return ["web-removal-request", "web-avg-erasure", "web-doxing-report"]
