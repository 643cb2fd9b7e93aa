//! Markdown bodies, parsed once here into what render only turns into HTML.
//!
//! A body is pulldown-cmark's events with everything the model decides
//! already decided: heading ids final ([`ids`]), links and images resolved
//! ([`links`]), live figures and videos checked ([`shortcodes`]), raw HTML
//! and `javascript:` links left out unless the site allows raw HTML. Render
//! maps the nodes back to events and calls `push_html` once; it never parses
//! Markdown again, so an anchor that checks here is the id the page carries.

pub mod ids;
pub mod links;
pub mod shortcodes;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::messages::model::MarkdownMsg;
use ids::{IdPlace, PageIds};
use links::{Resolved, Target, Use};
use shortcodes::{FigureRef, Named, Video, VideoSource};

/// The Markdown dialect of every page: CommonMark with tables, footnotes,
/// strikethrough and `{#id}` heading attributes.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A parsed body, ready for render.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub nodes: Vec<Node>,
}

/// One piece of a body.
#[derive(Debug, Clone)]
pub enum Node {
    /// Markdown as pulldown-cmark gives it, ids and addresses final.
    Md(Event<'static>),
    /// A live figure, filled in by render from the figures.
    Figure(FigureRef),
    /// A video, standing as a block of its own.
    Video(Video),
}

/// A heading with the id it carries on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// What a file's body leaves to settle once every page is known: heading ids
/// (unique across its output page) and `@/` links (to pages and their ids).
#[derive(Debug, Default)]
pub struct Slots {
    headings: Vec<HeadingSlot>,
    source_links: Vec<SourceLink>,
    /// Nodes naming a footnote, whose label becomes an id on the page.
    footnotes: Vec<usize>,
}

#[derive(Debug)]
struct HeadingSlot {
    node: usize,
    level: u8,
    text: String,
    explicit: Option<String>,
    line: usize,
    /// Not inside a list or quote: a FAQ question can start here.
    top: bool,
}

#[derive(Debug)]
struct SourceLink {
    node: usize,
    target: String,
    line: usize,
}

/// What every body of the site is read with.
pub struct Setup<'a> {
    pub base_path: &'a str,
    /// The ids the theme's templates write as they stand.
    pub theme_ids: &'a HashSet<String>,
    pub unsafe_html: bool,
    /// Files under content/ that are not Markdown, by their path there.
    pub assets: &'a HashSet<String>,
    pub places: Named<'a>,
}

/// One Markdown file to parse.
pub struct File<'a> {
    /// Relative to the site root (`content/guides/usb.md`).
    pub path: &'a Path,
    pub body: &'a str,
    /// The line of the file on which `body` starts.
    pub body_line: usize,
    /// The page's path on the site (`guides/usb/`).
    pub url: &'a str,
}

/// A parsed file: its body, what is left to settle, and its internal
/// addresses to look for in the output.
pub struct Parsed {
    pub body: Body,
    pub slots: Slots,
    pub targets: Vec<Target>,
}

