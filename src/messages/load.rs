//! The messages of the load stage: reading files, `site.toml`, front
//! matter, CSV tables, data files and the TOML mistakes editors make.

use super::Text;

messages! {
    /// Findings of reading a file's bytes and listing folders.
    pub enum ReadMsg {
        FolderUnreadable { reason: Text } =>
            ja "フォルダを読めません（{reason}）",
            en "cannot read the folder: {reason}";
        FolderLoop { path: String } =>
            ja "フォルダの中に、それを含むフォルダ {path} へ戻るリンクがあります。そのリンクを消してください",
            en "a link in this folder leads back to {path}, which contains it: remove the link";
        FileUnreadable { reason: Text } =>
            ja "ファイルを読めません（{reason}）",
            en "cannot read the file: {reason}";
        LinkOutside { target: String } =>
            ja "サイトのフォルダの外（{target}）を指すシンボリックリンクです。このパソコンのほかの場所のファイルが公開されないよう、読み込みませんでした。ファイルをサイトの中にコピーしてください",
            en "a symbolic link to {target}, outside the site's folder: left out, so that nothing from elsewhere on this computer is published; copy it into the site instead";
        TwoSpellings { first: String, second: String } =>
            ja "同じ名前のファイルが、見た目は同じでも違う Unicode の文字（Windows と macOS の名前の付け方、NFC と NFD）で2つあります: {first} と {second}。どちらか1つを残してください",
            en "two files have this name, written with different Unicode characters (NFC and NFD, as Windows and macOS save names): {first} and {second}; keep one";
        LongLine { limit: String } =>
            ja "この行が長すぎます（1行は {limit} まで）。改行なしで保存されたか、文字のファイルではないのかもしれません",
            en "this line is longer than {limit}, the most renkei reads in one line: is the file saved without line breaks, or not a text file?";
        ControlChars { found: String } =>
            ja "この行から制御文字 {found} を取り除きました。ページやフィードに表示できない文字です（ほかのソフトから貼り付けましたか）",
            en "removed the control character {found} from this line: it cannot be shown on a page or in a feed (pasted from another program?)";
        ControlCharsMore { count: usize } =>
            ja "この行から後の {count} 行からも、制御文字を取り除きました",
            en "removed control characters from {count} more line(s), from this one on";
        ControlCharsInValue { key: String } =>
            ja "`{key}` から制御文字を取り除きました。ページやフィードに表示できない文字です",
            en "removed control characters from `{key}`: they cannot be shown on a page or in a feed";
        NulBytes =>
            ja "ファイルに NUL バイトがあります。文字のファイルではありません（UTF-8 か Shift_JIS の文字のファイルにしてください）",
            en "the file contains NUL bytes: it is not a text file (expected UTF-8 or Shift_JIS text)";
        Utf8Damaged =>
            ja "この行の前までは UTF-8 ですが、ここに UTF-8 ではない文字があります（文字コードが混ざっていませんか）。ファイル全体を UTF-8 で保存し直してください",
            en "the file is UTF-8 up to this line but has bytes here that are not UTF-8 (mixed encodings?); save the whole file as UTF-8";
        MixedEncodings { utf8_line: usize } =>
            ja "この行は UTF-8 ではありません（Shift_JIS？）が、{utf8_line} 行目は UTF-8 です。文字コードが混ざっているので、ファイル全体を UTF-8 で保存し直してください",
            en "this line is not UTF-8 (Shift_JIS?) but line {utf8_line} is UTF-8: the file mixes encodings; save the whole file as UTF-8";
        Utf16Damaged =>
            ja "UTF-16（Unicode テキスト）のファイルですが、ここに読めない文字があります。ファイルを保存し直してください（CSV UTF-8 での保存をおすすめします）",
            en "the file is UTF-16 (Unicode text) but has a broken character here; save it again (as CSV UTF-8, preferably)";
        NeitherEncoding =>
            ja "ここの文字は UTF-8 としても Shift_JIS（CP932）としても読めません。ファイルを UTF-8 で保存し直してください",
            en "bytes here are valid neither as UTF-8 nor as Shift_JIS (CP932); save the file as UTF-8";
    }
}

