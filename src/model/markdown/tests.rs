//! Parsing, ids and FAQ splitting of single bodies.

use super::*;

use super::parse_for_test as parse_text;

fn ids_of(parsed: &mut Parsed) -> (Vec<Heading>, Vec<String>) {
    let mut headings = Vec::new();
    let mut diags = Diagnostics::default();
    let theme = HashSet::from(["main".to_string()]);
    let mut page = PageIds::new(&theme);
    settle_ids(
        &mut page,
        &mut [PageFile {
            path: Path::new("content/guides/usb.md"),
            body: &mut parsed.body,
            slots: &parsed.slots,
            headings: &mut headings,
        }],
        &[],
        &mut diags,
    );
    (headings, diags.into_iter().map(|d| d.to_string()).collect())
}

#[test]
fn ids_keep_japanese_and_are_unique() {
    let (mut parsed, _) = parse_text(
        "## ライセンス料は？\n\n## Free Pass 2025\n\n## ライセンス料は？\n\n## 設定 {#setup}\n\n## main\n",
        &[],
    );
    let (headings, errors) = ids_of(&mut parsed);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ライセンス料は",
            "free-pass-2025",
            "ライセンス料は-1",
            "setup",
            "main-1"
        ]
    );
    let in_nodes: Vec<String> = parsed
        .body
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Md(Event::Start(Tag::Heading { id, .. })) => id.as_ref().map(|i| i.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(in_nodes, ids);
}

#[test]
fn an_explicit_id_twice_names_both_lines() {
    let (mut parsed, _) = parse_text("## A {#x}\n\ntext\n\n## B {#x}\n", &[]);
    let (_, errors) = ids_of(&mut parsed);
    assert_eq!(
        errors,
        [
            "error: content/guides/usb.md:8: heading id \"x\" is also used at content/guides/usb.md:4: ids must be unique on the page"
        ]
    );
}

#[test]
fn an_explicit_theme_id_is_left_to_the_check_stage() {
    // Whether the page really has it twice is known only once it is rendered.
    let (mut parsed, _) = parse_text("## A {#main}\n", &[]);
    let (headings, errors) = ids_of(&mut parsed);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(headings[0].id, "main");
}

