//! `site.toml`: what the portal is called, where it lives and which prefecture
//! it covers.
//!
//! Unknown keys are errors naming the key, because a misspelt optional key
//! (`them = "x"`) would otherwise be ignored without a word.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::text;
use super::toml_error::{self, Key, Kind};
use crate::diag::{Diagnostic, Diagnostics};
use crate::gov_codes;
use crate::messages::Text;
use crate::messages::load::ConfigMsg;

/// The file every site has, relative to the root.
pub const FILE: &str = "site.toml";

/// The keys of site.toml, for the words of a mistake in one.
const KEYS: &[Key] = &[
    text_key(
        "title",
        "\"大分県 ケアプランデータ連携システム 導入支援ポータル\"",
    ),
    text_key("base_url", "\"https://example.jp/careplan/\""),
    text_key("prefecture_code", "\"44\""),
    text_key("prefecture_name", "\"大分県\""),
    text_key("municipality_code", "\"312029\""),
    text_key("theme", "\"default\""),
    text_key("description", "\"...\""),
    text_key("organization", "\"大分県 福祉保健部\""),
    text_key("license", "\"CC BY 4.0\""),
    text_key("name", "\"北部\""),
    Key {
        name: "municipalities",
        kind: Kind::List,
        example: "[\"442038\"]",
    },
    Key {
        name: "unsafe_html",
        kind: Kind::Bool,
        example: "false",
    },
    Key {
        name: "include_not_adopted",
        kind: Kind::Bool,
        example: "true",
    },
];

