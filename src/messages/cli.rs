//! What the commands themselves say: `build`, `check`, `new` and `import`
//! outputs, and why a command could not run.

messages! {
    /// The terminal lines of the commands.
    pub enum CliMsg {
        NoSite { root: String } =>
            ja "{root} に site.toml がありません。サイトのフォルダーで renkei を実行するか、--root フォルダー名 でサイトのフォルダーを指定してください",
            en "{root} has no site.toml: run renkei in a site's folder or pass --root DIR";
        BuildFailed =>
            ja "ビルドに失敗しました。前回の出力はそのまま残しています",
            en "build failed: the previous output was left as it was";
        /// A failed build where there was no previous output to keep.
        BuildFailedNothingWritten =>
            ja "ビルドに失敗しました。出力は書き出していません",
            en "build failed: nothing was written";
        Built { files: usize, dest: String, ms: u128 } =>
            ja "{files} 個のファイルを {dest} に書き出しました（{ms} ミリ秒）",
            en "built {files} files into {dest} in {ms} ms";
        CheckPassed =>
            ja "チェックを通りました",
            en "check passed";
        UnknownPrefecture { query: String } =>
            ja "都道府県「{query}」が見つかりません。都道府県コード（01〜47、例：44）か名前（例：大分県）で指定してください",
            en "unknown prefecture \"{query}\": give its code (01 to 47, e.g. 44) or its name (e.g. 大分県)";
        /// A municipality's code given to `--prefecture`.
        CityCodeAsPrefecture { code: String, name: String, prefecture: String, prefecture_code: String } =>
            ja "「{code}」は都道府県ではなく市区町村（{name}）のコードです。{name}のサイト（市のサイト）を作るときは --city {code} を、{prefecture}全体のサイトを作るときは --prefecture {prefecture_code} を指定してください",
            en "\"{code}\" is the code of a municipality ({name}), not of a prefecture: pass --city {code} for a city portal of {name}, or --prefecture {prefecture_code} for the whole of {prefecture}";
        /// The first line after `new`.
        NewWritten { place: String, dir: String, files: usize } =>
            ja "{place}の新しいサイトを {dir} に作りました（ファイル {files} 個）",
            en "wrote a new site for {place} into {dir} ({files} files)";
        /// The steps after `new`; the commands name the site's folder.
        NewNext { dir: String, source: String } =>
            ja "次にすること:\n  1. 事業所の一覧（{source}、jigyosho_*.csv）をダウンロードします\n  2. renkei import offices --root {dir} ダウンロード/jigyosho_*.csv\n  3. renkei build --root {dir}\n  4. renkei serve --root {dir} で、できたサイトをこのパソコンのブラウザーで確かめます\n  5. site.toml と content/contact.md の（……）の部分を書き換え、renkei check --strict --root {dir} で確かめます",
            en "next:\n  1. download the official open data of care offices ({source}, jigyosho_*.csv)\n  2. renkei import offices --root {dir} DOWNLOADS/jigyosho_*.csv\n  3. renkei build --root {dir}\n  4. renkei serve --root {dir} to see the site in a browser on this computer\n  5. fill in the placeholders of site.toml and content/contact.md, then renkei check --strict --root {dir}";
        /// The step a city portal adds after `new`.
        NewNextAreas { dir: String } =>
            ja "  6. 日常生活圏域を data/areas.csv に、各事業所の圏域を data/offices.csv に書き、もう一度 renkei build --root {dir} を実行します",
            en "  6. write the daily-life areas (圏域) into data/areas.csv and each office's area into data/offices.csv, then renkei build --root {dir} again";
        ImportFailed { out: String } =>
            ja "取り込みに失敗しました。{out} は元のまま残しています",
            en "import failed: {out} was left as it was";
        ImportKeptCity { kept: usize, city: String, left_out: usize } =>
            ja "{city}の事業所 {kept} 件を残しました（このサイトは{city}のサイトです）。ほかの市区町村の {left_out} 件は除きました",
            en "kept the {kept} offices of {city} (this site is its city portal); left out {left_out} of other municipalities";
        ImportNoOffice { place: String, out: String } =>
            ja "これらのファイルには{place}の事業所がありません。{out} は元のまま残しています",
            en "no office of {place} in these files: {out} was left as it was";
        CannotReadFolder { dir: String, reason: Text } =>
            ja "{dir}: フォルダーを読めません（{reason}）",
            en "{dir}: cannot read the folder: {reason}";
        CannotCreateFolder { dir: String, reason: Text } =>
            ja "{dir}: フォルダーを作れません（{reason}）",
            en "{dir}: cannot create the folder: {reason}";
        CannotWriteFile { file: String, reason: Text } =>
            ja "{file}: ファイルを書き込めません（{reason}）",
            en "{file}: cannot write the file: {reason}";
        ImportWrote { offices: usize, out: String } =>
            ja "事業所 {offices} 件を {out} に書き出しました",
            en "wrote {offices} offices to {out}";
    }
}

use super::Text;
