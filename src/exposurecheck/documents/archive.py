"""Zip containers (DOCX, ODT) opened defensively, and XML parsed without DTDs."""

from __future__ import annotations

import io
import zipfile
from typing import Final

from lxml import etree

from exposurecheck.documents.reader import DocumentError, DocumentLimits, DocumentProblem

_RATIO_FROM: Final = 1_000_000
"""Members smaller than this may compress well (XML does); only larger ones are bombs."""

_PARSER: Final = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, remove_comments=True, remove_pis=True)


def open_zip(data: bytes, limits: DocumentLimits) -> zipfile.ZipFile:
    """The archive, after its members' declared sizes are checked against the limits.

    ``zipfile`` never inflates a member past its declared size, so checking the
    declared sizes bounds what reading can cost.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DocumentError(DocumentProblem.BROKEN, "not a zip container") from None
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {limits.max_members} parts")
    if sum(m.file_size for m in members) > limits.max_unzipped_bytes:
        raise DocumentError(DocumentProblem.TOO_LARGE,
                            f"more than {limits.max_unzipped_bytes} bytes uncompressed")
    for member in members:
        if member.flag_bits & 0x1:
            raise DocumentError(DocumentProblem.ENCRYPTED)
        if member.file_size > _RATIO_FROM and \
                member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise DocumentError(DocumentProblem.TOO_LARGE, "compression ratio of a zip bomb")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes, None when absent. A DTD is refused: office XML has none, and
    a DTD is how entity expansion and external entities get in."""
    try:
        data = archive.read(name)
    except KeyError:
        return None
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentError(DocumentProblem.BROKEN, "XML with a DTD")
    return data


def check_xml_members(archive: zipfile.ZipFile) -> None:
    """Refuse a DTD in any XML part, before a library parses the parts itself."""
    for member in archive.infolist():
        if member.filename.endswith((".xml", ".rels")):
            read_member(archive, member.filename)


def parse_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)
