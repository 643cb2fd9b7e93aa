//! What the open-data files are: `data/catalog.jsonld` (a DCAT catalogue that
//! CKAN-based portals such as DATA GO JP harvest) and the facts the
//! `opendata/` page lists (columns, licence, size, as-of date).
//!
//! Both are described from the files as rendered, so a size or a file can never
//! disagree with what is published; the words about each file (title,
//! description, the meaning of each column) are the table below, and a file
//! without an entry there is a program error caught by the tests.

use serde_json::{Value, json};

use crate::date::Date;
use crate::model::Site;
use crate::urls;

/// The catalogue's output path (DESIGN.md).
pub const PATH: &str = urls::CATALOG;

/// The slug of the generated page listing the files; `content/opendata.md`,
/// when present, is its introduction.
pub const PAGE: &str = "opendata";

/// The page's title when no introduction gives one.
pub const TITLE: &str = "オープンデータ";

/// The words about one open-data file. `{place}` stands for the site's own
/// place (`大分県`), so no text fixes the kind of place.
struct About {
    path: &'static str,
    title: &'static str,
    description: &'static str,
    /// Column (or key) names and their meaning, in parts: the naming
    /// columns, then often the figure columns every figure table shares.
    columns: &'static [&'static [(&'static str, &'static str)]],
}

const FIGURE_COLUMNS: [(&str, &str); 8] = [
    ("as_of", "集計の時点（YYYY-MM-DD）"),
    ("offices", "システムの対象となる事業所の数"),
    ("adopted", "そのうち導入している事業所の数"),
    (
        "rate",
        "導入率（%、小数第1位まで、記号なし。対象事業所が0のときは空欄）",
    ),
    (
        "cm_offices",
        "対象事業所のうち居宅介護支援・介護予防支援事業所の数",
    ),
    ("cm_adopted", "そのうち導入している事業所の数"),
    ("cm_rate", "居宅介護支援・介護予防支援事業所の導入率"),
    (
        "linking",
        "導入している事業所のうちデータ連携の実績がある事業所の数",
    ),
];

const MUNICIPALITY_NAMES: [(&str, &str); 2] = [
    (
        "code",
        "全国地方公共団体コード（6桁、検査数字を含む。1行目は{place}全体）",
    ),
    ("name", "市区町村名（1行目は{place}）"),
];

const OFFICE: [(&str, &str); 3] = [
    ("office_number", "介護保険事業所番号（10文字の文字列）"),
    ("name", "事業所名"),
    (
        "municipality_code",
        "所在する市区町村の全国地方公共団体コード",
    ),
];
const SERVICE_TYPES: (&str, &str) = ("service_types", "サービスの種類（複数のときは ; で区切る）");
const LINKING: (&str, &str) = ("linking", "データ連携の実績があれば true、なければ false");
const SOFTWARE: (&str, &str) = ("software", "使っている介護ソフト（報告があった場合）");

const ABOUT: &[About] = &[
    About {
        path: urls::MUNICIPALITIES_CSV,
        title: "市区町村別の導入状況",
        description: "ケアプランデータ連携システムの市区町村ごとの対象事業所数・導入事業所数・導入率。1行目は{place}全体、続いて市区町村（政令指定都市は区の前）。",
        columns: &[&MUNICIPALITY_NAMES, &FIGURE_COLUMNS],
    },
    About {
        path: urls::MUNICIPALITIES_JSON,
        title: "市区町村別の導入状況（JSON）",
        description: "municipalities.csv と同じ内容を、列名をキーとするオブジェクトの配列で表したもの。数と率は数値、対象事業所が0のときの率は null。",
        columns: &[&MUNICIPALITY_NAMES, &FIGURE_COLUMNS],
    },
    About {
        path: urls::GROUPS_CSV,
        title: "グループ別の導入状況",
        description: "重点支援地域など、市区町村をまとめたグループごとの導入状況。",
        columns: &[&[("name", "グループ名")], &FIGURE_COLUMNS],
    },
    About {
        path: urls::TREND_CSV,
        title: "導入状況の推移",
        description: "集計の時点ごと・市区町村ごとの導入状況（{place}全体を含む、古い時点から順）。過去の時点の導入率も、分母は現在の対象事業所の一覧。",
        columns: &[&[
            ("date", "集計の時点（YYYY-MM-DD）"),
            ("code", "全国地方公共団体コード（{place}全体を含む）"),
            ("name", "市区町村名"),
            ("offices", "対象事業所の数"),
            ("adopted", "導入している事業所の数"),
            ("rate", "導入率（%）"),
        ]],
    },
    About {
        path: urls::ADOPTED_OFFICES_CSV,
        title: "導入事業所の一覧",
        description: "最新の時点でケアプランデータ連携システムを導入している事業所の一覧。事業所番号は先頭の0を含む10文字の文字列。",
        columns: &[&OFFICE, &[SERVICE_TYPES, LINKING, SOFTWARE]],
    },
    About {
        path: urls::AREAS_CSV,
        title: "圏域別の導入状況",
        description: "日常生活圏域（地域包括支援センターの圏域）ごとの導入状況。",
        columns: &[
            &[
                ("id", "圏域の識別子"),
                ("name", "圏域名"),
                (
                    "municipality_code",
                    "圏域のある市区町村の全国地方公共団体コード",
                ),
            ],
            &FIGURE_COLUMNS,
        ],
    },
    About {
        path: urls::OFFICE_STATUS_CSV,
        title: "事業所別の導入状況",
        description: "対象となるすべての事業所の導入状況（導入済み・導入予定・未導入）。",
        columns: &[
            &OFFICE,
            &[
                ("area", "圏域"),
                SERVICE_TYPES,
                (
                    "status",
                    "adopted（導入済み）、planned（導入予定）、not_adopted（未導入）",
                ),
                (
                    "adopted_since",
                    "導入した日（今の導入が続いている最初の時点）",
                ),
                LINKING,
                SOFTWARE,
            ],
        ],
    },
];

