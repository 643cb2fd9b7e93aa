//! The desk's pages, rendered as plain HTML forms in the run's language.
//! They show what the handlers decided; they decide nothing.

use crate::diag::Diagnostic;
use crate::messages::desk::DeskMsg;
use crate::messages::{self, Lang};
use crate::render::format::escape;

use super::page::{Fields, Uses};
use super::store::Entry;

/// A whole desk page around `body`.
pub fn layout(title: &str, body: &str) -> String {
    let lang = match messages::lang() {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let nav = [
        ("/_renkei/", DeskMsg::Desk),
        ("/_renkei/new", DeskMsg::NewPage),
        ("/_renkei/data/", DeskMsg::DataDesk),
        ("/_renkei/history", DeskMsg::History),
        ("/_renkei/check", DeskMsg::Check),
        ("/_renkei/publish", DeskMsg::Publish),
        ("/", DeskMsg::Preview),
    ]
    .iter()
    .map(|(href, text)| format!("<li><a href=\"{href}\">{text}</a></li>"))
    .collect::<String>();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} | {desk}</title>\n<link rel=\"stylesheet\" href=\"/_renkei/desk.css\">\n</head>\n<body>\n<header><nav aria-label=\"{desk}\"><ul>{nav}</ul></nav></header>\n<main id=\"main\">\n<h1>{title}</h1>\n{body}</main>\n<script src=\"/_renkei/desk.js\"></script>\n</body>\n</html>\n",
        title = escape(title),
        desk = DeskMsg::Desk,
    )
}

/// A notice at the top of a form: `alert` for what went wrong.
pub fn notice(text: &str, alert: bool) -> String {
    let role = if alert { "alert" } else { "status" };
    let class = if alert { "notice bad" } else { "notice" };
    format!(
        "<div class=\"{class}\" role=\"{role}\"><p>{}</p></div>\n",
        escape(text)
    )
}

/// Findings of a check that refused a change, each with its place.
pub fn findings(lead: &str, found: &[Diagnostic]) -> String {
    format!(
        "<div class=\"notice bad\" role=\"alert\"><p>{}</p>{}</div>\n",
        escape(lead),
        findings_list(found)
    )
}

/// The list of pages on the desk's home.
pub fn home(pages: &[String]) -> String {
    let items: String = pages
        .iter()
        .map(|p| {
            format!(
                "<li><a href=\"/_renkei/edit/{}\">{}</a></li>",
                escape(p),
                escape(p)
            )
        })
        .collect();
    format!(
        "<p><a class=\"button\" href=\"/_renkei/new\">{new}</a></p>\n<h2>{pages_title}</h2>\n<ul class=\"pages\">{items}</ul>\n",
        new = DeskMsg::NewPage,
        pages_title = DeskMsg::Pages,
    )
}

fn input(id: &str, label: DeskMsg, value: &str, kind: &str, extra: &str) -> String {
    format!(
        "<p class=\"field\"><label for=\"{id}\">{label}</label><input type=\"{kind}\" id=\"{id}\" name=\"{id}\" value=\"{}\"{extra}></p>\n",
        escape(value)
    )
}

