#!/usr/bin/python3
"""Writes the codec tables of dev.sockshell.codecs from this Python's own codecs.

    /usr/bin/python3 src/tools/codecs/generate.py

The data is Python's published mapping, read back from the codecs themselves, so sockshell's
GBK, Big5, Shift_JIS... are Python's and not Java's (they differ: GBK's euro sign, Big5's and
Shift_JIS's extensions). Every table is checked exhaustively against Python before it is written:
each byte, each two-byte (and three-byte) sequence decoded, each code point encoded, through the
same model the Java side implements (see MultiByte.java, Charmap.java, Gb18030.java). A table
that does not reproduce Python exactly is an error here, never a file.

Written under src/main/resources/dev/sockshell/codecs/:
  index.txt      the names Python accepts (encodings.aliases) and what each codec is
  NAME.bin       the zlib-compressed table of a multi-byte codec (format below)
  charmaps.bin   the tables of all single-byte codecs, zlib-compressed together: for each, varint
                 length and UTF-8 module name, varint length and the table

Table format, after zlib (varint = unsigned LEB128, zigzag for signed deltas):
  u8 version (1)
  varint length + UTF-8 name of the base table, or 0: the entries below change the base's
  u8 kind[256]: 0 invalid alone, 1 decodes alone, 2 leads a 2-byte sequence, 3 a 3-byte one
  varint code point of each byte whose kind is 1, in byte order
  varint n, n sequences in key order: varint key gap (key - previous key - 1, first from -1),
                                      zigzag code point delta (from the previous entry's, first from 0)
  varint n, n removed keys (only with a base): varint key gap as above
  varint n, n encoder overrides in code point order: varint code point gap (as keys), varint
          length, the bytes (length 0: not encodable)
  varint n, n ranges of four-byte sequences (gb18030 only): varint linear index, varint first
          code point, each as the difference from the previous range's (the first from 0)
A sequence's key is its bytes read big-endian. The encoder is the inverse of the decoder (the
first sequence in key order, single bytes first, that decodes to a code point encodes it) with
the overrides on top.
"""

import codecs
import encodings
import encodings.aliases
import os
import pkgutil
import sys
import zlib

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "main", "resources", "dev", "sockshell", "codecs")

# Codecs written in Java directly (kind names the class).
DIRECT = {
    "utf_8": "utf-8",
    "utf_8_sig": "utf-8-sig",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "utf_32": "utf-32",
    "utf_32_le": "utf-32-le",
    "utf_32_be": "utf-32-be",
    "latin_1": "latin-1",
    "ascii": "ascii",
}

# The CJK codecs whose CPython decoder is "a byte alone, or a lead byte and a fixed number of
# bytes looked up in a table, else one illegal byte" and whose encoder maps one code point at a
# time. euc_kr is not one (its KS X 1001 Annex 3 eight-byte sequences), nor big5hkscs, the
# *_2004/x0213 codecs (two code points to one sequence) or the iso2022 family (state).
MULTIBYTE = ["gbk", "gb2312", "big5", "cp950", "shift_jis", "cp932", "cp949", "euc_jp"]
# Stored as changes to another table: they are that table with a few hundred changes.
BASES = {"cp950": "big5", "cp932": "shift_jis", "gb18030": "gbk", "gb2312": "gbk"}

MAX_CP = 0x110000
ALL_TEXT = "".join(chr(c) for c in range(MAX_CP))


def varint(n, out):
    assert n >= 0
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)


def zigzag(n, out):
    varint(n << 1 if n >= 0 else (-n << 1) - 1, out)


def unencodable(codec):
    """The code points `codec` cannot encode, found in one pass with a recording handler."""
    failed = set()

    def record(e):
        failed.update(range(e.start, e.end))
        return ("", e.end)

    codecs.register_error("sockshell.record", record)
    ALL_TEXT.encode(codec, "sockshell.record")
    return failed


def encoder_map(codec):
    """{code point: bytes} for every code point `codec` encodes (positions are code points)."""
    bad = unencodable(codec)
    result = {}
    for cp in range(MAX_CP):
        if cp not in bad:
            result[cp] = chr(cp).encode(codec)
    return result


def decode_one(codec, data):
    """('ok', text) or ('error', start, end, reason)."""
    try:
        return ("ok", data.decode(codec))
    except UnicodeDecodeError as e:
        return ("error", e.start, e.end, e.reason)


def inverse(singles, sequences):
    """The model's encoder before overrides: first in key order wins, single bytes first."""
    inv = {}
    for b, cp in sorted(singles.items()):
        inv.setdefault(cp, bytes([b]))
    for key, cp in sorted(sequences.items()):
        length = 3 if key > 0xFFFF else 2
        inv.setdefault(cp, key.to_bytes(length, "big"))
    return inv


