//! What `renkei serve` and `build --watch` say in the terminal, and the
//! texts of the preview's own pages and error overlay in the browser.

messages! {
    /// Terminal lines and preview texts of serve and watch.
    pub enum ServeMsg {
        PortInUse { bind: String, port: u16 } =>
            ja "{bind} のポート {port} はほかのプログラムが使っています（別の renkei serve が動いていませんか）。そのプログラムを止めるか、--port 番号 で別のポートを指定してください（--port 0 なら空いているポートを選びます）",
            en "port {port} on {bind} is already in use (another renkei serve?): stop that program or pass --port N (--port 0 picks a free port)";
        Listen { bind: String, port: u16, reason: Text } =>
            ja "{bind} のポート {port} で待ち受けできません（{reason}）",
            en "cannot listen on {bind} port {port}: {reason}";
        Watch { detail: String } =>
            ja "サイトのファイルの変更を見張れません（{detail}）",
            en "cannot watch the site's files: {detail}";
        Signal { detail: String } =>
            ja "Ctrl-C を受け取る準備ができません（{detail}）",
            en "cannot handle Ctrl-C: {detail}";
        NotLoopback { address: String, port: u16 } =>
            ja "127.0.0.1 ではなく {address} で待ち受けています。ポート {port} に届くほかのパソコンからも、このプレビューが見えます",
            en "listening on {address} rather than 127.0.0.1: other computers that can reach port {port} can see this preview";
        Stopped =>
            ja "止めました",
            en "stopped";
        /// The first line on stdout, ending with the URL (scripts read it).
        Serving { url: String } =>
            ja "プレビューを表示しています: {url}",
            en "serving {url}";
        Watching { root: String } =>
            ja "{root} の変更を見張っています。Ctrl-C で止まります",
            en "watching {root} for changes; press Ctrl-C to stop";
        StoppedWatchingRestart =>
            ja "変更の見張りが止まりました。renkei serve を起動し直してください",
            en "stopped watching for changes; restart renkei serve";
        StoppedWatching =>
            ja "変更の見張りが止まりました",
            en "stopped watching for changes";
        CannotAccept { reason: Text } =>
            ja "接続を受け付けられません（{reason}）",
            en "cannot accept a connection: {reason}";
        WatchTrouble { detail: String } =>
            ja "サイトのファイルの見張りで問題がありました（{detail}）。すべてをビルドし直します",
            en "watching the site's files: {detail}; rebuilding everything";
        CannotOpenBrowser { reason: Text, url: String } =>
            ja "ブラウザーを開けません（{reason}）。{url} を自分で開いてください",
            en "cannot open a browser ({reason}): open {url} yourself";
        UnchangedBuild { ms: u128, dest: String } =>
            ja "{ms} ミリ秒でビルドしました。変わったところはなく、{dest} はそのままです",
            en "built in {ms} ms: nothing changed, {dest} left as it was";
        FirstFailed { ms: u128 } =>
            ja "ビルドに失敗しました（{ms} ミリ秒）。サイトがビルドできるまで、エラーをブラウザーに表示します",
            en "build failed in {ms} ms: the errors are shown in the browser until the site builds";
        LaterFailed { ms: u128 } =>
            ja "ビルドに失敗しました（{ms} ミリ秒）。直前に成功したビルドを表示したまま、エラーをブラウザーに表示します",
            en "build failed in {ms} ms: still serving the last good build; the errors are shown in the browser";
        FirstBuilt { files: usize, ms: u128 } =>
            ja "{files} 個のファイルをビルドしました（{ms} ミリ秒）",
            en "built {files} files in {ms} ms";
        NoFileChanged { ms: u128 } =>
            ja "{ms} ミリ秒でビルドしました。変わったファイルはありません",
            en "built in {ms} ms: no file changed";
        StylesSwapped { ms: u128, paths: String } =>
            ja "{ms} ミリ秒でビルドしました。開いているページの {paths} を差し替えました",
            en "built in {ms} ms: swapped {paths} in open pages";
        FilesChanged { ms: u128, files: usize } =>
            ja "{ms} ミリ秒でビルドしました。{files} 個のファイルが変わり、開いているページを読み込み直します",
            en "built in {ms} ms: {files} file(s) changed, open pages reload";
        ChangedLost =>
            ja "変更: （システムが追えなかったファイル）",
            en "changed: (files the system lost track of)";
        Changed { names: String } =>
            ja "変更: {names}",
            en "changed: {names}";
        ChangedMore { names: String, more: usize } =>
            ja "変更: {names} ほか {more} 件",
            en "changed: {names} and {more} more";
        OnlyLoopback =>
            ja "このプレビューは 127.0.0.1 と localhost からの表示にだけ答えます",
            en "this preview answers only to 127.0.0.1 and localhost";
        OnlyGet =>
            ja "このプレビューは GET と HEAD にだけ答えます",
            en "the preview answers GET and HEAD only";
        NotInSite =>
            ja "サイトの中のパスではありません",
            en "not a path inside the site";
        ExpectedWebSocket =>
            ja "WebSocket の接続ではありません",
            en "expected a WebSocket";
        NotThisPreview =>
            ja "このプレビューのページではありません",
            en "not a page of this preview";
        Moved =>
            ja "移動しました",
            en "moved";
        NotFound =>
            ja "ページが見つかりません。",
            en "page not found.";
        NotFoundTitle =>
            ja "ページが見つかりません",
            en "Page not found";
        FailedTitle =>
            ja "ビルドに失敗しました",
            en "The build failed";
        FailedBody =>
            ja "サイトをビルドできませんでした。エラーを直して保存すると、このページは自動で更新されます。",
            en "The site could not be built. Fix the errors and save: this page updates by itself.";
        OverlayTitle =>
            ja "ビルドエラー",
            en "Build errors";
        OverlayNeverBuilt =>
            ja "サイトをビルドできませんでした。ファイルを直して保存すると、この表示は自動で消えます。",
            en "The site could not be built. Fix the files and save: this notice goes away by itself.";
        OverlayLastGood =>
            ja "直前に成功したビルドを表示しています。ファイルを直して保存すると、この表示は自動で消えます。",
            en "Showing the last build that succeeded. Fix the files and save: this notice goes away by itself.";
        /// `{more}` is filled in by the page with the count left out.
        OverlayMore =>
            ja "ほかに {{more}} 件（すべてターミナルに表示されています）",
            en "{{more}} more (the terminal shows them all)";
        OverlayClose =>
            ja "閉じる",
            en "Close";
    }
}

use super::Text;
