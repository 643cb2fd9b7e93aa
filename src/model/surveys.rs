//! Aggregated survey results: counts checked, questions and choices kept in
//! the order the file gives them.

use super::Survey;
use super::SurveyQuestion;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::SurveyFile;

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
                diags.push(Diagnostic::error(
                    &file.toml_path,
                    format!("date {value} must be a day such as 2025-08-01"),
                ));
            }
            date
        }
    };
    if file.meta.title.trim().is_empty() {
        diags.push(Diagnostic::error(&file.toml_path, "title is empty"));
    }
    let mut questions: Vec<SurveyQuestion> = Vec::new();
    for row in &file.rows {
        let v = &row.value;
        let Ok(count) = v.count.parse::<u32>() else {
            diags.push(
                Diagnostic::error(
                    &file.csv_path,
                    format!(
                        "count \"{}\" must be a whole number of answers, such as 12",
                        v.count
                    ),
                )
                .at_line(row.line),
            );
            continue;
        };
        if v.question.is_empty() || v.choice.is_empty() {
            diags.push(
                Diagnostic::error(&file.csv_path, "question and choice must not be empty")
                    .at_line(row.line),
            );
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
            diags.push(
                Diagnostic::error(
                    &file.csv_path,
                    format!(
                        "choice \"{}\" of \"{}\" is given twice{}",
                        v.choice,
                        v.question,
                        group_note(&v.group)
                    ),
                )
                .at_line(row.line),
            );
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

fn group_note(group: &str) -> String {
    if group.is_empty() {
        String::new()
    } else {
        format!(" for group \"{group}\"")
    }
}

fn position_or_push(list: &mut Vec<String>, value: &str) -> usize {
    list.iter().position(|v| v == value).unwrap_or_else(|| {
        list.push(value.to_string());
        list.len() - 1
    })
}