messages! {
    /// What is wrong in a TOML file (site.toml, front matter, a survey's
    /// description), worded as how to write it right.
    pub enum TomlMsg {
        Quote { key: String, value: String } =>
            ja "文字は \"...\" で囲んで書きます（例：`{key} = \"{value}\"`）",
            en "string values must be quoted (for example `{key} = \"{value}\"`)";
        /// `“…”`: quotation marks TOML does not read.
        SmartQuotes { key: String, value: String } =>
            ja "「“」「”」は全角の引用符で、文字の囲みになりません。半角の \" で囲んで書きます（例：`{key} = \"{value}\"`）",
            en "“ and ” are typographic quotes, which TOML does not read: quote with straight double quotes (for example `{key} = \"{value}\"`)";
        Integer { key: String, example: String } =>
            ja "`{key}` は数値で書きます（例：`{key} = {example}`）",
            en "{key} must be a whole number, without quotes (for example `{key} = {example}`)";
        Count { key: String, example: String } =>
            ja "`{key}` は数字だけで書きます（例：`{key} = {example}`）",
            en "{key} must be written in digits only (for example `{key} = {example}`)";
        CountOfPeople { key: String, example: String } =>
            ja "人数は数字だけで書きます（例：`{key} = {example}`）",
            en "{key} must be the number of people in digits only (for example `{key} = {example}`)";
        TooLarge { key: String, value: String } =>
            ja "`{key}` の {value} は大きすぎます。もっと小さい数で書きます",
            en "{key} {value} is too large";
        TextTooLong { key: String, size: String, limit: String } =>
            ja "`{key}` の文が {size} あり、設定1つの上限 {limit} を超えています。長い文章は content/ のページに書いてください",
            en "{key} is {size} of text, more than the {limit} one setting may hold: put long texts on a page under content/";
        Bool { key: String } =>
            ja "`{key}` は true か false で書きます（例：`{key} = true`）",
            en "{key} must be true or false, without quotes (for example `{key} = true`)";
        List { key: String, example: String } =>
            ja "`{key}` は [ ] の中に \"...\" を並べて書きます（例：`{key} = {example}`）",
            en "{key} must be a list (for example `{key} = {example}`)";
        /// An era date that can be converted: `date` is the Western day.
        DateEra { key: String, value: String, date: String, era: String } =>
            ja "日付は `{date}` の形で書きます（{era}の年号は使えません）",
            en "{key} {value} must be a day such as {date} (Japanese era years cannot be used)";
        /// A Western date in another form (`2025/12/8`): `date` is the same day.
        DateForm { key: String, value: String, date: String } =>
            ja "日付は `{date}` の形で書きます（年-月-日 を半角の数字と - で）",
            en "{key} {value} must be a day such as {date}";
        DateUnreadable { key: String, value: String } =>
            ja "日付は `2025-12-08` のように 年-月-日 の形で書きます（{value} は日付として読めません）",
            en "{key} {value} must be a day such as 2025-11-30 or \"2025-11-30\"";
        NoValue { key: String } =>
            ja "`{key} =` の後に値がありません。値を書くか、この行を消してください",
            en "{key} has no value after `=`: write one or remove the line";
        UnknownKey { key: String, accepted: Text } =>
            ja "`{key}` という項目はありません。書ける項目は {accepted} です（つづりを確かめてください）",
            en "unknown field `{key}`, expected {accepted}";
        MissingKey { key: String, example: String } =>
            ja "`{key}` がありません。書き足してください（例：`{key} = {example}`）",
            en "missing field `{key}` (for example `{key} = {example}`)";
        DuplicateKey { key: String } =>
            ja "`{key}` が2回書かれています。1つだけにしてください",
            en "duplicate key `{key}`: keep one";
        UnclosedString =>
            ja "\" で始めた文字が \" で閉じられていません。文字の終わりに \" を書き足してください",
            en "a string opened with \" is not closed: add the closing \"";
        Unclosed { close: String } =>
            ja "`{close}` で閉じられていません。終わりに `{close}` を書き足してください",
            en "not closed: add `{close}` at its end";
        BadEscape =>
            ja "文字の中の \\ は特別な意味を持ちます。\\ そのものを書くときは \\\\ と2つ続けるか、全体を '...' で囲みます",
            en "a backslash in a string starts an escape: write \\\\ for a backslash itself, or put the text in '...'";
        NoEquals =>
            ja "項目の名前の後に `=` がありません。`項目 = 値` の形で書きます（例：`title = \"...\"`）",
            en "key with no value, expected `=`";
        /// `key ＝ value`: a full-width equals sign.
        FullWidthEquals { fixed: String } =>
            ja "「＝」は全角です。項目と値の間は半角の `=` で書きます（例：`{fixed}`）",
            en "＝ is a full-width equals sign: write a plain `=` between the key and the value (for example `{fixed}`)";
        ExtraText =>
            ja "値の後ろに余分な文字があります。1行に `項目 = 値` を1つだけ書きます（文字は \"...\" で囲みます）",
            en "unexpected text after the value: write one `key = value` per line";
        /// A mistake renkei has no words of its own for: the library's.
        Other { detail: String } =>
            ja "書き方に誤りがあります（{detail}）。`項目 = 値` の形で、文字は \"...\" で囲んで書きます",
            en "{detail} (write `key = value`, text in double quotes)";
    }
}

