"""The fuzz targets of `fuzz_targets.py`, driven by a seeded mutation fuzzer for FUZZ_SECONDS
each (CI: 30, so a minute in all; default 3). Seeds are real sources and editions; a failure
names the seed and iteration, and the input is written beside the test's tmp folder."""
from __future__ import annotations

import os
import random
import time

import pytest
from conftest import ROOT

import fuzz_targets

SECONDS = float(os.environ.get("FUZZ_SECONDS", "3"))
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
# Pieces the formats give meaning to, and bytes that break naive code.
TOKENS = [b"Title: ", b"Author: ", b"Date: 1957-01-30", b"Page: 2", b"<hr />", b"Original:", b"### ",
          b"\xe7\xac\xac1\xe7\x89\x88()", b"\xe4\xb8\x93\xe6\xa0\x8f\xef\xbc\x9a", b"\r\n", b"\r", b"\t",
          b"\xe3\x80\x80", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"&", b"<", b"]]>", b"<!DOCTYPE x [", b"9" * 60,
          b"    ", b"\n\n", b"\xe3\x80\x90\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe\xe3\x80\x91", b"\xc3", b"\xe9",
          b' xml:id="', b'"/>', b"</p>", b"<p>", b"&amp;", b"&#0;", b"<?xml-model?>", b"<!--"]


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        move = rng.randrange(7)
        if move == 0 and out:
            out[min(at, len(out) - 1)] ^= 1 << rng.randrange(8)
        elif move == 1:
            out[at:at] = rng.choice(TOKENS)
        elif move == 2:
            del out[at:at + rng.randint(1, 200)]
        elif move == 3:  # a line twice
            start = out.rfind(b"\n", 0, at) + 1
            end = out.find(b"\n", at)
            out[start:start] = out[start:end if end >= 0 else len(out)] + b"\n"
        elif move == 4:
            out = out[:at]
        elif move == 5:  # splice another seed's tail
            other = rng.choice(others)
            out = out[:at] + other[rng.randrange(len(other) + 1):]
        else:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(out)


def drive(target, seeds: list[bytes], tmp_path) -> int:
    rng = random.Random(SEED)
    stop = time.monotonic() + SECONDS
    runs = 0
    for seed in seeds:  # the seeds themselves first
        target(seed)
    while time.monotonic() < stop:
        data = mutate(rng, rng.choice(seeds), seeds)
        try:
            target(data)
        except Exception:
            (tmp_path / "crash.bin").write_bytes(data)
            pytest.fail(f"seed {SEED}, run {runs}: input in {tmp_path / 'crash.bin'}")
        runs += 1
    return runs


def test_fuzz_the_readers_and_the_conversion(tmp_path):
    seeds = [p.read_bytes() for p in sorted((ROOT / "tests" / "archive").rglob("*.md"))[:6]]
    seeds += [p.read_bytes()[:6000] for p in sorted((ROOT / "editions" / "sources").glob("10*.txt"))[:3]]
    assert drive(fuzz_targets.reader_target, seeds, tmp_path) > 0


def test_fuzz_editions_read_from_outside(tmp_path):
    seeds = [p.read_bytes() for p in sorted((ROOT / "editions").glob("rmrb-1946*.xml"))]
    seeds += [p.read_bytes() for p in sorted((ROOT / "editions").glob("rmrb-1957*.xml"))[:2]]
    assert drive(fuzz_targets.edition_target, seeds, tmp_path) > 0
