"""verklaring.txt / statement.txt: a plain summary to attach to a police report.

Doxing, sharing someone's personal data to intimidate them, is a crime under
art. 285d Wetboek van Strafrecht since 1 January 2024. The statement says what
was found (the values only with --reveal), where, when, how it was captured
and how anyone can check that the files are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exposurecheck.evidence.manifest import CHECKSUMS, MANIFEST, TIMESTAMP, Manifest
from exposurecheck.i18n import Lang
from exposurecheck.models import Finding
from exposurecheck.redact import mask_text
from exposurecheck.reporters.labels import label
from exposurecheck.untrusted import clean_text

LAW = "art. 285d Wetboek van Strafrecht (in werking sinds 1 januari 2024)"

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Verklaring vastlegging van een publicatie",
              "Statement on the capture of a publication"),
    "intro": ("Dit bestand vat samen wat exposurecheck {version} heeft vastgelegd, om bij een "
              "aangifte van doxing ({law}) te voegen.",
              "This file summarises what exposurecheck {version} captured, to attach to a "
              "police report of doxing ({law})."),
    "official": ("Betreft ambtsdrager (id): {id}", "Concerning official (id): {id}"),
    "created": ("Vastgelegd op (UTC): {at}", "Captured at (UTC): {at}"),
    "page": ("Pagina", "Page"),
    "final": ("Uiteindelijk adres (na doorverwijzingen)", "Final address (after redirects)"),
    "status": ("HTTP-status", "HTTP status"),
    "at": ("Tijdstip (UTC)", "Time (UTC)"),
    "problem": ("Probleem", "Problem"),
    "truncated": ("Let op: de pagina was groter dan de limiet; alleen het begin is vastgelegd.",
                  "Note: the page exceeded the size limit; only its beginning was captured."),
    "found": ("Gevonden", "Found"),
    "masked": ("(waarde gemaskeerd; gebruik --reveal om de gegevens zelf op te nemen)",
               "(value masked; use --reveal to include the data itself)"),
    "files": ("Bestanden", "Files"),
    "how": ("Hoe vastgelegd", "How it was captured"),
    "how_text": (
        "Het HTTP-verzoek en het antwoord zijn byte voor byte opgeslagen als WARC-bestand "
        "(ISO 28500), het standaardformaat van webarchieven. Schermafbeelding en PDF zijn, "
        "waar aanwezig, gemaakt met headless Chromium in een leeg profiel, dat de pagina "
        "daarvoor opnieuw laadde. Van elk bestand is de SHA-256-hash opgenomen in {manifest}.",
        "The HTTP request and response were stored byte for byte as a WARC file (ISO 28500), "
        "the standard format of web archives. The screenshot and PDF, where present, were made "
        "with headless Chromium in an empty profile, which loaded the page once more. The "
        "SHA-256 hash of every file is listed in {manifest}."),
    "rendering": ("Schermafbeelding/PDF", "Screenshot/PDF"),
    "check": ("Controleren", "How to check"),
    "check_text": (
        "Voer in deze map uit:\n  sha256sum -c {sums}\nof per bestand: sha256sum BESTAND, en "
        "vergelijk met de waarde hieronder. Of: exposurecheck evidence verify MAP.",
        "In this directory run:\n  sha256sum -c {sums}\nor per file: sha256sum FILE, and compare "
        "with the value below. Or: exposurecheck evidence verify DIR."),
    "tsa": ("Tijdstempel: {tsr} is een RFC 3161-tijdstempel van {manifest} door {authority}; "
            "controleer met: openssl ts -verify -data {manifest} -in {tsr} -CAfile "
            "tsa-certificates.pem",
            "Timestamp: {tsr} is an RFC 3161 timestamp of {manifest} by {authority}; check "
            "with: openssl ts -verify -data {manifest} -in {tsr} -CAfile tsa-certificates.pem"),
    "no_tsa": ("Geen tijdstempel van een derde partij (stel [tool.exposurecheck.evidence] "
               "tsa_url in).",
               "No third-party timestamp (set [tool.exposurecheck.evidence] tsa_url)."),
}


def _t(key: str, lang: Lang, **values: str) -> str:
    nl, en = _TEXT[key]
    return (nl if lang is Lang.NL else en).format(**values)


def render_statement(manifest: Manifest, findings: Mapping[str, Sequence[Finding]],
                     lang: Lang, *, reveal: bool, authority: str | None) -> str:
    """The statement; everything from outside (URLs, values) passes clean_text."""
    lines = [_t("title", lang), "=" * len(_t("title", lang)), "",
             _t("intro", lang, version=manifest.version, law=LAW), ""]
    if manifest.official:
        lines.append(_t("official", lang, id=clean_text(manifest.official)))
    lines += [_t("created", lang, at=f"{manifest.created_at:%Y-%m-%d %H:%M:%S}"), ""]
    for number, entry in enumerate(manifest.captures, 1):
        lines.append(f"{_t('page', lang)} {number}: {clean_text(entry.url)}")
        if entry.final_url and entry.final_url != entry.url:
            lines.append(f"  {_t('final', lang)}: {clean_text(entry.final_url)}")
        lines.append(f"  {_t('at', lang)}: {entry.captured_at:%Y-%m-%d %H:%M:%S}")
        if entry.status is not None:
            lines.append(f"  {_t('status', lang)}: {entry.status}")
        if entry.problem:
            lines.append(f"  {_t('problem', lang)}: {entry.problem}")
        if entry.truncated:
            lines.append(f"  {_t('truncated', lang)}")
        lines.append(f"  {_t('rendering', lang)}: {entry.rendering}")
        for finding in findings.get(entry.url, ()):
            value = finding.evidence.value
            shown = (clean_text(value) if reveal else mask_text(clean_text(value))) if value \
                else ""
            where = f" ({finding.locator.element})" if finding.locator.element else ""
            lines.append(f"  {_t('found', lang)}: {label(finding.kind.value, lang)}, "
                         f"{label(finding.severity.value, lang)}{where}"
                         + (f": {shown}" if shown else ""))
        if findings.get(entry.url) and not reveal:
            lines.append(f"  {_t('masked', lang)}")
        lines.append("")
    lines += [_t("how", lang), "-" * len(_t("how", lang)),
              _t("how_text", lang, manifest=MANIFEST), ""]
    lines += [_t("check", lang), "-" * len(_t("check", lang)),
              _t("check_text", lang, sums=CHECKSUMS), ""]
    lines += [f"{_t('files', lang)} (SHA-256):"]
    lines += [f"  {f.sha256}  {f.path}" for f in manifest.files]
    lines.append("")
    lines.append(_t("tsa", lang, tsr=TIMESTAMP, manifest=MANIFEST, authority=authority)
                 if authority else _t("no_tsa", lang))
    return "\n".join(lines) + "\n"
