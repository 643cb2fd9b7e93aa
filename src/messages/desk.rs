//! The editing desk's words: its pages in the browser and its lines in the
//! terminal.

messages! {
    /// Texts of the editing desk (`/_renkei/`).
    pub enum DeskMsg {
        /// On stdout before the desk's address, which has a line of its own.
        Address =>
            ja "編集デスク（このパソコンのブラウザーで次のアドレスを開いてください）:",
            en "editing desk (open this address in a browser on this computer):";
        Off =>
            ja "127.0.0.1 以外で待ち受けているため、編集デスクは使えません（プレビューだけを表示します）",
            en "the editing desk is off because the preview listens beyond 127.0.0.1 (the preview still serves)";
        Desk => ja "編集デスク", en "Editing desk";
        EditThisPage => ja "このページを編集", en "Edit this page";
        NewPage => ja "新しいページ", en "New page";
        History => ja "変更履歴", en "History";
        Check => ja "公開前の確認", en "Pre-publication check";
        Publish => ja "公開", en "Publish";
        PublishButton => ja "公開する", en "Publish";
        ZipButton => ja "公開用ファイルを作る", en "Make the publication zip";
        ChangeSummary => ja "変更の内容", en "What changed";
        ChangedFiles => ja "前回の公開から変わったファイル", en "Files changed since the last publication";
        Added => ja "追加", en "added";
        Modified => ja "変更", en "changed";
        Removed => ja "削除", en "removed";
        NoChangedFiles => ja "前回の公開から変わったファイルはありません。", en "No file has changed since the last publication.";
        FirstPublication => ja "まだ公開していません。すべてのファイルが公開されます。", en "Nothing has been published yet: every file is published.";
        PublishBlocked { count: usize } =>
            ja "エラーが {count} 件あるため公開できません。「公開前の確認」で直してください。",
            en "{count} error(s) stop the publication: fix them on the pre-publication check page.";
        ZipHint =>
            ja "Git を使わないときは、公開用ファイル（zip）を作って Web サーバーの担当者に渡します。",
            en "Without Git, make the publication zip and hand it to whoever runs the web server.";
        DataDesk => ja "データの登録", en "Data";
        Pages => ja "ページの一覧", en "Pages";
        Preview => ja "プレビュー", en "Preview";
        BackToDesk => ja "編集デスクに戻る", en "Back to the desk";
        Title => ja "タイトル", en "Title";
        Description => ja "説明", en "Description";
        Date => ja "日付", en "Date";
        Weight => ja "並び順", en "Order";
        Draft => ja "下書き（公開しない）", en "Draft (not published)";
        Software => ja "介護ソフト（1行に1つ）", en "Care software (one per line)";
        Body => ja "本文", en "Body";
        Questions => ja "質問と回答", en "Questions and answers";
        QuestionsHint =>
            ja "質問ごとに書き直し、追加し、並べ替え、削除できます。本文の欄もいっしょに変わります。",
            en "Edit, add, reorder and remove each question; the body changes with them.";
        Question => ja "質問", en "Question";
        Answer => ja "回答", en "Answer";
        AddQuestion => ja "質問を追加", en "Add a question";
        MoveUp => ja "上へ", en "Move up";
        MoveDown => ja "下へ", en "Move down";
        RemoveQuestion => ja "この質問を削除", en "Remove this question";
        Image => ja "画像を追加", en "Add an image";
        ImageHint =>
            ja "画像を選ぶか、本文にドロップすると、ページと同じフォルダーに保存して本文に挿入します",
            en "choose an image or drop it on the body: it is saved beside the page and inserted in the body";
        Save => ja "保存", en "Save";
        Saved => ja "保存しました。プレビューを更新しています。", en "Saved. The preview is being rebuilt.";
        NotSaved =>
            ja "保存しませんでした。次の問題を直してから、もう一度保存してください（入力した内容はそのままです）。",
            en "Not saved. Fix the following and save again (what you typed is kept).";
        ChangedOnDisk =>
            ja "このファイルは、編集を始めてからほかの場所で変更されています。上書きしないよう、保存しませんでした。ページを開き直してください。",
            en "This file was changed elsewhere since you opened it. Nothing was overwritten: open the page again.";
        Kind => ja "種類", en "Kind";
        KindGuide => ja "導入ガイド", en "Guide";
        KindManual => ja "操作マニュアル", en "Manual";
        KindFaq => ja "よくある質問", en "FAQ";
        KindNews => ja "お知らせ", en "News";
        KindOther => ja "その他のページ", en "Other page";
        Create => ja "作成", en "Create";
        NeedTitle => ja "タイトルを入力してください", en "enter a title";
        NeedSoftware => ja "操作マニュアルには介護ソフトを入力してください", en "a manual needs its care software";
        NeedDate => ja "お知らせには日付（例: 2025-12-01）を入力してください", en "news needs a date (e.g. 2025-12-01)";
        BadDate { value: String } =>
            ja "日付「{value}」は 2025-12-01 のように書いてください",
            en "write the date \"{value}\" like 2025-12-01";
        BadWeight { value: String } =>
            ja "並び順「{value}」は整数で書いてください",
            en "write the order \"{value}\" as a whole number";
        Exists { path: String } =>
            ja "{path} はもうあります",
            en "{path} already exists";
        NoHistory => ja "まだ変更はありません。", en "No changes yet.";
        When => ja "日時", en "When";
        File => ja "ファイル", en "File";
        Action => ja "操作", en "Action";
        Undo => ja "元に戻す", en "Undo";
        Undone { path: String } =>
            ja "{path} を元に戻しました",
            en "{path} restored";
        WasCreated => ja "（新しく作成）", en "(created)";
        NoFindings => ja "問題は見つかりませんでした。公開できます。", en "No findings: the site can be published.";
        FindingsCount { count: usize } =>
            ja "{count} 件の問題があります。リンクから直せます。",
            en "{count} finding(s): each link leads to where it is fixed.";
        Error => ja "エラー", en "error";
        Warning => ja "注意", en "warning";
        Fix => ja "直す", en "fix";
        NeedKey =>
            ja "編集デスクは、renkei serve が表示したアドレス（key= を含む）を開いてから使えます",
            en "open the address renkei serve printed (with its key=) to use the editing desk";
        ForeignOrigin =>
            ja "編集デスクのページ以外からの変更は受け付けません",
            en "changes are accepted only from the editing desk's own pages";
        BadPath { path: String } =>
            ja "「{path}」には書き込めません（content/・data/・static/ の中の、.. や制御文字、Windows の予約名を含まない名前だけが使えます）",
            en "cannot write \"{path}\": only names inside content/, data/ or static/ without .., control characters or reserved Windows names";
        ThroughLink { path: String } =>
            ja "「{path}」はシンボリックリンクを通るため書き込めません",
            en "cannot write \"{path}\": it goes through a symbolic link";
        TooLarge =>
            ja "ファイルが大きすぎます（50 MB まで）",
            en "the file is too large (at most 50 MB)";
        NoSuchFile { path: String } =>
            ja "{path} が見つかりません",
            en "{path} not found";
        CannotWrite { path: String, reason: String } =>
            ja "{path} に書き込めません（{reason}）",
            en "cannot write {path}: {reason}";
        DraftNotShown =>
            ja "下書きのページは公開されないため、プレビューはありません。",
            en "A draft is not published, so there is no preview.";
        Updating => ja "更新中…", en "Updating…";
        DataAdoption => ja "導入状況", en "Adoption";
        DataOffices => ja "事業所一覧", en "Offices";
        DataPlans => ja "導入予定", en "Plans";
        DataAreas => ja "圏域", en "Areas";
        DataFile => ja "ファイル（CSV または Excel）", en "File (CSV or spreadsheet)";
        DataDateHint =>
            ja "導入状況の時点。ファイル名に 2025-12-01 のような日付があれば省略できます",
            en "the adoption list's as-of date; may be left out when the file name has one like 2025-12-01";
        DataNotTable =>
            ja "CSV（.csv）か Excel（.xlsx）のファイルを選んでください",
            en "choose a CSV (.csv) or spreadsheet (.xlsx) file";
        Confirm => ja "確認する", en "Check";
        Register => ja "登録", en "Register";
        Discard => ja "取り消し", en "Discard";
        DataResult { path: String } =>
            ja "{path} として登録した場合の確認結果",
            en "What registering it as {path} would do";
        CannotRegister =>
            ja "次の問題があるため登録できません。ファイルを直して、もう一度確認してください。",
            en "It cannot be registered because of the following: fix the file and check it again.";
        NoDataFindings => ja "問題は見つかりませんでした。", en "No findings.";
        Registered { path: String } =>
            ja "{path} を登録しました。プレビューを更新しています。",
            en "{path} registered. The preview is being rebuilt.";
        Discarded => ja "取り消しました。何も書き込んでいません。", en "Discarded: nothing was written.";
        PendingGone =>
            ja "確認したファイルが見つかりません。もう一度アップロードしてください",
            en "the checked file is no longer held: upload it again";
        SiteFigures => ja "サイト全体の導入事業所数と導入率", en "Site-wide adopted offices and rate";
        Before => ja "登録前", en "Before";
        After => ja "登録後", en "After";
        Published => ja "公開中", en "Published";
        AfterPublishing => ja "公開後", en "After publishing";
        PlaceName => ja "地域", en "Place";
        ChangedPlaces => ja "数字が変わる地域", en "Places whose figures change";
        NewlyAdopted => ja "新しく導入済みになる事業所", en "Offices newly adopted";
        NoLongerAdopted => ja "導入済みでなくなる事業所", en "Offices no longer adopted";
        OfficesGone => ja "事業所一覧からなくなる事業所", en "Offices gone from the list";
        NoneChanged => ja "ありません", en "None";
    }
}
