//! Writes the demo data of the example site at the repository root.
//!
//! The repository root is a complete demo portal for Oita prefecture (大分県).
//! Its figures are the ones the prefecture published (offices and adopted offices
//! per municipality as of 2025-11-30, rates at the end of fiscal 2024), but every
//! office behind them is made up: names end in （架空）, corporations are invented,
//! addresses are in 架空町 and the like, and phone numbers use an all-zero local
//! exchange, which no real number has. The data is generated rather than written
//! by hand so that its shape stays realistic (service mix, care software spelling
//! variants, a licence lapse) while the totals stay exact. The program uses only
//! the standard library and its own seeded generator, so every run writes
//! byte-identical files; rerun it after changing anything here:
//!
//! ```text
//! cargo run --example demo_data [-- SITE_ROOT]
//! rustc --edition 2024 examples/demo_data.rs -o /tmp/demo_data && /tmp/demo_data [SITE_ROOT]
//! ```
//!
//! `SITE_ROOT` defaults to `.`. It writes `data/municipalities.csv`,
//! `data/offices.csv` and one `data/adoption/YYYY-MM-DD.csv` per snapshot date.
//!
//! With `--city` it writes the city portal of `examples/city/` instead: 米子市
//! (鳥取県) with about 340 made-up offices over seven daily-life areas (圏域),
//! the last three snapshot dates, `data/areas.csv` and `data/plans.csv`:
//!
//! ```text
//! cargo run --example demo_data -- --city examples/city
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::{env, fs, io, iter};

use Legal::{Company, Medical, NonProfit, Welfare};

/// Seed of the generator; change it for a different but equally valid data set.
const SEED: u64 = 0x0044_2025_1130_0001;

const PREFECTURE: &str = "大分県";

/// Snapshot dates, oldest first; the last one is the current state.
const DATES: [&str; 6] = [
    "2024-09-30",
    "2024-12-31",
    "2025-03-31",
    "2025-06-30",
    "2025-09-30",
    "2025-11-30",
];
const LATEST: usize = DATES.len() - 1;
/// The first snapshot (2025-09-30) without the offices whose licence lapsed.
const LAPSE_DATE: usize = 4;

/// A municipality and the figures its offices are generated to match.
struct Municipality {
    code: &'static str,
    name: &'static str,
    kana: &'static str,
    /// Telephone area code, for the fictional phone numbers.
    area_code: &'static str,
    /// Daily-life areas (圏域) the offices are spread over; none when empty.
    areas: &'static [&'static str],
    /// All offices, and the care-manager offices among them.
    offices: usize,
    cm_offices: usize,
    /// Offices listed in each snapshot of `DATES`.
    adopted: [usize; DATES.len()],
    /// Care-manager offices listed in the latest snapshot.
    cm_adopted: usize,
    /// Whether one office lets its licence lapse: it is listed (and counted in
    /// `adopted`) up to the snapshot before `LAPSE_DATE` and never again.
    lapse: bool,
}

const OITA_AREAS: [&str; 5] = ["中央圏域", "東部圏域", "西部圏域", "南部圏域", "北部圏域"];
const THREE_AREAS: [&str; 3] = ["北部圏域", "中部圏域", "南部圏域"];

