//! Heading ids, made final in the model so that a link's anchor is checked
//! against exactly the id the page will carry.
//!
//! Ids are unique per *output page*, not per file: all FAQ files share `faq/`,
//! and the theme writes ids of its own on each page. Explicit `{#id}`s are
//! claimed first (twice on one page is an error naming both places), then
//! made-up ids are numbered (`手順`, `手順-1`) with one counter per base, so a
//! page of 20,000 identical headings costs 20,000 steps, not 20,000².

use std::collections::{HashMap, HashSet};

/// Ids the default theme writes on every page (the skip link's target).
const EVERY_PAGE: &[&str] = &["main"];

/// Ids the default theme writes on the home page besides [`EVERY_PAGE`].
const HOME_PAGE: &[&str] = &[
    "figures-heading",
    "trend-heading",
    "municipality-heading",
    "news-heading",
    "guides-heading",
    "software-heading",
];

/// The ids a page's template writes itself, which no heading may take.
pub fn theme_ids(home: bool) -> impl Iterator<Item = &'static str> {
    let home_ids: &[&str] = if home { HOME_PAGE } else { &[] };
    EVERY_PAGE.iter().chain(home_ids).copied()
}

/// Where an id was claimed, to name it when another place claims it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Written by the theme's template.
    Theme,
    /// A place in a content file, already shown as `content/faq/cost.md:4`
    /// (a FAQ category's id has no line: it is the file's name).
    Source(String),
}

/// The ids of one output page.
#[derive(Debug, Default)]
pub struct PageIds {
    claimed: HashMap<String, Claim>,
    made: HashSet<String>,
    /// Per base, the next number to try.
    next: HashMap<String, usize>,
}

impl PageIds {
    /// A page whose template writes `theme` ids.
    pub fn new(theme: impl Iterator<Item = &'static str>) -> PageIds {
        let mut ids = PageIds::default();
        for id in theme {
            ids.claimed.insert(id.to_string(), Claim::Theme);
        }
        ids
    }

    /// Takes an explicit id; when the page has it already, returns who has it.
    pub fn claim(&mut self, id: &str, place: Claim) -> Result<(), Claim> {
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
    pub fn make(&mut self, base: &str) -> String {
        let next = self.next.entry(base.to_string()).or_insert(0);
        loop {
            let id = match *next {
                0 => base.to_string(),
                n => format!("{base}-{n}"),
            };
            *next += 1;
            if !self.claimed.contains_key(&id) && self.made.insert(id.clone()) {
                return id;
            }
        }
    }

    /// Every id of the page, theme ids included.
    pub fn all(&self) -> HashSet<String> {
        self.claimed.keys().chain(&self.made).cloned().collect()
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

    #[test]
    fn slugs_keep_japanese() {
        assert_eq!(slugify("ライセンス料は？"), "ライセンス料は");
        assert_eq!(slugify("Free Pass 2025"), "free-pass-2025");
        assert_eq!(slugify("？"), "section");
    }

    #[test]
    fn made_up_ids_are_numbered_around_explicit_and_theme_ids() {
        let mut ids = PageIds::new(theme_ids(false));
        ids.claim("手順-1", Claim::Source("content/a.md:3".into()))
            .unwrap();
        assert_eq!(ids.make("手順"), "手順");
        assert_eq!(ids.make("手順"), "手順-2");
        assert_eq!(ids.make("main"), "main-1");
        assert_eq!(ids.make("手順-2"), "手順-2-1");
    }

    #[test]
    fn an_explicit_id_twice_names_the_first_place() {
        let mut ids = PageIds::new(theme_ids(true));
        let first = Claim::Source("content/faq/a.md:4".into());
        ids.claim("fee", first.clone()).unwrap();
        assert_eq!(
            ids.claim("fee", Claim::Source("content/faq/b.md:9".into())),
            Err(first)
        );
        assert_eq!(
            ids.claim("figures-heading", Claim::Source("x".into())),
            Err(Claim::Theme)
        );
    }

    #[test]
    fn twenty_thousand_identical_headings_are_numbered_in_linear_time() {
        let mut ids = PageIds::new(theme_ids(false));
        let started = std::time::Instant::now();
        let last = (0..20_000).map(|_| ids.make("手順")).last().unwrap();
        assert_eq!(last, "手順-19999");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}
