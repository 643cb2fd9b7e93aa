//! Words and messages every stage shares: the severity labels, the count of
//! findings, and what the operating system says about a file.

use std::io;

use super::Text;

messages! {
    /// Shared wording.
    pub enum CommonMsg {
        /// The label of an error in the terminal.
        ErrorLabel => ja "エラー", en "error";
        /// The label of a warning in the terminal.
        WarningLabel => ja "警告", en "warning";
        /// The line after a report of findings.
        Counts { errors: usize, warnings: usize } =>
            ja "エラー {errors} 件、警告 {warnings} 件",
            en "{errors} error(s), {warnings} warning(s)";
        /// Many rows of one file with one problem, shown as one finding:
        /// the count, the first lines and the first row's message (its fix).
        Many { rows: usize, problem: Text, lines: String, first: usize, example: Text } =>
            ja "{rows} 行で{problem}（{lines} 行目ほか）。{first} 行目：{example}",
            en "{rows} rows: {problem} (lines {lines} and more); line {first}: {example}";
        /// The problem of [`CommonMsg::Many`] when its message has no few words.
        SameProblem => ja "同じ問題があります", en "the same problem";
        /// A message followed by how to fix it.
        WithHint { message: Text, hint: Text } =>
            ja "{message}（{hint}）",
            en "{message} ({hint})";
        IoNotFound => ja "見つかりません", en "not found";
        IoPermissionDenied => ja "読み書きする権限がありません", en "permission denied";
        IoAlreadyExists => ja "同じ名前のものがすでにあります", en "already exists";
        IoIsADirectory => ja "ファイルではなくフォルダです", en "is a folder, not a file";
        IoNotADirectory => ja "フォルダではありません", en "is not a folder";
        IoStorageFull => ja "ディスクに空きがありません", en "no space left on the disk";
        IoReadOnly => ja "書き込みできない場所です（読み取り専用）", en "the place is read-only";
        IoInvalidData => ja "文字コードを読めない内容です", en "the content cannot be read as text";
        /// Any other failure of the operating system, with its own words.
        IoOther { detail: String } =>
            ja "読み書きできませんでした（{detail}）",
            en "cannot read or write it ({detail})";
    }
}

/// What the operating system said about a file, in the run's words.
pub fn io(error: &io::Error) -> Text {
    let message = match error.kind() {
        io::ErrorKind::NotFound => CommonMsg::IoNotFound,
        io::ErrorKind::PermissionDenied => CommonMsg::IoPermissionDenied,
        io::ErrorKind::AlreadyExists => CommonMsg::IoAlreadyExists,
        io::ErrorKind::IsADirectory => CommonMsg::IoIsADirectory,
        io::ErrorKind::NotADirectory => CommonMsg::IoNotADirectory,
        io::ErrorKind::StorageFull => CommonMsg::IoStorageFull,
        io::ErrorKind::ReadOnlyFilesystem => CommonMsg::IoReadOnly,
        io::ErrorKind::InvalidData => CommonMsg::IoInvalidData,
        _ => CommonMsg::IoOther {
            detail: error.to_string(),
        },
    };
    message.into()
}
