//! Messages of the model stage: the data files checked against each other,
//! the pages and their Markdown, links and shortcodes.

use super::Text;

messages! {
    /// Office numbers of offices.csv, the adoption snapshots and plans.csv.
    pub enum OfficeMsg {
        NumberShape { number: String } =>
            ja "事業所番号（`office_number`）「{number}」は10桁の数字で書きます（総合事業の事業所は3桁目が英大文字のこともあります）",
            en "office_number \"{number}\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices)",
            many ja "事業所番号が10桁の形ではありません", en "office numbers are not 10 digits";
        /// Nine digits: a spreadsheet dropped the leading zero.
        NumberLostZero { number: String, fixed: String } =>
            ja "事業所番号（`office_number`）「{number}」は9桁です。表計算ソフトで先頭の0が消えています。「{fixed}」と書いてください（列の書式を「文字列」にして保存します）",
            en "office_number \"{number}\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices); a spreadsheet may have dropped a leading zero: \"{fixed}\"",
            many ja "事業所番号の先頭の 0 が消えています", en "office numbers lost their leading zero";
        /// `1.7E+09`: a spreadsheet turned the number into a number.
        NumberAsNumber { number: String } =>
            ja "事業所番号（`office_number`）「{number}」は表計算ソフトで数値に変わっています。列の書式を「文字列」にして10桁の番号を入れ直してください",
            en "office_number \"{number}\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices); a spreadsheet turned it into a number: format the column as text",
            many ja "事業所番号が表計算ソフトで数値に変わっています", en "a spreadsheet turned office numbers into numbers";
        NumberTwice { number: String, first: usize } =>
            ja "事業所番号「{number}」が2回書かれています（最初は{first}行目）。1行にまとめてください",
            en "office_number \"{number}\" is listed twice (first on line {first})";
        /// A spreadsheet's total row, in any data file.
        TotalRow { cell: String } =>
            ja "「{cell}」の行は表計算ソフトで足した合計の行で、データの行ではありません。この行を消してください（合計は renkei が数えます）",
            en "the \"{cell}\" row is a spreadsheet's total, not a row of data: delete the row (renkei counts the totals itself)";
        NameEmpty { number: String } =>
            ja "事業所 {number} の事業所名（`name`）が空です",
            en "name is empty for office {number}";
        OutsideCity { number: String, code: String, city: String, city_code: String } =>
            ja "事業所 {number} の市区町村コード（`municipality_code`）「{code}」は、この市のポータル（{city}、{city_code}）の外です。どの集計にも入りません",
            en "office {number} is in municipality_code \"{code}\", not in {city} ({city_code}) of this city portal: left out of every figure";
        ServiceTypesEmpty { number: String, example: String } =>
            ja "事業所 {number} のサービス種別（`service_types`）が空です。例：{example}",
            en "service_types is empty for office {number}; expected for example {example}";
        AreaOfOther { area: String, of: String, of_code: String, here: String, here_code: String } =>
            ja "圏域（`area`）「{area}」は data/areas.csv では{of}（{of_code}）の圏域で、この事業所の{here}（{here_code}）のものではありません",
            en "area \"{area}\" belongs to {of} ({of_code}) in data/areas.csv, not to this office's {here} ({here_code})";
        AreaUnknown { area: String, here: String, here_code: String } =>
            ja "圏域（`area`）「{area}」は data/areas.csv にありません。{here}（{here_code}）の圏域として書き足すか、名前を直してください",
            en "area \"{area}\" is not in data/areas.csv: add it there for {here} ({here_code}), or correct the name";
        /// The spellings are the values an editor types, passed in.
        LinkingSpelling { value: String, spellings: String } =>
            ja "連携（`linking`）の「{value}」は読めません。{spellings} のどれかで書きます（空欄は「なし」）",
            en "linking \"{value}\" must be one of {spellings} (or empty for no)",
            many ja "連携（`linking`）の値が読めません", en "linking values cannot be read";
        NotListed { number: String } =>
            ja "事業所番号「{number}」は data/offices.csv にありません。どの集計にも入りません",
            en "office_number \"{number}\" is not in data/offices.csv: left out of every figure",
            many ja "事業所番号が data/offices.csv にありません", en "office numbers are not in data/offices.csv";
        TwiceCountedOnce { number: String, first: usize } =>
            ja "事業所番号「{number}」が2回書かれています（最初は{first}行目）。1回だけ数えます",
            en "office_number \"{number}\" is listed twice (first on line {first}): counted once",
            many ja "同じ事業所番号が2回書かれています", en "office numbers are listed twice";
        /// A rejected office row with the rows of other files that name it.
        Dependents { message: Text, rows: usize } =>
            ja "{message}（導入状況・導入予定のファイルでこの事業所を挙げている{rows}行も数えません）",
            en "{message} ({rows} rows of the adoption or plan files name this office and are left out too)";
        TooManyRows { rows: usize, offices: usize } =>
            ja "{rows}事業所が載っていますが、data/offices.csv の事業所は{offices}です。別の地域や全国の一覧ではありませんか（この都道府県の行だけを残します）。それとも data/offices.csv が古いままですか",
            en "lists {rows} offices, more than the {offices} offices that exist in data/offices.csv: is it the list of another area or of the whole country (keep only this prefecture's rows), or is data/offices.csv out of date?";
        OlderCountsMore { date: String, older: usize, newer: usize, newer_path: String } =>
            ja "{date}の導入状況は{older}事業所で、新しい {newer_path} の{newer}事業所より多くなっています。どちらのファイル名も一覧を作った日付になっているか確かめてください（利用の終了だけなら少し減る程度です）",
            en "this snapshot of {date} counts {older} license holders, more than the {newer} of the newer {newer_path}: check that both file names carry the date their list was made (licenses that ended explain only a small drop)";
        HoldsLicense { number: String, path: String } =>
            ja "事業所 {number} は {path} で利用を始めています。導入予定ではなく導入済みとして数えます",
            en "office {number} holds a license in {path}: it counts as adopted, not as planned";
        PlanDate { value: String, hint: Text } =>
            ja "日付（`date`）の「{value}」は日付として読めません。{hint}",
            en "date \"{value}\" cannot be read as a day: {hint}";
    }
}

