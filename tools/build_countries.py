"""Rebuild extract/data/countries.tsv from pycountry and countryinfo plus the overrides below.

    pip install -e '.[gazetteer]' && python tools/build_countries.py

pycountry gives the ISO 3166-1 codes and names; countryinfo gives demonyms, capitals and
alternative spellings. The overrides hold what news uses and the packages lack or get wrong:
short common names (Russia, not "Russian Federation"), plural demonyms, capitals as news
writes them, seats of government used as metonyms, and the state that owns a demonym shared
by several territories (American, Chinese, French, ...).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "extract" / "data" / "countries.tsv"

# iso3: (name, aliases, demonyms, capitals, seats); an empty field keeps the package value.
OVERRIDES: dict[str, tuple[str, str, str, str, str]] = {
    "USA": ("United States", "U.S.|US|USA|U.S.A.|America|United States of America", "American|Americans",
            "Washington|Washington D.C.", "White House|Pentagon|State Department|Capitol Hill"),
    "GBR": ("United Kingdom", "Britain|Great Britain|UK|U.K.|Northern Ireland|Scotland|Wales|England",
            "British|Briton|Britons", "London", "Downing Street|Whitehall"),
    "RUS": ("Russia", "Russian Federation", "Russian|Russians", "Moscow", "Kremlin"),
    "CHN": ("China", "People's Republic of China|PRC|P.R.C.", "Chinese", "Beijing|Peking", "Zhongnanhai"),
    "TWN": ("Taiwan", "Republic of China", "Taiwanese", "Taipei", ""),
    "IRN": ("Iran", "Islamic Republic of Iran|Persia", "Iranian|Iranians", "Tehran|Teheran", ""),
    "SYR": ("Syria", "Syrian Arab Republic", "Syrian|Syrians", "Damascus", ""),
    "KOR": ("South Korea", "Republic of Korea|ROK", "South Korean|South Koreans", "Seoul", "Blue House"),
    "PRK": ("North Korea", "DPRK|Democratic People's Republic of Korea", "North Korean|North Koreans",
            "Pyongyang", ""),
    "PSE": ("Palestine", "Palestinian territories|Palestinian Authority|State of Palestine|Gaza|Gaza Strip|West Bank",
            "Palestinian|Palestinians", "Ramallah", ""),
    "ISR": ("Israel", "", "Israeli|Israelis", "Jerusalem", "Knesset"),
    "TUR": ("Turkey", "Türkiye|Turkiye|Republic of Turkey", "Turkish|Turks|Turk", "Ankara", ""),
    "UKR": ("Ukraine", "", "Ukrainian|Ukrainians", "Kyiv|Kiev", ""),
    "HUN": ("Hungary", "", "Hungarian|Hungarians", "Budapest", ""),
    "FRA": ("France", "French Republic", "French|Frenchman|Frenchmen", "Paris", "Elysee|Élysée|Quai d'Orsay"),
    "DEU": ("Germany", "Federal Republic of Germany", "German|Germans", "Berlin", "Bundestag"),
    "IND": ("India", "Republic of India", "Indian|Indians", "New Delhi", ""),
    "PAK": ("Pakistan", "", "Pakistani|Pakistanis", "Islamabad", ""),
    "VNM": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi", ""),
    "LAO": ("Laos", "Lao People's Democratic Republic", "Laotian|Laotians", "Vientiane", ""),
    "BOL": ("Bolivia", "", "Bolivian|Bolivians", "La Paz|Sucre", ""),
    "VEN": ("Venezuela", "", "Venezuelan|Venezuelans", "Caracas", "Miraflores"),
    "TZA": ("Tanzania", "", "Tanzanian|Tanzanians", "Dodoma|Dar es Salaam", ""),
    "MDA": ("Moldova", "", "Moldovan|Moldovans", "Chisinau", ""),
    "CZE": ("Czech Republic", "Czechia", "Czech|Czechs", "Prague", ""),
    "CIV": ("Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire", "Ivorian|Ivorians", "Yamoussoukro|Abidjan", ""),
    "COD": ("Democratic Republic of the Congo",
            "DR Congo|DRC|Congo-Kinshasa|Zaire|Democratic Republic of Congo|D.R. Congo", "Congolese", "Kinshasa", ""),
    "COG": ("Republic of the Congo", "Congo-Brazzaville|Republic of Congo", "", "Brazzaville", ""),
    "BRN": ("Brunei", "", "Bruneian", "Bandar Seri Begawan", ""),
    "MMR": ("Myanmar", "Burma", "Burmese", "Naypyidaw|Rangoon|Yangon", ""),
    "MKD": ("North Macedonia", "Macedonia", "Macedonian|Macedonians", "Skopje", ""),
    "XKX": ("Kosovo", "", "Kosovar|Kosovars|Kosovan", "Pristina", ""),
    "SAU": ("Saudi Arabia", "Kingdom of Saudi Arabia", "Saudi|Saudis", "Riyadh", ""),
    "ARE": ("United Arab Emirates", "UAE|U.A.E.|Emirates", "Emirati|Emiratis", "Abu Dhabi", ""),
    "AFG": ("Afghanistan", "", "Afghan|Afghans", "Kabul", ""),
    "IRQ": ("Iraq", "", "Iraqi|Iraqis", "Baghdad", ""),
    "EGY": ("Egypt", "", "Egyptian|Egyptians", "Cairo", ""),
    "JPN": ("Japan", "", "Japanese", "Tokyo", ""),
    "PHL": ("Philippines", "the Philippines", "Filipino|Filipinos|Philippine", "Manila", "Malacañang|Malacanang"),
    "NLD": ("Netherlands", "the Netherlands|Holland", "Dutch", "Amsterdam", ""),
    "CHE": ("Switzerland", "", "Swiss", "Bern|Berne", ""),
    "SRB": ("Serbia", "", "Serbian|Serbians|Serb|Serbs", "Belgrade", ""),
    "BIH": ("Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina", "Bosnian|Bosnians", "Sarajevo", ""),
    "HRV": ("Croatia", "", "Croatian|Croatians|Croat|Croats", "Zagreb", ""),
    "POL": ("Poland", "", "Polish|Pole|Poles", "Warsaw", ""),
    "SWE": ("Sweden", "", "Swedish|Swede|Swedes", "Stockholm", ""),
    "FIN": ("Finland", "", "Finnish|Finn|Finns", "Helsinki", ""),
    "DNK": ("Denmark", "", "Danish|Dane|Danes", "Copenhagen", ""),
    "NOR": ("Norway", "", "Norwegian|Norwegians", "Oslo", ""),
    "ESP": ("Spain", "", "Spanish|Spaniard|Spaniards", "Madrid", "Moncloa"),
    "PRT": ("Portugal", "", "Portuguese", "Lisbon", ""),
    "ITA": ("Italy", "", "Italian|Italians", "Rome", "Palazzo Chigi"),
    "GRC": ("Greece", "Hellenic Republic", "Greek|Greeks", "Athens", ""),
    "IRL": ("Ireland", "Republic of Ireland", "Irish", "Dublin", ""),
    "BLR": ("Belarus", "Byelorussia", "Belarusian|Belarusians|Belarussian", "Minsk", ""),
    "GEO": ("Georgia", "", "Georgian|Georgians", "Tbilisi", ""),
    "ARM": ("Armenia", "", "Armenian|Armenians", "Yerevan", ""),
    "AZE": ("Azerbaijan", "", "Azerbaijani|Azerbaijanis|Azeri|Azeris", "Baku", ""),
    "KAZ": ("Kazakhstan", "", "Kazakh|Kazakhs|Kazakhstani", "Astana|Almaty", "Akorda"),
    "LBN": ("Lebanon", "", "Lebanese", "Beirut", ""),
    "JOR": ("Jordan", "", "Jordanian|Jordanians", "Amman", ""),
    "QAT": ("Qatar", "", "Qatari|Qataris", "Doha", ""),
    "YEM": ("Yemen", "", "Yemeni|Yemenis", "Sanaa|Sana'a", ""),
    "LBY": ("Libya", "", "Libyan|Libyans", "Tripoli", ""),
    "SDN": ("Sudan", "", "Sudanese", "Khartoum", ""),
    "SSD": ("South Sudan", "", "South Sudanese", "Juba", ""),
    "NGA": ("Nigeria", "", "Nigerian|Nigerians", "Abuja", ""),
    "ZAF": ("South Africa", "", "South African|South Africans", "Pretoria|Cape Town", ""),
    "BRA": ("Brazil", "", "Brazilian|Brazilians", "Brasilia|Brasília", "Planalto"),
    "ARG": ("Argentina", "", "Argentine|Argentinian|Argentines|Argentinians", "Buenos Aires", "Casa Rosada"),
    "MEX": ("Mexico", "", "Mexican|Mexicans", "Mexico City", ""),
    "CAN": ("Canada", "", "Canadian|Canadians", "Ottawa", ""),
    "AUS": ("Australia", "", "Australian|Australians", "Canberra", ""),
    "IDN": ("Indonesia", "", "Indonesian|Indonesians", "Jakarta", ""),
    "MYS": ("Malaysia", "", "Malaysian|Malaysians", "Kuala Lumpur", ""),
    "DOM": ("Dominican Republic", "", "Dominican|Dominicans", "Santo Domingo", ""),
    "DMA": ("Dominica", "", "", "Roseau", ""),
    "NER": ("Niger", "", "Nigerien|Nigeriens", "Niamey", ""),
    "GNQ": ("Equatorial Guinea", "", "Equatoguinean", "Malabo", ""),
    "KGZ": ("Kyrgyzstan", "Kyrgyz Republic|Kirghizia", "Kyrgyz|Kirghiz", "Bishkek", ""),
    "CUB": ("Cuba", "", "Cuban|Cubans", "Havana", ""),
    "HTI": ("Haiti", "", "Haitian|Haitians", "Port-au-Prince", ""),
    "CPV": ("Cape Verde", "Cabo Verde", "Cape Verdean", "Praia", ""),
    "SWZ": ("Eswatini", "Swaziland", "Swazi", "Mbabane", ""),
    "TLS": ("East Timor", "Timor-Leste", "East Timorese", "Dili", ""),
    "VAT": ("Vatican", "Holy See|Vatican City", "", "Vatican City", ""),
    "FSM": ("Micronesia", "", "Micronesian", "Palikir", ""),
}

# Demonyms that several territories share in countryinfo: which state owns them.
SHARED_DEMONYM_OWNER = {
    "American": "USA", "Chinese": "CHN", "French": "FRA", "Indian": "IND", "Congolese": "COD",
    "Dominican": "DOM", "Norwegian": "NOR", "British": "GBR", "Danish": "DNK", "Dutch": "NLD",
    "Australian": "AUS", "New Zealander": "NZL", "Samoan": "WSM", "Virgin Islander": "VGB", "Greenlandic": "GRL",
}
# Alternative spellings from countryinfo that are ordinary words or name another country.
BAD_ALIASES = {"Ireland", "Congo", "Korea", "Guinea", "Sudan", "Georgia", "Jordan", "Chad", "Turkey", "Niger"}


def _split(text: str) -> list[str]:
    return [part for part in text.split("|") if part]


def _package_row(country: object) -> list[str]:
    alpha2 = country.alpha_2  # type: ignore[attr-defined]
    alpha3 = country.alpha_3  # type: ignore[attr-defined]
    name = getattr(country, "common_name", None) or country.name  # type: ignore[attr-defined]
    try:
        info = CountryInfo(alpha2).info()
    except (KeyError, ValueError):
        info = {}
    aliases = [country.name]  # type: ignore[attr-defined]
    official = getattr(country, "official_name", None)
    if official:
        aliases.append(official)
    for spelling in info.get("altSpellings", []):
        if len(spelling) > 3 and re.match(r"^[A-Z]", spelling) and spelling not in BAD_ALIASES:
            aliases.append(spelling)
    demonym = info.get("demonym") or ""
    capital = (info.get("capital") or "").replace(" D.C.", "")
    return [alpha3, alpha2, name, "|".join(a for a in dict.fromkeys(aliases) if a != name), demonym, capital, ""]


def build() -> list[list[str]]:
    rows = {row[0]: row for row in (_package_row(c) for c in pycountry.countries)}
    rows["XKX"] = ["XKX", "XK", "Kosovo", "", "", "", ""]
    for iso3, (name, aliases, demonyms, capitals, seats) in OVERRIDES.items():
        row = rows[iso3]
        row[2] = name
        if aliases:
            merged = _split(aliases) + [a for a in _split(row[3]) if a not in BAD_ALIASES]
            row[3] = "|".join(a for a in dict.fromkeys(merged) if a != name)
        row[4] = demonyms if demonyms or iso3 in ("COG", "DMA", "VAT") else row[4]
        row[5] = capitals or row[5]
        row[6] = seats
    owner_of: dict[str, str] = {}
    for iso3, row in sorted(rows.items()):
        kept = []
        for demonym in _split(row[4]):
            owner = SHARED_DEMONYM_OWNER.get(demonym, owner_of.setdefault(demonym, iso3))
            if owner == iso3:
                kept.append(demonym)
        row[4] = "|".join(kept)
    _drop_clashing_surfaces(rows)
    return [rows[key] for key in sorted(rows)]


def _drop_clashing_surfaces(rows: dict[str, list[str]]) -> None:
    """A surface form (name, alias, capital) that two countries claim is kept by the one whose
    override or name it is, and dropped elsewhere."""
    claims: dict[str, list[tuple[str, int]]] = {}
    for iso3, row in rows.items():
        for column in (2, 3, 4, 5):
            for surface in _split(row[column]):
                claims.setdefault(surface, []).append((iso3, column))
    for surface, owners in claims.items():
        if len({iso3 for iso3, _ in owners}) < 2:
            continue
        preferred = next((iso3 for iso3, column in owners if column == 2), None)
        preferred = preferred or next((iso3 for iso3, _ in owners if surface in OVERRIDES.get(iso3, ("",) * 5)[1:4]
                                       and surface in "|".join(OVERRIDES[iso3])), owners[0][0])
        for iso3, column in owners:
            if iso3 != preferred and column != 2:
                rows[iso3][column] = "|".join(s for s in _split(rows[iso3][column]) if s != surface)


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(["iso3", "iso2", "name", "aliases", "demonyms", "capitals", "seats"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
