"""What is handed over decides the code of a transfer (extract/material_goods.py): weapons given are
military aid (072), relief goods humanitarian aid (073), peacekeepers sent protection (074); a sale
and ordinary goods keep their trade code. Invented sentences, the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.material_goods import GoodsWordsError, load_goods_words
from extract.pipeline import Extractor
from tests.extract.extracting import coded_triples, runner

DATA_DIR = Path(__file__).resolve().parents[2] / "extract" / "data"
run = runner("goods", "2024-05-02")


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return coded_triples(run(extractor, text))


@pytest.mark.parametrize("text", [
    "Norway delivered anti-tank missiles to Moldova on Friday.",
    "Spain supplied Morocco with artillery shells.",
    "Italy shipped 12 howitzers to Tunisia.",
    "The Czech delivery of tanks to Georgia was completed in May.",
])
def test_weapons_handed_over_are_military_aid(extractor: Extractor, text: str) -> None:
    assert any(code == "072" for _, code, _ in coded(extractor, text)), coded(extractor, text)


@pytest.mark.parametrize("text", [
    "Turkey airlifted medical supplies to Lebanon.",
    "Oman shipped 50 tonnes of relief goods to Somalia.",
    "Malaysia delivered tents and blankets to Afghanistan.",
])
def test_relief_goods_handed_over_are_humanitarian_aid(extractor: Extractor, text: str) -> None:
    assert any(code == "073" for _, code, _ in coded(extractor, text)), coded(extractor, text)


@pytest.mark.parametrize(("text", "code"), [
    ("France sold Rafale jets to Greece.", "061"),  # a sale: trade, never aid, whatever is sold
    ("Norway supplied gas to Poland last winter.", "061"),  # ordinary goods keep the trade code
    ("Peru exported copper to China.", "061"),
])
def test_sales_and_ordinary_goods_keep_their_code(extractor: Extractor, text: str, code: str) -> None:
    codes = {c for _, c, _ in coded(extractor, text)}
    assert code in codes and not codes & {"072", "073"}, codes


def test_peacekeepers_deployed_are_protection_and_troops_stay_a_deployment(extractor: Extractor) -> None:
    assert ("country:BGD", "074", "country:SSD") in coded(extractor, "Bangladesh deployed peacekeepers to South Sudan.")
    assert ("country:RUS", "150", "country:BLR") in coded(extractor, "Russia deployed troops to Belarus.")


def test_goods_words_load_and_malformed_files_are_named(tmp_path: Path) -> None:
    words = load_goods_words(DATA_DIR / "material_goods.toml")
    assert "missile" in words.weapon_nouns and "sell" in words.sale_words and "peacekeeper" in words.protection_nouns
    broken = tmp_path / "material_goods.toml"
    broken.write_text((DATA_DIR / "material_goods.toml").read_text(encoding="utf-8").replace(
        'sale_words = [', 'sale_words = "sell" #['), encoding="utf-8")
    with pytest.raises(GoodsWordsError, match=r"material_goods\.toml: sale_words must be a non-empty list"):
        load_goods_words(broken)