def overrides(model, python):
    out = {}
    for cp in set(model) | set(python):
        if model.get(cp) != python.get(cp):
            out[cp] = python.get(cp, b"")
    return out


def probe_multibyte(codec, gb18030=False):
    """kinds, singles, sequences: what each byte and sequence decodes to, checked as it goes."""
    kinds, singles, sequences = [0] * 256, {}, {}
    for b in range(256):
        r = decode_one(codec, bytes([b]))
        if r[0] == "ok":
            assert len(r[1]) == 1 and r[1] <= "\uffff", (codec, b, r)
            kinds[b], singles[b] = 1, ord(r[1])
        elif r[3] == "incomplete multibyte sequence":
            assert r[1:3] == (0, 1), (codec, b, r)
            two = decode_one(codec, bytes([b, 0xA1]))
            kinds[b] = 3 if two[0] == "error" and two[3].startswith("incomplete") else 2
        else:
            assert r[1:] == (0, 1, "illegal multibyte sequence"), (codec, b, r)
    for b in range(256):
        if kinds[b] == 2:
            for t in range(256):
                if gb18030 and 0x30 <= t <= 0x39:
                    continue  # four-byte sequences: Gb18030's own rule, checked below
                r = decode_one(codec, bytes([b, t]))
                if r[0] == "ok":
                    assert len(r[1]) == 1 and r[1] <= "\uffff", (codec, b, t, r)
                    sequences[b << 8 | t] = ord(r[1])
                else:
                    assert r[1:] == (0, 1, "illegal multibyte sequence"), (codec, b, t, r)
        elif kinds[b] == 3:
            for t in range(256):
                r = decode_one(codec, bytes([b, t]))
                assert r[1:] == (0, 2, "incomplete multibyte sequence"), (codec, b, t, r)
                for u in range(256):
                    r = decode_one(codec, bytes([b, t, u]))
                    if r[0] == "ok":
                        assert len(r[1]) == 1 and r[1] <= "\uffff", (codec, b, t, u, r)
                        sequences[b << 16 | t << 8 | u] = ord(r[1])
                    else:
                        assert r[1:] == (0, 1, "illegal multibyte sequence"), (codec, b, t, u, r)
    return kinds, singles, sequences


def gb18030_four(index):
    """The four bytes of gb18030's linear index (CPython's _codecs_cn.c arithmetic)."""
    b4 = index % 10
    index //= 10
    b3 = index % 126
    index //= 126
    b2 = index % 10
    b1 = index // 10
    return bytes([b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30])


def probe_gb18030_ranges():
    """Ranges (linear index, first code point) of gb18030's four-byte BMP sequences."""
    ranges = []
    for index in range(39420):
        r = decode_one("gb18030", gb18030_four(index))
        assert r[0] == "ok" and len(r[1]) == 1, (index, r)
        cp = ord(r[1])
        if not ranges or cp != ranges[-1][1] + index - ranges[-1][0]:
            ranges.append((index, cp))
    return ranges


def check_gb18030_four_rule():
    """Every four-byte shape outside the BMP ranges decodes as Gb18030.java assumes."""
    for b1 in range(0x80, 0x100):
        for b2 in range(0x30, 0x3A):
            for b3 in (0x80, 0x81, 0xA0, 0xFE, 0xFF):
                for b4 in (0x2F, 0x30, 0x35, 0x39, 0x3A):
                    data = bytes([b1, b2, b3, b4])
                    r = decode_one("gb18030", data)
                    valid = 0x81 <= b1 <= 0xFE and 0x81 <= b3 <= 0xFE and 0x30 <= b4 <= 0x39
                    index = ((b1 - 0x81) * 10 + (b2 - 0x30)) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30)
                    if valid and b1 <= 0x84 and index < 39420:
                        assert r[0] == "ok", (data, r)
                    elif valid and b1 >= 0x90 and index - 15 * 12600 + 0x10000 <= 0x10FFFF:
                        assert r == ("ok", chr(index - 15 * 12600 + 0x10000)), (data, r)
                    else:
                        assert r[1:] == (0, 1, "illegal multibyte sequence"), (data, r)
                    for cut in (2, 3):
                        r = decode_one("gb18030", data[:cut])
                        assert r[1:] == (0, cut, "incomplete multibyte sequence"), (data, cut, r)


def ranges_encode(ranges):
    model = {}
    ends = [r[0] for r in ranges[1:]] + [39420]
    for (index, cp), end in zip(ranges, ends):
        for i in range(end - index):
            model[cp + i] = gb18030_four(index + i)
    for cp in range(0x10000, MAX_CP):
        model[cp] = gb18030_four(cp - 0x10000 + 15 * 12600)
    return model