messages! {
    /// Municipality codes, wherever they are written.
    pub enum CodeMsg {
        /// Five digits, nothing known of either six-digit reading.
        FiveDigits { code: String } =>
            ja "コード「{code}」は5桁です。全国地方公共団体コードは最後の検査数字を含めて6桁ですが、先頭に0を足しても検査数字を足しても全国の一覧にないコードになります。正しいコードを確かめてください",
            en "code \"{code}\" has 5 digits: the national code has 6, with a check digit, but neither a leading zero nor a check digit makes it a code of the national list: check the code",
            many ja "コードが5桁です", en "codes have 5 digits";
        /// Five digits: the check digit left out.
        CheckDigitLost { code: String, fixed: String, name: String } =>
            ja "コード「{code}」は5桁です。全国地方公共団体コードは最後の検査数字を含めて6桁です。「{fixed}」（{name}）のことではありませんか",
            en "code \"{code}\" has 5 digits: the national code has 6, with a check digit (\"{fixed}\"); did you mean {name}?",
            many ja "コードの最後の検査数字がありません", en "codes lack their check digit";
        /// Five digits: a spreadsheet dropped the leading zero.
        ZeroLost { code: String, fixed: String, name: String } =>
            ja "コード「{code}」は5桁です。表計算ソフトで先頭の0が消えています。「{fixed}」（{name}）のことではありませんか（列の書式を「文字列」にして保存します）",
            en "code \"{code}\" has 5 digits: a spreadsheet dropped its leading zero (\"{fixed}\"); did you mean {name}?",
            many ja "コードの先頭の 0 が消えています", en "codes lost their leading zero";
        Shape { code: String } =>
            ja "コード「{code}」は6桁の全国地方公共団体コードで書きます（例：「442011」）",
            en "code \"{code}\" must be a 6-digit national local government code such as \"442011\"",
            many ja "コードが6桁の形ではありません", en "codes are not 6 digits";
        ShapeNamed { code: String, named: String } =>
            ja "コード「{code}」は6桁の全国地方公共団体コードで書きます（{code}は「{named}」です）",
            en "code \"{code}\" must be a 6-digit national local government code such as \"442011\" (for {code} write {named})";
        WrongCheckDigit { code: String, five: String, expected: u8, name: String } =>
            ja "コード「{code}」の最後の検査数字が合いません。{five}の検査数字は{expected}です（「{five}{expected}」、{name}）",
            en "code \"{code}\" has a wrong check digit: for {five} it is {expected} (\"{five}{expected}\", {name})",
            many ja "コードの検査数字が合いません", en "codes have a wrong check digit";
        /// Six digits whose check digit fits no code of the national list.
        NoSuchCode { code: String } =>
            ja "コード「{code}」の最後の検査数字が合いません。全国地方公共団体コードの一覧にない番号です。正しいコードを確かめてください",
            en "code \"{code}\" has a wrong check digit and is no code of the national list: check the code",
            many ja "コードが全国の一覧にありません", en "codes are not in the national list";
        OtherPrefecture { code: String, of: String, prefecture: String } =>
            ja "コード「{code}」は都道府県コード{of}の市区町村ですが、site.toml は prefecture_code = \"{prefecture}\" です",
            en "code \"{code}\" belongs to prefecture {of}, but site.toml says prefecture_code = \"{prefecture}\"";
        /// A code of another file or of site.toml that municipalities.csv lacks.
        NotListed { column: String, code: String } =>
            ja "市区町村コード「{code}」は data/municipalities.csv にありません",
            en "{column} \"{code}\" is not in data/municipalities.csv",
            many ja "市区町村コードが data/municipalities.csv にありません", en "codes are not in data/municipalities.csv";
        NotListedBecause { column: String, code: String, problem: Text } =>
            ja "市区町村コード「{code}」は data/municipalities.csv にありません。{problem}",
            en "{column} \"{code}\" is not in data/municipalities.csv: {problem}";
    }
}

