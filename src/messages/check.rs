//! Findings of the check stage: the rendered site as a browser reads it.

messages! {
    /// An id written twice in one rendered page.
    pub enum CheckMsg {
        IdTaken { id: String, url: String } =>
            ja "見出しの id「{id}」は、ページ /{url} でテーマのテンプレートかグラフ・地図もすでに使っています。1つのページの中で id は重ならないようにします。別の id にしてください",
            en "heading id \"{id}\" is also written on page /{url} by the theme's templates, a chart or the map: ids must be unique on the page, so choose another";
        IdTwice { id: String } =>
            ja "このページには id「{id}」が2つあります（テーマのテンプレートかグラフ・地図が書いたものです）。テンプレートを直してください",
            en "this page has the id \"{id}\" twice, written by the theme's templates, a chart or the map: fix the template";
    }
}
