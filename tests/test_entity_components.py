"""The tagger's spine and components, each on small cases made for the test (no article's)."""
from __future__ import annotations

import pytest
from conftest import REGISTER

from tei_tools.entities import spans, units, zh_rules
from tei_tools.entities.cedict import classify, english_names, lexicon, usable_in_english
from tei_tools.entities.register import load, load_all
from tei_tools.entities.spans import Span, resolve
from tei_tools.entities.zh import same_place
from tei_tools.pipeline import entity_tagger


@pytest.fixture(scope="module")
def tagger():
    return entity_tagger((REGISTER,))


def names(found, kind=None):
    return [s.name for s in found if kind in (None, s.kind)]


# -- the spine ------------------------------------------------------------------------------------

def test_components_are_listed_once_in_rank_order_with_what_they_add():
    assert list(spans.COMPONENTS)[:3] == ["register", "dateline", "units"]
    assert spans.RANK["register"] < spans.RANK["persons"] < spans.RANK["lexicon"] < spans.RANK["propagation"]
    for adds, why in spans.COMPONENTS.values():
        assert set(adds) <= set(spans.KINDS) and why
    with pytest.raises(KeyError):
        spans.proposed("no-such-component", [])


def test_the_earlier_component_wins_a_crossing_and_a_tie_of_extent():
    a = Span(0, 3, "person", "王永福", rule="persons")
    b = Span(1, 4, "place", "永福县", rule="lexicon")
    assert resolve([b, a]) == [a]
    c = Span(0, 3, "org", "王永福", "org-x", rule="lexicon")
    kept = resolve([a, c])
    assert kept == [a] and kept[0].ref is None  # another kind lends no id


def test_nesting_stands_inside_organisations_and_places_only():
    org = Span(0, 6, "org", "中共嘉兴市委", rule="register")
    place = Span(2, 4, "place", "嘉兴", rule="register")
    assert resolve([org, place]) == [org, place]
    person = Span(0, 3, "person", "王永福", rule="persons")
    county = Span(1, 3, "place", "永福", rule="lexicon")
    assert resolve([person, county]) == [person]  # a person's name holds no place


def test_the_longer_form_of_a_name_holds_with_the_id_of_either():
    short = Span(0, 2, "place", "安平", "place-anping", rule="register")
    long = Span(0, 3, "place", "安平县", rule="places")
    assert resolve([short, long], same_place) == [Span(0, 3, "place", "安平县", "place-anping")]


# -- Chinese components ---------------------------------------------------------------------------

def test_dateline_gives_the_agency_and_the_place_wherever_the_date_stands():
    found = zh_rules.datelines("【新华社延安十六日电】据中央社南京讯：某事。", {})
    assert [(s.name, s.kind) for s in sorted(found, key=lambda s: s.start)] == [
        ("新华社", "org"), ("延安", "place"), ("中央社", "org"), ("南京", "place")]
    assert names(zh_rules.datelines("【新华社十六日南京电】又", {})) == ["新华社", "南京"]
    assert names(zh_rules.datelines("【本报讯】某地消息。", {})) == []
    assert names(zh_rules.datelines("【邢台市讯】又", {})) == ["邢台市"]


def test_units_are_chains_with_their_prefixes_and_the_party_nested():
    found = zh_rules.units("国民党七十一军与五十二军第二师进犯，乱成一团，新六军与第三团", {})
    assert names(found) == ["国民党七十一军", "国民党", "五十二军第二师", "五十二军", "新六军", "第三团"]
    assert names(zh_rules.units("两师之众与十余团", {})) == []


def test_unit_signatures_agree_across_languages():
    assert units.zh_signature("国民党七十一军") == units.en_signature("Kuomintang 71st Army") == "army-71"
    assert units.zh_signature("新六军") == units.en_signature("New Sixth Army") == "new-army-6"
    assert units.zh_signature("一九五师") == units.en_signature("195th Division") == "division-195"
    assert units.zh_number("一百") == 100 and units.zh_number("十三") == 13
    assert units.zh_signature("民主联军") is None and units.en_signature("Democratic Allied Army") is None
    assert units.zh_signature("八路军") == units.en_signature("Eighth Route Army") == "route-army-8"


def test_abbreviations_only_where_the_context_makes_them_countries():
    def places(text):
        return names(zh_rules.abbreviations(text, {}), "place")
    assert places("美苏两国") == ["美", "苏"]
    assert places("美军登陆，日寇投降") == ["美", "日"]
    assert places("对日和约，访美归来") == ["日", "美"]
    assert places("十六日电，今日开会，《河南日报》载，在会中") == []  # dates, a daily, 在…中
    assert places("南北交通，西方各国") == []  # 南, 西: only before 共
    found = zh_rules.abbreviations("法共与西共", {})
    assert [(s.name, s.kind) for s in found] == [("法", "place"), ("法共", "org"), ("西", "place"), ("西共", "org")]