messages! {
    /// Findings of data/municipalities.csv.
    pub enum MunicipalityMsg {
        OutsideCity { code: String, name: String, city: String } =>
            ja "コード「{code}」（{name}）は{city}でもその区でもありません。この市のポータルには載せません",
            en "code \"{code}\" ({name}) is neither {city} nor one of its wards: this city portal leaves it out";
        Twice { code: String, first: usize } =>
            ja "コード「{code}」が2回書かれています（最初は{first}行目）",
            en "code \"{code}\" is listed twice (first on line {first})";
        NameEmpty { code: String } =>
            ja "コード「{code}」の名前（`name`）が空です",
            en "name is empty for code \"{code}\"";
        NameEmptyNational { code: String, national: String } =>
            ja "コード「{code}」の名前（`name`）が空です（全国の一覧では「{national}」です）",
            en "name is empty for code \"{code}\" (the national list calls it \"{national}\")";
        NotNational { code: String, name: String } =>
            ja "コード「{code}」（{name}）は全国地方公共団体コードの一覧にありません",
            en "code \"{code}\" ({name}) is not in the national code list";
        NotNationalNamed { code: String, name: String, other: String, other_code: String } =>
            ja "コード「{code}」（{name}）は全国地方公共団体コードの一覧にありません（一覧では{other}は{other_code}です）",
            en "code \"{code}\" ({name}) is not in the national code list (the national list has {other} as {other_code})";
        NameDiffers { name: String, code: String, national: String } =>
            ja "名前「{name}」が全国の一覧と違います。一覧では{code}は「{national}」です",
            en "name \"{name}\" differs from the national code list, which calls {code} \"{national}\"";
        /// A rejected row with the offices in it, which no other row names.
        DependentOffices { message: Text, offices: usize } =>
            ja "{message}（data/offices.csv でこの市区町村にある{offices}事業所も数えません）",
            en "{message} ({offices} offices of data/offices.csv in this municipality are left out too)";
        /// A rejected row with the offices in it and the rows naming those.
        Dependents { message: Text, offices: usize, rows: usize } =>
            ja "{message}（data/offices.csv でこの市区町村にある{offices}事業所と、それを挙げている導入状況・導入予定のファイルの{rows}行も数えません）",
            en "{message} ({offices} offices of data/offices.csv in this municipality, and {rows} rows of the adoption or plan files naming them, are left out too)";
        ParentCode { problem: Text } =>
            ja "親のコード（`parent_code`）：{problem}",
            en "parent_code: {problem}";
        ParentUnknown { parent: String } =>
            ja "親のコード（`parent_code`）「{parent}」はこのファイルにも、全国の一覧の政令指定都市にもありません",
            en "parent_code \"{parent}\" is neither listed in this file nor a designated city of the national list";
    }
}