#[test]
fn twenty_thousand_identical_headings_parse_and_number_quickly() {
    let body = "## 手順\n\n".repeat(20_000);
    let started = std::time::Instant::now();
    let (mut parsed, _) = parse_text(&body, &[]);
    let (headings, _) = ids_of(&mut parsed);
    assert_eq!(headings.last().unwrap().id, "手順-19999");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn raw_html_is_left_out_with_a_warning() {
    let (parsed, warnings) = parse_text("<script>alert(1)</script>\n\n本文<span>x</span>\n", &[]);
    assert_eq!(
        warnings,
        [
            "warning: content/guides/usb.md:4: raw HTML is left out (site.toml can allow it with [markdown] unsafe_html = true)",
            "warning: content/guides/usb.md:6: raw HTML is left out (site.toml can allow it with [markdown] unsafe_html = true)",
        ]
    );
    assert!(
        parsed
            .body
            .nodes
            .iter()
            .all(|n| !matches!(n, Node::Md(Event::Html(_) | Event::InlineHtml(_))))
    );
}

#[test]
fn unsafe_links_are_dropped_and_their_text_kept() {
    let (parsed, warnings) = parse_text(
        "[押す](javascript:alert(1)) ![図](data:image/png;base64,AA) [d](data:text/html,x)\n",
        &[],
    );
    assert_eq!(
        warnings,
        [
            "warning: content/guides/usb.md:4: link \"javascript:alert(1)\" is left out (javascript: addresses run code); its text is kept",
            "warning: content/guides/usb.md:4: link \"data:text/html,x\" is left out (data: addresses are allowed for images only); its text is kept",
        ]
    );
    let links = parsed
        .body
        .nodes
        .iter()
        .filter(|n| matches!(n, Node::Md(Event::Start(Tag::Link { .. }))))
        .count();
    assert_eq!(links, 0);
    assert!(
        parsed
            .body
            .nodes
            .iter()
            .any(|n| matches!(n, Node::Md(Event::Text(t)) if t.as_ref() == "押す"))
    );
}

#[test]
fn shortcodes_in_code_stay_text() {
    let (parsed, errors) = parse_text(
        "`{{ figure(value=\"x\") }}`\n\n```\n{{ figure(value=\"x\") }}\n```\n",
        &[],
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!(parsed.body.nodes.iter().all(|n| matches!(n, Node::Md(_))));
}

#[test]
fn a_figure_is_checked_with_its_line() {
    let (_, errors) = parse_text(
        "本文\n\n率は{{ figure(value=\"ratio\") }}、{{ figure(value=\"planned\") }}、{{ figure(value=\"rate\", place=\"大阪市\") }}\n",
        &[],
    );
    assert_eq!(
        errors,
        [
            "error: content/guides/usb.md:6: figure: unknown value \"ratio\": expected one of offices, adopted, rate, cm_offices, cm_adopted, cm_rate, linking, planned, as_of",
            "error: content/guides/usb.md:6: figure: unknown place \"大阪市\": expected a municipality code or name of data/municipalities.csv, an area id of data/areas.csv or a group name of site.toml",
        ]
    );
}

#[test]
fn a_video_alone_is_a_block_and_beside_text_an_error() {
    let (parsed, errors) = parse_text(
        "{{ video(src=\"https://youtu.be/abc\", title=\"説明会\") }}\n",
        &[],
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        matches!(parsed.body.nodes[..], [Node::Video(_)]),
        "{:?}",
        parsed.body.nodes
    );
    let (_, errors) = parse_text(
        "見る {{ video(src=\"https://youtu.be/abc\", title=\"説明会\") }}\n\n{{ video(src=\"https://vimeo.com/1\", title=\"x\") }}\n\n{{ video(src=\"a.mp4\") }}\n",
        &[],
    );
    assert_eq!(
        errors,
        [
            "error: content/guides/usb.md:4: a video must be a paragraph of its own: put {{ video(...) }} on its own line with an empty line before and after",
            "error: content/guides/usb.md:6: video: src \"https://vimeo.com/1\" must be a video file under content/ or a YouTube address (youtube.com/watch?v=ID or youtu.be/ID)",
            "error: content/guides/usb.md:8: video: missing title=\"...\", which names the video for screen readers",
        ]
    );
}

#[test]
fn a_video_file_beside_the_page_is_its_content_path() {
    let (parsed, errors) = parse_text(
        "{{ video(src=\"intro.mp4\", title=\"操作\") }}\n",
        &["guides/intro.mp4"],
    );
    assert!(errors.is_empty(), "{errors:?}");
    match &parsed.body.nodes[..] {
        [Node::Video(video)] => assert_eq!(
            video.source,
            VideoSource::File {
                url: "/careplan/guides/intro.mp4".into()
            }
        ),
        other => panic!("{other:?}"),
    }
    assert!(parsed.targets.is_empty());
}

#[test]
fn faq_files_split_at_top_level_questions() {
    let (mut parsed, _) = parse_text(
        "はじめに\n\n## 費用は？\n\n年額です。\n\n> ## 引用内\n\n## 対象は？ {#who}\n\n全事業所です。\n",
        &[],
    );
    let (headings, _) = ids_of(&mut parsed);
    let (intro, questions) = split_questions(parsed.body, &parsed.slots, &headings);
    assert_eq!(intro.nodes.len(), 3);
    let names: Vec<(&str, &str)> = questions
        .iter()
        .map(|(h, _)| (h.id.as_str(), h.text.as_str()))
        .collect();
    assert_eq!(names, [("費用は", "費用は？"), ("who", "対象は？")]);
    assert!(
        questions[0]
            .1
            .nodes
            .iter()
            .any(|n| matches!(n, Node::Md(Event::Text(t)) if t.as_ref() == "引用内"))
    );
}

#[test]
fn shortcode_mistakes_are_errors_with_their_line() {
    let (_, errors) = parse_text(
        "## 率 {{ figure(value=\"rate\") }}\n\n{{ video(src=\"a.mp4\", title=\"t\", autoplay=\"1\") }}\n\n{{ video(title=\"t\") }}\n\n{{ figure(value=rate) }}\n",
        &[],
    );
    assert_eq!(
        errors,
        [
            "error: content/guides/usb.md:4: {{ figure(...) }} cannot stand in a heading, whose text is also the table of contents",
            "error: content/guides/usb.md:6: video: unknown argument \"autoplay\": expected src=\"...\" and title=\"...\"",
            "error: content/guides/usb.md:8: video: missing src=\"...\" (a video file under content/ or a YouTube address)",
            "error: content/guides/usb.md:10: cannot read {{ figure(value=rate) }}: expected figure(key=\"value\", key=\"value\")",
        ]
    );
}

#[test]
fn footnote_labels_are_ids_of_the_page_and_numbered_across_files() {
    let (mut first, _) = parse_text("a[^1]\n\n[^1]: 注\n", &[]);
    let (mut second, _) = parse_text("b[^1]\n\n[^1]: 注\n", &[]);
    let theme = HashSet::from(["main".to_string()]);
    let mut page = PageIds::new(&theme);
    let mut headings = (Vec::new(), Vec::new());
    let path = Path::new("content/faq/a.md");
    settle_ids(
        &mut page,
        &mut [
            PageFile {
                path,
                body: &mut first.body,
                slots: &first.slots,
                headings: &mut headings.0,
            },
            PageFile {
                path,
                body: &mut second.body,
                slots: &second.slots,
                headings: &mut headings.1,
            },
        ],
        &[],
        &mut Diagnostics::default(),
    );
    let labels = |body: &Body| -> Vec<String> {
        body.nodes
            .iter()
            .filter_map(|n| match n {
                Node::Md(Event::FootnoteReference(l))
                | Node::Md(Event::Start(Tag::FootnoteDefinition(l))) => Some(l.to_string()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(labels(&first.body), ["1", "1"]);
    assert_eq!(labels(&second.body), ["1-1", "1-1"]);
}