messages! {
    /// Findings in `site.toml`.
    pub enum ConfigMsg {
        Empty { key: String, example: String } =>
            ja "`{key}` が空です。例えば {example} のように書いてください",
            en "`{key}` is empty; expected for example {example}";
        Missing { key: String, example: String } =>
            ja "必ず書く項目 `{key}` がありません。例えば {example} を書き足してください",
            en "missing required key `{key}`; expected for example {example}";
        BaseUrl { url: String } =>
            ja "base_url の「{url}」は、\"https://example.jp/careplan/\" のように http:// か https:// で始まるアドレスで書きます",
            en "base_url \"{url}\" must be an absolute http:// or https:// URL such as \"https://example.jp/careplan/\"";
        Prefecture { code: String } =>
            ja "prefecture_code の「{code}」は \"01\" から \"47\" までの2桁の数字で書きます（例：大分県なら \"44\"）",
            en "prefecture_code \"{code}\" must be 2 digits from \"01\" to \"47\" (for example \"44\" for 大分県)";
        CityOfOtherPrefecture { code: String, name: String, prefecture: String, site: String } =>
            ja "municipality_code の「{code}」は都道府県コード {prefecture} の{name}ですが、prefecture_code は \"{site}\" です。どちらかを直してください",
            en "municipality_code \"{code}\" is {name} of prefecture {prefecture}, but prefecture_code = \"{site}\"";
        NotACity { code: String } =>
            ja "municipality_code の「{code}」は、prefecture_code の都道府県の市町村（区ではなく）の6桁の全国地方公共団体コードで書きます（例：米子市なら \"312029\"）",
            en "municipality_code \"{code}\" must be the 6-digit national code of a municipality (not a ward) of prefecture_code, such as \"312029\" for 米子市";
        License { key: String, known: Text } =>
            ja "license の「{key}」は renkei が知らないライセンスです。{known} を書きます",
            en "license \"{key}\" is not a licence renkei knows; expected {known}";
    }
}

