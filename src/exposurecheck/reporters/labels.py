"""User-facing words for the table and summary, in Dutch and English."""

from __future__ import annotations

from exposurecheck.i18n import Lang

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "home_address": ("woonadres", "home address"),
    "business_at_home": ("onbekend bedrijf op woonadres", "unknown business at home"),
    "phone": ("telefoonnummer", "phone number"),
    "email": ("e-mailadres", "e-mail address"),
    "birth_date": ("geboortedatum", "date of birth"),
    "household_name": ("naam van een huisgenoot", "household member's name"),
    "residence": ("woonplaats", "place of residence"),
    "accepted": ("geaccepteerd", "accepted"),
    "kvk": ("KVK Handelsregister", "KVK Business Register"),
    "web": ("websites", "websites"),
    "ori": ("raadsstukken (Open Raadsinformatie)", "council documents (Open Raadsinformatie)"),
    "official": ("ambtsdrager", "official"),
    "household": ("huisgenoot", "household"),
    "unknown": ("onbekend", "unknown"),
    "exposed": ("zichtbaar", "exposed"),
    "shielded": ("afgeschermd", "shielded"),
    "ended": ("beëindigd", "ended"),
    "info": ("info", "info"),
    "low": ("laag", "low"),
    "medium": ("middel", "medium"),
    "high": ("hoog", "high"),
    "critical": ("kritiek", "critical"),
    "severity": ("ernst", "severity"),
    "finding": ("bevinding", "finding"),
    "subject": ("van wie", "whose"),
    "status": ("status", "status"),
    "where": ("waar", "where"),
    "evidence": ("bewijs", "evidence"),
    "score": ("score", "score"),
    "source": ("bron", "source"),
    "no_findings": ("geen bevindingen", "no findings"),
    "incomplete": ("ONVOLLEDIG", "INCOMPLETE"),
    "what_to_do": ("Wat te doen", "What to do"),
    "legal_basis": ("grondslag", "legal basis"),
    "steps_explained": ("De stappen toegelicht", "The steps explained"),
    "summary": ("Samenvatting", "Summary"),
    "officials": ("ambtsdragers gecontroleerd", "officials audited"),
    "with_exposures": ("met blootstellingen", "with exposures"),
    "exposures": ("blootstellingen", "exposures"),
    "shielded_count": ("afgeschermd (bescherming actief)", "shielded (protection in place)"),
    "incomplete_count": ("onvolledig (bron mislukt)", "incomplete (a source failed)"),
    "estimate": ("Schatting voor {officials} ambtsdragers: {paid} betaalde KVK-verzoeken "
                 "({per} per ambtsdrager), geschat EUR {cost}; gemaakt: {free} gratis zoekvragen.",
                 "Estimate for {officials} officials: {paid} paid KVK requests ({per} per "
                 "official), estimated EUR {cost}; made: {free} free searches."),
    "estimate_incomplete": ("Let op: {incomplete} ambtsdragers konden niet volledig worden "
                            "doorzocht; het echte aantal kan hoger zijn.",
                            "Note: {incomplete} officials could not be searched completely; "
                            "the real number may be higher."),
    "kvk_usage": ("KVK: {requests} verzoeken, waarvan {paid} betaald (geschat EUR {cost})",
                  "KVK: {requests} requests, {paid} of them paid (estimated EUR {cost})"),
    "redacted": ("Persoonsgegevens zijn gemaskeerd; gebruik --reveal om ze te tonen.",
                 "Personal data is redacted; use --reveal to show it."),
}


def label(key: str, lang: Lang) -> str:
    nl, en = _LABELS.get(key, (key, key))
    return nl if lang is Lang.NL else en


def has_label(key: str) -> bool:
    return key in _LABELS
