"""verklaring.txt / statement.txt: a plain summary to attach to a police report.

Doxing, sharing someone's personal data to intimidate them, is a crime under
art. 285d Wetboek van Strafrecht since 1 January 2024. The statement says what
was found (the values only with --reveal), where, when, how it was captured
and how anyone can check that the files are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exposurecheck.evidence.manifest import CHECKSUMS, MANIFEST, TIMESTAMP, Manifest
from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.models import Finding
from exposurecheck.redact import mask_text
from exposurecheck.reporters.labels import label
from exposurecheck.untrusted import clean_text

LAW = "art. 285d Wetboek van Strafrecht (in werking sinds 1 januari 2024)"

_TEXT: dict[str, str] = {
    # key: English msgid; Dutch and other languages in locale/
    "title": N_("Statement on the capture of a publication"),
    "intro": N_("This file summarises what exposurecheck {version} captured, to attach to a "
                "police report of doxing ({law})."),
    "official": N_("Concerning official (id): {id}"),
    "created": N_("Captured at (UTC): {at}"),
    "page": N_("Page"),
    "final": N_("Final address (after redirects)"),
    "status": N_("HTTP status"),
    "at": N_("Time (UTC)"),
    "problem": N_("Problem"),
    "truncated": N_("Note: the page exceeded the size limit; only its beginning was captured."),
    "found": N_("Found"),
    "masked": N_("(value masked; use --reveal to include the data itself)"),
    "files": N_("Files"),
    "how": N_("How it was captured"),
    "how_text": N_("The HTTP request and response were stored byte for byte as a WARC file (ISO "
                   "28500), the standard format of web archives. The screenshot and PDF, where "
                   "present, were made with headless Chromium in an empty profile, which loaded "
                   "the page once more. The SHA-256 hash of every file is listed in {manifest}."),
    "rendering": N_("Screenshot/PDF"),
    "check": N_("How to check"),
    "check_text": N_("In this directory run:\n  sha256sum -c {sums}\nor per file: sha256sum "
                     "FILE, and compare with the value below. Or: exposurecheck evidence verify "
                     "DIR."),
    "tsa": N_("Timestamp: {tsr} is an RFC 3161 timestamp of {manifest} by {authority}; check "
              "with: openssl ts -verify -data {manifest} -in {tsr} -CAfile tsa-certificates.pem"),
    "no_tsa": N_("No third-party timestamp (set [tool.exposurecheck.evidence] tsa_url)."),
}


def _t(key: str, lang: Lang, **values: str) -> str:
    return translator(lang).gettext(_TEXT[key]).format(**values)


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