messages! {
    /// Findings of data/areas.csv.
    pub enum AreaMsg {
        IdEmpty =>
            ja "`id` が空です。圏域のURLになる英小文字の名前を書きます（例：「minatoyama」）",
            en "id is empty: expected a URL slug such as \"minatoyama\"";
        IdShape { id: String } =>
            ja "`id` の「{id}」は圏域のURLになるので、英小文字・数字・「-」だけで書きます（例：「minatoyama」）",
            en "id \"{id}\" must be lowercase ASCII letters, digits and \"-\" (it is the area's URL), such as \"minatoyama\"";
        IdTwice { id: String, first: usize } =>
            ja "`id` の「{id}」が2回書かれています（最初は{first}行目）",
            en "id \"{id}\" is listed twice (first on line {first})";
        NameEmpty { id: String, example: String } =>
            ja "圏域「{id}」の名前（`name`）が空です。offices.csv の `area` 列と同じ名前を書きます（例：{example}）",
            en "name is empty for area \"{id}\": expected the name offices.csv's area column uses, such as {example}";
        NameTwice { name: String, parent: String, first: usize } =>
            ja "{parent}の圏域「{name}」が2回書かれています（最初は{first}行目）",
            en "area \"{name}\" of {parent} is listed twice (first on line {first})";
    }
}

messages! {
    /// The `[[groups]]` of site.toml.
    pub enum GroupMsg {
        Twice { group: String, code: String } =>
            ja "グループ「{group}」に「{code}」が2回あります",
            en "group \"{group}\" lists \"{code}\" twice";
        Unknown { group: String, problem: Text } =>
            ja "グループ「{group}」：{problem}",
            en "group \"{group}\": {problem}";
        Empty { group: String } =>
            ja "グループ「{group}」に市区町村がありません。`municipalities = [\"442011\"]` のようにコードを書きます",
            en "group \"{group}\" lists no municipalities";
    }
}

messages! {
    /// Findings of data/surveys/.
    pub enum SurveyMsg {
        Date { value: String } =>
            ja "日付（`date`）の {value} は読めません。`2025-08-01` の形で書きます",
            en "date {value} must be a day such as 2025-08-01";
        TitleEmpty =>
            ja "題名（`title`）が空です",
            en "title is empty";
        Count { value: String } =>
            ja "回答数（`count`）の「{value}」は0以上の整数で書きます（例：12）",
            en "count \"{value}\" must be a whole number of answers, such as 12";
        Empty =>
            ja "設問（`question`）と選択肢（`choice`）は空にできません",
            en "question and choice must not be empty";
        ChoiceTwice { choice: String, question: String } =>
            ja "設問「{question}」の選択肢「{choice}」が2回あります",
            en "choice \"{choice}\" of \"{question}\" is given twice";
        ChoiceTwiceInGroup { choice: String, question: String, group: String } =>
            ja "設問「{question}」のグループ「{group}」で選択肢「{choice}」が2回あります",
            en "choice \"{choice}\" of \"{question}\" is given twice for group \"{group}\"";
        AboveRespondents { count: u32, choice: String, question: String, respondents: u32, toml: String } =>
            ja "設問「{question}」の選択肢「{choice}」の回答数{count}が、回答者数（{toml} の `respondents`）の{respondents}より多くなっています。数え直すか、回答者数を直してください",
            en "count {count} of \"{choice}\" for \"{question}\" is more than the {respondents} respondents of {toml}: correct the count or respondents";
        AboveRespondentsInGroup { count: u32, choice: String, question: String, group: String, respondents: u32, toml: String } =>
            ja "設問「{question}」のグループ「{group}」で選択肢「{choice}」の回答数{count}が、回答者数（{toml} の `respondents`）の{respondents}より多くなっています。数え直すか、回答者数を直してください",
            en "count {count} of \"{choice}\" for \"{question}\" in group \"{group}\" is more than the {respondents} respondents of {toml}: correct the count or respondents";
    }
}

