"""Values of the corpus dicts that no human label covers, each read against
the filing's text by a person: every file's address (the lines of the
address block, a comma between them, as the text gives them), and the
places the linter points to.  tests/golden/README.md says how they were
checked."""
from __future__ import annotations

import pytest

import sixk_grammar
from conftest import CORPUS

#: The principal executive office's address, or None where the text has none
#: (r002, r030: cut before it; r049: the envelope only).
ADDRESSES = {
    'real/filings/r001.txt': '1000, Tesma Way, Concord, Ontario, Canada, L4K 5R8',
    'real/filings/r002.txt': None,
    'real/filings/r003.txt': '206 Jungja-dong, Bundang-gu, Sungnam, Kyunggi-do, 463-711, Korea',
    'real/filings/r004.txt': '2-1, OHTEMACHI 1-CHOME, CHIYODA-KU, TOKYO 100-0004, JAPAN',
    'real/filings/r005.txt': 'Otemachi First Square, 1-5-1 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan',
    'real/filings/r006.txt': '2-1, OHTEMACHI 1-CHOME CHIYODA-KU, TOKYO 100-0004 JAPAN',
    'real/filings/r007.txt': '1-4, SHIBAKOEN 4-CHOME, MINATO-KU, TOKYO 105-8571, JAPAN',
    'real/filings/r008.txt': '126 Yigal Allon Street, Tel-Aviv 67443, Israel, (+972-3) 696-21-21',
    'real/filings/r009.txt': '43 Hasivim St., Petah Tikvah Israel',
    'real/filings/r010.txt': 'Ave. Constitucion 444 Pte. Monterrey, Nuevo Leon, Mexico 64000',
    'real/filings/r011.txt': 'Blvd. Manuel Avila Camacho 40 -, Col. Lomas de Chapultepec, 11000 Mexico, D.F., Mexico',
    'real/filings/r012.txt': 'Bandera 140, Santiago, Chile',
    'real/filings/r013.txt': 'Avenida Americo Vespucio Sur 901, Renca, Santiago, Chile',
    'real/filings/r014.txt': 'Tidel Park, 2nd Floor, No. 4, Canal Bank Road, Taramani, Chennai 600 113, India, (91) 44-254-0770',
    'real/filings/r015.txt': 'Videsh Sanchar Bhavan, Mahatma Gandhi Road, Mumbai 400 001, India',
    'real/filings/r016.txt': 'Level 28, 367 Collins Street, Melbourne, Victoria, 3000, Australia',
    'real/filings/r017.txt': '9200 Bridgeport Road, Richmond, BC, Canada, V6X 1S1, (604) 273 7564',
    'real/filings/r018.txt': 'No.1 Beice, Yingfeng Erli, Yanshan, Fangshan District, Beijing, People’s Republic of China',
    'real/filings/r019.txt': '8/F., Paul Y. Centre, 51 Hung To Road, Kwun Tong, Kowloon, Hong Kong',
    'real/filings/r020.txt': 'Suite No. 1, Private Bag X1, Melrose Arch, 2076, South Africa',
    'real/filings/r021.txt': 'Ramon Cojuangco Building, Makati Avenue, Makati City, Philippines 0721',
    'real/filings/r022.txt': '4 -1, Marunouchi 2-chome, Chiyoda-ku, Tokyo 100-6326, Japan',
    'real/filings/r023.txt': '99, Seorin-dong, Jongro-gu, Seoul, Korea',
    'real/filings/r024.txt': '99, Seorin-dong, Jongro-gu, Seoul, Korea',
    'real/filings/r025.txt': 'Avenida República do Chile, 65, 20035-900 - Rio de Janeiro, RJ, Federative Republic of Brazil',
    'real/filings/r026.txt': '1400 – 570 Granville Street, Vancouver, B.C., Canada V6C 3P1',
    'real/filings/r027.txt': '167, Samseong-dong, Gangnam-gu, Seoul 135-791, Korea',
    'real/filings/r028.txt': '6, Kanda-Surugadai 4-chome, Chiyoda-ku, Tokyo 101-8010, Japan',
    'real/filings/r029.txt': 'Indosat Building, Jalan Medan Merdeka Barat, 21, Jakarta 10110 - Indonesia',
    'real/filings/r030.txt': None,
    'real/filings/r031.txt': 'Alicia Moreau de Justo, No. 50, 1107, Buenos Aires, Argentina',
    'real/filings/r032.txt': '483 Bay Street, 10th Floor, South Tower, Toronto, Ontario M56 2P5',
    'real/filings/r033.txt': 'Alte Tiefenaustrasse 6, 3050 Bern, Switzerland',
    'real/filings/r034.txt': 'VIA CANTU 2, MILAN 20123 ITALY',
    'real/filings/r035.txt': 'POSCO Center, 892 Daechi 4-dong, Kangnam-gu, Seoul, Korea, 135-777',
    'real/filings/r036.txt': 'Tucuman 1, 18th Floor, 1049 Buenos Aires, Argentina',
    'real/filings/r037.txt': 'Avenida Graca Aranha, No. 26, 20005-900 Rio de Janeiro, RJ, Brazil',
    'real/filings/r038.txt': 'Avenida Graça Aranha, No. 26, 20005-900 Rio de Janeiro, RJ, Brazil',
    'real/filings/r039.txt': 'Suite 900 - 510 Burrard Street, Vancouver, BC V6C 3A8',
    'real/filings/r040.txt': 'Gilat House, Yegia Kapayim Street, Daniv Park, Kiryat Arye, Petah Tikva, Israel',
    'real/filings/r041.txt': '1 Sturdee Avenue, Rosebank 2196, South Africa',
    'real/filings/r042.txt': '22 Dai Kwai Street, Tai Po Industrial Estate, Tai Po, New Territories, Hong Kong',
    'real/filings/r043.txt': 'NO. 123, SEC. 3, DA FONG RD. TANTZU, TAICHUNG, TAIWAN',
    'real/filings/r044.txt': 'Zonneoordlaan 17, 6710 BG Ede, The Netherlands, and, 4600 Bohannon Drive, Menlo Park, California USA',
    'real/filings/r045.txt': 'Baron van Nagellstraat 89, 3770 LK Barneveld, The Netherlands, and, 2191 Fox Mill Road, Suite 500, Herndon, Virginia, USA 20171',
    'real/filings/r046.txt': '39, Chemin du Champ-des-Filles, 1228 Plan-les-Ouates, Geneva, Switzerland',
    'real/filings/r047.txt': 'SANHEDRIN BOULEVARD, NORTH INDUSTRIAL ZONE, YAVNE 81101, ISRAEL',
    'real/filings/r048.txt': 'Suite 810, Level 8, Landmark North, 39 Lung Sum Avenue, Sheung Shui, New Territories, Hong Kong',
    'real/filings/r049.txt': None,
    'real/filings/r050.txt': '550 – 580 Hornby Street, Vancouver, British Columbia, CANADA V6C 3B6',
    'real/filings/r051.txt': 'Gustav Mahlerlaan 10, 1082 PP Amsterdam, The Netherlands',
    'real/filings/r052.txt': 'Gustav Mahlerlaan 10, 1082 PP Amsterdam, The Netherlands',
    'real/filings/r053.txt': 'Avenida Marina Nacional No. 329 Colonia Huasteca Mexico, D.F Mexico',
    'real/filings/r054.txt': 'Lago Zurich 245, Plaza Carso / Edificio Telcel, Piso 16, Colonia Ampliación Granada, Miguel Hidalgo, 11529 Mexico City, Mexico',
    'real/filings/r055.txt': 'Santa Rosa 76, Santiago, Chile',
    'real/filings/r056.txt': 'Santa Rosa 76, Santiago, Chile',
    'real/filings/r057.txt': 'The Heath Business & Technical Park, Runcorn, Cheshire, W47 4QF England',
    'real/filings/r058.txt': 'The Heath Business & Technical Park, Runcorn, Cheshire, W47 4QF England',
    'real/filings/r059.txt': 'THAMES COURT, WATLINGTON ROAD, OXFORD OX4 6LY ENGLAND',
    'real/filings/r060.txt': '15 Stanhope Gate, London W1K 1LN, England',
    'real/filings/r061.txt': '5 HaPlada Street, Or-Yehuda, Israel',
    'real/filings/r062.txt': '1 Yahadut Canada Street, Or Yehuda 6037501, Israel',
    'real/filings/r063.txt': "10 Zarhin Street, Ra'anana 43000, Israel",
    'real/filings/r064.txt': '10 Zarhin Street, Ra’anana 43000, Israel',
    'real/filings/r065.txt': '9 Hapsagot St., Park Ofer B, P.O. Box 3143, Petach-Tikva, 4951041, Israel',
    'real/filings/r066.txt': '9 Hapsagot St., Park Ofer 2, P.O. Box, 3143, Petach-Tikva, 4951040, Israel',
    'real/filings/r067.txt': '4 Messogiou & Evropis Street, 151 24 Maroussi, Greece',
    'real/filings/r068.txt': '1, Vassilissis Sofias Meg. Alexandrou Str., 151, 24 Maroussi, Greece',
    'real/filings/r069.txt': '367 Syngrou Avenue, 175 64 P. Faliro, Athens, Greece',
    'real/filings/r070.txt': '367 Syngrou Avenue, 175 64 P. Faliro, Athens, Greece',
    'real/filings/r071.txt': 'Finnestadveien 28, 4001 Stavanger, Norway',
    'real/filings/r072.txt': '1, Toyota-cho, Toyota City, Aichi Prefecture 471-8571, Japan',
    'real/filings/r073.txt': 'D-65926 Frankfurt am Main, Germany',
    'real/filings/r074.txt': 'Bayerwerk, Gebaeude W11, Kaiser-Wilhelm-Allee, 51368 Leverkusen, Germany',
    'real/filings/r075.txt': 'Calle 50 No. 51-66 Medellin, Colombia',
    'real/filings/r076.txt': 'Calle 50 No. 51-66, Medellin, Colombia',
    'real/filings/r077.txt': '21-3 Hsinyi Road Sec. 1, Taipei, Taiwan, 100 R.O.C.',
    'real/filings/r078.txt': '21-3 Hsinyi Road Sec. 1, Taipei, Taiwan, 100 R.O.C.',
    'real/filings/r079.txt': 'Lichtstrasse 35, 4056 Basel, Switzerland',
    'real/filings/r080.txt': 'Lichtstrasse 35, 4056 Basel, Switzerland',
    'real/filings/r081.txt': 'Via Iazzitiello 47, 70029 Santeramo, Italy',
    'real/filings/r082.txt': 'Via Iazzitiello 47, 70029 Santeramo, Italy',
    'real/filings/r083.txt': '7-1-27, Ameerpet, Hyderabad, Andhra Pradesh 500 016, India, +91-40-23731946',
    'real/filings/r084.txt': '8-2-337, Road No. 3, Banjara Hills, Hyderabad, Telangana 500 034, India, +91-40-49002900',
    'real/filings/r085.txt': 'CARLOS VILLARAN 790, SANTA CATALINA, LIMA 13, PERU',
    'real/filings/r086.txt': 'CARLOS VILLARAN 790, SANTA CATALINA, LIMA 13, PERU',
    'real/filings/r087.txt': 'Waterside HBA3, PO Box 365, Harmondsworth UB7 0GB',
    'real/filings/r088.txt': 'Waterside HBA3, PO Box 365, Harmondsworth UB7 0GB, United Kingdom',
    'html/filings/h003.htm': 'FORUSBEEN 50, N-4035, STAVANGER, NORWAY',
    'html/filings/h004.htm': 'Of our subsidiary, Banco de Credito del Peru:, Calle Centenario 156, La Molina, Lima 12, Peru',
    'seeds/hanaro-2002-11.txt': 'Kukje Electronics Center Bldg., 24th Floor, Seocho-dong 1445-3, Seocho-ku, Seoul, Korea 137-728',
    'seeds/hanaro-2003-04.txt': 'Kukje Electronics Center Bldg., 24th Floor, Seocho-dong 1445-3, Seocho-ku, Seoul, Korea 137-728',
}