/// Oita's 18 municipalities in national code order. The four priority
/// municipalities carry the published figures; the other fourteen share the
/// rest of the prefecture's totals roughly by population.
#[rustfmt::skip]
const MUNICIPALITIES: [Municipality; 18] = [
    Municipality { code: "442011", name: "大分市", kana: "おおいたし", area_code: "097", areas: &OITA_AREAS,
        offices: 1135, cm_offices: 164, adopted: [30, 48, 79, 104, 140, 166], cm_adopted: 24, lapse: true },
    Municipality { code: "442020", name: "別府市", kana: "べっぷし", area_code: "0977", areas: &THREE_AREAS,
        offices: 490, cm_offices: 50, adopted: [5, 8, 12, 13, 16, 18], cm_adopted: 5, lapse: false },
    Municipality { code: "442038", name: "中津市", kana: "なかつし", area_code: "0979", areas: &THREE_AREAS,
        offices: 219, cm_offices: 26, adopted: [4, 12, 79, 80, 82, 84], cm_adopted: 19, lapse: false },
    Municipality { code: "442046", name: "日田市", kana: "ひたし", area_code: "0973", areas: &[],
        offices: 192, cm_offices: 37, adopted: [1, 1, 2, 9, 30, 48], cm_adopted: 10, lapse: false },
    Municipality { code: "442054", name: "佐伯市", kana: "さいきし", area_code: "0972", areas: &[],
        offices: 355, cm_offices: 36, adopted: [2, 4, 6, 7, 8, 9], cm_adopted: 3, lapse: false },
    Municipality { code: "442062", name: "臼杵市", kana: "うすきし", area_code: "0972", areas: &[],
        offices: 163, cm_offices: 17, adopted: [1, 2, 3, 3, 4, 4], cm_adopted: 2, lapse: false },
    Municipality { code: "442071", name: "津久見市", kana: "つくみし", area_code: "0972", areas: &[],
        offices: 70, cm_offices: 7, adopted: [0, 0, 0, 0, 0, 0], cm_adopted: 0, lapse: false },
    Municipality { code: "442089", name: "竹田市", kana: "たけたし", area_code: "0974", areas: &[],
        offices: 120, cm_offices: 12, adopted: [0, 0, 1, 1, 1, 1], cm_adopted: 1, lapse: false },
    Municipality { code: "442097", name: "豊後高田市", kana: "ぶんごたかだし", area_code: "0978", areas: &[],
        offices: 110, cm_offices: 11, adopted: [0, 1, 1, 1, 2, 2], cm_adopted: 1, lapse: false },
    Municipality { code: "442101", name: "杵築市", kana: "きつきし", area_code: "0978", areas: &[],
        offices: 86, cm_offices: 13, adopted: [0, 0, 0, 3, 38, 59], cm_adopted: 13, lapse: false },
    Municipality { code: "442119", name: "宇佐市", kana: "うさし", area_code: "0978", areas: &[],
        offices: 280, cm_offices: 29, adopted: [1, 2, 4, 6, 6, 7], cm_adopted: 2, lapse: true },
    Municipality { code: "442127", name: "豊後大野市", kana: "ぶんごおおのし", area_code: "0974", areas: &[],
        offices: 170, cm_offices: 18, adopted: [0, 1, 2, 2, 3, 3], cm_adopted: 1, lapse: false },
    Municipality { code: "442135", name: "由布市", kana: "ゆふし", area_code: "097", areas: &[],
        offices: 150, cm_offices: 15, adopted: [1, 2, 3, 4, 5, 5], cm_adopted: 2, lapse: false },
    Municipality { code: "442143", name: "国東市", kana: "くにさきし", area_code: "0978", areas: &[],
        offices: 125, cm_offices: 13, adopted: [0, 0, 0, 0, 0, 0], cm_adopted: 0, lapse: false },
    Municipality { code: "443221", name: "姫島村", kana: "ひめしまむら", area_code: "0978", areas: &[],
        offices: 8, cm_offices: 1, adopted: [0, 0, 0, 0, 0, 0], cm_adopted: 0, lapse: false },
    Municipality { code: "443417", name: "日出町", kana: "ひじまち", area_code: "0977", areas: &[],
        offices: 135, cm_offices: 14, adopted: [1, 2, 2, 3, 3, 4], cm_adopted: 1, lapse: false },
    Municipality { code: "444618", name: "九重町", kana: "ここのえまち", area_code: "0973", areas: &[],
        offices: 40, cm_offices: 4, adopted: [0, 0, 0, 0, 0, 0], cm_adopted: 0, lapse: false },
    Municipality { code: "444626", name: "玖珠町", kana: "くすまち", area_code: "0973", areas: &[],
        offices: 60, cm_offices: 6, adopted: [0, 0, 1, 1, 1, 1], cm_adopted: 0, lapse: false },
];

/// The kind of corporation that runs an office.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Legal {
    /// 社会福祉法人
    Welfare,
    /// 医療法人
    Medical,
    /// 株式会社, 有限会社, 合同会社
    Company,
    /// NPO法人, 一般社団法人, 生活協同組合
    NonProfit,
}

/// Fictional corporations with weights: a few run many offices, most a handful.
const CORPORATIONS: [(&str, Legal, u32); 30] = [
    ("社会福祉法人架空の森福祉会", Welfare, 20),
    ("社会福祉法人見本の里", Welfare, 12),
    ("社会福祉法人ゆめ架空会", Welfare, 8),
    ("社会福祉法人ためしの郷", Welfare, 6),
    ("社会福祉法人架空の丘会", Welfare, 4),
    ("社会福祉法人デモ恵和会", Welfare, 3),
    ("社会福祉法人架空寿会", Welfare, 2),
    ("社会福祉法人サンプル福祉会", Welfare, 2),
    ("医療法人社団架空会", Medical, 15),
    ("医療法人見本会", Medical, 10),
    ("医療法人デモ整形外科会", Medical, 5),
    ("医療法人架空クリニック会", Medical, 4),
    ("医療法人社団サンプル会", Medical, 3),
    ("医療法人架空病院会", Medical, 2),
    ("医療法人ためし内科会", Medical, 1),
    ("株式会社デモケア", Company, 20),
    ("株式会社サンプルライフ", Company, 10),
    ("株式会社架空ホールディングス", Company, 8),
    ("有限会社架空ケアサービス", Company, 5),
    ("株式会社デモホームケア", Company, 5),
    ("合同会社ためしケア", Company, 3),
    ("株式会社テストライフサポート", Company, 3),
    ("株式会社モデルケアプラン", Company, 2),
    ("株式会社ダミーメディカル", Company, 2),
    ("有限会社見本福祉用具", Company, 2),
    ("合同会社架空ヘルパーズ", Company, 1),
    ("特定非営利活動法人架空ささえあいネット", NonProfit, 5),
    ("生活協同組合架空コープ", NonProfit, 3),
    ("特定非営利活動法人デモ福祉の会", NonProfit, 2),
    ("一般社団法人架空在宅医療会", NonProfit, 2),
];