messages! {
    /// Where pages sit in content/.
    pub enum ContentMsg {
        Folder =>
            ja "ページは content/ の直下か、content/guides/、content/manuals/ソフト名/、content/faq/、content/news/ に置きます",
            en "pages go in content/ itself or in content/guides/, content/manuals/SOFTWARE/, content/faq/ or content/news/";
        Slug { slug: String } =>
            ja "ファイル名「{slug}」はページのURLになります。英数字と「-」だけで名付けてください",
            en "file name \"{slug}\" becomes part of the page's URL: use letters, digits and - only";
        Reserved { slug: String } =>
            ja "「{slug}/」はこのツールが自分で作るページです。別のファイル名にしてください",
            en "\"{slug}/\" is a page the generator writes itself: choose another file name";
        NewsDate =>
            ja "お知らせには先頭の `+++` の間に日付が要ります（例：`date = 2025-11-30`）",
            en "news needs a date in its front matter, for example date = 2025-11-30";
        ManualIndex { product: String } =>
            ja "マニュアルのページには content/manuals/{product}/_index.md が要ります。製品名（`title`）と、事業所が報告するソフト名（`software = [...]`）を書きます",
            en "manual pages need content/manuals/{product}/_index.md naming the product (title) and the software names offices report (software = [...])";
    }
}

