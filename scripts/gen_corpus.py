#!/usr/bin/env python3
"""Deterministic domain-name corpus generator for the dncheck benchmarks.

Writes ``CATEGORY<TAB>NAME`` lines (UTF-8, LF, no header) in a seeded,
shuffled order. Reruns with the same arguments are byte-identical.

Usage:
    python3 scripts/gen_corpus.py [--out PATH] [--count N]

Categories (shares of --count, rounded down; the remainder goes to ascii):
    ascii      60%  plain lowercase registrable ASCII names
    subdomain  10%  ascii names with 1-3 subdomain labels in front
    chinese    10%  Chinese IDNs (some traditional, some mixed with ASCII,
                    some with ideographic/fullwidth dots as separators)
    other_idn   5%  non-Chinese IDNs (Latin with diacritics, Japanese, Korean,
                    Cyrillic, Greek, and ~15% Arabic/Hebrew right-to-left)
    punycode    5%  A-label (xn--) forms of names like the two above
    variant     5%  valid names that need UTS #46 mapping (uppercase,
                    fullwidth, NFD, trailing root dot)
    invalid     5%  names rejected by UTS #46 with CheckHyphens,
                    UseSTD3ASCIIRules, CheckBidi, CheckJoiners and
                    VerifyDnsLength (non-transitional)

Python 3.11 standard library only; no network access.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from pathlib import Path

SEED = 20261122
DEFAULT_COUNT = 10_000
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "benches" / "data" / "corpus.tsv"

# Share of each category in percent; ascii takes whatever is left over.
SHARES = {
    "ascii": 60,
    "subdomain": 10,
    "chinese": 10,
    "other_idn": 5,
    "punycode": 5,
    "variant": 5,
    "invalid": 5,
}


def _words(text: str) -> list[str]:
    """Split a whitespace-separated word list, dropping duplicates, keeping order."""
    return list(dict.fromkeys(text.split()))


def _chars(text: str) -> list[str]:
    """Split a string of characters (whitespace ignored), dropping duplicates."""
    return list(dict.fromkeys(c for c in text if not c.isspace()))


# ---------------------------------------------------------------------------
# ASCII material
# ---------------------------------------------------------------------------

ASCII_TOKENS = _words(
    """
    apple blue cloud data fast green home info king light market net news
    open page quick real shop smart star sun tech top web world zone best
    book buy car city code cool deal easy food free fun game gold good great
    group hub live love mail media mobile money music my one online photo
    pro plus red sale search secure service soft sport store team travel
    true video vision wave wise auto bank bay bit blog box bright build
    care cash chat click coffee craft daily design digital direct dream
    eco edge express family farm fashion film first fit fix flow fly forest
    fresh friend future garden gear glass global go hello help hero high
    hill host hot house idea image inn island jet joy key kids lab land
    lake lead learn life line link local logic lucky magic main map max
    meta mind mint moon motor nature nest next nova ocean office orange
    palm park path peak pet pixel planet play point power prime pure rain
    ranch rapid river road rock rose royal safe sail sand school sea
    shine silver simple sky snow social solar solid space spark speed
    spring square stone street studio style summer super swift tea tiger
    time tour town toy trade tree trip union urban valley value view
    village wall water way wild win wind wood work yard yellow young zen
    alpha beta delta omega sigma gamma apex atlas axis bold core crest
    echo ember flux forge fusion grid halo icon ion jade karma lumen
    matrix nexus nimbus onyx orbit pulse quantum quest radar sonic summit
    terra titan vertex vortex zenith
    ly io ify ora ex on ix ia eo ara ova una ella ico ster
    bio geo neo net app soft tek tron ware works labs hq now spot base
    camp cart hut kit mart nest pad pod shack hive lane den dock
    china asia euro east west north south metro global inter trans
    hua long tian xin yun jia ming wei sheng feng hai bao fu kang li
    shang hong jin da zhong guo bei nan dong mei xiang
    acme zenco voxa kiva lumo tova zumi novo rivo quix zapp yolo
    """
)

ASCII_SUBDOMAINS = _words(
    """
    www www www www mail api cdn m blog shop dev static img
    app admin news docs support help portal login account secure beta
    test staging assets media files download mobile en cn de jp us eu
    web ftp smtp imap ns1 ns2 vpn git wiki forum store pay status
    """
)
# keep some duplicates of www on purpose: it is by far the most common prefix
ASCII_SUBDOMAINS = ["www"] * 6 + [s for s in ASCII_SUBDOMAINS if s != "www"]

# (tld, weight); com gets ~46% of the weight (about 44% of the output after
# de-duplication, which mostly discards short .com names).
ASCII_TLDS = [
    ("com", 48.0), ("net", 6.0), ("org", 5.0), ("cn", 4.0), ("com.cn", 2.0),
    ("de", 4.0), ("uk", 0.5), ("co.uk", 2.0), ("io", 2.5), ("jp", 1.5),
    ("co.jp", 0.5), ("ru", 2.5), ("info", 1.5), ("xyz", 1.5), ("top", 1.5),
    ("app", 1.0), ("dev", 1.0), ("fr", 1.5), ("nl", 1.2), ("br", 0.5),
    ("com.br", 1.0), ("in", 0.8), ("co.in", 0.4), ("au", 0.3), ("com.au", 1.0),
    ("it", 1.0), ("es", 0.8), ("ca", 0.8), ("us", 0.6), ("co", 0.8),
    ("me", 0.6), ("tv", 0.4), ("biz", 0.4), ("pl", 0.8), ("eu", 0.5),
    ("ch", 0.5), ("se", 0.4), ("online", 0.4), ("site", 0.4), ("shop", 0.4),
    ("club", 0.3), ("cc", 0.3), ("vip", 0.3), ("ai", 0.4), ("kr", 0.3),
    ("co.kr", 0.3), ("tw", 0.3), ("com.tw", 0.3), ("hk", 0.2), ("com.hk", 0.2),
    ("tech", 0.3), ("store", 0.3), ("net.cn", 0.3), ("org.cn", 0.2),
]

# ---------------------------------------------------------------------------
# Chinese material
# ---------------------------------------------------------------------------

# Characters written the same way in simplified and traditional Chinese.
HAN_NEUTRAL = _chars(
    """
    中大人山水天日月火木金土上下小文明家美好新世界和平安心生活光春花星
    海江河北京南西公司方正福信名品商城市百千多少老友朋字工作手科技意
    尚幸健康食旅游音影片物企服官牌居汽房教育培金融保理法律咨告媒站建
    件智能制造茶酒店餐超鞋帽珠首化容外母童玩具材修五械源流快交通航空
    船舶石油力研究出版社地王林森田青白紫雪夏秋冬雨虎牛羊狗兔米豆果菜
    包味香甜高低短合同志利吉祥如旺成功立宏盛泰静思想念情德善仁智忠孝
    勇耀辰宇宙球墨
    """
)

# Common simplified-only characters (they have distinct traditional forms).
HAN_SIMPLIFIED_ONLY = _chars(
    """
    国网华东电视书车门学会长开关云龙马鸟鱼语说读买卖乐体医药银
    业们时为来个这进对动发经现实际点机环团园图区风飞铁钱丽宝贝货
    币录听艺术欢爱广场产厂远连达过选议设计论话让识记许证运农气号
    阳头题颜类饭馆万与专两严丰临举乔亚亲亿从仓价众优伙伟传伦侠侣
    侨俭债储兴兰养军冲决况净凉凤创别剧办务励劳势协单卫厅历厦县参
    双变叶号启吴员响圆圣块坚坛墙壮声处备复够奋奖妆妇妈娱婴宁实宠
    审宫宽宾寻导寿将尔尘层屿岁岗岛岭岳峡师帐帮带庄庆库应庙异张弯
    强归当忆怀态总恋惊愿戏扩扬护报担拥择挂挥换据摄摆携数断无旧显
    晓暂杂权条杨杰极构枫柜标栋栏树样档桥检楼横欧毕汇汉汤沟泽洁洒
    浅测济浓涂涛润涨渐渔温湾满滨澜灯灵灿炉烟烧热焕爷牵狮独献猪猫
    玛现画畅疗盐监盖盘矿码砖础确礼离种积称税稳窝竞笔签简篮粮紧红
    约级纪纯纱纲纳纸纹纺线练组细织终绍经结绘给络统继绩续维绵绸综
    绿缓编缘罗职联聪肤胜乡频购训询软饮饰鲜钢递财险资
    """
)
HAN_SIMPLIFIED = HAN_NEUTRAL + [c for c in HAN_SIMPLIFIED_ONLY if c not in HAN_NEUTRAL]

# Traditional characters (with distinct simplified forms).
HAN_TRADITIONAL_ONLY = _chars(
    """
    國網華東電視書車門學會長開關雲龍馬鳥魚語說讀買賣樂體醫藥銀
    灣臺業們時為來個當這進對動發經現實際點機環團園圖區風飛鐵錢
    麗寶貝貨幣錄聽藝術歡愛廣場產廠遠連達過選議設計論話讓識記許
    證運農氣號陽頭題顏類飯館萬與專嚴豐臨舉喬亞親億從倉價眾優夥
    偉傳倫俠侶僑儉債儲興蘭養軍衝決淨涼鳳創別劇辦務勵勞勢協單衛
    廳歷廈縣參雙變葉號啟吳員圓聖塊堅壇牆壯聲處備複夠奮獎妝婦媽
    娛嬰寧實寵審宮寬賓尋導壽將爾塵層嶼歲崗島嶺嶽峽師帳幫帶莊慶
    庫應廟異張彎強歸當憶懷態總戀驚願戲擴揚護報擔擁擇掛揮換據攝
    擺攜數斷無舊顯曉暫雜權條楊傑極構楓櫃標棟欄樹樣檔橋檢樓橫歐
    畢匯漢湯溝澤潔灑淺測濟濃塗濤潤漲漸漁溫灣滿濱瀾燈靈燦爐煙燒
    熱煥爺牽獅獨獻豬貓瑪畫暢療鹽監蓋盤礦碼磚礎確禮離種積稱稅穩
    窩競筆簽簡籃糧緊紅約級紀純紗綱納紙紋紡線練組細織終紹經結繪
    給絡統繼績續維綿綢綜綠緩編緣羅職聯聰膚勝鄉頻購訓詢軟飲飾鮮
    鋼遞財險資
    """
)
HAN_TRADITIONAL = HAN_NEUTRAL + [c for c in HAN_TRADITIONAL_ONLY if c not in HAN_NEUTRAL]

for _c in HAN_SIMPLIFIED + HAN_TRADITIONAL:
    assert "\u4e00" <= _c <= "\u9fff", _c

CHINESE_TLDS_SIMPLIFIED = [
    ("中国", 16.0), ("中國", 3.0), ("公司", 7.0), ("网络", 7.0), ("cn", 20.0),
    ("com", 18.0), ("com.cn", 10.0), ("在线", 4.0), ("网址", 3.0), ("商城", 4.0),
    ("集团", 3.0), ("我爱你", 2.0), ("香港", 1.5), ("台灣", 1.0),
]
CHINESE_TLDS_TRADITIONAL = [
    ("中國", 18.0), ("台灣", 15.0), ("香港", 10.0), ("com", 22.0), ("cn", 6.0),
    ("公司", 5.0), ("com.tw", 8.0), ("tw", 8.0), ("hk", 5.0), ("com.hk", 3.0),
]
CHINESE_SUBDOMAINS = ["www", "www", "www", "m", "shop", "mail", "bbs"]

# Ideographic / fullwidth / halfwidth full stops: UTS #46 maps all to U+002E.
FULLWIDTH_DOTS = ["\u3002", "\uff0e", "\uff61"]

# ---------------------------------------------------------------------------
# Non-Chinese IDN material: (name, weight, idn_words, companion_words, tlds, rtl)
# idn_words contain at least one non-ASCII character; companions may be ASCII
# for Latin scripts. All lowercase and NFC.
# ---------------------------------------------------------------------------

OTHER_LANGS = [
    (
        "german", 12.0,
        _words(
            """
            bücher münchen köln düsseldorf grün schön möbel bäckerei küche
            über müller schröder gärtner wärme glück frühling brücke fähre
            löwe öl äpfel zürich märkte tür würzburg nürnberg lübeck
            göttingen bär schlüssel höhe käse stühle bühne gemüse früchte
            sänger träume häuser hütte mühle zäune fön österreich kärnten
            """
        ),
        _words("berlin haus shop online welt stadt markt laden garten auto reise kunst"),
        [("de", 60.0), ("at", 12.0), ("ch", 12.0), ("com", 10.0), ("eu", 4.0), ("net", 2.0)],
        False,
    ),
    (
        "french", 10.0,
        _words(
            """
            café crème élève été français hôtel château forêt île noël
            pâtisserie père mère société théâtre événement réseau garçon
            façade leçon école étoile fenêtre bière fromagerie côte rivière
            bibliothèque santé média musée lycée cinéma éducation épicerie
            boîte marché général numérique déco métro
            """
        ),
        _words("paris maison boutique monde ville atelier jardin voyage"),
        [("fr", 60.0), ("be", 10.0), ("ca", 10.0), ("ch", 8.0), ("com", 10.0), ("eu", 2.0)],
        False,
    ),
    (
        "spanish", 9.0,
        _words(
            """
            españa niño señor mañana año piña jalapeño diseño compañía
            música canción teléfono información corazón educación camión
            árbol jardín fútbol pingüino montaña cumpleaños pequeño sueño
            baño dueño cañón vehículo línea energía tecnología méxico
            perú bogotá médico
            """
        ),
        _words("casa tienda mundo ciudad viaje playa sol"),
        [("es", 40.0), ("mx", 15.0), ("ar", 10.0), ("co", 10.0), ("cl", 8.0), ("com", 12.0), ("pe", 5.0)],
        False,
    ),
    (
        "nordic", 8.0,
        _words(
            """
            smørrebrød blåbær ærø øl københavn göteborg malmö åland tromsø
            mjølk fjäll räksmörgås skåne ålesund jönköping västerås örebro
            sjö hästar bærum århus ørsted fiskebåt själv kött fåglar
            þingvellir reykjavík ísland sögur
            """
        ),
        _words("nord hus bok by skog mat"),
        [("se", 30.0), ("no", 25.0), ("dk", 25.0), ("fi", 8.0), ("is", 7.0), ("com", 5.0)],
        False,
    ),
    (
        "polish", 6.0,
        _words(
            """
            łódź kraków gdańsk poznań wrocław żółw źródło książka pięć
            zażółć gęś jabłko świat ślązak bielsko-biała częstochowa
            sklep-żywność łazienka wiśnia różne wędrówka ogród-kwiatów
            """
        ),
        _words("dom sklep miasto auto sport"),
        [("pl", 80.0), ("com.pl", 10.0), ("com", 10.0)],
        False,
    ),
    (
        "czech", 5.0,
        _words(
            """
            čeština říjen škoda plzeň české žluťoučký kůň příklad ústí
            děčín třebíč zámek pivovar-plzeň kočka město dárky obchůdek
            """
        ),
        _words("praha hrad brno dum auto"),
        [("cz", 75.0), ("sk", 15.0), ("com", 10.0)],
        False,
    ),
    (
        "turkish", 6.0,
        _words(
            """
            türkiye ışık çiçek güneş şehir öğrenci ağaç kuş doğa yazılım
            kitapçı çay ılık kütüphane müzik yağmur gül bahçe-çiçek
            ekmekçi düğün
            """
        ),
        _words("ev kitap deniz yol"),
        [("tr", 45.0), ("com.tr", 40.0), ("com", 15.0)],
        False,
    ),
    (
        "japanese", 12.0,
        _words(
            """
            例え にほん にっぽん とうきょう おおさか さくら やま うみ ねこ
            いぬ 日本 東京 大阪 京都 会社 写真 音楽 旅行 ゲーム カメラ
            コーヒー ラーメン すし てんき ニュース ショップ ホテル サービス
            アニメ まんが 北海道 横浜 名古屋 料理 不動産 求人 ことば はな
            """
        ),
        _words("ねっと しごと おみせ"),
        [("jp", 60.0), ("co.jp", 10.0), ("com", 15.0), ("コム", 7.0), ("みんな", 5.0), ("net", 3.0)],
        False,
    ),
    (
        "korean", 10.0,
        _words(
            """
            한국 도메인 서울 부산 사랑 학교 회사 음악 여행 사진 쇼핑 게임
            뉴스 날씨 커피 김치 친구 가족 시장 은행 병원 대학교 인터넷
            컴퓨터 제주 대구 인천 광주
            """
        ),
        _words("닷컴 센터 몰"),
        [("kr", 35.0), ("한국", 25.0), ("co.kr", 10.0), ("com", 20.0), ("net", 10.0)],
        False,
    ),
    (
        "cyrillic", 12.0,
        _words(
            """
            пример москва сайт магазин новости книги россия погода работа
            музыка фото кино игры дом мир город компания банк такси доставка
            ремонт цветы подарки одежда обувь мебель квартира школа спорт
            здоровье еда вода київ україна софия
            """
        ),
        _words("онлайн центр клуб"),
        [("рф", 40.0), ("рус", 8.0), ("москва", 5.0), ("онлайн", 5.0), ("сайт", 5.0),
         ("ru", 10.0), ("com", 15.0), ("укр", 4.0), ("бг", 3.0), ("su", 2.0), ("net", 3.0)],
        False,
    ),
    (
        "greek", 4.0,
        # no word contains the final sigma (a UTS #46 deviation character)
        _words("παράδειγμα ελλάδα αθήνα θάλασσα βιβλίο σπίτι καφέ μουσική ταξίδι νησί κρήτη"),
        _words("δίκτυο"),
        [("gr", 50.0), ("ελ", 25.0), ("com", 20.0), ("eu", 5.0)],
        False,
    ),
    (
        "arabic", 11.0,
        # Arabic letters only (no digits, no tatweel, no diacritics)
        _words(
            """
            مثال موقع شبكة مصر السعودية عربي اختبار كتاب سوق متجر بيت شمس
            قمر بحر مدينة جامعة مدرسة أخبار رياضة سفر طعام صحة بنك خدمات
            القاهرة دبي عمان بغداد تعليم سيارات عقارات فندق مطعم قهوة ورد
            هدايا ملابس أثاث صور أفلام ألعاب كتب تسوق
            """
        ),
        _words("عالم نور"),
        [("إختبار", 15.0), ("مصر", 10.0), ("السعودية", 10.0), ("امارات", 8.0),
         ("عرب", 8.0), ("موقع", 6.0), ("شبكة", 6.0), ("com", 25.0), ("net", 7.0), ("org", 5.0)],
        True,
    ),
    (
        "hebrew", 5.5,
        _words(
            """
            דוגמה ישראל שלום בית ספר אתר חנות מחשב עולם חדשות מוזיקה אוכל ים
            שמש ירושלים חיפה אביב קפה פרחים ספרים משחקים תמונות מלון מסעדה
            בריאות חינוך
            """
        ),
        _words("טוב"),
        [("ישראל", 35.0), ("com", 30.0), ("co.il", 25.0), ("org.il", 5.0), ("net", 5.0)],
        True,
    ),
]

# Latin/Cyrillic languages whose words survive upper() -> lower() round trips.
CASE_ROUNDTRIP_LANGS = {"german", "french", "spanish", "nordic", "polish", "czech", "cyrillic"}

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def weighted(rng: random.Random, pairs):
    values = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(values, weights=weights, k=1)[0]


def ace_label(label: str) -> str:
    """A-label of one label: unchanged if ASCII, else xn-- + punycode."""
    if label.isascii():
        return label
    assert unicodedata.normalize("NFC", label) == label, label
    assert label == label.lower(), label
    return "xn--" + label.encode("punycode").decode("ascii")


def to_ascii(name: str) -> str:
    return ".".join(ace_label(lbl) for lbl in name.split("."))


def dns_ok(name: str) -> bool:
    """Length limits on the A-label form of a canonical (lowercase, ASCII-dot) name."""
    ace = to_ascii(name.rstrip("."))
    labels = ace.split(".")
    return len(ace) <= 253 and all(1 <= len(lbl) <= 63 for lbl in labels)


def ldh_ok(label: str) -> bool:
    """Conservative LDH label check (STD3 + CheckHyphens)."""
    return (
        1 <= len(label) <= 63
        and all(c.isascii() and (c.isalnum() or c == "-") for c in label)
        and label == label.lower()
        and not label.startswith("-")
        and not label.endswith("-")
        and label[2:4] != "--"
    )


def digits(rng: random.Random, lo: int = 1, hi: int = 4) -> str:
    return "".join(rng.choice("0123456789") for _ in range(rng.randint(lo, hi)))


# ---------------------------------------------------------------------------
# generators for the valid categories
# ---------------------------------------------------------------------------


def ascii_label(rng: random.Random) -> str:
    while True:
        n = rng.choices([1, 2, 3], weights=[18, 62, 20], k=1)[0]
        toks = [rng.choice(ASCII_TOKENS) for _ in range(n)]
        sep = "-" if (n > 1 and rng.random() < 0.2) else ""
        label = sep.join(toks)
        r = rng.random()
        if r < 0.12:
            label += digits(rng)
        elif r < 0.16:
            label = digits(rng, 1, 3) + label
        elif r < 0.19 and n == 1:
            label = label + rng.choice(["4", "2", "-24", "-365", "360", "123"]) + rng.choice(ASCII_TOKENS)
        if 3 <= len(label) <= 25 and ldh_ok(label):
            return label


def gen_ascii(rng: random.Random) -> str:
    return f"{ascii_label(rng)}.{weighted(rng, ASCII_TLDS)}"


def gen_subdomain(rng: random.Random) -> str:
    n = rng.choices([1, 2, 3], weights=[70, 24, 6], k=1)[0]
    subs: list[str] = []
    while len(subs) < n:
        if rng.random() < 0.7:
            tok = rng.choice(ASCII_SUBDOMAINS)
        else:
            tok = rng.choice(ASCII_TOKENS)
            if rng.random() < 0.15:
                tok += digits(rng, 1, 2)
        if tok not in subs:
            subs.append(tok)
    return ".".join(subs + [gen_ascii(rng)])


def chinese_name(rng: random.Random, allow_subdomain: bool = True) -> str:
    """A canonical Chinese IDN (ASCII dots, lowercase)."""
    trad = rng.random() < 0.20
    pool = HAN_TRADITIONAL if trad else HAN_SIMPLIFIED
    while True:
        han = "".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        if rng.random() < 0.15:
            form = rng.randrange(4)
            if form == 0:
                label = han + digits(rng, 1, 4)
            elif form == 1:
                label = rng.choice(ASCII_TOKENS) + han
            elif form == 2:
                label = han + rng.choice(ASCII_TOKENS)
            else:
                label = digits(rng, 1, 3) + han
        else:
            label = han
        tld = weighted(rng, CHINESE_TLDS_TRADITIONAL if trad else CHINESE_TLDS_SIMPLIFIED)
        name = f"{label}.{tld}"
        if allow_subdomain and rng.random() < 0.08:
            name = f"{rng.choice(CHINESE_SUBDOMAINS)}.{name}"
        if dns_ok(name):
            return name


def gen_chinese(rng: random.Random) -> str:
    name = chinese_name(rng)
    if rng.random() < 0.25:
        seps = [i for i, c in enumerate(name) if c == "."]
        k = rng.randint(1, len(seps))
        chosen = set(rng.sample(seps, k))
        name = "".join(rng.choice(FULLWIDTH_DOTS) if i in chosen else c for i, c in enumerate(name))
    return name


def other_idn_parts(rng: random.Random):
    lang = weighted(rng, [(entry, entry[1]) for entry in OTHER_LANGS])
    key, _, idn_words, companions, tlds, rtl = lang
    while True:
        word = rng.choice(idn_words)
        r = rng.random()
        if r < 0.30:
            other = rng.choice(idn_words + companions)
            if other == word:
                continue
            if key in ("japanese", "korean") or rtl:
                label = word + other if rng.random() < 0.5 else other + word
            else:
                joiner = "-" if rng.random() < 0.5 else ""
                label = joiner.join([word, other] if rng.random() < 0.6 else [other, word])
        elif r < 0.40 and not rtl:
            label = word + digits(rng, 1, 3)
        else:
            label = word
        name = f"{label}.{weighted(rng, tlds)}"
        if dns_ok(name) and "--" not in label:
            return key, name


def gen_other_idn(rng: random.Random) -> str:
    return other_idn_parts(rng)[1]


def gen_punycode(rng: random.Random) -> str:
    while True:
        if rng.random() < 0.5:
            name = chinese_name(rng)
        else:
            name = gen_other_idn(rng)
        ace = to_ascii(name)
        if ace != name:
            return ace


FW_OFFSET = 0xFF01 - 0x21  # fullwidth forms of ASCII 0x21..0x7E


def fullwidth(s: str, upper: bool = False) -> str:
    out = []
    for c in s:
        if c.isascii() and c.isalnum():
            c = c.upper() if upper else c
            out.append(chr(ord(c) + FW_OFFSET))
        else:
            out.append(c)
    return "".join(out)


def recase(rng: random.Random, name: str) -> str:
    labels = name.split(".")
    mode = rng.randrange(5)
    if mode == 0:  # Title.Case.Every.Label
        labels = [lbl[:1].upper() + lbl[1:] for lbl in labels]
    elif mode == 1:  # ALL UPPER
        labels = [lbl.upper() for lbl in labels]
    elif mode == 2:  # Upper TLD only, title SLD
        labels = [lbl[:1].upper() + lbl[1:] for lbl in labels[:-1]] + [labels[-1].upper()]
    elif mode == 3:  # WWW.Example.COM style
        labels = ["WWW"] + [lbl[:1].upper() + lbl[1:] for lbl in labels[:-1]] + [labels[-1].upper()]
    else:  # random letters upper
        labels = ["".join(c.upper() if rng.random() < 0.35 else c for c in lbl) for lbl in labels]
    return ".".join(labels)


def gen_variant(rng: random.Random) -> str:
    kind = weighted(
        rng,
        [("upper", 30), ("fullwidth", 20), ("zh_upper_tld", 13), ("root_dot", 20), ("idn_upper", 12), ("nfd", 5)],
    )
    if kind == "upper":
        while True:
            base = gen_ascii(rng) if rng.random() < 0.75 else gen_subdomain(rng)
            v = recase(rng, base)
            if v != base:
                return v
    if kind == "fullwidth":
        base = gen_ascii(rng)
        sld, _, tld = base.partition(".")
        mode = rng.randrange(4)
        if mode == 0:
            return f"{fullwidth(sld)}.{tld}"
        if mode == 1:
            return f"{fullwidth(sld, upper=True)}.{tld}"
        if mode == 2:
            return f"{fullwidth(sld)}.{fullwidth(tld)}"
        return f"{fullwidth(sld)}\uff0e{fullwidth(tld)}"
    if kind == "zh_upper_tld":
        while True:
            base = chinese_name(rng, allow_subdomain=False)
            labels = base.split(".")
            if any(lbl.isascii() for lbl in labels):
                v = ".".join(lbl.upper() if lbl.isascii() else lbl for lbl in labels)
                if v != base:
                    return v
            elif not labels[0].isascii() and any(c.isascii() and c.isalpha() for c in labels[0]):
                return ".".join([labels[0].upper()] + labels[1:])
    if kind == "root_dot":
        r = rng.random()
        if r < 0.45:
            return gen_ascii(rng) + "."
        if r < 0.60:
            return gen_subdomain(rng) + "."
        if r < 0.85:
            base = chinese_name(rng)
            return base + ("\u3002" if rng.random() < 0.6 else ".")
        return gen_other_idn(rng) + "."
    if kind == "idn_upper":
        while True:
            key, base = other_idn_parts(rng)
            if key not in CASE_ROUNDTRIP_LANGS:
                continue
            sld, _, tld = base.partition(".")
            if rng.random() < 0.5:
                v_sld = sld.upper()
            else:
                v_sld = sld[:1].upper() + sld[1:]
            v_tld = tld.upper() if (tld.isascii() and rng.random() < 0.3) else tld
            v = f"{v_sld}.{v_tld}"
            if v != base and v.lower() == base:
                return v
    # nfd: decomposed Latin diacritics, NFC normalisation recovers the name
    while True:
        key, base = other_idn_parts(rng)
        if key in CASE_ROUNDTRIP_LANGS and key != "cyrillic":
            v = unicodedata.normalize("NFD", base)
            if v != base:
                return v


# ---------------------------------------------------------------------------
# invalid names
# ---------------------------------------------------------------------------

EMPTYISH = [".", "..", "...", "....", "\u3002", "\uff0e\uff0e", ".\u3002", "\uff61", "..\uff0e", ".\uff61."]

ARABIC_WORDS = OTHER_LANGS[-2][2]
HEBREW_WORDS = OTHER_LANGS[-1][2]


def _b36_high(rng: random.Random, n: int) -> str:
    # Punycode digits 0-9 have values 26..35, never below the threshold t
    # (t <= tmax = 26), so the variable-length integer never terminates and
    # decoding fails at the end of the input.
    return "".join(rng.choice("0123456789") for _ in range(n))


def gen_invalid(rng: random.Random) -> str:
    kind = weighted(
        rng,
        [
            ("emptyish", 3), ("empty_label", 8), ("hyphen_edge", 12), ("hyphen34", 7),
            ("underscore", 8), ("punct", 12), ("long_label", 6), ("long_name", 4),
            ("xn_garbage", 10), ("leading_mark", 6), ("joiner", 5), ("bidi", 10),
            ("fw_punct", 4),
        ],
    )
    word = ascii_label(rng)
    tld = weighted(rng, ASCII_TLDS)
    if kind == "emptyish":
        return rng.choice(EMPTYISH)
    if kind == "empty_label":
        form = rng.randrange(5)
        if form == 0:
            return f"{word}..{tld}"
        if form == 1:
            return f".{word}.{tld}"
        if form == 2:
            return f"{rng.choice(ASCII_SUBDOMAINS)}..{word}.{tld}"
        if form == 3:
            return f"{word}.{tld}.."
        return f"..{word}.{tld}"
    if kind == "hyphen_edge":
        form = rng.randrange(4)
        if form == 0:
            return f"-{word}.{tld}"
        if form == 1:
            return f"{word}-.{tld}"
        if form == 2:
            return f"-{word}-.{tld}"
        return f"{rng.choice(ASCII_SUBDOMAINS)}-.{word}.{tld}"
    if kind == "hyphen34":
        while True:
            a = rng.choice(ASCII_TOKENS)
            if len(a) >= 2 and a[:2] != "xn":
                return f"{a[:2]}--{rng.choice(ASCII_TOKENS)}.{tld}"
    if kind == "underscore":
        form = rng.randrange(3)
        if form == 0:
            a, b = rng.choice(ASCII_TOKENS), rng.choice(ASCII_TOKENS)
            return f"{a}_{b}.{tld}"
        if form == 1:
            return f"_{rng.choice(['dmarc', 'domainkey', 'sip', 'tcp', 'acme-challenge'])}.{word}.{tld}"
        return f"{word}.{rng.choice(ASCII_TOKENS)}_{rng.choice(ASCII_TOKENS)}.{tld}"
    if kind == "punct":
        c = rng.choice(" !@#$%&*+=,;~'()[]{}<>?/|^")
        i = rng.randint(1, len(word) - 1)
        if rng.random() < 0.15:
            return f"{rng.choice(['*', '!', '@'])}.{word}.{tld}"
        return f"{word[:i]}{c}{word[i:]}.{tld}"
    if kind == "long_label":
        n = rng.randint(64, 72)
        label = ""
        while len(label) < n:
            label += rng.choice(ASCII_TOKENS)
        return f"{label[:n]}.{tld}"
    if kind == "long_name":
        target = rng.randint(254, 290)
        labels: list[str] = []
        while sum(len(x) + 1 for x in labels) + len(tld) < target:
            lab = ""
            want = rng.randint(20, 63)
            while len(lab) < want:
                lab += rng.choice(ASCII_TOKENS)
            labels.append(lab[:want])
        name = ".".join(labels + [tld])
        assert len(name) > 253 and all(len(x) <= 63 for x in labels)
        return name
    if kind == "xn_garbage":
        form = rng.randrange(5)
        if form == 0:
            return f"xn--{_b36_high(rng, rng.randint(2, 6))}.{tld}"
        if form == 1:
            return f"xn--{rng.choice(ASCII_TOKENS)}-{_b36_high(rng, rng.randint(1, 4))}.{tld}"
        if form == 2:
            c = rng.choice("$!*+=@")
            return f"xn--{rng.choice(ASCII_TOKENS)}{c}.{tld}"
        if form == 3:
            return f"xn--.{tld}"
        return f"{word}.xn--{_b36_high(rng, rng.randint(3, 8))}"
    if kind == "leading_mark":
        mark = rng.choice(["\u0301", "\u0300", "\u0308", "\u0327", "\u0303", "\u030c"])
        if rng.random() < 0.8:
            return f"{mark}{word}.{tld}"
        return f"{rng.choice(ASCII_SUBDOMAINS)}.{mark}{word}.{tld}"
    if kind == "joiner":
        j = rng.choice(["\u200d", "\u200d", "\u200c"])
        i = rng.randint(1, len(word) - 1)
        return f"{word[:i]}{j}{word[i:]}.{tld}"
    if kind == "bidi":
        form = rng.randrange(5)
        tok = rng.choice(ASCII_TOKENS)
        if form == 0:  # LTR letters then a Hebrew letter in one label
            return f"{tok}{rng.choice('אבגדהוזחטיכלמנסעפצקרשת')}.{tld}"
        if form == 1:  # Arabic then Latin in one label (RTL label containing L)
            return f"{rng.choice(ARABIC_WORDS)}{tok}.com"
        if form == 2:  # RTL label starting with a European digit
            return f"{digits(rng, 1, 2)}{rng.choice(ARABIC_WORDS)}.com"
        if form == 3:  # Latin then Arabic in one label
            return f"{tok}{rng.choice(ARABIC_WORDS)}.{tld}"
        return f"{digits(rng, 1, 2)}{rng.choice(HEBREW_WORDS)}.{rng.choice(['com', 'co.il'])}"
    # fw_punct: fullwidth punctuation that maps to a STD3-disallowed ASCII char
    c = rng.choice(["\uff3f", "\uff20", "\uff01", "\uff03", "\uff0b"])  # ＿ ＠ ！ ＃ ＋
    i = rng.randint(1, len(word) - 1)
    return f"{word[:i]}{c}{word[i:]}.{tld}"


GENERATORS = {
    "ascii": gen_ascii,
    "subdomain": gen_subdomain,
    "chinese": gen_chinese,
    "other_idn": gen_other_idn,
    "punycode": gen_punycode,
    "variant": gen_variant,
    "invalid": gen_invalid,
}


def category_counts(total: int) -> dict[str, int]:
    counts = {cat: total * pct // 100 for cat, pct in SHARES.items() if cat != "ascii"}
    counts = {"ascii": total - sum(counts.values()), **counts}
    return counts


def printable(name: str) -> bool:
    return bool(name) and not any(unicodedata.category(c) == "Cc" for c in name)


def generate(count: int) -> tuple[list[str], dict[str, int]]:
    rng = random.Random(SEED)
    counts = category_counts(count)
    seen: set[str] = set()
    lines: list[str] = []
    for cat, n in counts.items():
        gen = GENERATORS[cat]
        for _ in range(n):
            # Prefer distinct names; give up after a bounded number of tries so a
            # tiny pool (e.g. the empty-ish invalid names) cannot loop forever.
            for _attempt in range(200):
                name = gen(rng)
                if name not in seen:
                    break
            assert printable(name), (cat, name)
            seen.add(name)
            lines.append(f"{cat}\t{name}")
    rng.shuffle(lines)
    return lines, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output file (default: {DEFAULT_OUT.relative_to(REPO_ROOT)})")
    ap.add_argument("--count", type=int, default=DEFAULT_COUNT, help=f"number of names (default: {DEFAULT_COUNT})")
    args = ap.parse_args(argv)
    if args.count < 0:
        ap.error("--count must be non-negative")

    lines, counts = generate(args.count)
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    out.write_bytes(data)

    width = max(len(c) for c in counts)
    for cat, n in counts.items():
        print(f"{cat:<{width}}  {n:>6}", file=sys.stderr)
    print(f"{'total':<{width}}  {len(lines):>6}  ({len(data)} bytes) -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