def table(kinds, singles, sequences, removed, overrides_, ranges=(), base=""):
    out = bytearray([1])
    varint(len(base.encode()), out)
    out += base.encode()
    out += bytes(kinds)
    for b in range(256):
        if kinds[b] == 1:
            varint(singles[b], out)
    varint(len(sequences), out)
    previous, previous_cp = -1, 0
    for key in sorted(sequences):
        varint(key - previous - 1, out)
        zigzag(sequences[key] - previous_cp, out)
        previous, previous_cp = key, sequences[key]
    varint(len(removed), out)
    previous = -1
    for key in sorted(removed):
        varint(key - previous - 1, out)
        previous = key
    varint(len(overrides_), out)
    previous = -1
    for cp in sorted(overrides_):
        varint(cp - previous - 1, out)
        varint(len(overrides_[cp]), out)
        out += overrides_[cp]
        previous = cp
    varint(len(ranges), out)
    previous_index, previous_cp = 0, 0
    for index, cp in ranges:
        varint(index - previous_index, out)
        varint(cp - previous_cp, out)
        previous_index, previous_cp = index, cp
    return bytes(out)


def write(name, data):
    data = zlib.compress(data, 9)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print(f"  {name}: {len(data)} bytes", file=sys.stderr)


def multibyte(codec, probed):
    kinds, singles, sequences = probe_multibyte(codec, codec == "gb18030")
    ranges = ()
    python = encoder_map(codec)
    if codec == "gb18030":
        check_gb18030_four_rule()
        ranges = probe_gb18030_ranges()
        model = ranges_encode(ranges)
        model.update(inverse(singles, sequences))
    else:
        model = inverse(singles, sequences)
    extra = overrides(model, python)
    probed[codec] = (kinds, singles, sequences)
    base = BASES.get(codec, "")
    removed = set()
    stored = sequences
    if base:
        base_kinds, _, base_sequences = probed[base]
        assert base_kinds == kinds or codec == "cp932", codec
        stored = {k: v for k, v in sequences.items() if base_sequences.get(k) != v}
        removed = set(base_sequences) - set(sequences)
    write(codec + ".bin", table(kinds, singles, stored, removed, extra, ranges, base))


def charmap(codec, charmaps):
    kinds, singles = [0] * 256, {}
    for b in range(256):
        r = decode_one(codec, bytes([b]))
        if r[0] == "ok":
            assert len(r[1]) == 1 and r[1] <= "\uffff", (codec, b, r)
            kinds[b], singles[b] = 1, ord(r[1])
        else:
            assert r[1:] == (0, 1, "character maps to <undefined>"), (codec, b, r)
    model = inverse(singles, {})
    extra = overrides(model, encoder_map(codec))
    data = table(kinds, singles, {}, set(), extra)
    name = codec.encode()
    varint(len(name), charmaps)
    charmaps += name
    varint(len(data), charmaps)
    charmaps += data


def is_charmap(module):
    """A codec that decodes byte by byte through a 256-entry table (encodings/cp1252.py...)."""
    mod = __import__("encodings." + module, fromlist=["x"])
    return hasattr(mod, "decoding_table") or hasattr(mod, "decoding_map")


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".bin"):
            os.remove(os.path.join(OUT, old))
    modules = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
    lines = [
        "# Generated by src/tools/codecs/generate.py from Python "
        + sys.version.split()[0] + "'s codecs; do not edit.",
        "# codec MODULE KIND CANONICAL-NAME: a codec sockshell has (KIND names its Java class)",
        "# other MODULE CANONICAL-NAME: a text codec Python has and sockshell has not",
        "# binary MODULE: a codec that is not a text encoding (rot13, base64...)",
        "# alias NAME MODULE: encodings.aliases",
    ]
    probed = {}
    charmaps = bytearray()
    for module in modules:
        if module in ("aliases", "iso8859_1"):
            continue  # not a codec, or (iso8859_1) hidden by the alias iso8859_1 -> latin_1
        try:
            info = codecs.lookup(module)
        except LookupError:
            continue  # mbcs, oem: Windows only
        if not info._is_text_encoding:
            lines.append(f"binary {module}")
            continue
        if module == "undefined":
            lines.append("codec undefined undefined undefined")
        elif module in DIRECT:
            lines.append(f"codec {module} {DIRECT[module]} {info.name}")
        elif module in MULTIBYTE or module == "gb18030":
            print(f"{module}:", file=sys.stderr)
            for base in {BASES.get(module)} - {None} - set(probed):
                multibyte(base, probed)
            if module not in probed:
                multibyte(module, probed)
            lines.append(f"codec {module} {'gb18030' if module == 'gb18030' else 'multibyte'}"
                         f" {info.name}")
        elif is_charmap(module):
            charmap(module, charmaps)
            lines.append(f"codec {module} charmap {info.name}")
        else:
            lines.append(f"other {module} {info.name}")
    write("charmaps.bin", bytes(charmaps))
    for alias, module in sorted(encodings.aliases.aliases.items()):
        lines.append(f"alias {alias} {module}")
    with open(os.path.join(OUT, "index.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
