//! Machine-read XML: the news feed and the sitemap. Built here rather than in
//! templates because their escaping and date rules are fixed by the formats.

use super::format::escape as xml;
use crate::date::Date;
use crate::figures::Figures;
use crate::model::Site;
use crate::model::places::{PlaceId, PlaceKind};
use crate::urls;

/// A day as an Atom timestamp, at midnight Japan time.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00+09:00")
}

/// When a feed without entries of its own was last updated: the newest date
/// the site knows (its as-of date, its newest news item), or, on a site with
/// neither, the start of the Unix epoch. RFC 4287 requires every feed to have
/// an `updated`, and the build never reads the clock.
fn site_updated(site: &Site, figures: &Figures) -> Date {
    let news = site.content.news.pages.iter().filter_map(|p| p.front.date);
    figures
        .current
        .date
        .into_iter()
        .chain(news)
        .max()
        .unwrap_or_else(|| Date::from_days_since_epoch(0))
}

/// The head of an Atom feed: its title, its own and its page's address,
/// the newest entry's date (or [`site_updated`]) and the author.
fn feed_head(site: &Site, title: &str, feed: &str, page: &str, updated: Date) -> String {
    let urls = site.config.urls();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n",
    );
    out.push_str(&format!("  <title>{}</title>\n", xml(title)));
    out.push_str(&format!(
        "  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n",
        xml(&urls.absolute(feed))
    ));
    out.push_str(&format!(
        "  <link href=\"{}\"/>\n",
        xml(&urls.absolute(page))
    ));
    out.push_str(&format!("  <id>{}</id>\n", xml(&urls.absolute(page))));
    out.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(site
            .config
            .organization
            .as_deref()
            .unwrap_or(&site.config.title))
    ));
    out
}

/// `news/atom.xml`: every news item, newest first, with its rendered body.
pub fn atom(site: &Site, figures: &Figures, bodies: &[String]) -> Vec<u8> {
    let urls = site.config.urls();
    let news = &site.content.news.pages;
    let updated = news
        .iter()
        .filter_map(|p| p.front.date)
        .max()
        .unwrap_or_else(|| site_updated(site, figures));
    let mut out = feed_head(
        site,
        &format!("{}（お知らせ）", site.config.title),
        urls::NEWS_FEED,
        urls::NEWS,
        updated,
    );
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

/// `offices/atom.xml` (the site's own place) or `municipalities/CODE/atom.xml`:
/// one entry per office and snapshot date it was newly adopted on, newest first.
pub fn newly_adopted(site: &Site, figures: &Figures, place: PlaceId) -> (String, Vec<u8>) {
    let urls = site.config.urls();
    let p = site.places.get(place);
    let (feed, page) = match p.kind {
        PlaceKind::Prefecture => (urls::OFFICES_FEED.to_string(), urls::OFFICES.to_string()),
        _ => (urls::municipality_feed(&p.code), urls::place(p)),
    };
    let dates = &figures.newly_adopted[place];
    let mut out = feed_head(
        site,
        &format!("{}（{}で新たに導入した事業所）", site.config.title, p.name),
        &feed,
        &page,
        dates
            .first()
            .map_or_else(|| site_updated(site, figures), |on| on.date),
    );
    for on in dates {
        for &id in &on.offices {
            let o = site.office(id);
            let url = urls.absolute(&urls::office(&o.number));
            let municipality = &site.places.get(o.municipality).name;
            out.push_str("  <entry>\n");
            out.push_str(&format!(
                "    <title>{}がケアプランデータ連携システムを導入しました</title>\n",
                xml(&o.name)
            ));
            out.push_str(&format!("    <link href=\"{}\"/>\n", xml(&url)));
            out.push_str(&format!("    <id>{}#{}</id>\n", xml(&url), on.date));
            out.push_str(&format!("    <updated>{}</updated>\n", timestamp(on.date)));
            out.push_str(&format!(
                "    <summary>{}・{}（{}時点の導入事業所の一覧で初めて確認）</summary>\n",
                xml(municipality),
                xml(&o.service_types.join("、")),
                super::format::era(on.date)
            ));
            out.push_str("  </entry>\n");
        }
    }
    out.push_str("</feed>\n");
    (feed, out.into_bytes())
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
