//! Inputs that are too big, half-hidden or out of place: each gets a clear
//! message with its place (or is read right), never a silent loss.

use crate::harness::{GUIDE, NEWS, SNAPSHOT, TestSite};

#[cfg(unix)]
#[test]
fn a_symlinked_snapshot_is_read() {
    let site = TestSite::minimal();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("licenses.csv");
    std::fs::write(&target, SNAPSHOT.replace("4470100004,0,つばさ\n", "")).unwrap();
    site.remove("data/adoption/2025-11-30.csv");
    std::os::unix::fs::symlink(&target, site.path().join("data/adoption/2025-11-30.csv")).unwrap();
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(
        site.output("data/municipalities.csv")
            .contains("\n440001,大分県,2025-11-30,5,2,40.0,"),
    );
}

#[cfg(unix)]
#[test]
fn content_and_static_links_out_of_the_site_are_reported_and_left_out() {
    let site = TestSite::minimal();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("secret.txt"), "password").unwrap();
    std::fs::create_dir(elsewhere.path().join("shared")).unwrap();
    std::fs::write(elsewhere.path().join("shared/a.md"), GUIDE).unwrap();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    let link = |target: &str, at: &str| {
        std::os::unix::fs::symlink(elsewhere.path().join(target), site.path().join(at)).unwrap()
    };
    link("secret.txt", "static/secret.txt");
    link("shared", "content/shared");
    // A link inside the site is followed.
    std::os::unix::fs::symlink(
        site.path().join("content/guides/start.md"),
        site.path().join("content/guides/again.md"),
    )
    .unwrap();
    let run = site.build_ok();
    let real = elsewhere.path().canonicalize().unwrap();
    run.assert_stderr_has(&format!(
        "warning: static/secret.txt: a symbolic link to {}, outside the site's folder: left out, so that nothing from elsewhere on this computer is published; copy it into the site instead",
        real.join("secret.txt").display()
    ));
    run.assert_stderr_has(&format!(
        "warning: content/shared: a symbolic link to {}, outside the site's folder",
        real.join("shared").display()
    ));
    assert!(!site.path().join("public/secret.txt").exists());
    assert!(!site.path().join("public/shared").exists());
    assert!(site.output("guides/again/index.html").contains("本文。"));
}

#[test]
fn a_bom_inside_a_header_cell_keeps_its_column() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        &SNAPSHOT.replace("office_number,linking", "office_number,\u{feff}linking"),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.csv:1: removed an invisible byte order mark (BOM, U+FEFF) from the column name \"linking\": save the file again to drop it");
    // Two of the three offices have started linking, as the column says.
    assert!(
        site.output("data/municipalities.csv")
            .contains("\n440001,大分県,2025-11-30,5,3,60.0,2,2,100.0,2\n"),
        "{}",
        site.output("data/municipalities.csv")
    );
}

#[test]
fn a_snapshot_dated_after_today_is_an_error() {
    let site = TestSite::minimal();
    site.write("data/adoption/2052-04-01.csv", SNAPSHOT);
    let run = site.build_fails();
    run.assert_stderr_has(
        "error: data/adoption/2052-04-01.csv: snapshot 2052-04-01 is dated after today (",
    );
    run.assert_stderr_has(
        "): name the file with the date the list was taken, which cannot be in the future",
    );
}

#[test]
fn a_line_over_a_megabyte_is_an_error_with_its_line() {
    let site = TestSite::minimal();
    let long = format!("{SNAPSHOT}4470100001,{}\n", "x".repeat(1024 * 1024));
    site.write("data/adoption/2025-11-30.csv", &long);
    site.build_fails().assert_stderr_has("error: data/adoption/2025-11-30.csv:5: this line is longer than 1.0 MB, the most renkei reads in one line: is the file saved without line breaks, or not a text file?");
}

#[test]
fn a_cell_over_64_kb_is_an_error_with_its_place() {
    let site = TestSite::minimal();
    let long = format!("{SNAPSHOT}4470100001,true,{}\n", "x".repeat(70 * 1024));
    site.write("data/adoption/2025-11-30.csv", &long);
    site.build_fails().assert_stderr_has("error: data/adoption/2025-11-30.csv:5: this cell is 70 KB, more than the 64 KB a cell may hold: is a quote (\") left open, or a document pasted into the cell?");
}