/// Parses one file: addresses resolved, shortcodes checked, unsafe parts left
/// out with a warning. Heading ids and `@/` links are left in `slots`.
pub fn parse(file: &File<'_>, setup: &Setup<'_>, diags: &mut Diagnostics) -> Parsed {
    let folder = file
        .path
        .parent()
        .and_then(|p| p.strip_prefix(crate::load::content::DIR).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let mut reader = Reader {
        file,
        setup,
        from: links::From {
            source: file.path,
            url: file.url,
            folder: &folder,
            base_path: setup.base_path,
            assets: setup.assets,
        },
        diags,
        nodes: Vec::new(),
        slots: Slots::default(),
        targets: Vec::new(),
        open: Vec::new(),
        dropped: Vec::new(),
        heading: None,
        in_html: false,
        html_warned_line: 0,
        paragraph: None,
        videos: Vec::new(),
    };
    let mut lines = Lines::new(file.body, file.body_line);
    let mut events = Parser::new_ext(file.body, options())
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = events.next() {
        let line = lines.at(range.start);
        if let Event::Text(text) = event {
            let mut text = text.into_string();
            while let Some((Event::Text(more), _)) =
                events.next_if(|(e, _)| matches!(e, Event::Text(_)))
            {
                text.push_str(&more);
            }
            reader.text(text, line);
        } else {
            reader.event(event, line);
        }
    }
    Parsed {
        body: Body {
            nodes: reader.nodes,
        },
        slots: reader.slots,
        targets: reader.targets,
    }
}

/// The state of reading one file's events.
struct Reader<'a, 'd> {
    file: &'a File<'a>,
    setup: &'a Setup<'a>,
    from: links::From<'a>,
    diags: &'d mut Diagnostics,
    nodes: Vec<Node>,
    slots: Slots,
    targets: Vec<Target>,
    /// The tags open around the current event.
    open: Vec<TagEnd>,
    /// For each open link or image, whether it was left out.
    dropped: Vec<bool>,
    heading: Option<usize>,
    in_html: bool,
    html_warned_line: usize,
    /// The node of the open paragraph's start.
    paragraph: Option<usize>,
    /// Videos (line) in the open paragraph.
    videos: Vec<usize>,
}

impl Reader<'_, '_> {
    fn error(&mut self, line: usize, message: impl Into<Text>) {
        self.diags
            .push(Diagnostic::error(self.file.path, message).at_line(line));
    }

    fn warning(&mut self, line: usize, message: impl Into<Text>) {
        self.diags
            .push(Diagnostic::warning(self.file.path, message).at_line(line));
    }

    fn push(&mut self, event: Event<'_>) {
        self.nodes.push(Node::Md(event.into_static()));
    }

    fn text(&mut self, text: String, line: usize) {
        if let Some(h) = self.heading {
            self.slots.headings[h].text.push_str(&text);
        }
        if self.in_html {
            return;
        }
        if self.open.contains(&TagEnd::CodeBlock) || !text.contains("{{") {
            self.push(Event::Text(text.into()));
            return;
        }
        for piece in shortcodes::split(&text) {
            match piece {
                shortcodes::Piece::Text(t) => self.push(Event::Text(t.to_string().into())),
                shortcodes::Piece::Bad(message) => self.error(line, message),
                shortcodes::Piece::Call { name, .. } if self.heading.is_some() => {
                    let name = name.to_string();
                    self.error(line, MarkdownMsg::InHeading { name })
                }
                shortcodes::Piece::Call {
                    name: "figure",
                    args,
                } => match shortcodes::figure(&args, &self.setup.places) {
                    Ok(figure) => self.nodes.push(Node::Figure(figure)),
                    Err(message) => self.error(line, message),
                },
                shortcodes::Piece::Call {
                    name: "video",
                    args,
                } => match self.video(&args, line) {
                    Ok(video) if self.open.last() == Some(&TagEnd::Paragraph) => {
                        self.videos.push(line);
                        self.nodes.push(Node::Video(video));
                    }
                    Ok(_) => self.error(line, MarkdownMsg::VideoAlone),
                    Err(message) => self.error(line, message),
                },
                shortcodes::Piece::Call { name, .. } => {
                    let name = name.to_string();
                    self.error(line, MarkdownMsg::UnknownShortcode { name })
                }
            }
        }
    }

    fn video(&mut self, args: &[(String, String)], line: usize) -> Result<Video, Text> {
        let [src, title] = shortcodes::arguments_of("video", args, ["src", "title"])?;
        let src = src.ok_or(MarkdownMsg::VideoNoSrc)?;
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(MarkdownMsg::VideoNoTitle)?
            .to_string();
        if let Some(id) = shortcodes::youtube_id(src) {
            let link = src.to_string();
            return Ok(Video {
                title,
                source: VideoSource::YouTube { id, link },
            });
        }
        match links::resolve(src, Use::Video, line, &self.from) {
            Resolved::Internal { url, check } => {
                self.targets.extend(check);
                Ok(Video {
                    title,
                    source: VideoSource::File { url },
                })
            }
            _ => Err(MarkdownMsg::VideoSrc {
                src: src.to_string(),
            }
            .into()),
        }
    }

    /// Resolves a link's or image's address; `None` when it is left out.
    fn address<'e>(&mut self, dest: CowStr<'e>, what: Use, line: usize) -> Option<CowStr<'e>> {
        match links::resolve(&dest, what, line, &self.from) {
            Resolved::AsWritten => {
                if dest.starts_with("@/") {
                    self.slots.source_links.push(SourceLink {
                        node: self.nodes.len(),
                        target: dest.to_string(),
                        line,
                    });
                }
                Some(dest)
            }
            Resolved::Unsafe(why) => {
                let message = MarkdownMsg::LeftOut {
                    what: what.word(),
                    dest: dest.to_string(),
                    why,
                };
                self.warning(line, message);
                None
            }
            Resolved::Internal { url, check } => {
                self.targets.extend(check);
                Some(url.into())
            }
            Resolved::Local => {
                let message = MarkdownMsg::LocalPath {
                    what: what.word(),
                    dest: dest.to_string(),
                    name: links::decode(links::file_name(&dest)),
                };
                self.error(line, message);
                Some(dest)
            }
            Resolved::Outside => {
                let message = MarkdownMsg::AboveRoot {
                    what: what.word(),
                    dest: dest.to_string(),
                    base: self.setup.base_path.to_string(),
                };
                self.error(line, message);
                Some(dest)
            }
        }
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Html(_) | Event::InlineHtml(_) if !self.setup.unsafe_html => {
                if !self.in_html && self.html_warned_line != line {
                    self.html_warned_line = line;
                    self.warning(line, MarkdownMsg::RawHtml);
                }
            }
            Event::Start(Tag::HtmlBlock) if !self.setup.unsafe_html => {
                self.open.push(TagEnd::HtmlBlock);
                self.warning(line, MarkdownMsg::RawHtml);
                self.in_html = true;
            }
            Event::End(TagEnd::HtmlBlock) if !self.setup.unsafe_html => {
                self.open.pop();
                self.in_html = false;
            }
            Event::Code(code) => {
                if let Some(h) = self.heading {
                    self.slots.headings[h].text.push_str(&code);
                }
                self.push(Event::Code(code));
            }
            Event::FootnoteReference(label) => {
                self.slots.footnotes.push(self.nodes.len());
                self.push(Event::FootnoteReference(label));
            }
            Event::Start(tag) => self.start(tag, line),
            Event::End(end) => self.end(end),
            other => self.push(other),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        let end = tag.to_end();
        let tag = match tag {
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                self.heading = Some(self.slots.headings.len());
                self.slots.headings.push(HeadingSlot {
                    node: self.nodes.len(),
                    level: level_number(level),
                    text: String::new(),
                    explicit: id.map(|id| id.to_string()),
                    line,
                    top: self.open.is_empty(),
                });
                Some(Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs,
                })
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = if link_type == LinkType::Email {
                    Some(dest_url)
                } else {
                    self.address(dest_url, Use::Link, line)
                };
                self.dropped.push(dest_url.is_none());
                dest_url.map(|dest_url| Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = self.address(dest_url, Use::Image, line);
                self.dropped.push(dest_url.is_none());
                dest_url.map(|dest_url| Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Tag::Paragraph => {
                self.paragraph = Some(self.nodes.len());
                Some(Tag::Paragraph)
            }
            Tag::FootnoteDefinition(label) => {
                self.slots.footnotes.push(self.nodes.len());
                Some(Tag::FootnoteDefinition(label))
            }
            other => Some(other),
        };
        self.open.push(end);
        if let Some(tag) = tag {
            self.push(Event::Start(tag));
        }
    }

    fn end(&mut self, end: TagEnd) {
        self.open.pop();
        match end {
            TagEnd::Heading(_) => self.heading = None,
            TagEnd::Link | TagEnd::Image if self.dropped.pop() == Some(true) => return,
            TagEnd::Paragraph => {
                if let Some(start) = self.paragraph.take()
                    && !self.videos.is_empty()
                    && self.videos_alone(start)
                {
                    return;
                }
            }
            _ => {}
        }
        self.push(Event::End(end));
    }

    /// A paragraph of videos alone becomes the videos (a `<figure>` may not
    /// stand in a `<p>`); a video beside other text is an error.
    fn videos_alone(&mut self, start: usize) -> bool {
        let videos = std::mem::take(&mut self.videos);
        let alone = self.nodes[start + 1..].iter().all(|node| match node {
            Node::Video(_) => true,
            Node::Md(Event::Text(t)) => t.trim().is_empty(),
            Node::Md(Event::SoftBreak) => true,
            _ => false,
        });
        if alone {
            let kept: Vec<Node> = self
                .nodes
                .drain(start..)
                .filter(|node| matches!(node, Node::Video(_)))
                .collect();
            self.nodes.extend(kept);
        } else {
            for line in videos {
                self.error(line, MarkdownMsg::VideoAlone);
            }
        }
        alone
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// 1-based lines of byte offsets, counted from the last one asked (offsets
/// come nearly in order: an end event starts where its start did), so a long
/// body is read about once.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, first: usize) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: first,
        }
    }

    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset >= self.offset {
            self.line += self.text[self.offset..offset].matches('\n').count();
        } else {
            self.line -= self.text[offset..self.offset].matches('\n').count();
        }
        self.offset = offset;
        self.line
    }
}

