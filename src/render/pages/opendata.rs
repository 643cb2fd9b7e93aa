//! The `opendata/` page: the editor's introduction (`content/opendata.md`,
//! when there is one) above the generated list of every open-data file with
//! its columns, licence, size and as-of date. Built from the rendered files'
//! descriptions, so it is rendered after them.

use serde::Serialize;

use super::{Builder, Job};
use crate::render::catalog::{self, DataFile};
use crate::render::format;
use crate::render::views::{Link, PageView};
use crate::urls;

#[derive(Serialize)]
struct OpenDataContext {
    page: PageView,
    files: Vec<DataFileView>,
    /// The catalogue's URL, for harvesters and the curious.
    catalog_url: String,
    license: Link,
    /// `令和7年11月30日`; empty before the first snapshot.
    as_of_era: String,
}

#[derive(Serialize)]
struct DataFileView {
    title: String,
    /// File name as shown and as downloaded (`trend.csv`).
    name: String,
    url: String,
    format: &'static str,
    /// What a column is called in this format: `列` (CSV) or `キー` (JSON).
    column_word: &'static str,
    description: String,
    size: String,
    columns: Vec<ColumnView>,
}

#[derive(Serialize)]
struct ColumnView {
    name: &'static str,
    meaning: String,
}

impl Builder<'_> {
    /// The page listing `files` (as described by [`catalog::describe`]).
    pub(in crate::render) fn opendata(&self, files: &[DataFile]) -> Job {
        let path = urls::OPEN_DATA_PAGE.to_string();
        let intro = self
            .site
            .content
            .others
            .iter()
            .find(|p| p.slug == catalog::PAGE);
        let page = self.index_view(intro, catalog::TITLE);
        let description = intro.and_then(|p| p.front.description.as_deref());
        let meta = self.meta(
            &path,
            &page.title,
            description,
            catalog::PAGE,
            &[self.crumb(&page.title, &path)],
        );
        let license = self.site.config.license;
        let context = OpenDataContext {
            page,
            files: files
                .iter()
                .map(|f| DataFileView {
                    title: f.title.to_string(),
                    name: f.path.trim_start_matches("data/").to_string(),
                    url: self.url(f.path),
                    format: f.format,
                    column_word: if f.format == "JSON" { "キー" } else { "列" },
                    description: f.description.clone(),
                    size: format::bytes(f.bytes),
                    columns: f
                        .columns
                        .iter()
                        .map(|(name, meaning)| ColumnView {
                            name,
                            meaning: meaning.clone(),
                        })
                        .collect(),
                })
                .collect(),
            catalog_url: self.url(catalog::PATH),
            license: Link {
                title: license.title().to_string(),
                url: license.url().to_string(),
            },
            as_of_era: self.site_view.as_of_era.clone(),
        };
        self.job(&path, "opendata.html", meta, context)
    }
}