#[test]
fn a_markdown_file_over_10_mb_is_an_error() {
    let site = TestSite::minimal();
    let paragraph = "長い本文です。\n\n".repeat(10 * 1024 * 1024 / 23 + 1);
    site.write(
        "content/guides/huge.md",
        &format!("+++\ntitle = \"大\"\n+++\n{paragraph}"),
    );
    site.build_fails().assert_stderr_has("error: content/guides/huge.md: the file is 10.0 MB, more than the 10.0 MB a Markdown page may be: split it into several pages, and put large tables in data/");
}

#[test]
fn control_characters_are_removed_from_pages_and_feeds_with_a_warning() {
    let site = TestSite::minimal();
    site.write(
        "content/news/training.md",
        &NEWS.replace(
            "研修会を開きます。",
            "研修会を\u{1b}[2J開きます。\u{fffe}\u{1}",
        ),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: content/news/training.md:5:5: removed the control character U+0001, U+001B, U+FFFE from this line: it cannot be shown on a page or in a feed (pasted from another program?)");
    assert!(!run.stderr.contains('\u{1b}'));
    let feed = site.output("news/atom.xml");
    assert!(feed.contains("研修会を[2J開きます。"), "{feed}");
    assert!(!feed.contains(['\u{1b}', '\u{1}', '\u{fffe}']));
}

#[test]
fn cr_only_line_ends_are_read_as_lines() {
    let site = TestSite::minimal();
    site.write("content/guides/start.md", &GUIDE.replace('\n', "\r"));
    site.build_ok();
    let guide = site.output("guides/start/index.html");
    assert!(guide.contains("<h2 id=\"手順\">"), "{guide}");
    site.write(
        "content/guides/start.md",
        "+++\rtitle = \"導入\"\rweight = \r+++\r",
    );
    site.build_fails()
        .assert_stderr_has("error: content/guides/start.md:3: front matter:");
}

#[test]
fn an_nfd_file_name_is_published_under_its_nfc_name() {
    let site = TestSite::minimal();
    let nfd = "content/guides/か\u{3099}いと.md";
    site.write(nfd, GUIDE);
    site.build_ok();
    assert!(site.output("guides/がいと/index.html").contains("本文。"));
    site.write("content/guides/がいと.md", GUIDE);
    site.build_fails().assert_stderr_has(&format!(
        "error: content/guides/がいと.md: two files have this name, written with different Unicode characters (NFC and NFD, as Windows and macOS save names): {nfd} and content/guides/がいと.md; keep one"
    ));
}

#[test]
fn control_characters_made_by_toml_escapes_are_removed_too() {
    let site = TestSite::minimal();
    site.write(
        "content/news/training.md",
        "+++\ntitle = \"研修会\\u001b[2J\"\ndate = 2025-10-01\n+++\n本文\n",
    );
    site.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace("name = \"北部\"", "name = \"北部\\u0007\""),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: content/news/training.md:2: removed control characters from `title`: they cannot be shown on a page or in a feed");
    run.assert_stderr_has("warning: site.toml:6: removed control characters from `groups.name`: they cannot be shown on a page or in a feed");
    let feed = site.output("news/atom.xml");
    assert!(feed.contains("研修会[2J"), "{feed}");
    assert!(!feed.contains('\u{1b}'));
    assert!(site.output("data/groups.csv").contains("\n北部,"));
}

#[test]
fn a_pasted_document_in_a_setting_is_refused_with_its_line() {
    let site = TestSite::minimal();
    let document = "県の連携推進要綱の本文がここに貼り付けられています。\n".repeat(200_000);
    site.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace(
            "[[groups]]",
            &format!("organization = \"\"\"\n{document}\"\"\"\n[[groups]]"),
        ),
    );
    let run = site.build_fails();
    run.assert_stderr_has("site.toml:");
    run.assert_stderr_has(
        "organization is 15.1 MB of text, more than the 4 KB one setting may hold",
    );
    assert!(!site.path().join("public").exists());

    let site = TestSite::minimal();
    let long = "説明".repeat(1_000);
    site.write(
        "content/guides/start.md",
        &format!("+++\ntitle = \"導入の流れ\"\n\ndescription = \"{long}\"\n+++\n本文。\n"),
    );
    let run = site.build_fails();
    run.assert_stderr_has("content/guides/start.md:4: description is 6 KB of text");
}