def test_villages_by_their_endings_lists_and_railways(tagger):
    text = "国民党军进犯赵家沟、二道沟、瓦房子等地，沿津浦路北上"
    found = zh_rules.villages(text, tagger.zh.tokens(text), {})
    assert {"赵家沟", "二道沟", "津浦路"} <= set(names(found))
    listed = zh_rules.villages("经大路湾、王家湾到达", tagger.zh.tokens("经大路湾、王家湾到达"), {})
    assert "经大路湾" not in names(listed)


def test_places_in_context_and_parties_and_foreign_names(tagger):
    assert "寿山" in names(tagger.zh.tag("我军被迫自卫寿山地区发生激战", [], set()), "place")
    assert names(zh_rules.parties("社会党与农民党", {})) == ["社会党", "农民党"]
    text = "法共领袖多列士，塔德先生"
    assert names(zh_rules.foreign_persons(text, tagger.zh.tokens(text))) == ["多列士", "塔德"]


def test_lexicon_names_need_jiebas_word_boundaries(tagger):
    found = tagger.zh.tag("老农王永福说", [], set())
    assert "永福" not in names(found)  # a county in the dictionary, a given name here


# -- the lexicon ----------------------------------------------------------------------------------

def test_cedict_glosses_say_what_a_proper_noun_is():
    assert classify(["Joseph Stalin (1879-1953), Soviet dictator"]) == "person"
    assert classify(["Siping prefecture level city in Jilin province"]) == "place"
    assert classify(["Xinhua News Agency"]) == "org"
    assert classify(["Norway"]) == "place" and classify(["surname Li"]) is None
    assert english_names("person", "Marshal Josip Broz Tito (1892-1980), Yugoslav leader") == [
        "Josip Broz Tito", "Tito"]
    assert english_names("place", "Siping prefecture level city in Jilin province") == ["Siping"]
    assert not usable_in_english("Li") and not usable_in_english("April") and usable_in_english("Harbin")


def test_lexicon_loads_offline_and_keeps_common_words_out():
    entries = lexicon()
    by_name = {n: e for e in entries.values() for n in e.names["zh-Hans"]}
    assert len(entries) > 5000
    assert by_name["斯大林"].kind == "person" and by_name["延安"].kind == "place"
    assert "红旗" not in by_name and "周总理" not in by_name


# -- the register says no --------------------------------------------------------------------------

def test_a_register_can_say_that_a_text_is_no_name(tmp_path):
    register = tmp_path / "register.xml"
    register.write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>
<list type="not-names"><item xml:lang="zh-Hans" type="org">联总所</item><item xml:lang="zh-Hans">云霄</item></list>
</standOff></TEI>""", encoding="utf-8")
    loaded = load(register)
    assert loaded.says_no("zh-Hans", "联总所", "org") and not loaded.says_no("zh-Hans", "联总所", "place")
    assert loaded.says_no("zh-Hans", "云霄", "person")
    assert load_all([register]).says_no("zh-Hans", "云霄", "place")
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><list type="not-names"><item type="thing">x</item>'
                   "</list></TEI>", encoding="utf-8")
    from tei_tools.errors import ToolError
    with pytest.raises(ToolError, match="bad.xml:1: a not-names item"):
        load(bad)


def test_the_period_gazetteer_is_loaded_under_the_project_register():
    register = load_all([])
    assert register.entities["org-kuomintang"].names["en"][0] == "Kuomintang"
    assert "四平街" in register.entities["place-siping"].names["zh-Hans"]


def test_a_registers_names_segment_only_its_own_tagger(tmp_path):
    from tei_tools.entities.zh import ChineseTagger

    word = "郭来和"
    plain = ChineseTagger({})
    before = [t.word for t in plain.tokens(f"老农{word}说")]
    assert word not in before  # jieba alone cuts it: 郭来|和
    with_name = ChineseTagger({word: ("pers-x", "person")})
    assert word in [t.word for t in with_name.tokens(f"老农{word}说")]
    assert [t.word for t in ChineseTagger({}).tokens(f"老农{word}说")] == before
    assert [t.word for t in plain.tokens(f"老农{word}说")] == before


def test_a_country_before_a_party_and_a_place_before_its_government():
    names_ = {"法国": ("place-france", "place"), "察哈尔": ("place-chahar", "place")}
    found = zh_rules.parties("法国共产党与社会党，共产党员", names_)
    assert [(s.name, s.kind) for s in found] == [("法国共产党", "org"), ("法国", "place"), ("社会党", "org")]
    found = zh_rules.governments("察哈尔省政府与民主政府", names_)
    assert [(s.name, s.kind) for s in found] == [("察哈尔省政府", "org"), ("察哈尔", "place")]


def test_a_surname_with_a_title_in_one_word_is_the_surname(tagger):
    assert names(tagger.zh.tag("周总理接见代表团", [], set()), "person") == ["周"]
    assert names(tagger.zh.tag("田头村的老周说", [], set()), "person") == ["周"]
    assert names(tagger.zh.tag("老农说", [], set()), "person") == []


def test_a_lexicon_place_before_a_street_word_names_the_street(tagger):
    assert "繁昌" not in names(tagger.zh.tag("组织繁昌街的居民", [], set()), "place")
