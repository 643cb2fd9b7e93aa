//! What `renkei new` left to be filled in: its placeholder address,
//! organisation and contact texts. Each one left is a warning naming its
//! file and line, so a plain build still previews the site and
//! `check --strict` refuses to let it be published half-finished.
//!
//! The texts are the constants the starter is written from
//! ([`crate::scaffold::placeholders`]), never copies of them.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Inputs;
use crate::load::config;
use crate::messages::scaffold::ScaffoldMsg;
use crate::scaffold::placeholders::{BASE_URL, CONTACT, NOTE, ORGANIZATION};

/// Warns about every placeholder of `renkei new` still in the site. The
/// address is judged as the build uses it, so `--base-url` (and `serve`,
/// which previews at its own address) does not warn.
pub fn check(inputs: &Inputs, diags: &mut Diagnostics) {
    let site = &inputs.config;
    let organization = site
        .organization
        .as_deref()
        .is_some_and(|o| o.contains(ORGANIZATION));
    if site.base_url == BASE_URL || organization {
        // The loader keeps no lines for these keys; site.toml was read
        // whole a moment ago, so reading it again costs nothing.
        let text = std::fs::read_to_string(inputs.root.join(config::FILE)).unwrap_or_default();
        if site.base_url == BASE_URL {
            let message = ScaffoldMsg::PlaceholderBaseUrl {
                url: BASE_URL.to_string(),
            };
            diags.push(at(config::FILE, &text, BASE_URL, message));
        }
        if organization {
            let message = ScaffoldMsg::PlaceholderOrganization {
                text: ORGANIZATION.to_string(),
            };
            diags.push(at(config::FILE, &text, ORGANIZATION, message));
        }
    }
    for page in &inputs.pages {
        for (index, line) in page.body.lines().enumerate() {
            let number = page.body_line + index;
            if line.starts_with(NOTE) {
                let message = ScaffoldMsg::PlaceholderNote {
                    note: NOTE.trim_start_matches("> ").replace('*', ""),
                };
                diags.push(Diagnostic::warning(&page.path, message).at_line(number));
            }
            for text in CONTACT.iter().filter(|text| line.contains(**text)) {
                let message = ScaffoldMsg::PlaceholderContact {
                    text: text.to_string(),
                };
                diags.push(Diagnostic::warning(&page.path, message).at_line(number));
            }
        }
    }
}

/// A warning at the first line of `text` (a file) holding `needle`.
fn at(path: impl AsRef<Path>, text: &str, needle: &str, message: ScaffoldMsg) -> Diagnostic {
    let warning = Diagnostic::warning(path, message);
    match text.lines().position(|line| line.contains(needle)) {
        Some(index) => warning.at_line(index + 1),
        None => warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffold::{self, Starter};

    /// A fresh starter site for Oita, loaded as the build loads it.
    fn starter() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let oita = crate::gov_codes::find_prefecture("44").unwrap();
        scaffold::create(dir.path(), Starter::Prefecture(oita)).unwrap();
        dir
    }

    fn findings(root: &Path) -> Vec<String> {
        let mut diags = Diagnostics::default();
        let today = crate::date::Date::parse("2025-12-01").unwrap();
        let inputs = crate::load::load(root, None, today, &mut diags).unwrap();
        let mut found = Diagnostics::default();
        check(&inputs, &mut found);
        found.into_sorted().iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn names_every_placeholder_of_a_new_site() {
        let dir = starter();
        let found = findings(dir.path());
        assert_eq!(found.len(), 7, "{found:#?}");
        assert!(
            found[0].starts_with(
                "warning: content/contact.md:7: the contact page still holds the note to editors"
            ),
            "{}",
            found[0]
        );
        assert_eq!(
            found[1],
            "warning: content/contact.md:13: the contact page still holds \"（担当課・委託先の名前）\" that renkei new wrote: write the desk's real details"
        );
        assert!(
            found[5].starts_with("warning: site.toml:8: base_url is still the placeholder"),
            "{}",
            found[5]
        );
        assert!(
            found[6].starts_with("warning: site.toml:17: organization still holds"),
            "{}",
            found[6]
        );
    }
}
