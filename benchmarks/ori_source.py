"""ORI source: requests per official and candidate pages read per second.

A generated council index on the ORI stand-in (in-process, no network, no pacing):
`--officials` officials, each with a few documents that name their data on one page
among filler pages, plus documents about other people on the same streets. Prints the
requests the source made per official (the index directory once, then one search per
official and result page), the pages read, pages per second and the findings per kind.

    python benchmarks/ori_source.py --officials 50
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections import Counter

from exposurecheck.collectors.ori.client import OriClient
from exposurecheck.collectors.ori.collector import OriCollector
from exposurecheck.mock.ori import MockOri
from exposurecheck.models import Address, Official, OfficialId

STREETS = ["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Brink"]
FILLER = ("De raad bespreekt de begroting en de voortgang van het project. "
          "Gemeentehuis, Marktplein 1, 8181 CS Heerde. ") * 8


def generate(n: int, seed: int) -> tuple[list[Official], dict[str, object]]:
    rng = random.Random(seed)
    officials, documents = [], []
    for i in range(n):
        street, number = rng.choice(STREETS), 1 + i
        postcode = f"81{81 + i % 10:02d}A{chr(65 + i % 26)}"
        phone = f"06 {20000000 + i:08d}"
        official = Official(
            id=OfficialId(f"b-{i:04d}"), name=f"Persoon{i} Achternaam{i}",
            organisation="Gemeente Heerde",
            home=Address(street=street, number=number, postcode=postcode, city="Heerde"),
            phones=(phone,), emails=(f"p{i}@example.nl",))
        officials.append(official)
        pages = [FILLER] * rng.randint(3, 20)
        pages[rng.randrange(len(pages))] = (f"Brief van P. Achternaam{i}, {street} {number}, "
                                            f"{postcode[:4]} {postcode[4:]} Heerde, tel. {phone}")
        documents.append({"id": f"doc{i:05d}a", "name": f"Ingekomen stuk {i}", "pages": pages,
                          "original_url": f"https://heerde.notubiz.nl/document/{i}"})
        documents.append({"id": f"doc{i:05d}b", "name": f"Verslag {i}", "pages": [
            f"Inspreker {street} {number + 1000}, Heerde.", FILLER],
            "original_url": f"https://heerde.notubiz.nl/document/{i}b"})
    data = {"bodies": [{"name": "Gemeente Heerde", "alias": "ori_heerde",
                        "index": "ori_heerde_20260101000000", "documents": documents}]}
    return officials, data


async def run(officials: list[Official], mock: MockOri) -> tuple[OriCollector, Counter[str],
                                                                   float]:
    collector = OriCollector(OriClient("http://ori.bench/v1/elastic", transport=mock.transport()))
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for official in officials:
        result = await collector.collect(official)
        kinds.update(f.kind.value for f in result.findings)
        kinds.update("error" for _ in result.errors)
    elapsed = time.perf_counter() - started
    await collector.aclose()
    return collector, kinds, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    officials, data = generate(args.officials, args.seed)
    mock = MockOri(data)
    collector, kinds, elapsed = asyncio.run(run(officials, mock))
    print(f"officials:               {len(officials)}")
    print(f"ORI requests:            {mock.requests} "
          f"({mock.requests / len(officials):.2f} per official)")
    print(f"candidate pages read:    {collector.pages_read} "
          f"({collector.pages_read / elapsed:.0f} pages/s, stand-in search time included)")
    print(f"wall time:               {elapsed:.2f} s")
    print(f"findings per kind:       {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