/// Name stems and their readings.
#[rustfmt::skip]
const STEMS: [(&str, &str); 40] = [
    ("さくら", "サクラ"), ("サクラ", "サクラ"), ("桜", "サクラ"), ("桜ヶ丘", "サクラガオカ"),
    ("ひまわり", "ヒマワリ"), ("あおば", "アオバ"), ("青葉", "アオバ"), ("こもれび", "コモレビ"),
    ("湯けむり", "ユケムリ"), ("かぼす", "カボス"), ("豊の里", "トヨノサト"), ("星の丘", "ホシノオカ"),
    ("ひなた", "ヒナタ"), ("すみれ", "スミレ"), ("つばき", "ツバキ"), ("椿", "ツバキ"),
    ("やすらぎ", "ヤスラギ"), ("なごみ", "ナゴミ"), ("みどり", "ミドリ"), ("緑風", "リョクフウ"),
    ("海風", "ウミカゼ"), ("やまゆり", "ヤマユリ"), ("清流", "セイリュウ"), ("若葉", "ワカバ"),
    ("にじいろ", "ニジイロ"), ("たんぽぽ", "タンポポ"), ("あじさい", "アジサイ"), ("春風", "ハルカゼ"),
    ("朝日", "アサヒ"), ("白梅", "シラウメ"), ("城山", "シロヤマ"), ("架空の森", "カクウノモリ"),
    ("見本の郷", "ミホンノサト"), ("ゆずりは", "ユズリハ"), ("つくし", "ツクシ"), ("いずみ", "イズミ"),
    ("すずらん", "スズラン"), ("のぞみ", "ノゾミ"), ("はなみずき", "ハナミズキ"), ("ふれあい", "フレアイ"),
];

/// Out of 100 names, how many use the municipality's name instead of a stem.
const PLACE_NAMED_PERCENT: usize = 8;

/// Names drawn for an office before an ordinal tells it from a namesake.
const DRAWS: usize = 4;

/// Appended to a name already taken in the municipality.
const ORDINALS: [(&str, &str); 9] = [
    ("", ""),
    ("第二", "ダイニ"),
    ("第三", "ダイサン"),
    ("第四", "ダイヨン"),
    ("第五", "ダイゴ"),
    ("第六", "ダイロク"),
    ("第七", "ダイナナ"),
    ("第八", "ダイハチ"),
    ("第九", "ダイキュウ"),
];

/// The city of the city portal example and its daily-life areas: (id, name).
#[rustfmt::skip]
const CITY: Municipality = Municipality { code: "312029", name: "米子市", kana: "よなごし", area_code: "0859",
    areas: &["湊山圏域", "義方圏域", "加茂圏域", "弓浜圏域", "箕蚊屋圏域", "淀江圏域", "尚徳圏域"],
    offices: 342, cm_offices: 44, adopted: [0, 0, 0, 61, 88, 113], cm_adopted: 17, lapse: false };
const CITY_AREA_IDS: [&str; 7] = [
    "minatoyama",
    "gihou",
    "kamo",
    "yumigahama",
    "mikawaya",
    "yodoe",
    "shotoku",
];
const CITY_PREFECTURE: &str = "鳥取県";
/// The city portal's snapshots: the last three of `DATES`.
const CITY_FIRST_DATE: usize = 3;
/// Offices not adopted that have declared they will (導入予定).
const CITY_PLANNED: usize = 24;
const CITY_SEED: u64 = 0x0031_2029_2025_1130;

/// The office the demo content points at, in 大分市; adopted from the first snapshot.
const FEATURED: (&str, &str, &str) = ("442011", "サクラ介護センター", "サクラカイゴセンター");

const TOWNS: [&str; 4] = ["架空町", "架空台", "見本町", "架空ヶ丘"];

