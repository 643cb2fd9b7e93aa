//! What `renkei new` says, and what `check` says about the texts it left to
//! be filled in.

messages! {
    /// Findings of `renkei new` and of its placeholders.
    pub enum ScaffoldMsg {
        UnknownCity { query: String } =>
            ja "市区町村「{query}」が見つかりません。市区町村の全国地方公共団体コード（6桁、例：312029）か名前（例：米子市）で指定してください",
            en "unknown city \"{query}\": give the 6-digit national code of a municipality (e.g. 312029) or its name (e.g. 米子市)";
        AmbiguousCity { query: String, codes: String } =>
            ja "{query}という名前の市区町村はいくつもあります。どれのことか、コードで指定してください（{codes}）",
            en "several municipalities are called {query}: give the code of the one meant ({codes})";
        NotEmpty { dir: String } =>
            ja "{dir} はすでにあり、中にファイルがあります。renkei new は新しいフォルダーか空のフォルダーにだけ書き込みます。別のフォルダー名を指定してください",
            en "{dir} already exists and is not empty: renkei new writes only into a new or empty folder";
        /// The starter's address, still in site.toml.
        PlaceholderBaseUrl { url: String } =>
            ja "base_url が renkei new の仮のアドレス「{url}」のままです。公開するサイトのアドレスに書き換えてください（例：base_url = \"https://www.pref.example.lg.jp/careplan/\"）",
            en "base_url is still the placeholder \"{url}\" that renkei new wrote: write the address the site is published at (e.g. base_url = \"https://www.pref.example.lg.jp/careplan/\")";
        /// The starter's organisation text, still in site.toml.
        PlaceholderOrganization { text: String } =>
            ja "organization に「{text}」が残っています。サイトを運営する担当課の名前に書き換えてください（例：organization = \"大分県 福祉保健部 高齢者福祉課\"）",
            en "organization still holds \"{text}\" that renkei new wrote: write the name of the office that runs the site (e.g. organization = \"大分県 福祉保健部 高齢者福祉課\")";
        /// A contact detail the starter left to be filled in.
        PlaceholderContact { text: String } =>
            ja "お問い合わせのページに「{text}」が残っています。実際の窓口の情報に書き換えてください",
            en "the contact page still holds \"{text}\" that renkei new wrote: write the desk's real details";
        /// The note to editors at the top of the starter's contact page.
        PlaceholderNote { note: String } =>
            ja "お問い合わせのページに、編集する人への注意書き「{note}」が残っています。窓口の情報を書き換えたら、この行を消してください",
            en "the contact page still holds the note to editors (\"{note}\") that renkei new wrote: delete that line once the desk's details are filled in";
    }
}
