//! What the 公開 page says of a publication: Git's answers in editors' words.

messages! {
    /// Findings and outcomes of publishing.
    pub enum PublishMsg {
        NoGit =>
            ja "このパソコンには git がありません。公開用ファイル（zip）を作って、Web サーバーの担当者に渡してください",
            en "git is not installed on this computer: make the publication zip and hand it to whoever runs the web server";
        NotARepository =>
            ja "このサイトのフォルダーは Git で管理されていません。公開用ファイル（zip）を作って、Web サーバーの担当者に渡してください",
            en "this site's folder is not a Git repository: make the publication zip and hand it to whoever runs the web server";
        NoRemote =>
            ja "Git の送り先（リモート）が設定されていません。公開用ファイル（zip）を作るか、担当者に送り先の設定を頼んでください",
            en "the Git repository has no remote: make the publication zip, or ask for a remote to be set up";
        NothingToPublish =>
            ja "前回の公開から変わったファイルはありません",
            en "nothing has changed since the last publication";
        Committed { message: String } =>
            ja "変更を記録しました（{message}）",
            en "recorded the changes ({message})";
        Pushed { branch: String } =>
            ja "公開しました（{branch} を送りました）。数分で公開サイトに反映されます",
            en "published: pushed {branch}; the public site follows in a few minutes";
        PulledFirst =>
            ja "公開サイト側に新しい変更があったので、先に取り込みました",
            en "the remote had newer changes: they were merged first";
        Conflict { files: String } =>
            ja "公開サイト側にも同じファイルの変更があり、自動では合わせられません（{files}）。何も変えていません。担当者に相談してください",
            en "the remote changed the same files too and they cannot be merged automatically ({files}): nothing was changed; ask whoever looks after the repository";
        PushNoNetwork { detail: String } =>
            ja "送れませんでした。ネットワークにつながっていないようです。変更は記録してあるので、つながってからもう一度「公開する」を押してください（{detail}）",
            en "could not push: the network seems unreachable; the changes are recorded, so press Publish again once connected ({detail})";
        PushNoPermission { detail: String } =>
            ja "送れませんでした。送り先に書き込む権限がないか、ログインが必要です。変更は記録してあります。担当者に権限を確認してください（{detail}）",
            en "could not push: no permission to write to the remote, or a sign-in is needed; the changes are recorded; ask for access ({detail})";
        PushRejected { detail: String } =>
            ja "送れませんでした。公開サイト側に新しい変更があります。変更は記録してあるので、もう一度「公開する」を押すと取り込んでから送ります（{detail}）",
            en "could not push: the remote has newer changes; the changes are recorded, so press Publish again to merge them and push ({detail})";
        PushFailed { detail: String } =>
            ja "送れませんでした。変更は記録してあるので、次に「公開する」を押すと送ります（{detail}）",
            en "could not push; the changes are recorded and the next Publish pushes them ({detail})";
        GitFailed { command: String, detail: String } =>
            ja "git {command} がうまくいきませんでした。何も変えていません（{detail}）",
            en "git {command} failed; nothing was changed ({detail})";
        MessageEmpty =>
            ja "「変更の内容」を書いてください",
            en "write what changed";
        ZipWritten { file: String } =>
            ja "公開用ファイル {file} を作りました。中の「はじめにお読みください.txt」に送り方を書いています",
            en "wrote the publication file {file}; the text inside says where to upload it";
        ZipFailed { file: String, reason: String } =>
            ja "公開用ファイル {file} を作れませんでした（{reason}）",
            en "could not write the publication file {file}: {reason}";
        ZipReadme { title: String, url: String } =>
            ja "{title}\r\n\r\nこの zip の中身（このファイルを除く）が、公開するサイトのすべてです。\r\nWeb サーバーの公開フォルダー（{url} にあたる場所）の中身を、この zip を展開したものですべて置き換えてください。\r\n古いファイルを残すと、消えたページが見え続けます。\r\n",
            en "{title}\r\n\r\nThis zip (but this file) is the whole site to publish.\r\nReplace everything in the web server's folder for {url} with what this zip holds.\r\nFiles left from before would keep pages that are gone visible.\r\n";
        SummaryAdoption { date: String } =>
            ja "導入状況 {date} を登録",
            en "register the adoption list of {date}";
        SummaryOffices =>
            ja "事業所一覧を更新",
            en "update the office list";
        SummaryPlans =>
            ja "導入予定を更新",
            en "update the planned adoptions";
        SummaryAreas =>
            ja "圏域を更新",
            en "update the areas";
        SummaryPage { title: String } =>
            ja "「{title}」を更新",
            en "update \"{title}\"";
        SummaryFile { path: String } =>
            ja "{path} を更新",
            en "update {path}";
        SummaryMore { count: usize } =>
            ja "ほか {count} 件",
            en "and {count} more";
    }
}
