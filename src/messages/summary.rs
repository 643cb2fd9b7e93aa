//! The summary `build` prints of what a data commit changed.

messages! {
    /// Lines of the build summary.
    pub enum SummaryMsg {
        /// The figures when there is nothing to compare with.
        FiguresAlone { place: String, rate: String, adopted: u64, why: Text } =>
            ja "数値: {place} 導入率 {rate}、導入 {adopted} 件（{why}）",
            en "figures: {place} rate {rate}, adopted {adopted} ({why})";
        NoPrevious { file: String } =>
            ja "比べる前回の {file} がありません",
            en "no previous {file} to compare with";
        PreviousUnreadable { file: String } =>
            ja "前回の {file} を読めないため、比べていません",
            en "the previous {file} could not be read: no comparison";
        Heading =>
            ja "前回のビルドからの変化:",
            en "changes since the previous build:";
        SiteChanged { place: String, rate_before: String, rate: String, adopted_before: u64, adopted: u64, delta: String, as_of_before: Text, as_of: Text } =>
            ja "  {place}: 導入率 {rate_before} → {rate}、導入 {adopted_before} → {adopted} 件（{delta}）、時点 {as_of_before} → {as_of}",
            en "  {place}: rate {rate_before} → {rate}, adopted {adopted_before} → {adopted} ({delta}), as of {as_of_before} → {as_of}";
        OtherPlace { place: String, rate: String, adopted: u64 } =>
            ja "  {place}: 導入率 {rate}、導入 {adopted} 件（前回のビルドは別の地域のものでした）",
            en "  {place}: rate {rate}, adopted {adopted} (the previous build was of another place)";
        NewlyAdopted { count: usize } =>
            ja "  新たに導入した事業所: {count} 件",
            en "  newly adopted offices: {count}";
        NoMover =>
            ja "  導入率の変わった市区町村はありません",
            en "  no municipality's rate moved";
        Mover { name: String, before: String, after: String, delta: String } =>
            ja "{name} {before} → {after}（{delta}ポイント）",
            en "{name} {before} → {after} ({delta})";
        /// A municipality with a rate now and none before (it had no offices).
        MoverFirst { name: String, after: String } =>
            ja "{name} {after}（前回は数値なし、今回が初めて）",
            en "{name} {after} (first figure: none before)";
        /// A municipality with a rate before and none now (no offices left).
        MoverGone { name: String, before: String } =>
            ja "{name} {before} → なし（対象事業所がなくなりました）",
            en "{name} {before} → none (no offices left)";
        Movers { list: Text } =>
            ja "  導入率が最も動いた市区町村: {list}",
            en "  rate moved most: {list}";
        /// An as-of date the data did not have.
        NoDate =>
            ja "なし",
            en "none";
    }
}

use super::Text;
