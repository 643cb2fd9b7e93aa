//! renkei builds regional adoption portals for Japan's Care Plan Data Linkage
//! System (ケアプランデータ連携システム) from Markdown and CSV.
//!
//! The pipeline is one direction, one module a stage:
//! [`load`] → [`model`] → [`figures`] → [`render`] → [`check`] → [`write`], run by
//! [`pipeline`] for every command in [`cli`]; [`serve`] runs it again on
//! every change.

pub mod check;
pub mod cli;
pub mod date;
pub mod diag;
pub mod figures;
pub mod fold;
pub mod gov_codes;
pub mod import;
pub mod load;
pub mod messages;
pub mod model;
pub mod pipeline;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod summary;
pub mod urls;
pub mod write;