messages! {
    /// Findings in Markdown files under `content/` and in theme files.
    pub enum ContentMsg {
        TooLarge { size: String, limit: String } =>
            ja "ファイルが {size} あり、1ページの上限 {limit} を超えています。いくつかのページに分け、大きな表は data/ に置いてください",
            en "the file is {size}, more than the {limit} a Markdown page may be: split it into several pages, and put large tables in data/";
        NoFrontMatter =>
            ja "ファイルの先頭に設定がありません。1行目を `+++` にし、`title = \"...\"` のような設定を書いて、`+++` の行で閉じてください",
            en "expected front matter: the file must start with a line `+++`, then TOML such as `title = \"...\"`, then `+++`";
        Unclosed =>
            ja "1行目の `+++` で始めた設定が閉じられていません。設定の後に `+++` の行を書き足してください",
            en "front matter opened with `+++` on line 1 is never closed: add a line `+++` after it";
        /// A mistake inside the front matter.
        FrontMatter { detail: Text } =>
            ja "ページ先頭の設定（+++ の間）: {detail}",
            en "front matter: {detail}";
        NoTitle =>
            ja "ページ先頭の設定に `title` がありません。例えば title = \"導入の流れ\" を書き足してください",
            en "front matter has no `title`; add for example title = \"...\"";
    }
}

messages! {
    /// Findings of reading a CSV file's header and rows.
    pub enum TableMsg {
        RowUnreadable { detail: String } =>
            ja "この行を読めません（{detail}）",
            en "cannot read this row: {detail}";
        Empty { expected: String } =>
            ja "ファイルが空です。1行目に見出し（{expected}）を書きます",
            en "the file is empty: expected a header row with {expected}";
        EmptyHeader { expected: String } =>
            ja "見出しの行が空です。{expected} を書きます",
            en "the header row is empty: expected {expected}";
        QuoteNeverClosed { line: usize, end_line: usize } =>
            ja "このセルで始まった引用符（\"）が閉じられていません。{line} 行目から {end_line} 行目までが1つのセルとして読まれました。引用符を閉じるか、消してください",
            en "a quote (\") opened in this cell is never closed: lines {line} to {end_line} were read as one cell; close the quote or remove it";
        QuoteClosedLate { end_line: usize } =>
            ja "このセルで始まった引用符（\"）が {end_line} 行目まで閉じられていません。間の行が1つのセルとして読まれました。値の終わりで引用符を閉じてください",
            en "a quote (\") opened in this cell is not closed until line {end_line}: the lines in between were read as one cell; close the quote where the value ends";
        TooFewFields { fields: usize, header: usize } =>
            ja "この行は項目が{fields}個しかありません。見出しの行は{header}個です",
            en "this row has {fields} fields but the header has {header}";
        TooManyFields { fields: usize, header: usize } =>
            ja "この行は項目が{fields}個あり、見出しの行の{header}個より多くなっています（値の中にコンマがあるときは、値を \"...\" で囲みます）",
            en "this row has {fields} fields but the header has {header} (a comma inside a value needs the value in double quotes)";
        CellTooLarge { size: String, limit: String } =>
            ja "このセルは {size} あり、1つのセルの上限 {limit} を超えています。引用符（\"）が閉じられていないか、文書を丸ごと貼り付けていませんか",
            en "this cell is {size}, more than the {limit} a cell may hold: is a quote (\") left open, or a document pasted into the cell?";
        BomRemoved { name: String } =>
            ja "列名「{name}」から目に見えない BOM（U+FEFF）を取り除きました。ファイルを保存し直すと消えます",
            en "removed an invisible byte order mark (BOM, U+FEFF) from the column name \"{name}\": save the file again to drop it";
        MissingColumn { name: String, alias: String, header: String } =>
            ja "列「{name}」（または「{alias}」）がありません。見出しの行にあるのは {header} です",
            en "missing column \"{name}\" (or \"{alias}\"); the header has: {header}";
        DoubledColumn { name: String, alias: String, times: usize } =>
            ja "列「{name}」が{times}回あります（「{name}」と「{alias}」は同じ列です）。1つだけにしてください",
            en "column \"{name}\" appears {times} times (\"{name}\" and \"{alias}\" mean the same column); keep one";
        UnusedColumn { name: String, expected: String } =>
            ja "列「{name}」は renkei では使いません（使う列は {expected}）",
            en "column \"{name}\" is not used by renkei (expected {expected})";
        ColumnLike { name: String, meant: String } =>
            ja "列「{name}」は renkei が使う列の名前ではないので、値は読み込まれません。{meant} の列のつもりなら、見出しをその名前に直してください",
            en "column \"{name}\" is not a column renkei reads, so its values are left out: if it is meant to be {meant}, rename it so";
        CellNotNumber { column: String, value: String } =>
            ja "列「{column}」の「{value}」は数字だけで書きます",
            en "column \"{column}\": \"{value}\" must be a number";
        CellNotBool { column: String, value: String } =>
            ja "列「{column}」の「{value}」は true か false で書きます",
            en "column \"{column}\": \"{value}\" must be true or false";
        CellNotText { column: String } =>
            ja "列「{column}」の文字を読めません。ファイルを UTF-8 で保存し直してください",
            en "column \"{column}\": the text cannot be read; save the file as UTF-8";
        RowEndsEarly { column: String } =>
            ja "この行は列「{column}」の前で終わっています",
            en "column \"{column}\": the row ends before this column";
        CellOther { column: String, detail: String } =>
            ja "列「{column}」の値を読めません（{detail}）",
            en "column \"{column}\": {detail}";
    }
}