messages! {
    /// Findings of Markdown bodies: shortcodes, links, images, ids.
    pub enum MarkdownMsg {
        WordLink => ja "リンク", en "link";
        WordImage => ja "画像", en "image";
        WordVideo => ja "動画", en "video";
        InHeading { name: String } =>
            ja "見出しの中には {{{{ {name}(...) }}}} を書けません（見出しは目次にもなります）",
            en "{{{{ {name}(...) }}}} cannot stand in a heading, whose text is also the table of contents";
        UnknownShortcode { name: String } =>
            ja "{{{{ {name}(...) }}}} は使えません。使えるのは figure(...) と video(...) です",
            en "unknown {{{{ {name}(...) }}}}: expected figure(...) or video(...)";
        NotClosed { name: String } =>
            ja "{{{{ {name}(...) が同じ行の }}}} で閉じられていません",
            en "{{{{ {name}(...) is not closed with }}}} on the same line";
        Unreadable { call: String, name: String } =>
            ja "{{{{ {call} }}}} を読めません。{name}(key=\"value\", key=\"value\") の形で書きます",
            en "cannot read {{{{ {call} }}}}: expected {name}(key=\"value\", key=\"value\")";
        UnknownArgument { name: String, key: String, expected: Text } =>
            ja "{name}：「{key}」という指定はありません。使えるのは {expected} です",
            en "{name}: unknown argument \"{key}\": expected {expected}";
        VideoNoSrc =>
            ja "video：src=\"...\" がありません（content/ の中の動画ファイルか YouTube のアドレスを書きます）",
            en "video: missing src=\"...\" (a video file under content/ or a YouTube address)";
        VideoNoTitle =>
            ja "video：title=\"...\" がありません（画面読み上げで動画の名前として読まれます）",
            en "video: missing title=\"...\", which names the video for screen readers";
        VideoSrc { src: String } =>
            ja "video：src の「{src}」は content/ の中の動画ファイルか YouTube のアドレス（youtube.com/watch?v=ID または youtu.be/ID）で書きます",
            en "video: src \"{src}\" must be a video file under content/ or a YouTube address (youtube.com/watch?v=ID or youtu.be/ID)";
        VideoAlone =>
            ja "動画は1つの段落として置きます。{{{{ video(...) }}}} を1行に書き、前後に空行を入れてください",
            en "a video must be a paragraph of its own: put {{{{ video(...) }}}} on its own line with an empty line before and after";
        FigureNoValue =>
            ja "figure：value=\"...\" がありません（例：figure(value=\"rate\", place=\"442011\")）",
            en "figure: missing value=\"...\", for example figure(value=\"rate\", place=\"442011\")";
        FigureValue { value: String, expected: String } =>
            ja "figure：value の「{value}」は使えません。使えるのは {expected} です",
            en "figure: unknown value \"{value}\": expected one of {expected}";
        FigurePlaceTwice { written: String, a: String, b: String } =>
            ja "figure：place の「{written}」に当たる市区町村が2つ以上あります（{a}、{b}）。コードで書いてください",
            en "figure: place \"{written}\" names more than one municipality ({a}, {b}): write its code";
        FigurePlaceUnknown { written: String } =>
            ja "figure：place の「{written}」が見つかりません。data/municipalities.csv の市区町村コードか名前、data/areas.csv の圏域の id、site.toml のグループ名を書きます",
            en "figure: unknown place \"{written}\": expected a municipality code or name of data/municipalities.csv, an area id of data/areas.csv or a group name of site.toml";
        UnsafeScript { scheme: String } =>
            ja "{scheme}: のアドレスはプログラムを動かすため使えません",
            en "{scheme}: addresses run code";
        UnsafeData =>
            ja "data: のアドレスは画像にだけ使えます",
            en "data: addresses are allowed for images only";
        LeftOut { what: Text, dest: String, why: Text } =>
            ja "{what}「{dest}」は載せません（{why}）。文字はそのまま残します",
            en "{what} \"{dest}\" is left out ({why}); its text is kept";
        /// `C:\…`, `\\server\…`, `file:`: a place only the editor's computer knows.
        LocalPath { what: Text, dest: String, name: String } =>
            ja "{what}「{dest}」はこのパソコン（または職場のネットワーク）の中の場所を指していて、サイトを見る人には開けません。ファイルをこのページと同じフォルダーに置き、「{name}」と名前だけを書いてください",
            en "{what} \"{dest}\" is a place on this computer (or the office network), which no visitor can open: put the file beside the page and write its name, \"{name}\"";
        AboveRoot { what: Text, dest: String, base: String } =>
            ja "{what}「{dest}」はサイトの一番上（{base}）より上を指しています",
            en "{what} \"{dest}\" leads above the site's root {base}";
        RawHtml =>
            ja "HTML の直書きは載せません（site.toml の [markdown] に unsafe_html = true と書くと使えます）",
            en "raw HTML is left out (site.toml can allow it with [markdown] unsafe_html = true)";
        IdTwice { id: String, other: String } =>
            ja "見出しの id「{id}」は {other} でも使われています。1つのページの中で id は重ならないようにします",
            en "heading id \"{id}\" is also used at {other}: ids must be unique on the page";
        SourceLink { target: String, problem: Text } =>
            ja "リンク「{target}」：{problem}",
            en "link \"{target}\": {problem}";
        Draft { path: String } =>
            ja "content/{path} は下書き（draft = true）なので公開されません",
            en "content/{path} is a draft (draft = true), so it is not published";
        NoPage { path: String } =>
            ja "content/{path} というページはありません",
            en "there is no page content/{path}";
        NoHeading { path: String, anchor: String } =>
            ja "content/{path} に id「{anchor}」の見出しはありません",
            en "content/{path} has no heading with id \"{anchor}\"";
        Broken { what: Text, written: String, problem: Text } =>
            ja "{what}「{written}」：{problem}",
            en "{what} \"{written}\": {problem}";
        NoId { url: String, anchor: String } =>
            ja "{url} に id「{anchor}」はありません",
            en "{url} has no id \"{anchor}\"";
        NothingAt { url: String } =>
            ja "{url} には何も公開されません",
            en "nothing is published at {url}";
        NothingAtPage { url: String, file: String } =>
            ja "{url} には何も公開されません。ページ content/{file} へのリンクは @/{file} と書きます",
            en "nothing is published at {url}; to link to the page content/{file}, write @/{file}";
        NothingAtFile { url: String, file: String } =>
            ja "{url} には何も公開されず、ファイル content/{file} もありません",
            en "nothing is published at {url} and there is no file content/{file}";
    }
}
