"""Chinese components for what the archive's real text has and the 1950s-style articles lack:
datelines, numbered armed units and military regions, one-character country and province
abbreviations, villages and railways, transliterated foreign names (DESIGN.md §5, the
period's conventions). Each function proposes spans for one component of `spans.COMPONENTS`;
the word lists are data files in `tei_tools/data/names/`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import ZH_PERSON_TITLES, ZH_STOP_CHARS, ZH_SURNAMES, entries, table
from .spans import Span

Names = dict[str, tuple[str, str]]  # Chinese name -> (entity id, kind)

_NUM = "[一二三四五六七八九十百零〇○]"
_DATE = re.compile(f"(?:{_NUM}|[廿卅\\d])+日")
_DATELINE = re.compile(r"^【([^【】]{1,40})】")
_REPORT = re.compile(r"(?:^|(?<=[】：。；，”]))(?:据)?([\u4e00-\u9fff]{2,8}?)(?:专电|电|讯)[：:]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _lists():
    units = sorted(entries("zh_unit_words.txt"), key=len, reverse=True)
    chars = re.escape("".join(sorted(set("".join(entries("zh_translit_chars.txt"))))))
    unit = (f"(?:第)?(?:新|暂编?|整编|预备)?(?:{_NUM}{{1,5}}|\\d{{1,4}})"
            f"(?:{'|'.join(units)})")
    return {
        "agencies": sorted(entries("zh_agencies.txt"), key=len, reverse=True),
        "not_places": set(entries("zh_dateline_not_places.txt")),
        "abbrev": {k: v[0] for k, v in table("zh_abbreviations.tsv").items()},
        "before": tuple(sorted(entries("zh_abbreviation_before.txt"), key=len, reverse=True)),
        "pair_only": set(entries("zh_abbreviation_pair_only.txt")),
        "party_only": set(entries("zh_abbreviation_party_only.txt")),
        "not_words": tuple(entries("zh_abbreviation_not.txt")),
        "parties": re.compile("|".join(sorted(table("zh_party_names.tsv"), key=len, reverse=True))),
        "after": set(entries("zh_abbreviation_after.txt")),
        "unit": re.compile(unit),
        "chain": re.compile(f"(?:国民党|国氏党)?(?:军)?(?:保安)?(?:{unit})+"),
        "villages": tuple(sorted(entries("zh_village_suffixes.txt"), key=len, reverse=True)),
        "railways": set(entries("zh_railways.txt")),
        "translit": set("".join(entries("zh_translit_chars.txt"))),
        "translit_run": re.compile(f"[{chars}]{{3,7}}"),
        "translit_titled": re.compile(f"(?<![{chars}])([{chars}]{{2}})(?={'|'.join(ZH_PERSON_TITLES)})"),
        "place_after": tuple(sorted(entries("zh_place_after.txt"), key=len, reverse=True)),
        "place_before": tuple(sorted(entries("zh_place_before.txt"), key=len, reverse=True)),
    }


def _place(text: str, start: int, end: int, names: Names) -> Span | None:
    name = text[start:end]
    if not name or name in _lists()["not_places"] or not _HAN.fullmatch(name):
        return None
    ref, kind = names.get(name, (None, "place"))
    return Span(start, end, "place", name, ref if kind == "place" else None)


def datelines(text: str, names: Names) -> list[Span]:
    """【新华社延安十六日电】: the agency an organisation, what is left of the place and date a
    place (延安; 南京 in 【新华社十六日南京电】; 邢台市 in 【邢台市讯】); 中央社南京讯： likewise."""
    out: list[Span] = []
    lists = _lists()
    found = [(m.start(1), m.group(1)) for m in _DATELINE.finditer(text)]
    found += [(m.start(1), m.group(1) + "讯") for m in _REPORT.finditer(text)]
    for at, inner in found:
        core = re.sub(r"(?:急电|专电|特电|电|特讯|讯|消息)$", "", inner)
        pos = at
        agency = next((a for a in lists["agencies"] if core.startswith(a)), None)
        if agency is None and core.startswith(("本报", "本社")):
            pos, core = pos + 2, core[2:]
        elif agency:
            ref, kind = names.get(agency, (None, "org"))
            out.append(Span(pos, pos + len(agency), "org", agency, ref))
            pos, core = pos + len(agency), core[len(agency):]
        date = _DATE.search(core)
        parts = [(0, date.start()), (date.end(), len(core))] if date else [(0, len(core))]
        for a, b in parts:
            place = _place(text, pos + a, pos + b, names) if 2 <= b - a <= 6 else None
            if place:
                out.append(place)
    return out


def units(text: str, names: Names) -> list[Span]:
    """Numbered armed units, as long as they run (五十二军第二师, 国民党七十一军, 封邱保安七团 less
    its place), with every shorter unit they start with nested; X军区 with a known place X."""
    lists = _lists()
    out: list[Span] = []
    for m in lists["chain"].finditer(text):
        start, name = m.start(), m.group()
        bare = lists["unit"].fullmatch(name)
        if bare and not re.match(f"(?:第|新|暂|整编|预备)|{_NUM}{{2}}|\\d{{2}}", name):
            continue  # 一团 of 乱成一团: a one-numeral unit needs 第, 新 or a chain
        party = re.match("国民党|国氏党", name)
        out.append(Span(start, m.end(), "org", name))
        if party:
            ref, _ = names.get("国民党", (None, ""))
            out.append(Span(start, start + party.end(), "org", party.group(), ref))
        body = start + (party.end() if party else 0)
        pieces = list(lists["unit"].finditer(text, body, m.end()))
        for piece in pieces[:-1]:  # 五十二军 inside 五十二军第二师
            out.append(Span(pieces[0].start(), piece.end(), "org", text[pieces[0].start():piece.end()]))
    for m in re.finditer("军区", text):
        for size in (4, 3, 2):
            place = text[max(0, m.start() - size):m.start()]
            if len(place) == size and names.get(place, ("", ""))[1] == "place":
                ref, _ = names[place]
                out.append(Span(m.start() - size, m.end(), "org", place + "军区"))
                out.append(Span(m.start() - size, m.start(), "place", place, ref))
                break
    return out


def abbreviations(text: str, names: Names) -> list[Span]:
    """One-character countries and provinces: beside another (美苏, 英埃, 豫皖苏), before an
    army or organ (美军, 日寇, 美代表), after a verb of going or being (访美, 驻华, 对日), and in
    a foreign communist party (法共: the organisation, 法 inside it); never inside a word that
    only looks so (zh_abbreviation_not.txt: 日报, 法西斯, 来日)."""
    lists = _lists()
    abbrev = lists["abbrev"]
    out: list[Span] = []
    for i, ch in enumerate(text):
        if ch not in abbrev:
            continue
        prev, nxt = text[i - 1:i], text[i + 1:i + 2]
        if prev and (re.match(f"{_NUM}|[\\d廿卅]", prev) or prev in "今昨明每逐当次"):
            continue  # 十六日, 今日: a day, not Japan
        if any(text.startswith(w, i - w.index(ch)) for w in lists["not_words"] if ch in w):
            continue
        partner = lambda c: c in abbrev and c != ch and c not in lists["party_only"]  # noqa: E731
        pair = partner(nxt) or partner(prev)
        before = text.startswith(lists["before"], i + 1)
        after = prev in lists["after"]
        party = nxt == "共" and not text.startswith(("共同", "共和", "共计", "共有", "共产主义"), i + 1)
        if not (pair or before or after or party) or (ch in lists["pair_only"] and not pair) \
                or (ch in lists["party_only"] and not party):
            continue
        ref = abbrev[ch]
        out.append(Span(i, i + 1, "place", ch, ref))
        if party:
            end = i + 4 if text.startswith("共产党", i + 1) else i + 2
            out.append(Span(i, end, "org", text[i:end]))
    return out


def parties(text: str, names: Names) -> list[Span]:
    """Generic party names (社会党, 农民党) as organisations; a country written right before a
    party (法国共产党, 西班牙法西斯党) makes one organisation with the country inside."""
    out = []
    for m in re.finditer("(?:" + _lists()["parties"].pattern + "|共产党)", text):
        country = next((text[m.start() - k:m.start()] for k in (5, 4, 3, 2)
                        if names.get(text[m.start() - k:m.start()], ("", ""))[1] == "place"), None)
        if country:
            start = m.start() - len(country)
            out.append(Span(start, m.end(), "org", text[start:m.end()]))
            out.append(Span(start, m.start(), "place", country, names[country][0]))
        elif m.group() != "共产党":  # 共产党 alone is every such party, or one the context names
            out.append(Span(m.start(), m.end(), "org", m.group(), names.get(m.group(), (None, ""))[0]))
    return out


def governments(text: str, names: Names) -> list[Span]:
    """The government of a named place (察哈尔省政府, 邯郸市政府, 晋察冀边区政府): one
    organisation with the place inside; 民主政府, 联合政府, 国民党政府 stay descriptions."""
    out = []
    for m in re.finditer("(?:省|市|县|盟|区|边区|专署)?(?:人民|民主|临时)?政府", text):
        for k in (5, 4, 3, 2):
            place = text[m.start() - k:m.start()]
            if len(place) == k and names.get(place, ("", ""))[1] == "place":
                start = m.start() - k
                out.append(Span(start, m.end(), "org", text[start:m.end()]))
                out.append(Span(start, m.start(), "place", place, names[place][0]))
                break
    return out


def villages(text: str, tokens, names: Names) -> list[Span]:
    """Villages and small places: a surname, 家 and a village ending (赵家沟, 李家林子); a word
    jieba takes for a name that ends in a village ending (二道沟, 叶柏寿 no, 黄土梁子 yes); the
    items of a list (、) of which one is such a place or a known one; railways (津浦路)."""
    lists = _lists()
    endings = lists["villages"]
    out: list[Span] = []
    for m in re.finditer("家", text):
        i = m.start()
        if i == 0 or text[i - 1] not in ZH_SURNAMES:
            continue
        end = next((i + 1 + len(e) for e in endings if text.startswith(e, i + 1)), None)
        if end:
            out.append(Span(i - 1, end, "place", text[i - 1:end]))
    for tok in tokens:
        w = tok.word
        if 2 <= len(w) <= 4 and w.endswith(endings) and tok.flag in ("ns", "nr", "nz", "nrt", "nrfg") \
                and _HAN.fullmatch(w) and len(w) > max(len(e) for e in endings if w.endswith(e)):
            out.append(Span(tok.start, tok.end, "place", w))
    for tok in tokens:  # a name jieba calls a place, where the context says place (寿山地区)
        if tok.flag == "ns" and 2 <= len(tok.word) <= 4 and _HAN.fullmatch(tok.word) \
                and place_context(text, tok.start, tok.end):
            out.append(Span(tok.start, tok.end, "place", tok.word))
    out += _list_items(text, out, names, endings)
    for m in re.finditer(r"([\u4e00-\u9fff]{2})(铁路|铁道|路|线)", text):
        if m.group(1) in lists["railways"]:
            out.append(Span(m.start(), m.end(), "place", m.group()))
    return [Span(s.start, s.end, s.kind, s.name, names.get(s.name, (None, ""))[0]) for s in out]


def place_context(text: str, start: int, end: int) -> bool:
    """Whether what stands before or after [start, end) makes it a place: 地区, 以东, 县城 after
    it; 进犯, 攻占, 到达 before it."""
    lists = _lists()
    return text.startswith(lists["place_after"], end) or text.endswith(lists["place_before"], 0, start)


def _list_items(text: str, found: list[Span], names: Names, endings) -> list[Span]:
    """Items of a list (、) of which one is a place found or known: the others that end as
    places end are places too. An item starts after any verb or function word before it
    (进犯赵家沟: 赵家沟) and ends before 等 (瓦房子等地: 瓦房子)."""
    out = []
    place_ends = endings + ("村", "镇", "集", "庄", "河", "口", "店", "子")
    for m in re.finditer(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+", text):
        items, pos = [], m.start()
        for raw in m.group().split("、"):
            items.append(_item(text, pos, pos + len(raw), found))
            pos += len(raw) + 1
        known = {(s.start, s.end) for s in found} | {
            (a, b) for a, b in items if names.get(text[a:b], ("", ""))[1] == "place"}
        if not any(item in known for item in items):
            continue
        out += [Span(a, b, "place", text[a:b]) for a, b in items
                if (a, b) not in known and b - a >= 2 and text[a:b].endswith(place_ends)]
    return out


def _item(text: str, a: int, b: int, found: list[Span]) -> tuple[int, int]:
    if text[b - 1] == "等" or text[b - 2:b] in ("等地", "等处", "一带"):
        b -= 1 if text[b - 1] == "等" else 2
        if text[b - 1:b] == "等":
            b -= 1
    inner = [s for s in found if a <= s.start and s.end == b]
    if inner:
        return min(s.start for s in inner), b
    while b - a > 2 and text[a] in ZH_STOP_CHARS | _VERB_CHARS:
        a += 1
    return a, b


_VERB_CHARS = set("犯攻占侵经抵到至向进退驻")


def foreign_persons(text: str, tokens, common=lambda word: False) -> list[Span]:  # tokens: zh.Tokens
    """A run of three to seven transliteration characters that jieba cuts into no common word
    (多列士: 多列|士, no word a reader would see), a foreign person; so are two of them before a
    title (塔德先生). common(word): whether jieba knows the word as an ordinary one."""
    lists = _lists()
    out = []
    for m in lists["translit_run"].finditer(text):
        inside = tokens.overlapping(m.start(), m.end())  # zh.Tokens: found by bisection
        whole = bool(inside) and inside[0].start >= m.start() and inside[-1].end <= m.end()  # none crosses
        if whole and not any(len(t.word) > 1 and t.flag not in ("nr", "nrt", "nrfg", "x")
                             and common(t.word) for t in inside):
            out.append(Span(m.start(), m.end(), "person", m.group()))
    for m in lists["translit_titled"].finditer(text):
        out.append(Span(m.start(1), m.end(1), "person", m.group(1)))  # 塔德先生
    return out
