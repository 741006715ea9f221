"""A test RFC 3161 timestamp authority on 127.0.0.1, with a key and CA it makes itself.

The response is DER built by hand (the test must not lean on the code under
test): TimeStampResp > SignedData > TSTInfo, signed with ECDSA P-256 over signed
attributes that carry the content type, the message digest and an ESS
signing-certificate-v2 reference, as RFC 3161 and RFC 5816 ask.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from http.server import ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from rfc3161_client import _rust

from tests.support import QuietHandler, serve_locally

SHA256 = "2.16.840.1.101.3.4.2.1"
ECDSA_SHA256 = "1.2.840.10045.4.3.2"
SIGNED_DATA = "1.2.840.113549.1.7.2"
TST_INFO = "1.2.840.113549.1.9.16.1.4"
CONTENT_TYPE = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47"
POLICY = "1.3.6.1.4.1.55555.1"


def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        return bytes([tag, n]) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def seq(*parts: bytes) -> bytes:
    return _tlv(0x30, b"".join(parts))


def set_of(*parts: bytes) -> bytes:
    return _tlv(0x31, b"".join(sorted(parts)))


def integer(value: int) -> bytes:
    return _tlv(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True))


def octets(value: bytes) -> bytes:
    return _tlv(0x04, value)


def oid(dotted: str) -> bytes:
    first, second, *rest = (int(p) for p in dotted.split("."))
    body = bytearray([first * 40 + second])
    for arc in rest:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(reversed(chunk))
    return _tlv(0x06, bytes(body))


def explicit(number: int, content: bytes) -> bytes:
    return _tlv(0xA0 + number, content)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


class LocalAuthority:
    """Root CA and time-stamping leaf, both generated here; ``mode`` picks a fault."""

    def __init__(self) -> None:
        now = datetime.datetime.now(datetime.UTC)
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = (x509.CertificateBuilder().subject_name(_name("Test TSA Root"))
                     .issuer_name(_name("Test TSA Root")).public_key(self.root_key.public_key())
                     .serial_number(1).not_valid_before(now - datetime.timedelta(days=1))
                     .not_valid_after(now + datetime.timedelta(days=30))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
                     .add_extension(x509.KeyUsage(False, False, False, False, False, True, True,
                                                  False, False), True)
                     .sign(self.root_key, hashes.SHA256()))
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.leaf = (x509.CertificateBuilder().subject_name(_name("Test TSA"))
                     .issuer_name(self.root.subject).public_key(self.key.public_key())
                     .serial_number(2).not_valid_before(now - datetime.timedelta(days=1))
                     .not_valid_after(now + datetime.timedelta(days=30))
                     .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                                    True)
                     .sign(self.root_key, hashes.SHA256()))
        self.mode = "good"
        self.requests = 0
        self.serial = 1000

    def roots_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    def answer(self, query: bytes) -> bytes:
        request = _rust.parse_timestamp_request(query)
        imprint = request.message_imprint.message
        nonce = request.nonce
        if self.mode == "wrong_hash":
            imprint = hashlib.sha256(b"something else").digest()
        if self.mode == "wrong_nonce":
            nonce = (nonce or 0) + 1
        self.serial += 1
        gen_time = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%SZ").encode()
        tst_info = seq(integer(1), oid(POLICY),
                       seq(seq(oid(SHA256)), octets(imprint)),
                       integer(self.serial), _tlv(0x18, gen_time),
                       *([integer(nonce)] if nonce is not None else []))
        leaf_der = self.leaf.public_bytes(serialization.Encoding.DER)
        attributes = [
            seq(oid(CONTENT_TYPE), set_of(oid(TST_INFO))),
            seq(oid(MESSAGE_DIGEST), set_of(octets(hashlib.sha256(tst_info).digest()))),
            seq(oid(SIGNING_CERTIFICATE_V2),
                set_of(seq(seq(seq(octets(hashlib.sha256(leaf_der).digest())))))),
        ]
        signature = self.key.sign(set_of(*attributes), ec.ECDSA(hashes.SHA256()))
        if self.mode == "bad_signature":
            signature = signature[:-1] + bytes([signature[-1] ^ 1])
        issuer = self.leaf.issuer.public_bytes()
        signer_info = seq(integer(1), seq(issuer, integer(self.leaf.serial_number)),
                          seq(oid(SHA256)),
                          _tlv(0xA0, b"".join(sorted(attributes))),
                          seq(oid(ECDSA_SHA256)), octets(signature))
        signed_data = seq(integer(3), set_of(seq(oid(SHA256))),
                          seq(oid(TST_INFO), explicit(0, octets(tst_info))),
                          _tlv(0xA0, leaf_der), set_of(signer_info))
        token = seq(oid(SIGNED_DATA), explicit(0, signed_data))
        return seq(seq(integer(0)), token)


def serve(authority: LocalAuthority) -> tuple[ThreadingHTTPServer, Callable[[], None]]:
    class Handler(QuietHandler):
        def do_POST(self) -> None:
            authority.requests += 1
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.reply("application/timestamp-reply", authority.answer(query))

    return serve_locally(Handler)
