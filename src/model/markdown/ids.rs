//! Heading ids, made final in the model so that a link's anchor is checked
//! against exactly the id the page will carry.
//!
//! Ids are unique per *output page*, not per file: all FAQ files share `faq/`,
//! and the theme writes ids of its own on each page. Explicit `{#id}`s are
//! claimed first (twice on one page is an error naming both places), then
//! made-up ids are numbered (`手順`, `手順-1`) with one counter per base, so a
//! page of 20,000 identical headings costs 20,000 steps, not 20,000².

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

/// Prefixes of the ids the charts and the map write (`chart-trend-title`,
/// `map-desc`): a made-up id never starts with one.
const GENERATED: &[&str] = &["chart-", "map-"];

/// Where a heading names its id (`## 費用 {#fee}`): the check stage names
/// it when the rendered page has the id twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdPlace {
    pub source: PathBuf,
    pub line: usize,
}

impl fmt::Display for IdPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source.display(), self.line)
    }
}

/// The ids of one output page.
#[derive(Debug)]
pub struct PageIds<'t> {
    /// The ids the theme's templates write as they stand.
    theme: &'t HashSet<String>,
    /// Explicit ids, with the heading that claimed each.
    claimed: HashMap<String, IdPlace>,
    made: HashSet<String>,
    /// Per base, the next number to try.
    next: HashMap<String, usize>,
}

impl<'t> PageIds<'t> {
    /// A page of a site whose templates write `theme`.
    pub fn new(theme: &'t HashSet<String>) -> PageIds<'t> {
        PageIds {
            theme,
            claimed: HashMap::new(),
            made: HashSet::new(),
            next: HashMap::new(),
        }
    }

    /// Takes an explicit id; when the page has it already, returns the place
    /// that has it. One the theme or a chart writes too is found after
    /// render, where the page as written can be read.
    pub fn claim(&mut self, id: &str, place: IdPlace) -> Result<(), IdPlace> {
        match self.claimed.get(id) {
            Some(other) => Err(other.clone()),
            None => {
                self.claimed.insert(id.to_string(), place);
                Ok(())
            }
        }
    }

    /// `base`, or `base-1`, `base-2`… when the page already has it. Call after
    /// every explicit id of the page is claimed.
    /// A base that starts like a chart's or the map's ids gets `h-` first.
    pub fn make(&mut self, base: &str) -> String {
        let base = if GENERATED.iter().any(|p| base.starts_with(p)) {
            format!("h-{base}")
        } else {
            base.to_string()
        };
        let next = self.next.entry(base.clone()).or_insert(0);
        loop {
            let id = match *next {
                0 => base.clone(),
                n => format!("{base}-{n}"),
            };
            *next += 1;
            let taken = self.claimed.contains_key(&id) || self.theme.contains(&id);
            if !taken && self.made.insert(id.clone()) {
                return id;
            }
        }
    }

    /// The explicit ids with their headings.
    pub fn explicit(&self) -> impl Iterator<Item = (&String, &IdPlace)> {
        self.claimed.iter()
    }

    /// Every id a link may name on the page, the theme's included.
    pub fn all(&self) -> HashSet<String> {
        self.claimed
            .keys()
            .chain(&self.made)
            .chain(self.theme)
            .cloned()
            .collect()
    }
}

/// The id of a heading without `{#id}`: its text with spaces as `-`, ASCII
/// lowercased, punctuation dropped; Japanese characters are kept as they are
/// (valid in HTML ids and in URL fragments).
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(source: &str, line: usize) -> IdPlace {
        IdPlace {
            source: source.into(),
            line,
        }
    }

    fn theme() -> HashSet<String> {
        ["main".to_string(), "news-heading".to_string()].into()
    }

    #[test]
    fn slugs_keep_japanese() {
        assert_eq!(slugify("ライセンス料は？"), "ライセンス料は");
        assert_eq!(slugify("Free Pass 2025"), "free-pass-2025");
        assert_eq!(slugify("？"), "section");
    }

    #[test]
    fn made_up_ids_are_numbered_around_explicit_theme_and_chart_ids() {
        let theme = theme();
        let mut ids = PageIds::new(&theme);
        ids.claim("手順-1", place("content/a.md", 3)).unwrap();
        assert_eq!(ids.make("手順"), "手順");
        assert_eq!(ids.make("手順"), "手順-2");
        assert_eq!(ids.make("main"), "main-1");
        assert_eq!(ids.make("news-heading"), "news-heading-1");
        assert_eq!(ids.make("map-desc"), "h-map-desc");
        assert_eq!(ids.make("手順-2"), "手順-2-1");
    }

    #[test]
    fn an_explicit_id_twice_names_the_first_place() {
        let theme = theme();
        let mut ids = PageIds::new(&theme);
        ids.claim("fee", place("content/faq/a.md", 4)).unwrap();
        assert_eq!(
            ids.claim("fee", place("content/faq/b.md", 9)),
            Err(place("content/faq/a.md", 4))
        );
    }

    #[test]
    fn twenty_thousand_identical_headings_are_numbered_in_linear_time() {
        let theme = theme();
        let mut ids = PageIds::new(&theme);
        let last = (0..20_000).map(|_| ids.make("手順")).last().unwrap();
        assert_eq!(last, "手順-19999");
    }
}
