//! Machine-read XML: the news feed and the sitemap. Built here rather than in
//! templates because their escaping and date rules are fixed by the formats.

use super::format::escape as xml;
use crate::date::Date;
use crate::model::Site;
use crate::urls;

/// A day as an Atom timestamp, at midnight Japan time.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00+09:00")
}

/// `news/atom.xml`: every news item, newest first, with its rendered body.
pub fn atom(site: &Site, bodies: &[String]) -> Vec<u8> {
    let urls = site.config.urls();
    let news = &site.content.news.pages;
    let updated = news.iter().filter_map(|p| p.front.date).max();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n",
    );
    out.push_str(&format!(
        "  <title>{}（お知らせ）</title>\n",
        xml(&site.config.title)
    ));
    out.push_str(&format!(
        "  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n",
        xml(&urls.absolute(urls::NEWS_FEED))
    ));
    out.push_str(&format!(
        "  <link href=\"{}\"/>\n",
        xml(&urls.absolute(urls::NEWS))
    ));
    out.push_str(&format!("  <id>{}</id>\n", xml(&urls.absolute(urls::NEWS))));
    if let Some(updated) = updated {
        out.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    }
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(site
            .config
            .organization
            .as_deref()
            .unwrap_or(&site.config.title))
    ));
    for (page, body) in news.iter().zip(bodies) {
        let url = urls.absolute(&page.url);
        let date = page
            .front
            .date
            .expect("news pages have a date (checked by the model)");
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml(&page.front.title)));
        out.push_str(&format!("    <link href=\"{}\"/>\n", xml(&url)));
        out.push_str(&format!("    <id>{}</id>\n", xml(&url)));
        out.push_str(&format!("    <updated>{}</updated>\n", timestamp(date)));
        if let Some(description) = &page.front.description {
            out.push_str(&format!("    <summary>{}</summary>\n", xml(description)));
        }
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml(body)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// `sitemap.xml` over every HTML page but the 404 page, sorted.
pub fn sitemap(site: &Site, html_paths: &[&str]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in html_paths {
        let Some(dir) = path.strip_suffix("index.html") else {
            continue;
        };
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml(&site.config.urls().absolute(dir))
        ));
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}
