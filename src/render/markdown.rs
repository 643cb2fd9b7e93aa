//! Parsed bodies to HTML: the model's nodes back to pulldown-cmark events,
//! live figures filled in from the figures, videos as their markup, tables
//! wrapped so they scroll on a phone and named after the heading above them
//! (Markdown has no caption syntax). Nothing is parsed here.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd, html};

use super::format;
use crate::figures::{Counts, Figures};
use crate::model::markdown::shortcodes::{FigurePlace, FigureRef, FigureValue, Video, VideoSource};
use crate::model::markdown::{Body, Node};

/// Renders a body, its live figures written by `figure` (render passes
/// [`figure_text`]).
pub fn to_html(body: &Body, figure: impl Fn(&FigureRef) -> String) -> String {
    let mut heading: Option<String> = None;
    let mut last_heading = String::new();
    let mut events = Vec::with_capacity(body.nodes.len());
    for node in &body.nodes {
        match node {
            Node::Figure(reference) => {
                events.push(Event::Text(figure(reference).into()));
            }
            Node::Video(video) => events.push(Event::Html(video_html(video).into())),
            Node::Md(event) => {
                match event {
                    Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
                    Event::Text(t) | Event::Code(t) => {
                        if let Some(text) = &mut heading {
                            text.push_str(t);
                        }
                    }
                    Event::End(TagEnd::Heading(_)) => {
                        last_heading = heading.take().unwrap_or_default().trim().to_string();
                    }
                    _ => {}
                }
                match event {
                    Event::Start(Tag::Table(_)) => {
                        let name = if last_heading.is_empty() {
                            "表"
                        } else {
                            &last_heading
                        };
                        events.push(Event::Html(
                            format!(
                                "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
                                format::escape(name)
                            )
                            .into(),
                        ));
                        events.push(event.clone());
                        events.push(Event::Html("<caption class=\"visually-hidden\">".into()));
                        events.push(Event::Text(name.to_string().into()));
                        events.push(Event::Html("</caption>".into()));
                    }
                    Event::End(TagEnd::Table) => {
                        events.push(event.clone());
                        events.push(Event::Html(CowStr::from("</div>")));
                    }
                    _ => events.push(event.clone()),
                }
            }
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

/// A live figure as the pages show it: `14.6%`, `166`, `令和7年11月30日`
/// (`–` for a rate over zero offices, or an as-of date before any snapshot).
pub fn figure_text(figure: &FigureRef, figures: &Figures) -> String {
    let current = &figures.current;
    let counts: Counts = match figure.place {
        FigurePlace::Place(place) => current.places[place],
        FigurePlace::Group(group) => current.groups[group],
    };
    match figure.value {
        FigureValue::Offices => counts.offices.to_string(),
        FigureValue::Adopted => counts.adopted.to_string(),
        FigureValue::Rate => format::percent(counts.rate()),
        FigureValue::CmOffices => counts.cm_offices.to_string(),
        FigureValue::CmAdopted => counts.cm_adopted.to_string(),
        FigureValue::CmRate => format::percent(counts.cm_rate()),
        FigureValue::Linking => counts.linking.to_string(),
        FigureValue::Planned => counts.planned.to_string(),
        FigureValue::AsOf => current.date.map_or_else(|| "–".to_string(), format::era),
    }
}

/// A video with its title and a text link to it, never playing by itself:
/// a YouTube video through youtube-nocookie.com (no cookies until played), a
/// file in the browser's own player.
fn video_html(video: &Video) -> String {
    let title = format::escape(&video.title);
    let (player, link, label) = match &video.source {
        VideoSource::YouTube { id, link } => (
            format!(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/{id}\" title=\"{title}\" loading=\"lazy\" allow=\"encrypted-media; picture-in-picture; fullscreen\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"
            ),
            link.as_str(),
            "YouTubeで見る",
        ),
        VideoSource::File { url } => (
            format!(
                "<video controls preload=\"metadata\" src=\"{}\" title=\"{title}\"></video>",
                format::escape(url)
            ),
            url.as_str(),
            "動画ファイルを開く",
        ),
    };
    format!(
        "<figure class=\"video\">{player}<figcaption>{title}（<a href=\"{}\">{label}</a>）</figcaption></figure>\n",
        format::escape(link)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markdown::parse_for_test;

    fn html(markdown: &str) -> String {
        to_html(&parse_for_test(markdown, &[]).0.body, |_| {
            "14.6%".to_string()
        })
    }

    #[test]
    fn tables_are_wrapped_and_named_after_the_heading_above() {
        let out = html("## 費用 は？\n\n|a|\n|-|\n|1|\n");
        assert!(
            out.contains(
                "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"費用 は？\"><table><caption class=\"visually-hidden\">費用 は？</caption>"
            ),
            "{out}"
        );
        assert!(out.contains("</table>\n</div>"), "{out}");
    }

    #[test]
    fn a_table_before_any_heading_is_named_table_and_names_are_escaped() {
        let out = html("|a|\n|-|\n|1|\n\n## \"A&B\"\n\n|b|\n|-|\n|2|\n");
        assert!(
            out.contains(
                "aria-label=\"表\"><table><caption class=\"visually-hidden\">表</caption>"
            ),
            "{out}"
        );
        assert!(out.contains("aria-label=\"&quot;A&amp;B&quot;\""), "{out}");
    }

    #[test]
    fn live_figures_are_filled_in_and_videos_stand_alone() {
        let out = html(
            "率は{{ figure(value=\"rate\") }}です。\n\n{{ video(src=\"https://youtu.be/abc\", title=\"説明会\") }}\n",
        );
        assert!(
            out.starts_with("<p>率は14.6%です。</p>\n<figure class=\"video\">"),
            "{out}"
        );
    }

    #[test]
    fn a_youtube_video_is_embedded_without_cookies_or_autoplay() {
        let html = video_html(&Video {
            title: "説明会 \"第1回\"".to_string(),
            source: VideoSource::YouTube {
                id: "abc123".to_string(),
                link: "https://youtu.be/abc123?a=1&b=2".to_string(),
            },
        });
        assert_eq!(
            html,
            "<figure class=\"video\"><iframe src=\"https://www.youtube-nocookie.com/embed/abc123\" title=\"説明会 &quot;第1回&quot;\" loading=\"lazy\" allow=\"encrypted-media; picture-in-picture; fullscreen\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe><figcaption>説明会 &quot;第1回&quot;（<a href=\"https://youtu.be/abc123?a=1&amp;b=2\">YouTubeで見る</a>）</figcaption></figure>\n"
        );
        assert!(!html.contains("autoplay"));
    }

    #[test]
    fn a_video_file_plays_in_the_browser() {
        let html = video_html(&Video {
            title: "操作".to_string(),
            source: VideoSource::File {
                url: "/careplan/guides/a.mp4".to_string(),
            },
        });
        assert!(html.contains("<video controls preload=\"metadata\" src=\"/careplan/guides/a.mp4\" title=\"操作\"></video>"), "{html}");
        assert!(
            html.contains("<a href=\"/careplan/guides/a.mp4\">動画ファイルを開く</a>"),
            "{html}"
        );
    }
}
