//! Messages of the render stage: the theme's templates and the files written.

messages! {
    /// Findings of rendering the pages.
    pub enum RenderMsg {
        /// Tera's own words for a template that does not load.
        TemplateUnreadable { template: String, detail: String } =>
            ja "テンプレート {template} を読み込めません。テンプレートの書き方を確かめてください（{detail}）",
            en "template {template} cannot be loaded: {detail}";
        TemplatesUnreadable { detail: String } =>
            ja "テーマのテンプレートを読み込めません。テンプレートの書き方を確かめてください（{detail}）",
            en "the theme's templates cannot be loaded: {detail}";
        /// Tera's own words for a page it could not render.
        PageFailed { template: String, page: String, detail: String } =>
            ja "テンプレート {template} でページ {page} を作れません。テンプレートの書き方を確かめてください（{detail}）",
            en "cannot render {page}: {detail}";
        Overwrite { path: String } =>
            ja "{path} はサイトにすでにあるため上書きしません。どちらかの名前を変えるか、片方を消してください",
            en "would overwrite {path}, which the site already has: rename or remove one of them";
    }
}