/// One file of an output page, in page order, with its parse leftovers.
pub struct PageFile<'a> {
    pub path: &'a Path,
    pub body: &'a mut Body,
    pub slots: &'a Slots,
    /// Filled with the file's headings and their final ids.
    pub headings: &'a mut Vec<Heading>,
}

/// Makes the final ids of one output page: explicit ids first (twice on the
/// page is an error naming both places), then the ids the page makes for
/// itself (`own`: FAQ categories, named after their files), then made-up ones
/// numbered in page order; footnote labels too, as they become ids. Returns
/// the final ids of `own`, in order: an editor's `{#cost}` keeps its id, and
/// the category `cost.md` becomes `cost-1`.
pub fn settle_ids(
    page: &mut PageIds,
    files: &mut [PageFile<'_>],
    own: &[&str],
    diags: &mut Diagnostics,
) -> Vec<String> {
    for file in files.iter() {
        for slot in &file.slots.headings {
            let Some(id) = &slot.explicit else { continue };
            let place = IdPlace {
                source: file.path.to_path_buf(),
                line: slot.line,
            };
            let problem = match page.claim(id, place) {
                Ok(()) => continue,
                Err(other) => MarkdownMsg::IdTwice {
                    id: id.clone(),
                    other: other.to_string(),
                },
            };
            diags.push(Diagnostic::error(file.path, problem).at_line(slot.line));
        }
    }
    let own = own.iter().map(|base| page.make(base)).collect();
    for file in files.iter_mut() {
        for slot in &file.slots.headings {
            let id = match &slot.explicit {
                Some(id) => id.clone(),
                None => page.make(&ids::slugify(&slot.text)),
            };
            if let Node::Md(Event::Start(Tag::Heading { id: node_id, .. })) =
                &mut file.body.nodes[slot.node]
            {
                *node_id = Some(id.clone().into());
            }
            file.headings.push(Heading {
                level: slot.level,
                id,
                text: slot.text.trim().to_string(),
            });
        }
        let mut labels: HashMap<String, String> = HashMap::new();
        for &node in &file.slots.footnotes {
            let label = match &mut file.body.nodes[node] {
                Node::Md(Event::FootnoteReference(label))
                | Node::Md(Event::Start(Tag::FootnoteDefinition(label))) => label,
                _ => continue,
            };
            let id = labels
                .entry(label.to_string())
                .or_insert_with(|| page.make(label));
            *label = id.clone().into();
        }
    }
    own
}

/// Where a `@/` link can lead: a page's URL and the ids of its output page.
pub struct LinkTarget {
    pub url: String,
    pub anchors: HashSet<String>,
}

/// Resolves the `@/` links of one file, now that every page's ids are final.
pub fn settle_links(
    path: &Path,
    body: &mut Body,
    slots: &Slots,
    base_path: &str,
    pages: &HashMap<String, LinkTarget>,
    drafts: &HashSet<String>,
    diags: &mut Diagnostics,
) {
    for link in &slots.source_links {
        match source_link(&link.target, pages, drafts) {
            Ok(url) => {
                if let Node::Md(Event::Start(Tag::Link { dest_url, .. })) =
                    &mut body.nodes[link.node]
                {
                    *dest_url = format!("{base_path}{url}").into();
                }
            }
            Err(problem) => {
                let message = MarkdownMsg::SourceLink {
                    target: link.target.clone(),
                    problem: problem.into(),
                };
                diags.push(Diagnostic::error(path, message).at_line(link.line));
            }
        }
    }
}

/// The site path (with `#anchor`) of a `@/` link.
fn source_link(
    target: &str,
    pages: &HashMap<String, LinkTarget>,
    drafts: &HashSet<String>,
) -> Result<String, MarkdownMsg> {
    let path = target.strip_prefix("@/").unwrap_or(target);
    let (path, anchor) = match path.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (path, None),
    };
    let Some(found) = pages.get(path) else {
        if drafts.contains(path) {
            let path = path.to_string();
            return Err(MarkdownMsg::Draft { path });
        }
        let path = path.to_string();
        return Err(MarkdownMsg::NoPage { path });
    };
    match anchor {
        None => Ok(found.url.clone()),
        Some(anchor) if found.anchors.contains(&links::decode(anchor)) => {
            Ok(format!("{}#{anchor}", found.url))
        }
        Some(anchor) => Err(MarkdownMsg::NoHeading {
            path: path.to_string(),
            anchor: anchor.to_string(),
        }),
    }
}

