"""User-facing words for the table and summary, by key: English msgids, translated in locale/."""

from __future__ import annotations

from exposurecheck.i18n import N_, Lang, translator

_LABELS: dict[str, str] = {
    # key: English msgid; Dutch and other languages in locale/
    "home_address": N_("home address"),
    "business_at_home": N_("unknown business at home"),
    "phone": N_("phone number"),
    "email": N_("e-mail address"),
    "birth_date": N_("date of birth"),
    "household_name": N_("household member's name"),
    "residence": N_("place of residence"),
    "accepted": N_("accepted"),
    "kvk": N_("KVK Business Register"),
    "web": N_("websites"),
    "ori": N_("council documents (Open Raadsinformatie)"),
    "official": N_("official"),
    "household": N_("household"),
    "unknown": N_("unknown"),
    "exposed": N_("exposed"),
    "shielded": N_("shielded"),
    "ended": N_("ended"),
    "info": N_("info"),
    "low": N_("low"),
    "medium": N_("medium"),
    "high": N_("high"),
    "critical": N_("critical"),
    "severity": N_("severity"),
    "finding": N_("finding"),
    "subject": N_("whose"),
    "status": N_("status"),
    "where": N_("where"),
    "evidence": N_("evidence"),
    "score": N_("score"),
    "source": N_("source"),
    "no_findings": N_("no findings"),
    "incomplete": N_("INCOMPLETE"),
    "what_to_do": N_("What to do"),
    "legal_basis": N_("legal basis"),
    "steps_explained": N_("The steps explained"),
    "summary": N_("Summary"),
    "officials": N_("officials audited"),
    "with_exposures": N_("with exposures"),
    "exposures": N_("exposures"),
    "shielded_count": N_("shielded (protection in place)"),
    "incomplete_count": N_("incomplete (a source failed)"),
    "estimate": N_("Estimate for {officials} officials: {paid} paid KVK requests ({per} per "
                   "official), estimated EUR {cost}; made: {free} free searches."),
    "estimate_incomplete": N_("Note: {incomplete} officials could not be searched completely; the "
                              "real number may be higher."),
    "kvk_usage": N_("KVK: {requests} requests, {paid} of them paid (estimated EUR {cost})"),
    "redacted": N_("Personal data is redacted; use --reveal to show it."),
}


def label(key: str, lang: Lang) -> str:
    """The word for `key` (an enum value or a label name); an unknown key is shown as it is."""
    return translator(lang).gettext(_LABELS[key]) if key in _LABELS else key


def has_label(key: str) -> bool:
    return key in _LABELS