@pytest.mark.parametrize("name", sorted(ADDRESSES))
def test_address(name):
    assert sixk_grammar.parse((CORPUS / name).read_bytes())["cover"]["address"] == ADDRESSES[name]


def test_every_corpus_file_has_its_address_checked():
    files = sorted(str(p.relative_to(CORPUS)) for pattern in ("*.txt", "*.htm") for p in CORPUS.rglob(pattern))
    assert sorted(ADDRESSES) == files


@pytest.mark.parametrize("name,line,end_line", [
    ("r022", 94, 115),    # "By:" to the title's last line, "Corporate Administration Division"
    ("r069", 29, 35),     # "By:" to "President"
    ("r087", 70, 75),     # the date and the name glued to the title
])
def test_signature_spans(name, line, end_line):
    signer = sixk_grammar.parse((CORPUS / "real" / "filings" / f"{name}.txt").read_bytes())["signatures"][0]
    assert (signer["line"], signer["end_line"]) == (line, end_line)


def test_marks_stand_where_the_text_has_them():
    """h004: "Form 20-F &#9746; Form 40-F &#9744;" on line 53 of the HTML."""
    marks = sixk_grammar.parse((CORPUS / "html" / "filings" / "h004.htm").read_bytes())["cover"]["marks"]
    options = marks["annual_report_form"]["options"]
    assert [(o["option"], o["marked"], o["line"]) for o in options] == [("20-F", True, 53), ("40-F", False, 53)]