/// Care software as offices report it, spelling variants and blanks included.
const SOFTWARE: [(&str, u32); 8] = [
    ("みらいケアノート", 35),
    ("ミライケアノート", 5),
    ("つばさ介護クラウド", 25),
    ("ツバサ介護クラウド", 3),
    ("ひだまりケアマネ", 15),
    ("ひだまりケアマネ Pro", 5),
    ("その他", 7),
    ("", 5),
];

/// Snapshots between adopting and starting data exchange; `None` for not yet.
const LINKING_LAG: [(Option<usize>, u32); 6] = [
    (Some(0), 10),
    (Some(1), 28),
    (Some(2), 27),
    (Some(3), 15),
    (Some(4), 12),
    (None, 8),
];

/// A type word of office names, before or after the stem.
struct Label {
    text: &'static str,
    kana: &'static str,
    leading: bool,
}

const fn before(text: &'static str, kana: &'static str) -> Label {
    Label {
        text,
        kana,
        leading: true,
    }
}

const fn after(text: &'static str, kana: &'static str) -> Label {
    Label {
        text,
        kana,
        leading: false,
    }
}

/// What an office does, how it is named and numbered, and who runs it.
struct Kind {
    /// Service type lists (`;`-separated) and their weights.
    services: &'static [(&'static str, u32)],
    /// Leading characters of the office number; the municipality's two digits
    /// and a serial follow. `44A` marks offices of the 総合事業 only.
    prefix: &'static str,
    labels: &'static [Label],
    operators: &'static [Legal],
}

#[rustfmt::skip]
const CARE_PLAN: Kind = Kind {
    services: &[("居宅介護支援", 4), ("居宅介護支援;介護予防支援", 1)], prefix: "4470",
    labels: &[after("居宅介護支援事業所", "キョタクカイゴシエンジギョウショ"),
              before("ケアプランセンター", "ケアプランセンター"), after("ケアプランセンター", "ケアプランセンター"),
              after("介護支援センター", "カイゴシエンセンター")],
    operators: &[Welfare, Medical, Company, NonProfit],
};

/// Community support centres (地域包括支援センター).
#[rustfmt::skip]
const SUPPORT_CENTRE: Kind = Kind {
    services: &[("介護予防支援", 1)], prefix: "4400",
    labels: &[after("地域包括支援センター", "チイキホウカツシエンセンター")],
    operators: &[Welfare, Medical],
};