const fn text_key(name: &'static str, example: &'static str) -> Key {
    Key {
        name,
        kind: Kind::Text,
        example,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<Spanned<String>>,
    base_url: Option<Spanned<String>>,
    prefecture_code: Option<Spanned<String>>,
    prefecture_name: Option<String>,
    municipality_code: Option<Spanned<String>>,
    theme: Option<String>,
    description: Option<String>,
    organization: Option<String>,
    license: Option<Spanned<String>>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    search: RawSearch,
    #[serde(default)]
    markdown: RawMarkdown,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    #[serde(default)]
    unsafe_html: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    /// On unless a site turns it off: a partner not found reads like a typo.
    #[serde(default = "yes")]
    include_not_adopted: bool,
}

impl Default for RawSearch {
    fn default() -> RawSearch {
        RawSearch {
            include_not_adopted: true,
        }
    }
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: Spanned<String>,
    municipalities: Vec<Spanned<String>>,
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/careplan/`), prefixed to every link.
    pub base_path: String,
    pub prefecture_code: String,
    pub prefecture_name: String,
    /// A city portal's city (`municipality_code`): its code and name.
    pub city: Option<City>,
    pub theme: String,
    pub description: Option<String>,
    pub organization: Option<String>,
    pub license: License,
    pub groups: Vec<GroupConfig>,
    pub search: SearchConfig,
    pub markdown: MarkdownConfig,
}

/// The city of a city portal, from the national code list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    pub code: String,
    pub name: String,
    /// A designated city: its wards are the breakdown.
    pub designated: bool,
}

/// The city `municipality_code` names, or why it names none.
fn city(code: &str, prefecture: &str) -> Result<City, ConfigMsg> {
    let entry = gov_codes::lookup(code).filter(|e| {
        matches!(
            e.kind,
            gov_codes::Kind::Municipality | gov_codes::Kind::DesignatedCity
        )
    });
    match entry {
        Some(e) if e.prefecture == prefecture => Ok(City {
            code: e.code.to_string(),
            name: e.name.to_string(),
            designated: e.kind == gov_codes::Kind::DesignatedCity,
        }),
        Some(e) => Err(ConfigMsg::CityOfOtherPrefecture {
            code: code.to_string(),
            name: e.name.to_string(),
            prefecture: e.prefecture.to_string(),
            site: prefecture.to_string(),
        }),
        None => Err(ConfigMsg::NotACity {
            code: code.to_string(),
        }),
    }
}

/// `[markdown]`: what page bodies may carry.
#[derive(Debug, Clone, Default)]
pub struct MarkdownConfig {
    /// Keep raw HTML in Markdown. Off by default: an editor's pasted
    /// `<script>` or `<iframe>` would otherwise reach every visitor.
    pub unsafe_html: bool,
}

/// `license`: the terms of the open data, as the catalogue and the open-data
/// page state them. Only licences with an official URL are accepted: a data
/// portal harvesting the catalogue needs that URL, and a misspelt name must not
/// publish data without terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum License {
    /// Creative Commons Attribution 4.0 International.
    #[default]
    CcBy40,
    /// 公共データ利用規約（第1.0版）of the Digital Agency, compatible with CC BY 4.0.
    Pdl10,
}

impl License {
    const ALL: [License; 2] = [License::CcBy40, License::Pdl10];

    /// The value written in site.toml.
    pub fn key(self) -> &'static str {
        match self {
            License::CcBy40 => "CC BY 4.0",
            License::Pdl10 => "PDL1.0",
        }
    }

    /// The licence's official text.
    pub fn url(self) -> &'static str {
        match self {
            License::CcBy40 => "https://creativecommons.org/licenses/by/4.0/",
            License::Pdl10 => {
                "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"
            }
        }
    }

    /// The licence's name as Japanese readers know it.
    pub fn title(self) -> &'static str {
        match self {
            License::CcBy40 => "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
            License::Pdl10 => "公共データ利用規約（第1.0版）（PDL1.0）",
        }
    }

    fn from_key(key: &str) -> Option<License> {
        License::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// `[search]`: what the office search on `offices/` covers.
#[derive(Debug, Clone, Default)]
pub struct SearchConfig {
    /// Index every target office with its status, not only adopted ones, so an
    /// office can see that a partner has *not* adopted yet (on by default).
    pub include_not_adopted: bool,
}

/// A named subtotal as written, codes not yet checked against the data.
#[derive(Debug, Clone)]
pub struct GroupConfig {
    pub name: String,
    pub line: usize,
    /// Each code with the line it is written on.
    pub municipalities: Vec<(String, usize)>,
}

impl Config {
    /// Addresses under this site's `base_url`.
    pub fn urls(&self) -> crate::urls::Urls<'_> {
        crate::urls::Urls {
            base_url: &self.base_url,
            base_path: &self.base_path,
        }
    }
}

/// Reads and checks `site.toml`; `base_url` may be overridden from the command line.
pub fn load(
    root: &Path,
    base_url_override: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Config> {
    let rel = Path::new(FILE);
    let text = super::text::read(root, rel, diags)?;
    parse(&text, base_url_override, diags)
}

/// Parses the text of `site.toml`.
pub fn parse(
    text: &str,
    base_url_override: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Config> {
    let rel = Path::new(FILE);
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let mut d = Diagnostic::error(rel, toml_error::describe(text, &e, KEYS));
            if let Some(span) = e.span() {
                d = d.at_line(line_of(span.start));
            }
            diags.push(d);
            return None;
        }
    };
    let errors_before = diags.error_count();
    super::limits::long_settings(text, rel, line_of, diags);
    let mut required = |value: Option<Spanned<String>>, key: &str, example: &str| match value {
        Some(v) if !v.get_ref().trim().is_empty() => {
            Some((v.get_ref().trim().to_string(), line_of(v.span().start)))
        }
        Some(v) => {
            diags.push(
                Diagnostic::error(
                    rel,
                    ConfigMsg::Empty {
                        key: key.to_string(),
                        example: example.to_string(),
                    },
                )
                .at_line(line_of(v.span().start)),
            );
            None
        }
        None => {
            diags.push(Diagnostic::error(
                rel,
                ConfigMsg::Missing {
                    key: key.to_string(),
                    example: example.to_string(),
                },
            ));
            None
        }
    };
    let title = required(
        raw.title,
        "title",
        "title = \"大分県 ケアプランデータ連携システム 導入支援ポータル\"",
    );
    let base_url = required(
        raw.base_url,
        "base_url",
        "base_url = \"https://example.jp/careplan/\"",
    );
    let prefecture_code = required(
        raw.prefecture_code,
        "prefecture_code",
        "prefecture_code = \"44\"",
    );

    let base_url = base_url_override
        .map(|url| (url.to_string(), 0))
        .or(base_url)
        .and_then(|(url, line)| match split_base_url(&url) {
            Some(parts) => Some(parts),
            None => {
                let mut d = Diagnostic::error(rel, ConfigMsg::BaseUrl { url });
                if line > 0 {
                    d = d.at_line(line);
                }
                diags.push(d);
                None
            }
        });

    let prefecture = prefecture_code.and_then(|(code, line)| {
        let known = code.len() == 2
            && code.bytes().all(|b| b.is_ascii_digit())
            && gov_codes::prefecture_code(&code)
                .and_then(|c| gov_codes::lookup(&c))
                .is_some();
        if known {
            Some(code)
        } else {
            diags.push(Diagnostic::error(rel, ConfigMsg::Prefecture { code }).at_line(line));
            None
        }
    });

    let city = match (raw.municipality_code, &prefecture) {
        (Some(value), Some(prefecture)) => {
            let line = line_of(value.span().start);
            match city(value.get_ref().trim(), prefecture) {
                Ok(city) => Some(Some(city)),
                Err(message) => {
                    diags.push(Diagnostic::error(rel, message).at_line(line));
                    None
                }
            }
        }
        _ => Some(None),
    };

    let license = match raw.license {
        None => Some(License::default()),
        Some(value) => {
            let key = value.get_ref().trim();
            let license = License::from_key(key);
            if license.is_none() {
                let known: Vec<String> = License::ALL
                    .iter()
                    .map(|l| format!("\"{}\"", l.key()))
                    .collect();
                let known = Text::new(known.join(" か "), known.join(" or "));
                let message = ConfigMsg::License {
                    key: key.to_string(),
                    known,
                };
                diags.push(Diagnostic::error(rel, message).at_line(line_of(value.span().start)));
            }
            license
        }
    };

    let groups = raw
        .groups
        .into_iter()
        .map(|g| GroupConfig {
            name: text::clean_value(
                g.name.get_ref().trim().to_string(),
                rel,
                Some(line_of(g.name.span().start)),
                "groups.name",
                diags,
            ),
            line: line_of(g.name.span().start),
            municipalities: g
                .municipalities
                .into_iter()
                .map(|m| (m.get_ref().trim().to_string(), line_of(m.span().start)))
                .collect(),
        })
        .collect();

    if diags.error_count() > errors_before {
        return None;
    }
    let (title, title_line) = title?;
    let title = text::clean_value(title, rel, Some(title_line), "title", diags);
    let description = raw
        .description
        .map(|d| text::clean_value(d, rel, None, "description", diags));
    let organization = raw
        .organization
        .map(|o| text::clean_value(o, rel, None, "organization", diags));

    let (base_url, base_path) = base_url?;
    let prefecture_code = prefecture?;
    let license = license?;
    let city = city?;
    let prefecture_name = raw.prefecture_name.unwrap_or_else(|| {
        let code = gov_codes::prefecture_code(&prefecture_code).expect("checked above");
        gov_codes::lookup(&code)
            .expect("checked above")
            .name
            .to_string()
    });
    Some(Config {
        title,
        base_url,
        base_path,
        prefecture_code,
        prefecture_name,
        city,
        theme: raw.theme.unwrap_or_else(|| "default".to_string()),
        description,
        organization,
        license,
        groups,
        search: SearchConfig {
            include_not_adopted: raw.search.include_not_adopted,
        },
        markdown: MarkdownConfig {
            unsafe_html: raw.markdown.unsafe_html,
        },
    })
}

/// Splits an absolute URL into itself (with a trailing `/`) and its path.
fn split_base_url(url: &str) -> Option<(String, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    if host_end == 0 || url.contains(char::is_whitespace) {
        return None;
    }
    let mut path = rest[host_end..].to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let origin = &url[..url.len() - rest.len() + host_end];
    Some((format!("{origin}{path}"), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_errors(text: &str) -> Vec<String> {
        let mut diags = Diagnostics::default();
        parse(text, None, &mut diags);
        diags.into_iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn fills_prefecture_name_and_base_path() {
        let mut diags = Diagnostics::default();
        let config = parse(
            "title = \"t\"\nbase_url = \"https://example.jp/careplan\"\nprefecture_code = \"44\"\n",
            None,
            &mut diags,
        )
        .unwrap();
        assert_eq!(config.prefecture_name, "大分県");
        assert_eq!(config.base_url, "https://example.jp/careplan/");
        assert_eq!(config.base_path, "/careplan/");
        assert_eq!(config.theme, "default");
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let errors = parse_errors(
            "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\nthem = \"x\"\n",
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("error: site.toml:4: unknown field `them`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn reports_every_missing_key() {
        let errors = parse_errors("theme = \"default\"\n");
        assert_eq!(errors.len(), 3);
        assert!(errors[0].contains("missing required key `title`"));
    }

    #[test]
    fn reads_search_table() {
        let mut diags = Diagnostics::default();
        let base = "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\n";
        let plain = parse(base, None, &mut diags).unwrap();
        assert!(plain.search.include_not_adopted);
        let adopted_only = parse(
            &format!("{base}[search]\ninclude_not_adopted = false\n"),
            None,
            &mut diags,
        )
        .unwrap();
        assert!(!adopted_only.search.include_not_adopted);
        assert_eq!(diags.error_count(), 0);
    }

    #[test]
    fn reads_markdown_table_and_refuses_unknown_keys() {
        let mut diags = Diagnostics::default();
        let base = "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\n";
        assert!(!parse(base, None, &mut diags).unwrap().markdown.unsafe_html);
        let allowed = parse(
            &format!("{base}[markdown]\nunsafe_html = true\n"),
            None,
            &mut diags,
        );
        assert!(allowed.unwrap().markdown.unsafe_html);
        assert_eq!(
            parse_errors(&format!("{base}[markdown]\nraw_html = true\n")),
            ["error: site.toml:5: unknown field `raw_html`, expected `unsafe_html`"]
        );
    }

    #[test]
    fn unknown_search_key_names_the_key() {
        let errors = parse_errors(
            "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\n[search]\ninclude_unadopted = true\n",
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("error: site.toml:5: unknown field `include_unadopted`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn license_defaults_to_cc_by_and_takes_pdl() {
        let mut diags = Diagnostics::default();
        let base = "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\n";
        let plain = parse(base, None, &mut diags).unwrap();
        assert_eq!(plain.license, License::CcBy40);
        assert_eq!(
            plain.license.url(),
            "https://creativecommons.org/licenses/by/4.0/"
        );
        let pdl = parse(&format!("{base}license = \"PDL1.0\"\n"), None, &mut diags).unwrap();
        assert_eq!(pdl.license, License::Pdl10);
        assert_eq!(diags.error_count(), 0);
    }

    #[test]
    fn unknown_license_names_the_line_and_the_known_ones() {
        let errors = parse_errors(
            "title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"44\"\nlicense = \"CC-BY\"\n",
        );
        assert_eq!(
            errors,
            [
                "error: site.toml:4: license \"CC-BY\" is not a licence renkei knows; expected \"CC BY 4.0\" or \"PDL1.0\""
            ]
        );
    }

    #[test]
    fn findings_read_in_japanese() {
        let mut diags = Diagnostics::default();
        parse("license = \"CC-BY\"\n", None, &mut diags);
        let ja: Vec<(Option<usize>, String)> = diags
            .into_iter()
            .map(|d| (d.line, d.message.ja().to_string()))
            .collect();
        assert_eq!(
            ja,
            [
                (None, "必ず書く項目 `title` がありません。例えば title = \"大分県 ケアプランデータ連携システム 導入支援ポータル\" を書き足してください".to_string()),
                (None, "必ず書く項目 `base_url` がありません。例えば base_url = \"https://example.jp/careplan/\" を書き足してください".to_string()),
                (None, "必ず書く項目 `prefecture_code` がありません。例えば prefecture_code = \"44\" を書き足してください".to_string()),
                (Some(1), "license の「CC-BY」は renkei が知らないライセンスです。\"CC BY 4.0\" か \"PDL1.0\" を書きます".to_string()),
            ]
        );
    }

    #[test]
    fn rejects_unknown_prefecture() {
        let errors =
            parse_errors("title = \"t\"\nbase_url = \"https://a.jp/\"\nprefecture_code = \"48\"\n");
        assert!(
            errors[0].contains("site.toml:3: prefecture_code \"48\""),
            "{}",
            errors[0]
        );
    }
}