/// The page editor: the fields, 本文, the image chooser, 保存, and the
/// preview beside them.
pub fn editor(rel: &str, fields: &Fields, uses: Uses, opened: &str, top: &str) -> String {
    let path = escape(rel);
    let mut form = format!(
        "<form method=\"post\" action=\"/_renkei/edit/{path}\" id=\"editor\" data-preview=\"/_renkei/preview/{path}\" data-image=\"/_renkei/image/{path}\">\n{top}<p class=\"path\"><code>{path}</code></p>\n<input type=\"hidden\" name=\"opened\" value=\"{opened}\">\n"
    );
    form.push_str(&input(
        "title",
        DeskMsg::Title,
        &fields.title,
        "text",
        " required",
    ));
    form.push_str(&input(
        "description",
        DeskMsg::Description,
        &fields.description,
        "text",
        "",
    ));
    if uses.date {
        form.push_str(&input("date", DeskMsg::Date, &fields.date, "date", ""));
    }
    if uses.weight {
        form.push_str(&input(
            "weight",
            DeskMsg::Weight,
            &fields.weight,
            "number",
            " step=\"1\"",
        ));
    }
    if uses.software {
        form.push_str(&format!(
            "<p class=\"field\"><label for=\"software\">{}</label><textarea id=\"software\" name=\"software\" rows=\"3\">{}</textarea></p>\n",
            DeskMsg::Software,
            escape(&fields.software)
        ));
    }
    form.push_str(&format!(
        "<p class=\"check\"><input type=\"checkbox\" id=\"draft\" name=\"draft\" value=\"true\"{}><label for=\"draft\">{}</label></p>\n",
        if fields.draft { " checked" } else { "" },
        DeskMsg::Draft
    ));
    if uses.questions {
        form.push_str(&format!(
            "<fieldset id=\"questions\" hidden data-question=\"{question}\" data-answer=\"{answer}\" data-up=\"{up}\" data-down=\"{down}\" data-remove=\"{remove}\"><legend>{legend}</legend><p class=\"hint\">{hint}</p><ol id=\"question-list\"></ol><p><button type=\"button\" id=\"add-question\" class=\"secondary\">{add}</button></p></fieldset>\n",
            question = DeskMsg::Question,
            answer = DeskMsg::Answer,
            up = DeskMsg::MoveUp,
            down = DeskMsg::MoveDown,
            remove = DeskMsg::RemoveQuestion,
            legend = DeskMsg::Questions,
            hint = DeskMsg::QuestionsHint,
            add = DeskMsg::AddQuestion,
        ));
    }
    form.push_str(&format!(
        "<p class=\"field\"><label for=\"body\">{}</label><textarea id=\"body\" name=\"body\" rows=\"24\" spellcheck=\"false\">{}</textarea></p>\n",
        DeskMsg::Body,
        escape(&fields.body)
    ));
    form.push_str(&format!(
        "<p class=\"field\"><label for=\"image\">{}</label><input type=\"file\" id=\"image\" accept=\"image/png,image/jpeg,image/gif,image/webp,image/svg+xml\" aria-describedby=\"image-hint\"><span id=\"image-hint\" class=\"hint\">{}</span></p>\n",
        DeskMsg::Image,
        DeskMsg::ImageHint
    ));
    form.push_str(&format!(
        "<p><button type=\"submit\">{}</button></p>\n</form>\n",
        DeskMsg::Save
    ));
    format!(
        "<div class=\"editor\">\n<div class=\"edit\">{form}</div>\n<section class=\"preview\" aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">{title}</h2><p id=\"preview-state\" role=\"status\" data-updating=\"{updating}\"></p><iframe id=\"preview\" title=\"{title}\" sandbox=\"\"></iframe></section>\n</div>\n",
        title = DeskMsg::Preview,
        updating = DeskMsg::Updating,
    )
}

/// The kinds a new page can be, with the form value of each.
pub const KINDS: &[(&str, DeskMsg)] = &[
    ("guide", DeskMsg::KindGuide),
    ("manual", DeskMsg::KindManual),
    ("faq", DeskMsg::KindFaq),
    ("news", DeskMsg::KindNews),
    ("other", DeskMsg::KindOther),
];

/// 新しいページ: 種類, タイトル, and what the kind needs.
pub fn new_page(kind: &str, title: &str, software: &str, date: &str, top: &str) -> String {
    let options: String = KINDS
        .iter()
        .map(|(value, text)| {
            format!(
                "<option value=\"{value}\"{}>{text}</option>",
                if *value == kind { " selected" } else { "" }
            )
        })
        .collect();
    format!(
        "<form method=\"post\" action=\"/_renkei/new\" id=\"new-page\">\n{top}<p class=\"field\"><label for=\"kind\">{kind_label}</label><select id=\"kind\" name=\"kind\">{options}</select></p>\n{title}{software}{date}<p><button type=\"submit\">{create}</button></p>\n</form>\n",
        kind_label = DeskMsg::Kind,
        title = input("title", DeskMsg::Title, title, "text", " required"),
        software = input(
            "software",
            DeskMsg::Software,
            software,
            "text",
            " data-kind=\"manual\""
        ),
        date = input("date", DeskMsg::Date, date, "date", " data-kind=\"news\""),
        create = DeskMsg::Create,
    )
}