/// Every other kind of office, with its number of offices in the prefecture
/// (訪問介護 about 400, 特養・老健 about 200, 3% of all offices 総合事業 only).
#[rustfmt::skip]
const SERVICE_KINDS: [(usize, Kind); 22] = [
    (405, Kind { services: &[("訪問介護;第1号訪問事業", 7), ("訪問介護", 3)], prefix: "4410",
        labels: &[after("訪問介護ステーション", "ホウモンカイゴステーション"),
                  after("ヘルパーステーション", "ヘルパーステーション"), after("介護センター", "カイゴセンター"),
                  before("ホームヘルプサービス", "ホームヘルプサービス")],
        operators: &[Welfare, Company, NonProfit] }),
    (30, Kind { services: &[("訪問入浴介護", 1)], prefix: "4410",
        labels: &[after("訪問入浴サービス", "ホウモンニュウヨクサービス")],
        operators: &[Welfare, Company] }),
    (313, Kind { services: &[("訪問看護", 1)], prefix: "4410",
        labels: &[after("訪問看護ステーション", "ホウモンカンゴステーション"),
                  before("訪問看護ステーション", "ホウモンカンゴステーション")],
        operators: &[Medical, Company] }),
    (150, Kind { services: &[("訪問リハビリテーション", 1)], prefix: "4410",
        labels: &[after("訪問リハビリテーション", "ホウモンリハビリテーション"),
                  after("訪問リハビリテーション事業所", "ホウモンリハビリテーションジギョウショ")],
        operators: &[Medical] }),
    (390, Kind { services: &[("通所介護;第1号通所事業", 7), ("通所介護", 3)], prefix: "4410",
        labels: &[before("デイサービスセンター", "デイサービスセンター"),
                  after("デイサービスセンター", "デイサービスセンター")],
        operators: &[Welfare, Company] }),
    (420, Kind { services: &[("地域密着型通所介護;第1号通所事業", 7), ("地域密着型通所介護", 3)], prefix: "4490",
        labels: &[before("デイサービス", "デイサービス"), after("デイサービス", "デイサービス"),
                  after("リハビリデイサービス", "リハビリデイサービス")],
        operators: &[Company, NonProfit, Welfare] }),
    (210, Kind { services: &[("通所リハビリテーション", 1)], prefix: "4410",
        labels: &[after("デイケアセンター", "デイケアセンター"),
                  before("通所リハビリテーション", "ツウショリハビリテーション")],
        operators: &[Medical] }),
    (200, Kind { services: &[("短期入所生活介護", 1)], prefix: "4410",
        labels: &[before("ショートステイ", "ショートステイ"), after("ショートステイ", "ショートステイ")],
        operators: &[Welfare] }),
    (110, Kind { services: &[("短期入所療養介護", 1)], prefix: "4410",
        labels: &[after("メディカルショートステイ", "メディカルショートステイ")],
        operators: &[Medical] }),
    (90, Kind { services: &[("特定施設入居者生活介護", 1)], prefix: "4410",
        labels: &[before("介護付有料老人ホーム", "カイゴツキユウリョウロウジンホーム"),
                  after("ケアハウス", "ケアハウス")],
        operators: &[Company, Welfare] }),
    (190, Kind { services: &[("福祉用具貸与;特定福祉用具販売", 4), ("福祉用具貸与", 1)], prefix: "4410",
        labels: &[after("福祉用具センター", "フクシヨウグセンター"),
                  after("福祉用具サービス", "フクシヨウグサービス")],
        operators: &[Company] }),
    (20, Kind { services: &[("特定福祉用具販売", 1)], prefix: "4410",
        labels: &[after("福祉用具ショップ", "フクシヨウグショップ")],
        operators: &[Company] }),
    (150, Kind { services: &[("小規模多機能型居宅介護", 1)], prefix: "4490",
        labels: &[after("小規模多機能ホーム", "ショウキボタキノウホーム"),
                  before("小規模多機能型居宅介護", "ショウキボタキノウガタキョタクカイゴ")],
        operators: &[Welfare, Company] }),
    (25, Kind { services: &[("看護小規模多機能型居宅介護", 1)], prefix: "4490",
        labels: &[after("看護小規模多機能ホーム", "カンゴショウキボタキノウホーム")],
        operators: &[Medical, Company] }),
    (70, Kind { services: &[("認知症対応型通所介護", 1)], prefix: "4490",
        labels: &[after("認知症対応型デイサービス", "ニンチショウタイオウガタデイサービス")],
        operators: &[Welfare] }),
    (330, Kind { services: &[("認知症対応型共同生活介護", 1)], prefix: "4490",
        labels: &[before("グループホーム", "グループホーム"), after("グループホーム", "グループホーム")],
        operators: &[Welfare, Company, Medical] }),
    (95, Kind { services: &[("介護老人福祉施設", 1)], prefix: "4450",
        labels: &[before("特別養護老人ホーム", "トクベツヨウゴロウジンホーム"), after("荘", "ソウ")],
        operators: &[Welfare] }),
    (32, Kind { services: &[("地域密着型介護老人福祉施設入所者生活介護", 1)], prefix: "4490",
        labels: &[before("地域密着型特別養護老人ホーム", "チイキミッチャクガタトクベツヨウゴロウジンホーム"),
                  after("の家", "ノイエ")],
        operators: &[Welfare] }),
    (63, Kind { services: &[("介護老人保健施設", 1)], prefix: "4450",
        labels: &[before("介護老人保健施設", "カイゴロウジンホケンシセツ"),
                  before("老人保健施設", "ロウジンホケンシセツ")],
        operators: &[Medical] }),
    (25, Kind { services: &[("定期巡回・随時対応型訪問介護看護", 1)], prefix: "4490",
        labels: &[after("定期巡回ステーション", "テイキジュンカイステーション")],
        operators: &[Welfare, Medical, Company] }),
    (50, Kind { services: &[("第1号訪問事業", 1)], prefix: "44A",
        labels: &[after("生活支援サービス", "セイカツシエンサービス")],
        operators: &[NonProfit, Company, Welfare] }),
    (67, Kind { services: &[("第1号通所事業", 1)], prefix: "44A",
        labels: &[after("元気アップ教室", "ゲンキアップキョウシツ"), after("ミニデイサービス", "ミニデイサービス")],
        operators: &[NonProfit, Company, Welfare] }),
];

/// splitmix64: small, fast and plenty for demo data.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` for `n > 0`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, weight)| weight).sum();
        let mut roll = self.below(total as usize) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        unreachable!("the roll is below the total weight")
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

struct Office {
    number: String,
    name: String,
    kana: String,
    corporation: &'static str,
    municipality: &'static str,
    services: &'static str,
    care_manager: bool,
    address: String,
    phone: String,
    area: &'static str,
    adoption: Option<Adoption>,
}

