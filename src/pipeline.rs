//! The stages in order: load → model → figures → render, and whoever consumes
//! the rendered site (write for `build`, memory for `serve`). `build`,
//! `check` and `serve` all run this one function, so they can never disagree
//! about what a site means.

use std::path::Path;

use crate::date::Date;
use crate::diag::Diagnostics;
use crate::render::{Output, Rendered};
use crate::{figures, load, model, render};

/// Runs every stage up to the rendered site, as of `today` (the commands
/// read the clock, the pipeline does not), and hands it to `consume` once
/// it is complete and its links hold. Diagnostics (warnings, and errors when
/// it fails) are returned either way, `consume`'s own included.
pub fn run<R>(
    root: &Path,
    base_url: Option<&str>,
    today: Date,
    consume: impl FnOnce(Rendered<'_>, &mut Diagnostics) -> Option<R>,
) -> (Option<R>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let site = load::load(root, base_url, today, &mut diags)
        .inspect(|inputs| model::placeholders::check(inputs, &mut diags))
        .and_then(|inputs| model::build(inputs, &mut diags))
        .filter(|_| !diags.has_errors());
    let Some(site) = site else {
        return (None, diags);
    };
    let figures = figures::compute(&site);
    let rendered = match render::render(&site, &figures) {
        Ok(rendered) => rendered,
        Err(errors) => {
            diags.extend(errors);
            return (None, diags);
        }
    };
    // Links and images in Markdown are checked against what was rendered:
    // most pages exist only from here on.
    let broken = model::markdown::links::verify(&site.content.targets, |p| rendered.file(p));
    let ok = !broken.has_errors();
    diags.extend(broken);
    let consumed = if ok {
        consume(rendered, &mut diags)
    } else {
        None
    };
    (consumed, diags)
}

/// The whole site in memory: what the preview server serves and
/// `build --watch` compares.
pub fn in_memory(
    root: &Path,
    base_url: Option<&str>,
    today: Date,
) -> (Option<Output>, Diagnostics) {
    run(root, base_url, today, |rendered, diags| {
        rendered.into_output(diags)
    })
}
