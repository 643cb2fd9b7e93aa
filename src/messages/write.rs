//! Why the built site could not be written, or may not be written where asked.

messages! {
    /// Failures of writing the output folder.
    pub enum WriteMsg {
        Io { path: String, reason: Text } =>
            ja "{path} に書き込めません（{reason}）",
            en "cannot write {path}: {reason}";
        NotADirectory { path: String } =>
            ja "{path} はフォルダーではなくファイルです。出力先には別のフォルダーを指定してください",
            en "{path} exists and is not a directory";
        SiteRoot { path: String } =>
            ja "--out {path} はサイトのフォルダーそのものです。ここに書き出すとサイトの元のファイルが消えます。public のような専用のフォルダーを指定してください（--force を付けても変わりません）",
            en "--out {path} is the site's own folder: building there would replace the site's sources; choose a folder of its own such as public (--force does not change this)";
        HoldsSite { path: String } =>
            ja "--out {path} はサイトのフォルダーを中に含んでいます。置き換えるとサイトが消えます。サイトの中の public のようなフォルダーか、サイトと並ぶフォルダーを指定してください（--force を付けても変わりません）",
            en "--out {path} holds the site's folder: replacing it would delete the site; choose a folder inside the site such as public, or one beside it (--force does not change this)";
        InsideInputs { path: String, folder: String } =>
            ja "--out {path} は、renkei が読むサイトの {folder}/ フォルダーの中です。content/、data/、themes/、static/ の外の、public のようなフォルダーを指定してください（--force を付けても変わりません）",
            en "--out {path} is inside the site's {folder}/ folder, which renkei reads: choose a folder outside content/, data/, themes/ and static/, such as public (--force does not change this)";
        NotOurs { path: String, marker: String } =>
            ja "{path} には renkei が書いたのではないファイルがあります（{marker} ファイルがありません）。置き換えずに止めました。新しいフォルダーか空のフォルダーを指定するか、中のものをすべてサイトで置き換えてよいときは --force を付けてください",
            en "{path} already holds files that renkei did not write (it has no {marker} file): refusing to replace them; choose a new or empty folder, or pass --force to replace everything in it with the site";
        LooksLikeSite { path: String, what: String } =>
            ja "--out {path} には {what} があり、サイトかその元のファイルのようです。置き換えずに止めました。public のような専用のフォルダーを指定してください（--force を付けても変わりません）",
            en "--out {path} holds {what}, so it looks like a site or its sources: refusing to replace it; choose a folder of its own such as public (--force does not change this)";
        Waiting { path: String } =>
            ja "別の renkei が {path} に書き出しています。終わるのを待ってから書き出します",
            en "another renkei is writing {path}: waiting for it to finish";
    }
}

use super::Text;