/// When an office holds a licence, when its data exchange starts, its software.
struct Adoption {
    /// Index into `DATES` of the first snapshot listing the office.
    from: usize,
    /// Index of the first snapshot no longer listing it, if its licence lapses.
    until: Option<usize>,
    /// Index of the first snapshot in which it exchanges data, if any.
    linking_from: Option<usize>,
    software: &'static str,
}

impl Adoption {
    fn listed_on(&self, date: usize) -> bool {
        self.from <= date && self.until.is_none_or(|until| date < until)
    }

    fn linking_on(&self, date: usize) -> bool {
        self.linking_from.is_some_and(|from| from <= date)
    }
}

/// Gives the offices of one municipality names that are unique within it.
struct Namer {
    place: String,
    place_kana: String,
    used: BTreeSet<String>,
}

impl Namer {
    fn new(m: &Municipality) -> Self {
        let (kanji, kana) = [("市", "し"), ("町", "まち"), ("村", "むら")]
            .into_iter()
            .find(|(kanji, _)| m.name.ends_with(kanji))
            .expect("a municipality name ends in 市, 町 or 村");
        let kana = m
            .kana
            .strip_suffix(kana)
            .expect("the reading matches the name");
        Self {
            place: m.name.trim_end_matches(kanji).to_owned(),
            place_kana: katakana(kana),
            used: BTreeSet::new(),
        }
    }

    /// Takes a name for an office named by hand.
    fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_owned());
    }

    /// A new name and its reading, e.g. `デイサービスセンターさくら（架空）`: a
    /// few fresh draws first, then an ordinal (第二, 第三, …) as real offices do.
    fn name(&mut self, rng: &mut Rng, kind: &Kind) -> (String, String) {
        let mut draw = self.draw(rng, kind);
        for _ in 1..DRAWS {
            if !self.used.contains(&draw.0) {
                break;
            }
            draw = self.draw(rng, kind);
        }
        let (text, kana) = draw;
        for (ordinal, ordinal_kana) in ORDINALS {
            let candidate = format!("{text}{ordinal}");
            if self.used.insert(candidate.clone()) {
                return (
                    format!("{candidate}（架空）"),
                    format!("{kana}{ordinal_kana}"),
                );
            }
        }
        panic!("too many offices named {text} in {}", self.place)
    }

    fn draw(&self, rng: &mut Rng, kind: &Kind) -> (String, String) {
        let label = rng.pick(kind.labels);
        let (stem, stem_kana) = if rng.below(100) < PLACE_NAMED_PERCENT {
            (self.place.as_str(), self.place_kana.as_str())
        } else {
            *rng.pick(&STEMS)
        };
        if label.leading {
            (
                label.text.to_owned() + stem,
                label.kana.to_owned() + stem_kana,
            )
        } else {
            (
                stem.to_owned() + label.text,
                stem_kana.to_owned() + label.kana,
            )
        }
    }
}

