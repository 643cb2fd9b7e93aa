//! What `renkei import offices` says: why a row was left out, why a file
//! cannot be read, and the summary of what was imported. Column names of
//! the official files are passed in as they are written there.

messages! {
    /// Findings and summary lines of the import.
    pub enum ImportMsg {
        NoSitePrefecture { root: String } =>
            ja "--prefecture の指定がなく、{root} にも prefecture_code を読める site.toml がありません。--prefecture 44（または名前の 大分県）を付けるか、--root でサイトのフォルダーを指定してください",
            en "no --prefecture given, and {root} has no usable site.toml to take prefecture_code from: pass --prefecture 44 (or the name, 大分県), or --root SITE";
        NoSuchInput { path: String } =>
            ja "{path}: そのファイルもフォルダーもありません",
            en "{path}: no such file or folder";
        NoMatch { dir: String, pattern: String } =>
            ja "{dir}: {pattern} に当たるファイルがありません（公表システムのオープンデータのファイル名は jigyosho_番号.csv です）",
            en "{dir}: no file matches {pattern} (the official open data files are named jigyosho_<code>.csv)";
        /// A row whose office number cannot be used.
        BadNumberRow { problem: Text } =>
            ja "{problem}。この行は取り込みません",
            en "{problem}: row left out";
        EmptyCell { number: String, column: String } =>
            ja "事業所 {number} の「{column}」が空です。この行は取り込みません",
            en "office {number} has no {column}: row left out";
        BadCodeRow { number: String, problem: Text } =>
            ja "事業所 {number}: {problem}。この行は取り込みません",
            en "office {number}: {problem}: row left out";
        UnknownCode { code: String, city: String, city_column: String, prefecture: String } =>
            ja "コード「{code}」（{city_column}「{city}」）は、全国地方公共団体コードの一覧で都道府県 {prefecture} の市区町村にありません",
            en "code \"{code}\" with {city_column} \"{city}\" is not a municipality of prefecture {prefecture} in the national code list";
        OtherMunicipality { number: String, code: String, first: String, first_place: String } =>
            ja "事業所 {number} の市区町村が、ここでは {code}、{first_place} では {first} です。先に読んだ {first} を使います",
            en "office {number} is in municipality {code} here but in {first} in {first_place}: the first was kept";
        LooksLikeFormula { number: String, column: String, value: String } =>
            ja "事業所 {number}: {column}「{value}」は表計算ソフトの数式のように始まります。サイトのオープンデータでは、文字として表示されるよう先頭に ' を付けて書き出します。名前を確かめてください",
            en "office {number}: {column} \"{value}\" starts like a spreadsheet formula; the site's open data writes it with a leading ' so that spreadsheets show it as text: check the name";
        PreviousUnreadable { problems: usize } =>
            ja "置き換える前の事業所の一覧を全部は読めませんでした（問題 {problems} 件。`renkei check` で一覧できます）。読めなかった行の圏域（area）は引き継ぎません",
            en "the office list being replaced could not be read completely ({problems} problem(s); `renkei check` lists them): the area (圏域) of its unreadable rows is not carried over";
        EmptyFile { columns: String } =>
            ja "ファイルが空です。見出しの行（{columns}, ...）のある公表システムのオープンデータを指定してください",
            en "the file is empty: expected the official open data with its header row ({columns}, ...)";
        RenkeiFile =>
            ja "これは renkei の事業所ファイル（office_number, ...）で、公表システムのオープンデータではありません。取り込みは要りません。data/offices.csv に置いてください",
            en "this is a renkei offices file (office_number, ...), not the official open data: it needs no import; put it at data/offices.csv";
        ColumnMoved { expected: String, at: usize } =>
            ja "（この表では「{expected}」は {at} 列目です）",
            en " (\"{expected}\" is column {at} in this file)";
        WrongColumn { index: usize, name: String, expected: String, moved: Text } =>
            ja "{index} 列目が「{name}」ですが、公表システムのオープンデータではここは「{expected}」です{moved}。ダウンロードしたときの24列のまま保存してください",
            en "column {index} is \"{name}\" but the official open data has \"{expected}\" there{moved}; the file must keep the 24 columns as downloaded";
        MissingColumn { index: usize, expected: String, found: usize } =>
            ja "{index} 列目の「{expected}」がありません。見出しは {found} 列で、公表システムのオープンデータは24列です",
            en "column {index} \"{expected}\" is missing: the header has {found} columns, the official open data has 24";
        ExtraColumn { index: usize, name: String } =>
            ja "{index} 列目の「{name}」は公表システムのオープンデータにない列です（24列です）",
            en "column {index} \"{name}\" is not in the official open data, which has 24 columns";
        SkipBadNumber { column: String } =>
            ja "「{column}」の事業所番号が使えない",
            en "office number ({column}) unusable";
        SkipNoName { column: String } =>
            ja "「{column}」が空",
            en "no office name ({column})";
        SkipNoService { column: String } =>
            ja "「{column}」が空",
            en "no service type ({column})";
        SkipBadCode { columns: String } =>
            ja "市区町村が見つからない（{columns}）",
            en "municipality not found ({columns})";
        Read { rows: usize, files: usize } =>
            ja "{files} 個のファイルから {rows} 行を読みました:",
            en "read {rows} rows from {files} file(s):";
        FileRows { file: String, rows: usize } =>
            ja "  {file}: {rows} 行",
            en "  {file}: {rows} rows";
        Kept { kept: usize, prefecture: String, name: String } =>
            ja "都道府県 {prefecture}（{name}）の事業所 {kept} 件を残しました",
            en "kept {kept} offices of prefecture {prefecture} ({name})";
        Merged { rows: usize } =>
            ja "  {rows} 行をまとめました: 同じ事業所番号が別のサービスのファイルにありました（そのサービスを加えました）",
            en "  merged {rows} rows: the same office number in another service file (its service added)";
        OtherPrefectures { rows: usize } =>
            ja "  ほかの都道府県の {rows} 行は除きました",
            en "  skipped {rows} rows of other prefectures";
        Skipped { rows: usize, reason: Text } =>
            ja "  {rows} 行を除きました: {reason}（それぞれ上に警告があります）",
            en "  skipped {rows} rows: {reason} (each is a warning above)";
        Repaired { count: usize } =>
            ja "  表計算ソフトで欠けた事業所番号やコード {count} 件を直しました（先頭の0や検査数字が落ちていました）",
            en "  repaired {count} office numbers or codes a spreadsheet had cut short (lost leading zero or check digit)";
        NamesDiffer { count: usize } =>
            ja "  {count} 件の事業所は、サービスのファイルによって名前が違います。最初のファイルの名前を使いました",
            en "  {count} offices have another name in another service file: the name in the first file was kept";
        Compared { offices: usize, added: usize, dropped: usize, areas: usize } =>
            ja "前回の一覧（{offices} 件）と比べて: 新しく {added} 件、オープンデータから消えたもの {dropped} 件（廃止または移転）、圏域（area）を引き継いだもの {areas} 件",
            en "compared with the previous list of {offices} offices: {added} new, {dropped} no longer in the open data (closed or moved), area (圏域) carried over for {areas}";
        NoLongerListed { number: String, name: String } =>
            ja "  一覧から消えた事業所: {number} {name}",
            en "  no longer listed: {number} {name}";
        AndMore { count: usize } =>
            ja "  ……ほかに {count} 件",
            en "  ... and {count} more";
    }
}

use super::Text;
