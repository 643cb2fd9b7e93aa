//! Aggregated survey results: counts checked, questions and choices kept in
//! the order the file gives them.

use super::Survey;
use super::SurveyQuestion;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{SurveyFile, SurveyRow};
use crate::load::toml_error::date_problem;
use crate::messages::Text;
use crate::messages::model::SurveyMsg;

/// Checks every survey file.
pub fn build(files: &[SurveyFile], diags: &mut Diagnostics) -> Vec<Survey> {
    files
        .iter()
        .filter_map(|file| build_one(file, diags))
        .collect()
}

fn build_one(file: &SurveyFile, diags: &mut Diagnostics) -> Option<Survey> {
    let errors_before = diags.error_count();
    let date = match &file.meta.date {
        None => None,
        Some(value) => {
            let date = match value {
                toml::Value::String(s) => Date::parse(s.trim()),
                toml::Value::Datetime(dt) if dt.time.is_none() => {
                    dt.date.and_then(|d| Date::new(d.year, d.month, d.day))
                }
                _ => None,
            };
            if date.is_none() {
                // A written date (`"令和7年8月1日"`) gets the same advice as in front matter.
                let message: Text = match value {
                    toml::Value::String(s) => date_problem("date", s).into(),
                    _ => SurveyMsg::Date {
                        value: value.to_string(),
                    }
                    .into(),
                };
                diags.push(Diagnostic::error(&file.toml_path, message));
            }
            date
        }
    };
    if file.meta.title.trim().is_empty() {
        diags.push(Diagnostic::error(&file.toml_path, SurveyMsg::TitleEmpty));
    }
    let mut questions: Vec<SurveyQuestion> = Vec::new();
    for row in &file.rows {
        let v = &row.value;
        let Ok(count) = v.count.parse::<u32>() else {
            let message = SurveyMsg::Count {
                value: v.count.clone(),
            };
            diags.push(Diagnostic::error(&file.csv_path, message).at_line(row.line));
            continue;
        };
        if v.question.is_empty() || v.choice.is_empty() {
            diags.push(Diagnostic::error(&file.csv_path, SurveyMsg::Empty).at_line(row.line));
            continue;
        }
        let index = match questions.iter().position(|q| q.question == v.question) {
            Some(index) => index,
            None => {
                questions.push(SurveyQuestion {
                    question: v.question.clone(),
                    choices: Vec::new(),
                    groups: Vec::new(),
                    counts: Vec::new(),
                });
                questions.len() - 1
            }
        };
        let q = &mut questions[index];
        let choice = position_or_push(&mut q.choices, &v.choice);
        let group = position_or_push(&mut q.groups, &v.group);
        if q.counts.iter().any(|&(c, g, _)| c == choice && g == group) {
            let (choice, question) = (v.choice.clone(), v.question.clone());
            let message = if v.group.is_empty() {
                SurveyMsg::ChoiceTwice { choice, question }
            } else {
                let group = v.group.clone();
                SurveyMsg::ChoiceTwiceInGroup {
                    choice,
                    question,
                    group,
                }
            };
            diags.push(Diagnostic::error(&file.csv_path, message).at_line(row.line));
            continue;
        }
        if let Some(respondents) = file.meta.respondents.filter(|&r| count > r) {
            let message = above_respondents(file, v, count, respondents);
            diags.push(Diagnostic::error(&file.csv_path, message).at_line(row.line));
            continue;
        }
        q.counts.push((choice, group, count));
    }
    (diags.error_count() == errors_before).then(|| Survey {
        slug: file.slug.clone(),
        title: file.meta.title.trim().to_string(),
        date,
        respondents: file.meta.respondents,
        description: file.meta.description.clone(),
        questions,
    })
}

/// A count larger than the number of people who answered the survey (in
/// one group, where groups are given): a typing slip or the wrong survey.
fn above_respondents(
    file: &SurveyFile,
    row: &SurveyRow,
    count: u32,
    respondents: u32,
) -> SurveyMsg {
    let (choice, question) = (row.choice.clone(), row.question.clone());
    let toml = file.toml_path.display().to_string();
    if row.group.is_empty() {
        return SurveyMsg::AboveRespondents {
            count,
            choice,
            question,
            respondents,
            toml,
        };
    }
    SurveyMsg::AboveRespondentsInGroup {
        count,
        choice,
        question,
        group: row.group.clone(),
        respondents,
        toml,
    }
}

fn position_or_push(list: &mut Vec<String>, value: &str) -> usize {
    list.iter().position(|v| v == value).unwrap_or_else(|| {
        list.push(value.to_string());
        list.len() - 1
    })
}