/// 変更履歴: newest first, each with 元に戻す.
pub fn history(entries: &[Entry], top: &str) -> String {
    if entries.is_empty() {
        return format!("{top}<p>{}</p>\n", DeskMsg::NoHistory);
    }
    let rows: String = entries
        .iter()
        .map(|e| {
            format!(
                "<tr><td>{when}</td><td><code>{path}</code>{created}</td><td><form method=\"post\" action=\"/_renkei/undo\"><input type=\"hidden\" name=\"id\" value=\"{id}\"><button type=\"submit\" aria-label=\"{undo} {path}\">{undo}</button></form></td></tr>",
                when = e.when(),
                path = escape(&e.path),
                created = if e.existed {
                    String::new()
                } else {
                    DeskMsg::WasCreated.to_string()
                },
                id = escape(&e.id),
                undo = DeskMsg::Undo,
            )
        })
        .collect();
    format!(
        "{top}<div class=\"table\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></div>\n",
        DeskMsg::When,
        DeskMsg::File,
        DeskMsg::Action
    )
}

/// 公開前の確認: every finding, each with a link to where it is fixed.
pub fn check(found: &[(Diagnostic, Option<String>)]) -> String {
    if found.is_empty() {
        return format!(
            "<p class=\"notice\" role=\"status\">{}</p>\n",
            DeskMsg::NoFindings
        );
    }
    let items: String = found
        .iter()
        .map(|(d, fix)| {
            let severity = if d.is_error() {
                DeskMsg::Error
            } else {
                DeskMsg::Warning
            };
            let link = fix.as_ref().map_or_else(String::new, |href| {
                format!(" <a href=\"{}\">{}</a>", escape(href), DeskMsg::Fix)
            });
            format!(
                "<li><strong>{severity}</strong> <code>{}</code> {}{link}</li>",
                escape(&d.place()),
                escape(d.message.as_str())
            )
        })
        .collect();
    format!(
        "<p>{}</p>\n<ul class=\"findings\">{items}</ul>\n",
        DeskMsg::FindingsCount { count: found.len() }
    )
}

/// The data desk's upload form.
pub fn data_form(top: &str) -> String {
    let options: String = super::data::KINDS
        .iter()
        .map(|(value, text)| format!("<option value=\"{value}\">{text}</option>"))
        .collect();
    format!(
        "{top}<form method=\"post\" action=\"/_renkei/data/check\" enctype=\"multipart/form-data\" id=\"data\">\n<p class=\"field\"><label for=\"kind\">{kind}</label><select id=\"kind\" name=\"kind\">{options}</select></p>\n<p class=\"field\"><label for=\"date\">{date}</label><input type=\"date\" id=\"date\" name=\"date\" aria-describedby=\"date-hint\"><span id=\"date-hint\" class=\"hint\">{hint}</span></p>\n<p class=\"field\"><label for=\"file\">{file}</label><input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,.xlsx\" required></p>\n<p><button type=\"submit\">{confirm}</button></p>\n</form>\n",
        kind = DeskMsg::Kind,
        date = DeskMsg::Date,
        hint = DeskMsg::DataDateHint,
        file = DeskMsg::DataFile,
        confirm = DeskMsg::Confirm,
    )
}

fn offices_list(heading: DeskMsg, offices: &[(String, String)]) -> String {
    let items: String = if offices.is_empty() {
        format!("<li>{}</li>", DeskMsg::NoneChanged)
    } else {
        offices
            .iter()
            .map(|(number, name)| {
                format!("<li><code>{}</code> {}</li>", escape(number), escape(name))
            })
            .collect()
    };
    format!("<h2>{heading}</h2>\n<ul>{items}</ul>\n")
}

