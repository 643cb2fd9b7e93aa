//! Aggregated survey results: counts checked, questions and choices kept in
//! the order the file gives them.

use std::collections::{HashMap, HashSet};

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
    // Indexes beside the ordered lists, so a file of a million rows is read
    // in linear time: question → its index, with its choices and groups.
    let mut index_of: HashMap<&str, (usize, Positions<'_>, Positions<'_>)> = HashMap::new();
    let mut seen: HashSet<(usize, usize, usize)> = HashSet::new();
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
        let (index, choices, groups) = index_of.entry(&v.question).or_insert_with(|| {
            questions.push(SurveyQuestion {
                question: v.question.clone(),
                choices: Vec::new(),
                groups: Vec::new(),
                counts: Vec::new(),
            });
            (
                questions.len() - 1,
                Positions::default(),
                Positions::default(),
            )
        });
        let q = &mut questions[*index];
        let choice = choices.position_or_push(&mut q.choices, &v.choice);
        let group = groups.position_or_push(&mut q.groups, &v.group);
        let key = (*index, choice, group);
        if seen.contains(&key) {
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
        seen.insert(key);
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

/// Where each value stands in an ordered list that it is kept beside.
#[derive(Default)]
struct Positions<'a>(HashMap<&'a str, usize>);

impl<'a> Positions<'a> {
    fn position_or_push(&mut self, list: &mut Vec<String>, value: &'a str) -> usize {
        *self.0.entry(value).or_insert_with(|| {
            list.push(value.to_string());
            list.len() - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::data::SurveyMeta;
    use crate::load::table::{Cells, Located};

    fn file(rows: impl Iterator<Item = (String, String, String)>) -> SurveyFile {
        SurveyFile {
            slug: "s".into(),
            csv_path: "data/surveys/s.csv".into(),
            toml_path: "data/surveys/s.toml".into(),
            meta: SurveyMeta {
                title: "調査".into(),
                date: None,
                respondents: None,
                description: None,
            },
            rows: rows
                .enumerate()
                .map(|(i, (question, choice, group))| Located {
                    line: i + 2,
                    value: SurveyRow {
                        question,
                        choice,
                        count: "1".into(),
                        group,
                    },
                    cells: Cells::default(),
                })
                .collect(),
        }
    }

    /// Two hundred thousand choices of one question: once quadratic (over a
    /// minute even optimised; a million took over ten), now read in one pass.
    #[test]
    fn many_choices_are_read_in_one_pass() {
        let rows = (0..200_000).map(|n| ("設問".into(), format!("選択肢{n}"), String::new()));
        let mut diags = Diagnostics::default();
        let surveys = build(&[file(rows)], &mut diags);
        assert!(!diags.has_errors());
        let question = &surveys[0].questions[0];
        assert_eq!(question.choices.len(), 200_000);
        assert_eq!(question.choices[199_999], "選択肢199999");
        assert_eq!(question.counts.len(), 200_000);
    }

    #[test]
    fn a_choice_twice_in_one_group_is_an_error_in_another_not() {
        let row = |c: &str, g: &str| ("設問".to_string(), c.to_string(), g.to_string());
        let rows = [row("はい", "東"), row("はい", "西"), row("はい", "東")];
        let mut diags = Diagnostics::default();
        build(&[file(rows.into_iter())], &mut diags);
        assert_eq!(diags.error_count(), 1);
    }
}
