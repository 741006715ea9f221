"""An erasure request (AVG/GDPR art. 17) to whoever runs a page that shows an official's data.

One letter per official and site: the owner gets one request listing every
item and page, not a stack of letters about the same site.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from exposurecheck.i18n import N_, translator
from exposurecheck.letters.document import Block, Bullets, Document, Paragraph
from exposurecheck.letters.facts import Sender
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening
from exposurecheck.models import Finding, FindingKind, Subject

_ITEM: dict[FindingKind, str] = {
    FindingKind.HOME_ADDRESS: N_("my home address"),
    FindingKind.BUSINESS_AT_HOME: N_("a business at my home"),
    FindingKind.PHONE: N_("my phone number"),
    FindingKind.EMAIL: N_("my email address"),
    FindingKind.BIRTH_DATE: N_("my date of birth"),
    FindingKind.HOUSEHOLD_NAME: N_("the name of a housemate"),
    FindingKind.RESIDENCE: N_("my place of residence"),
}
_ANY_ITEM = N_("my personal data")


def site_of(finding: Finding) -> str:
    """The host the request goes to; findings on one host share a letter."""
    url = finding.locator.url or ""
    return urlsplit(url).hostname or url


def erasure(sender: Sender, site: str, findings: Sequence[Finding]) -> Document:
    lang = sender.lang
    _ = translator(lang).gettext
    items = tuple(_item(sender, f) for f in findings)
    household = any(f.kind is FindingKind.HOUSEHOLD_NAME or f.subject is Subject.HOUSEHOLD
                    for f in findings)
    where = site or _("your website")
    # TRANSLATORS: the start of the letter's first sentence, before "personal data of mine"
    shows = _("The website {site} shows").format(site=site) if site else _("Your website shows")
    whose = (_("personal data of mine and my household") if household
             else _("personal data of mine"))
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("{shows} {whose}. Under article 17(1)(c) of the General Data Protection "
                    "Regulation (GDPR, in Dutch: AVG), I ask you to erase this data. I object to "
                    "its processing (article 21(1) GDPR).").format(shows=shows, whose=whose)),
        Paragraph(_("The data concerned:")),
        Bullets(items),
        Paragraph(_("I am a {office}. That my office is public does not mean this data has to "
                    "be: political office holders are increasingly sought out and threatened at "
                    "home, and this data makes that easy. No interest in publishing it outweighs "
                    "my safety and that of my household.").format(office=office(sender))),
        Paragraph(_("Please also erase the data from copies and archives you control, and inform "
                    "others you disclosed it to or who copied it from you (articles 17(2) and 19 "
                    "GDPR).")),
        Paragraph(_("You must respond to this request within one month of receipt (article 12(3) "
                    "GDPR). You may extend that by two months, but then you must tell me within "
                    "the first month, with the reasons. You can reply to {reply}.").format(
                      reply=sender.ph('reply'))),
        *closing(lang, sender.name),
    ]
    notes = [
        fill_in_note(lang),
        _("Send this to the privacy contact of {where}; it is usually in the privacy statement. "
          "Keep a copy with the date you sent it: the one-month deadline runs from "
          "receipt.").format(where=where),
        _("Legal basis: art. 17(1) GDPR (right to erasure): point (b) if you gave the data "
          "yourself with consent (you withdraw it), point (c) with an objection (art. 21(1) GDPR) "
          "if the processing rests on a public task or a legitimate interest (art. 6(1)(e) or (f) "
          "GDPR); deadline: art. 12(3) GDPR (one month, extendable by two)."),
        _("No answer, or a refusal, within a month? You can complain to the Dutch Data "
          "Protection Authority (Autoriteit Persoonsgegevens)."),
        _("Is the publication hostile, meant to frighten or obstruct you? Then you can also "
          "report it to the police: doxing is a criminal offence (art. 285d of the Dutch Criminal "
          "Code)."),
    ]
    if household:
        notes.append(_("This includes a housemate's data: ask for their consent first. Your "
                       "housemate can also make such a request themselves."))
    return Document(
        recipient=_("The operator of {where} (data controller)").format(where=where),
        subject=_("Request for erasure of personal data (article 17 GDPR)"),
        body=tuple(body), notes=tuple(notes))


def _item(sender: Sender, finding: Finding) -> str:
    lang = sender.lang
    _ = translator(lang).gettext
    what = _(_ITEM.get(finding.kind, _ANY_ITEM))
    url = finding.locator.url or _("[PAGE]")
    element = finding.locator.element
    found = _("found in")
    spot = f" ({found}: {element})" if element else ""
    return _("{what}: {value}, on {url}{spot}").format(
               what=what, value=sender.value(finding), url=url, spot=spot)
