"""RFC 3161 timestamps of the manifest, requested from a configured authority.

A response is kept only after it is verified: granted, signed by a certificate
that chains to the configured roots and has the time-stamping EKU, our nonce,
and the manifest's SHA-256. Anything else is a problem to report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
from cryptography import x509
from rfc3161_client import (
    HashAlgorithm,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

QUERY_TYPE = "application/timestamp-query"
MAX_RESPONSE = 1_000_000


class TimestampError(Exception):
    """The authority did not answer with a timestamp we can trust."""


@dataclass(frozen=True)
class Timestamp:
    token: bytes  # the whole TimeStampResp, DER
    gen_time: datetime
    serial_number: int


def load_roots(path: Path) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(path.read_bytes())
    except ValueError:
        raise TimestampError(f"{path}: no PEM certificates") from None


def request_timestamp(url: str, data: bytes, roots: list[x509.Certificate],
                      timeout: float = 30.0) -> Timestamp:
    """Ask ``url`` to timestamp SHA-256(``data``) and verify the answer."""
    request = (TimestampRequestBuilder().data(data).hash_algorithm(HashAlgorithm.SHA256)
               .nonce(nonce=True).cert_request(cert_request=True).build())
    try:
        with httpx.Client(timeout=timeout) as client:
            answer = client.post(url, content=request.as_bytes(),
                                 headers={"Content-Type": QUERY_TYPE})
    except httpx.HTTPError as exc:
        raise TimestampError(f"timestamp authority unreachable ({type(exc).__name__})") from None
    if answer.status_code != 200:
        raise TimestampError(f"timestamp authority answered HTTP {answer.status_code}")
    if len(answer.content) > MAX_RESPONSE:
        raise TimestampError("timestamp authority answer too large")
    verify_timestamp(answer.content, data, roots, nonce=request.nonce)
    response = decode_timestamp_response(answer.content)
    return Timestamp(answer.content, response.tst_info.gen_time,
                     response.tst_info.serial_number)


def verify_timestamp(token: bytes, data: bytes, roots: list[x509.Certificate],
                     nonce: int | None = None) -> datetime:
    """The time the token vouches for ``data``; TimestampError if it does not."""
    try:
        response = decode_timestamp_response(token)
    except ValueError:
        raise TimestampError("not an RFC 3161 timestamp response") from None
    builder = VerifierBuilder(roots=roots, nonce=nonce)
    try:
        builder.build().verify(response, hashlib.sha256(data).digest())
    except VerificationError as exc:
        reason = str(exc).split(": ErrorStack", 1)[0][:200]  # OpenSSL's stack adds nothing
        raise TimestampError(f"timestamp does not verify: {reason}") from None
    except ValueError as exc:
        raise TimestampError(f"timestamp does not verify: {type(exc).__name__}") from None
    return response.tst_info.gen_time