/// One published open-data file, described.
pub struct DataFile {
    /// Output path (`data/trend.csv`).
    pub path: &'static str,
    pub title: &'static str,
    /// With the site's place filled in.
    pub description: String,
    /// `CSV` or `JSON`.
    pub format: &'static str,
    pub media_type: &'static str,
    /// Column (or key) name and its meaning, place filled in.
    pub columns: Vec<(&'static str, String)>,
    pub bytes: usize,
}

/// Every open-data file among `files` (output path and bytes), in the order of
/// DESIGN.md's table. Panics on a `data/` file nobody described: a new open-data
/// file must get its words before it ships.
pub fn describe(site: &Site, files: &[(String, Vec<u8>)]) -> Vec<DataFile> {
    // The site's own place: the prefecture, or the city of a city portal.
    let place = site.places.own().name.as_str();
    for (path, _) in files {
        assert!(
            ABOUT.iter().any(|a| a.path == path),
            "open-data file {path} has no entry in render::catalog::ABOUT"
        );
    }
    ABOUT
        .iter()
        .filter_map(|about| {
            let (_, bytes) = files.iter().find(|(path, _)| path == about.path)?;
            let (format, media_type) = if about.path.ends_with(".json") {
                ("JSON", "application/json")
            } else {
                ("CSV", "text/csv")
            };
            Some(DataFile {
                path: about.path,
                title: about.title,
                description: about.description.replace("{place}", place),
                format,
                media_type,
                columns: about
                    .columns
                    .iter()
                    .flat_map(|part| part.iter())
                    .map(|(name, meaning)| (*name, meaning.replace("{place}", place)))
                    .collect(),
                bytes: bytes.len(),
            })
        })
        .collect()
}

/// `data/catalog.jsonld`: a `dcat:Catalog` with one `dcat:Dataset` per file,
/// each with one `dcat:Distribution`. Every URL is absolute (under
/// `base_url`); `dct:issued` is the first snapshot's date and `dct:modified`
/// the as-of date (the newest snapshot's), never the build time, so the
/// catalogue is the same bytes for the same inputs. Before the first snapshot
/// there is no date to give.
pub fn json_ld(site: &Site, dates: Option<(Date, Date)>, files: &[DataFile]) -> Vec<u8> {
    let config = &site.config;
    let base = config.base_url.as_str();
    let place = site.places.own().name.as_str();
    let license = json!({ "@id": config.license.url() });
    let modified = |node: &mut Value| {
        if let Some((issued, modified)) = dates {
            node["dct:issued"] = json!({ "@value": issued.to_string(), "@type": "xsd:date" });
            node["dct:modified"] = json!({ "@value": modified.to_string(), "@type": "xsd:date" });
        }
    };
    let publisher = json!({
        "@type": "foaf:Agent",
        "foaf:name": ja(config.organization.as_deref().unwrap_or(&config.title)),
    });
    let page = json!({ "@id": format!("{base}{}", urls::OPEN_DATA_PAGE) });
    let datasets: Vec<Value> = files
        .iter()
        .map(|file| {
            let url = format!("{base}{}", file.path);
            let columns: Vec<&str> = file.columns.iter().map(|(name, _)| *name).collect();
            let mut dataset = json!({
                "@id": format!("{url}#dataset"),
                "@type": "dcat:Dataset",
                "dct:identifier": file.path,
                "dct:title": ja(&format!("{place} ケアプランデータ連携システム {}", file.title)),
                "dct:description": ja(&format!("{}（列：{}）", file.description, columns.join(", "))),
                "dct:publisher": publisher,
                "dct:license": license,
                "dcat:keyword": [ja("ケアプランデータ連携システム"), ja("介護"), ja(place)],
                "dcat:landingPage": page,
                "dcat:distribution": [{
                    "@id": format!("{url}#distribution"),
                    "@type": "dcat:Distribution",
                    "dct:title": ja(file.path.trim_start_matches("data/")),
                    "dcat:accessURL": { "@id": url },
                    "dcat:downloadURL": { "@id": url },
                    "dcat:mediaType": {
                        "@id": format!("https://www.iana.org/assignments/media-types/{}", file.media_type)
                    },
                    "dct:format": file.format,
                    "dcat:byteSize": { "@value": file.bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
                    "dct:license": license,
                }],
            });
            modified(&mut dataset);
            dataset
        })
        .collect();
    let mut catalog = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": format!("{base}{PATH}"),
        "@type": "dcat:Catalog",
        "dct:title": ja(&format!("{} オープンデータ", config.title)),
        "dct:description": ja(&format!(
            "{place}におけるケアプランデータ連携システムの導入状況のオープンデータ。"
        )),
        "dct:publisher": publisher,
        "dct:license": license,
        "dct:language": { "@id": "http://id.loc.gov/vocabulary/iso639-1/ja" },
        "foaf:homepage": { "@id": base },
        "dcat:dataset": datasets,
    });
    modified(&mut catalog);
    let mut bytes = serde_json::to_vec_pretty(&catalog).expect("plain data serializes");
    bytes.push(b'\n');
    bytes
}

/// A Japanese text literal.
fn ja(text: &str) -> Value {
    json!({ "@value": text, "@language": "ja" })
}