messages! {
    /// Findings about the files under `data/` as files: which are there,
    /// what they are named, what they hold.
    pub enum DataMsg {
        MissingFile { path: String, columns: String, how: Text } =>
            ja "必要なファイルがありません。列 {columns} を持つ {path} を置いてください。{how}",
            en "required file is missing: expected {path} with the columns {columns}{how}";
        HowOffices =>
            ja "`renkei import offices jigyosho_*.csv` で公式のオープンデータ（介護サービス情報公表システム）から作れます",
            en "; `renkei import offices jigyosho_*.csv` writes it from the official open data (kaigokensaku.mhlw.go.jp)";
        HowMunicipalities =>
            ja "`renkei new` が全国地方公共団体コードから都道府県の一覧を書き出します",
            en "; `renkei new` writes it for a prefecture from the national code list";
        OpenDataAsOffices =>
            ja "これはダウンロードしたままの公式オープンデータ（介護サービス情報公表システム）です。`renkei import offices jigyosho_*.csv` で data/offices.csv に変換してください",
            en "this is the official open data of care offices (kaigokensaku.mhlw.go.jp) as downloaded: turn it into data/offices.csv with `renkei import offices jigyosho_*.csv`";
        OpenDataInAdoption =>
            ja "これは公式オープンデータ（介護サービス情報公表システム）の全事業所の一覧で、ライセンスを持つ事業所の一覧ではありません。`renkei import offices jigyosho_*.csv` で data/offices.csv にしてください",
            en "this is the list of every office from the official open data of care offices (kaigokensaku.mhlw.go.jp), not a list of license holders: it belongs in data/offices.csv, written by `renkei import offices jigyosho_*.csv`";
        OpenDataElsewhere =>
            ja "これは公式オープンデータ（介護サービス情報公表システム）の全事業所の一覧で、このファイルに置くものではありません。`renkei import offices jigyosho_*.csv` で data/offices.csv にしてください",
            en "this is the list of every office from the official open data of care offices (kaigokensaku.mhlw.go.jp), not this file: it belongs in data/offices.csv, written by `renkei import offices jigyosho_*.csv`";
        NoMunicipalities =>
            ja "見出しの行だけで、市区町村の行がありません。市区町村ごとに1行を書きます（`renkei new` が都道府県の全市区町村を書き出します）",
            en "the file has a header but no municipalities: expected one row per municipality (`renkei new` writes the full list of a prefecture)";
        NoOffices =>
            ja "事業所がまだないので、導入率はすべて空になります。`renkei import offices jigyosho_*.csv` で公式のオープンデータ（介護サービス情報公表システム）から書き出せます",
            en "no offices yet, so every rate is empty: `renkei import offices jigyosho_*.csv` writes them from the official open data (kaigokensaku.mhlw.go.jp)";
        NoRows =>
            ja "見出しの行だけで、データの行がありません。このファイルからは何も数えません",
            en "the file has a header but no rows: nothing in it is counted";
        /// A file where only snapshots belong, with the date its name gives.
        NotCsv { date: String } =>
            ja "CSV でも Excel のブックでもないので読み込めません（古い数字のまま公開されないよう、エラーにしています）。Excel のブック（`{date}.xlsx`）か「CSV UTF-8（コンマ区切り）」（`{date}.csv`）で data/adoption に保存し、このファイルは data/adoption から外してください",
            en "neither a CSV file nor a spreadsheet, so it is not read (an error, so that the old figures are not published as if nothing had arrived): save the list as an Excel book ({date}.xlsx) or as \"CSV UTF-8 (Comma delimited)\" ({date}.csv) in data/adoption, and move this file out of data/adoption";
        NotCsvUndated =>
            ja "CSV でも Excel のブックでもないので読み込めません（古い数字のまま公開されないよう、エラーにしています）。一覧を作った日付で、Excel のブック（`YYYY-MM-DD.xlsx`）か「CSV UTF-8（コンマ区切り）」（`YYYY-MM-DD.csv`）として data/adoption に保存し、このファイルは data/adoption から外してください",
            en "neither a CSV file nor a spreadsheet, so it is not read (an error, so that the old figures are not published as if nothing had arrived): save the list as an Excel book (YYYY-MM-DD.xlsx, the date of the list) or as \"CSV UTF-8 (Comma delimited)\" (YYYY-MM-DD.csv) in data/adoption, and move this file out of data/adoption";
        SnapshotName { name: String, extension: String, hint: Text } =>
            ja "導入状況のファイル名「{name}」は、日付で YYYY-MM-DD.{extension} の形にします{hint}",
            en "snapshot file name \"{name}\" must be the date as YYYY-MM-DD.{extension}{hint}";
        HintFor { name: String } =>
            ja "（このファイルなら {name} です）",
            en " (for this one: {name})";
        HintStartsWith { date: String, name: String } =>
            ja "（先頭が日付 {date} なので {name} にします。1つの日付に1ファイルです）",
            en " (it starts with the date {date}: name it {name}, one file per date)";
        HintPastMonthEnd { month: u8, days: u8 } =>
            ja "（そのような日はありません。{month}月は{days}日までです）",
            en " (there is no such day: month {month} has {days} days)";
        FutureSnapshot { date: String, today: String } =>
            ja "ファイル名の日付 {date} は今日（{today}）より後です。ファイル名は一覧を作った日付にします（未来の日付にはできません）",
            en "snapshot {date} is dated after today ({today}): name the file with the date the list was taken, which cannot be in the future";
        NestedSnapshot { dir: String, hint: Text } =>
            ja "{dir} の中のフォルダに置いたファイルは読み込みません。導入状況のファイルは {dir}/YYYY-MM-DD.csv に置きます{hint}",
            en "a file in a folder below {dir} is not read: snapshots are {dir}/YYYY-MM-DD.csv{hint}";
        SurveyNoResults { slug: String, path: String } =>
            ja "アンケート「{slug}」の結果のファイルがありません。同じフォルダに {path} を置いてください",
            en "survey \"{slug}\" has no results file: expected {path} beside it";
        SurveyNoDescription { slug: String, path: String } =>
            ja "アンケート「{slug}」の説明のファイルがありません。少なくとも title = \"...\" を書いた {path} を置いてください",
            en "survey \"{slug}\" has no description: expected {path} with at least title = \"...\"";
        NotSurveyFile =>
            ja "アンケートのファイルではないので読み込みません（アンケートは data/surveys/名前.csv と 名前.toml の組です）",
            en "not a survey file: left out (surveys are data/surveys/SLUG.csv with SLUG.toml)";
    }
}