/// 確認する's answer: the findings by row, what would change, and 登録
/// (only when nothing blocks it) or 取り消し.
pub fn data_result(
    path: &str,
    id: &str,
    blocking: &[Diagnostic],
    others: &[Diagnostic],
    effect: Option<&super::data::Effect>,
) -> String {
    let mut out = String::new();
    if blocking.is_empty() {
        if others.is_empty() {
            out.push_str(&notice(&DeskMsg::NoDataFindings.to_string(), false));
        } else {
            out.push_str(&findings_list(others));
        }
    } else {
        out.push_str(&findings(&DeskMsg::CannotRegister.to_string(), blocking));
    }
    if let Some(effect) = effect {
        out.push_str(&self::effect(effect, (DeskMsg::Before, DeskMsg::After)));
    }
    let register = if blocking.is_empty() {
        format!(
            "<form method=\"post\" action=\"/_renkei/data/register\"><input type=\"hidden\" name=\"id\" value=\"{}\"><button type=\"submit\">{}</button></form>",
            escape(id),
            DeskMsg::Register
        )
    } else {
        String::new()
    };
    format!(
        "<p><code>{}</code></p>\n{out}<div class=\"actions\">{register}<form method=\"post\" action=\"/_renkei/data/discard\"><input type=\"hidden\" name=\"id\" value=\"{}\"><button type=\"submit\" class=\"secondary\">{}</button></form></div>\n",
        escape(path),
        escape(id),
        DeskMsg::Discard
    )
}

/// What a change does to the figures: the site's count and rate before
/// and after, each place that changes, and the offices that come and go.
/// `labels` name the two columns: before and after registering, or what is
/// published and what would be.
pub fn effect(effect: &super::data::Effect, labels: (DeskMsg, DeskMsg)) -> String {
    let (before, after) = labels;
    let mut out = String::new();
    let ((was, was_rate), (now, now_rate)) = &effect.site;
    out.push_str(&format!(
        "<h2>{title}</h2>\n<div class=\"table\"><table><thead><tr><th scope=\"col\">{before}</th><th scope=\"col\">{after}</th></tr></thead><tbody><tr><td id=\"site-before\">{was} ({was_rate}%)</td><td id=\"site-after\">{now} ({now_rate}%)</td></tr></tbody></table></div>\n",
        title = DeskMsg::SiteFigures,
        before = before,
        after = after,
    ));
    let rows: String = effect
        .places
        .iter()
        .map(|(name, before, after)| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                escape(name),
                escape(before),
                escape(after)
            )
        })
        .collect();
    let rows = if rows.is_empty() {
        format!("<tr><td colspan=\"3\">{}</td></tr>", DeskMsg::NoneChanged)
    } else {
        rows
    };
    out.push_str(&format!(
        "<h2>{title}</h2>\n<div class=\"table\"><table><thead><tr><th scope=\"col\">{place}</th><th scope=\"col\">{before}</th><th scope=\"col\">{after}</th></tr></thead><tbody>{rows}</tbody></table></div>\n",
        title = DeskMsg::ChangedPlaces,
        place = DeskMsg::PlaceName,
        before = before,
        after = after,
    ));
    out.push_str(&offices_list(DeskMsg::NewlyAdopted, &effect.adopted));
    out.push_str(&offices_list(DeskMsg::NoLongerAdopted, &effect.dropped));
    out.push_str(&offices_list(DeskMsg::OfficesGone, &effect.gone));
    out
}

/// Findings that do not stop anything, each with its place.
fn findings_list(found: &[Diagnostic]) -> String {
    let items: String = found
        .iter()
        .map(|d| {
            format!(
                "<li><code>{}</code> {}</li>",
                escape(&d.place()),
                escape(d.message.as_str())
            )
        })
        .collect();
    format!("<ul class=\"findings\">{items}</ul>\n")
}