/// Splits a FAQ file's body at its top-level `##` headings: the intro, then
/// each question's heading and answer.
pub fn split_questions(
    body: Body,
    slots: &Slots,
    headings: &[Heading],
) -> (Body, Vec<(Heading, Body)>) {
    let starts: Vec<(usize, &Heading)> = slots
        .headings
        .iter()
        .zip(headings)
        .filter(|(slot, _)| slot.top && slot.level == 2)
        .map(|(slot, heading)| (slot.node, heading))
        .collect();
    let mut nodes = body.nodes;
    let mut questions = Vec::new();
    for &(start, heading) in starts.iter().rev() {
        let mut answer = nodes.split_off(start);
        let heading_end = answer
            .iter()
            .position(|n| matches!(n, Node::Md(Event::End(TagEnd::Heading(_)))))
            .expect("a heading ends");
        answer.drain(..=heading_end);
        questions.push((heading.clone(), Body { nodes: answer }));
    }
    questions.reverse();
    (Body { nodes }, questions)
}

/// Parses a body of `content/guides/usb.md`, published at `guides/usb/`
/// under `/careplan/`, for tests here and in render; messages as shown.
#[cfg(test)]
pub fn parse_for_test(body: &str, assets: &[&str]) -> (Parsed, Vec<String>) {
    let assets: HashSet<String> = assets.iter().map(|a| a.to_string()).collect();
    let places = crate::model::places::oita_for_test();
    let theme_ids = HashSet::from(["main".to_string()]);
    let setup = Setup {
        base_path: "/careplan/",
        theme_ids: &theme_ids,
        unsafe_html: false,
        assets: &assets,
        places: Named {
            places: &places,
            groups: &[],
        },
    };
    let mut diags = Diagnostics::default();
    let file = File {
        path: Path::new("content/guides/usb.md"),
        body,
        body_line: 4,
        url: "guides/usb/",
    };
    let parsed = parse(&file, &setup, &mut diags);
    (parsed, diags.into_iter().map(|d| d.to_string()).collect())
}

#[cfg(test)]
mod tests;