messages! {
    /// Findings of spreadsheets (`.xlsx`, `.xls`, `.ods`) and of the files
    /// that stand for one input.
    pub enum SheetMsg {
        Unreadable { detail: String } =>
            ja "表計算のファイルとして読めません（{detail}）。Excel などで開けるか確かめて、保存し直してください",
            en "cannot read the spreadsheet: {detail}; check that it opens in Excel and save it again";
        TooLarge { limit: usize } =>
            ja "シートのセルが多すぎます（1つのシートは {limit} セルまで）。離れたセルに値や数式が残っていないか確かめてください",
            en "the sheet has more than {limit} cells, the most renkei reads of one sheet: is a value or formula left in a far-away cell?";
        Encrypted =>
            ja "パスワードで保護されたブックは読めません。Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存するか、「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで同じ名前の .csv にしてください",
            en "a password-protected book cannot be read: open it in Excel and remove the password (File > Info > Protect Workbook > Encrypt with Password, left empty), then save; or Save As \"CSV UTF-8 (Comma delimited)\" under the same name with .csv";
        Numbers =>
            ja "Numbers のファイルは読めません。Numbers で「ファイル」→「書き出す」→「Excel...」（または「CSV...」）を選んで同じ名前の .xlsx（または .csv）に書き出し、この .numbers ファイルは data/ から外してください",
            en "a Numbers file cannot be read: in Numbers, use File > Export To > Excel (or CSV), save it under the same name as .xlsx (or .csv), and move this .numbers file out of data/";
        RowsAboveHeader { header_line: usize } =>
            ja "見出しの行（{header_line} 行目）の上に、表題などの行があります。見出しが最初の行になるよう、上の行を消してください",
            en "there are rows (a title?) above the header row on line {header_line}: delete them, so that the header is the first row";
        TextSave { name: String } =>
            ja "テキストのファイル（.txt）は読み込みません。Excel の「テキスト（タブ区切り）」や「Unicode テキスト」で保存したものなら、名前を `{name}` に変えるとそのまま読めます（Excel のブックのまま置くこともできます）",
            en "a text file (.txt) is not read: if it is Excel's \"Text (Tab delimited)\" or \"Unicode Text\" save, rename it {name} and it is read as it is (or put the Excel book itself in its place)";
        TwoFiles { other: String } =>
            ja "同じデータのファイルが2つあります（{other} とこのファイル）。どちらを読むか決められないので、1つだけ残してください",
            en "two files for one input ({other} and this one): renkei cannot tell which to read; keep one";
        /// A finding in a book with several sheets, naming the sheet read.
        InSheet { sheet: String, detail: Text } =>
            ja "シート「{sheet}」: {detail}",
            en "sheet \"{sheet}\": {detail}";
    }
}

messages! {
    /// What to write instead of a date cell that cannot be read.
    pub enum DateMsg {
        Meant { date: String } =>
            ja "{date} のことなら `{date}` と書きます（2026-04-15、2026/4/15、2026年4月15日、R8.4.15、令和8年4月15日 の形で書けます）",
            en "if it means {date}, write {date} (2026-04-15, 2026/4/15, 2026年4月15日, R8.4.15 and 令和8年4月15日 are read)";
        PastMonthEnd { month: u8, days: u8 } =>
            ja "そのような日はありません（{month}月は{days}日までです）",
            en "there is no such day (month {month} has {days} days)";
        Forms =>
            ja "2026-04-15、2026/4/15、2026年4月15日、R8.4.15、令和8年4月15日 のどれかの形で書きます",
            en "write it as 2026-04-15, 2026/4/15, 2026年4月15日, R8.4.15 or 令和8年4月15日";
    }
}