fn katakana(hiragana: &str) -> String {
    hiragana
        .chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(u32::from(c) + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Community support centres (地域包括支援センター): about one per 50 offices.
fn support_centres(m: &Municipality) -> usize {
    (m.offices / 50).clamp(1, m.cm_offices)
}

/// All offices, municipality by municipality, each ordered by office number.
/// The prefecture's service mix is exactly `SERVICE_KINDS`; a city's is a
/// draw from it.
fn generate(rng: &mut Rng, municipalities: &[Municipality]) -> Vec<Office> {
    let mut deck: Vec<&Kind> = SERVICE_KINDS
        .iter()
        .flat_map(|(count, kind)| iter::repeat_n(kind, *count))
        .collect();
    let others: usize = municipalities
        .iter()
        .map(|m| m.offices - m.cm_offices)
        .sum();
    if municipalities.len() > 1 {
        assert_eq!(
            deck.len(),
            others,
            "SERVICE_KINDS must add up to the non-care-manager offices"
        );
    }
    rng.shuffle(&mut deck);
    let mut deck = deck.into_iter();

    let mut offices = Vec::new();
    for m in municipalities {
        let centres = support_centres(m);
        let kinds: Vec<&Kind> = iter::repeat_n(&SUPPORT_CENTRE, centres)
            .chain(iter::repeat_n(&CARE_PLAN, m.cm_offices - centres))
            .chain(deck.by_ref().take(m.offices - m.cm_offices))
            .collect();
        let mut namer = Namer::new(m);
        let featured_here = m.code == FEATURED.0;
        if featured_here {
            namer.reserve(FEATURED.1);
        }
        let mut serials = BTreeMap::new();
        let mut local: Vec<Office> = kinds
            .into_iter()
            .map(|kind| make_office(rng, m, kind, &mut namer, &mut serials))
            .collect();
        let featured = featured_here.then(|| {
            let index = local
                .iter()
                .position(|office| office.services.starts_with("訪問介護"))
                .expect("a home-help office to feature");
            local[index].name = format!("{}（架空）", FEATURED.1);
            local[index].kana = FEATURED.2.to_owned();
            index
        });
        adopt(rng, m, &mut local, featured);
        local.sort_unstable_by(|a, b| a.number.cmp(&b.number));
        offices.extend(local);
    }
    offices
}

fn make_office(
    rng: &mut Rng,
    m: &Municipality,
    kind: &Kind,
    namer: &mut Namer,
    serials: &mut BTreeMap<&'static str, usize>,
) -> Office {
    let serial = serials.entry(kind.prefix).or_insert_with(|| rng.below(20));
    *serial += 1 + rng.below(5);
    let width = 8 - kind.prefix.len();
    // The prefix's first two digits are the prefecture's (44 in the kinds).
    let number = format!(
        "{}{}{}{:0width$}",
        &m.code[..2],
        &kind.prefix[2..],
        &m.code[3..5],
        serial
    );
    assert_eq!(
        number.len(),
        10,
        "office number {number} is not 10 characters"
    );

    let services = rng.weighted(kind.services);
    let (name, kana) = namer.name(rng, kind);
    let operators: Vec<(&str, u32)> = CORPORATIONS
        .iter()
        .filter(|(_, legal, _)| kind.operators.contains(legal))
        .map(|&(name, _, weight)| (name, weight))
        .collect();
    let corporation = rng.weighted(&operators);
    let prefecture = if m.code == CITY.code {
        CITY_PREFECTURE
    } else {
        PREFECTURE
    };
    let address = format!(
        "{prefecture}{}{}{}-{}",
        m.name,
        rng.pick(&TOWNS),
        1 + rng.below(30),
        1 + rng.below(40)
    );
    // Ten digits, as real numbers have; a local exchange never starts with 0.
    let exchange = &"000"[..6 - m.area_code.len()];
    let phone = format!("{}-{exchange}-{:04}", m.area_code, rng.below(10_000));
    let area = if m.areas.is_empty() {
        ""
    } else {
        *rng.pick(m.areas)
    };
    Office {
        number,
        name,
        kana,
        corporation,
        municipality: m.code,
        services,
        care_manager: services
            .split(';')
            .any(|service| service == "居宅介護支援" || service == "介護予防支援"),
        address,
        phone,
        area,
        adoption: None,
    }
}

/// Chooses which offices of one municipality hold a licence, and from when, so
/// that every snapshot has exactly the municipality's figures.
fn adopt(rng: &mut Rng, m: &Municipality, offices: &mut [Office], featured: Option<usize>) {
    let lapses = usize::from(m.lapse);
    let mut keys: Vec<(u64, usize)> = (0..offices.len())
        .map(|i| {
            let key = if Some(i) == featured {
                0
            } else {
                rng.next_u64()
            };
            (key, i)
        })
        .collect();
    keys.sort_unstable();
    let cm = keys
        .iter()
        .filter(|(_, i)| offices[*i].care_manager)
        .take(m.cm_adopted)
        // Care-manager offices adopt first: they start the exchange of care plans.
        .map(|&(key, i)| (key / 4, i));
    let others = keys
        .iter()
        .filter(|(_, i)| !offices[*i].care_manager)
        .take(m.adopted[LATEST] - m.cm_adopted + lapses)
        .copied();
    let mut order: Vec<(u64, usize)> = cm.chain(others).collect();
    order.sort_unstable();

    // The office whose licence lapses is one listed in the snapshot before LAPSE_DATE.
    let lapse_position = m.lapse.then(|| {
        let candidates: Vec<usize> = (0..m.adopted[LAPSE_DATE - 1])
            .filter(|&p| !offices[order[p].1].care_manager && Some(order[p].1) != featured)
            .collect();
        *rng.pick(&candidates)
    });

    // The first `adopted[date]` offices in `order` are listed on each date; from
    // LAPSE_DATE on, the lapsed office is skipped, so one more takes its place.
    for (position, &(_, i)) in order.iter().enumerate() {
        let from = (0..DATES.len())
            .find(|&date| position < m.adopted[date] + if date >= LAPSE_DATE { lapses } else { 0 })
            .expect("every chosen office is listed in the latest snapshot");
        offices[i].adoption = Some(Adoption {
            from,
            until: (lapse_position == Some(position)).then_some(LAPSE_DATE),
            linking_from: rng.weighted(&LINKING_LAG).map(|lag| from + lag),
            software: rng.weighted(&SOFTWARE),
        });
    }
}

/// Appends one CSV record, quoting only the fields that need it.
fn record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

fn municipalities_csv(municipalities: &[Municipality]) -> String {
    let mut out = String::new();
    record(&mut out, &["code", "name", "kana"]);
    for m in municipalities {
        record(&mut out, &[m.code, m.name, m.kana]);
    }
    out
}

fn offices_csv(offices: &[Office]) -> String {
    let mut out = String::new();
    record(
        &mut out,
        &[
            "office_number",
            "name",
            "name_kana",
            "corporation",
            "municipality_code",
            "service_types",
            "address",
            "phone",
            "area",
        ],
    );
    for office in offices {
        record(
            &mut out,
            &[
                &office.number,
                &office.name,
                &office.kana,
                office.corporation,
                office.municipality,
                office.services,
                &office.address,
                &office.phone,
                office.area,
            ],
        );
    }
    out
}

fn adoption_csv(offices: &[Office], date: usize) -> String {
    let mut listed: Vec<(&str, &Adoption)> = offices
        .iter()
        .filter_map(|office| {
            let adoption = office.adoption.as_ref()?;
            adoption
                .listed_on(date)
                .then_some((office.number.as_str(), adoption))
        })
        .collect();
    listed.sort_unstable_by_key(|&(number, _)| number);
    let mut out = String::new();
    record(&mut out, &["事業所番号", "連携実績", "介護ソフト"]);
    for (number, adoption) in listed {
        let linking = if adoption.linking_on(date) {
            "あり"
        } else {
            "なし"
        };
        record(&mut out, &[number, linking, adoption.software]);
    }
    out
}

/// Names the path in an I/O error, which `io::Error` alone does not.
fn at(path: &Path) -> impl FnOnce(io::Error) -> io::Error {
    move |error| io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// The city's areas with their community support centres.
fn areas_csv() -> String {
    let mut out = String::new();
    record(
        &mut out,
        &["id", "圏域名", "市区町村コード", "地域包括支援センター"],
    );
    for (id, name) in CITY_AREA_IDS.iter().zip(CITY.areas) {
        let centre = format!(
            "{}地域包括支援センター（架空）",
            name.trim_end_matches("圏域")
        );
        record(&mut out, &[id, name, CITY.code, &centre]);
    }
    out
}

/// Offices without a licence in the latest snapshot that declared they will
/// adopt, drawn after every office is made.
fn plans_csv(rng: &mut Rng, offices: &[Office]) -> String {
    let mut waiting: Vec<&Office> = offices
        .iter()
        .filter(|o| o.adoption.as_ref().is_none_or(|a| !a.listed_on(LATEST)))
        .collect();
    rng.shuffle(&mut waiting);
    let mut planned: Vec<&Office> = waiting.into_iter().take(CITY_PLANNED).collect();
    planned.sort_unstable_by(|a, b| a.number.cmp(&b.number));
    let mut out = String::new();
    record(&mut out, &["office_number", "date", "note"]);
    for (i, office) in planned.iter().enumerate() {
        let (date, note) = if i % 3 == 0 {
            ("2026-03-31", "導入支援の申込み")
        } else {
            ("", "アンケートで導入予定と回答")
        };
        record(&mut out, &[&office.number, date, note]);
    }
    out
}

fn main() -> io::Result<()> {
    let mut args: Vec<_> = env::args_os().skip(1).collect();
    let city = args.first().is_some_and(|a| a == "--city");
    if city {
        args.remove(0);
    }
    let root = args
        .first()
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let data = root.join("data");
    let adoption = data.join("adoption");
    fs::create_dir_all(&adoption).map_err(at(&adoption))?;

    let (mut rng, municipalities, first_date) = if city {
        (Rng(CITY_SEED), std::slice::from_ref(&CITY), CITY_FIRST_DATE)
    } else {
        (Rng(SEED), &MUNICIPALITIES[..], 0)
    };
    let offices = generate(&mut rng, municipalities);
    let mut files = vec![
        (
            data.join("municipalities.csv"),
            municipalities_csv(municipalities),
        ),
        (data.join("offices.csv"), offices_csv(&offices)),
    ];
    if city {
        files.push((data.join("areas.csv"), areas_csv()));
        files.push((data.join("plans.csv"), plans_csv(&mut rng, &offices)));
    }
    for (date, day) in DATES.iter().enumerate().skip(first_date) {
        files.push((
            adoption.join(format!("{day}.csv")),
            adoption_csv(&offices, date),
        ));
    }
    for (path, contents) in &files {
        fs::write(path, contents).map_err(at(path))?;
    }
    println!(
        "wrote {} municipalities, {} offices and {} adoption snapshots under {}",
        municipalities.len(),
        offices.len(),
        DATES.len() - first_date,
        data.display()
    );
    Ok(())
}
