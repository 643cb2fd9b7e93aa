//! Survey results as tables show them: each choice's count per group, its
//! total, and its share of the respondents.

use std::collections::BTreeMap;

use super::Rate;
use crate::model::{Site, Survey, SurveyQuestion};

/// One question's figures, choices in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionFigures {
    /// Whether the question is answered per group.
    pub grouped: bool,
    pub choices: Vec<ChoiceFigures>,
}

/// One choice: a count per group (one when ungrouped), their total, and the
/// total's share of the respondents when the survey says how many answered
/// and the question is not grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceFigures {
    pub counts: Vec<u32>,
    pub total: u32,
    pub share: Option<Rate>,
}

/// Every survey's figures, by slug.
pub fn compute(site: &Site) -> BTreeMap<String, Vec<QuestionFigures>> {
    site.surveys
        .iter()
        .map(|s| {
            (
                s.slug.clone(),
                s.questions.iter().map(|q| question(s, q)).collect(),
            )
        })
        .collect()
}

fn question(survey: &Survey, q: &SurveyQuestion) -> QuestionFigures {
    let grouped = q.groups.iter().any(|g| !g.is_empty());
    let mut counts = vec![vec![0; q.groups.len()]; q.choices.len()];
    for &(choice, group, n) in &q.counts {
        counts[choice][group] += n;
    }
    QuestionFigures {
        grouped,
        choices: counts
            .into_iter()
            .map(|counts| {
                let total = counts.iter().sum();
                ChoiceFigures {
                    share: survey
                        .respondents
                        .filter(|_| !grouped)
                        .map(|r| Rate::of(total, r)),
                    counts,
                    total,
                }
            })
            .collect(),
    }
}
