//! The stages in order: load → model → figures → render → check. `build`, `check`
//! and `serve` all run this one function, so they can never disagree about
//! what a site means; what they do with the result (write it, check it,
//! serve it) is theirs.

use std::path::Path;

use crate::date::Date;
use crate::diag::Diagnostics;
use crate::render::Rendered;
use crate::{check, figures, load, model, render};

/// Runs every stage up to the rendered site, as of `today` (the commands
/// read the clock, the pipeline does not). Diagnostics (warnings, and errors
/// when it fails) are returned either way.
pub fn run(root: &Path, base_url: Option<&str>, today: Date) -> (Option<Rendered>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let rendered = load::load(root, base_url, today, &mut diags)
        .inspect(|inputs| model::placeholders::check(inputs, &mut diags))
        .and_then(|inputs| model::build(inputs, &mut diags))
        .filter(|_| !diags.has_errors())
        .and_then(|site| {
            let figures = figures::compute(&site);
            match render::render(site, figures) {
                Ok(rendered) => {
                    let found = check::run(&rendered);
                    let ok = !found.has_errors();
                    diags.extend(found);
                    ok.then_some(rendered)
                }
                Err(errors) => {
                    diags.extend(errors);
                    None
                }
            }
        });
    (rendered, diags)
}
