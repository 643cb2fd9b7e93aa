//! Output paths, formats, escaping, determinism and the atomic swap.

use crate::harness::{TestSite, tree};

#[test]
fn every_output_path_of_the_design_exists() {
    let site = TestSite::demo();
    site.build_ok();
    let public = site.path().join("public");
    for path in [
        "index.html",
        "municipalities/index.html",
        "municipalities/442011/index.html",
        "offices/index.html",
        "guides/index.html",
        "guides/download/index.html",
        "manuals/index.html",
        "manuals/mirai-note/index.html",
        "manuals/mirai-note/export/index.html",
        "faq/index.html",
        "news/index.html",
        "news/2025-05-19-free-pass-campaign/index.html",
        "surveys/index.html",
        "surveys/office-survey-2025/index.html",
        "contact/index.html",
        "news/atom.xml",
        "sitemap.xml",
        "404.html",
        "data/municipalities.csv",
        "data/municipalities.json",
        "data/groups.csv",
        "data/trend.csv",
        "data/adopted-offices.csv",
        "data/catalog.jsonld",
        "opendata/index.html",
    ] {
        assert!(public.join(path).is_file(), "missing {path}");
    }
    let municipality_pages = std::fs::read_dir(public.join("municipalities"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(municipality_pages, 18);
}

#[test]
fn open_data_formats() {
    let site = TestSite::minimal();
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.output("data/municipalities.json")).unwrap();
    let first = &json[0];
    assert_eq!(first["code"], "440001");
    assert_eq!(first["name"], "大分県");
    assert_eq!(first["offices"], 5);
    assert_eq!(first["adopted"], 3);
    assert_eq!(first["rate"], 60.0);
    assert_eq!(first["cm_rate"], 100.0);
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 10);
    let adopted = site.output("data/adopted-offices.csv");
    assert_eq!(
        adopted.lines().next().unwrap(),
        "\u{feff}office_number,name,municipality_code,service_types,linking,software"
    );
    assert!(adopted.contains(
        "4470100001,さくら居宅介護支援事業所,442011,居宅介護支援;介護予防支援,true,みらいケアノート"
    ));
    assert!(adopted.contains("4410100003,あおばデイサービス,442038,通所介護,true,"));
    assert!(adopted.contains("4470100004,杵築ケアプランセンター,442101,居宅介護支援,false,つばさ"));
    let atom = site.output("news/atom.xml");
    assert!(atom.contains("<updated>2025-10-01T00:00:00+09:00</updated>"));
    assert!(atom.contains("https://example.jp/portal/news/training/"));
    let sitemap = site.output("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.jp/portal/guides/start/</loc>"));
    assert!(!sitemap.contains("404"));
}

#[test]
fn a_rate_over_zero_offices_is_empty_in_data_and_a_dash_on_pages() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        &format!("{}442020,別府市,べっぷし\n", crate::harness::MUNICIPALITIES),
    );
    site.build_ok();
    let csv = site.output("data/municipalities.csv");
    let beppu = csv.lines().find(|l| l.starts_with("442020,")).unwrap();
    assert_eq!(beppu, "442020,別府市,2025-11-30,0,0,,0,0,,0");
    let json = site.output("data/municipalities.json");
    assert!(json.contains("\"rate\": null"));
    assert!(
        site.output("municipalities/442020/index.html")
            .contains("–")
    );
}

#[test]
fn links_use_the_base_url_path() {
    let site = TestSite::minimal();
    site.build_ok();
    let home = site.output("index.html");
    assert!(
        home.contains("href=\"/portal/faq/#fee\""),
        "resolved @/ link"
    );
    assert!(home.contains("<link rel=\"canonical\" href=\"https://example.jp/portal/\">"));
    let faq = site.output("faq/index.html");
    assert!(faq.contains("id=\"fee\""));
    assert!(
        faq.contains("id=\"対象は\""),
        "a question without {{#id}} gets an id from its text"
    );
}

#[test]
fn an_office_named_like_a_script_is_escaped_everywhere() {
    let site = TestSite::minimal();
    let evil = "<script>alert(1)</script>";
    site.write(
        "data/offices.csv",
        &format!(
            "{}4410100009,{evil},442011,訪問介護,,\n",
            crate::harness::OFFICES
        ),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!(
            "{}4410100009,true,\"<b>soft</b>\"\n",
            crate::harness::SNAPSHOT
        ),
    );
    site.build_ok();
    let mut seen_in = Vec::new();
    for (path, bytes) in tree(&site.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") || path.ends_with(".xml") {
            assert!(!text.contains(evil), "{path} has the raw script tag");
            assert!(
                !text.contains("<b>soft</b>"),
                "{path} has raw markup from data"
            );
            // Names may carry <wbr> between phrases (render::phrases).
            if text
                .replace("<wbr>", "")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            {
                seen_in.push(path);
            }
        }
    }
    for page in ["offices/index.html", "municipalities/442011/index.html"] {
        assert!(
            seen_in.iter().any(|p| p == page),
            "the office is listed, escaped, on {page}: {seen_in:?}"
        );
    }
    let csv = site.output("data/adopted-offices.csv");
    assert!(
        csv.contains(&format!(
            "4410100009,{evil},442011,訪問介護,true,<b>soft</b>"
        )),
        "CSV keeps the name as data"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::demo();
    site.build_ok();
    let first = tree(&site.path().join("public"));
    site.build_ok();
    assert_eq!(first, tree(&site.path().join("public")));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = TestSite::minimal();
    site.build_ok();
    let before = tree(&site.path().join("public"));
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types\n123,x,442011,訪問介護\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("previous output was left as it was");
    assert_eq!(before, tree(&site.path().join("public")));
    site.assert_no_leftovers();
}

#[test]
fn out_and_base_url_options() {
    let site = TestSite::minimal();
    let out = site.path().join("elsewhere");
    let run = site.run(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "http://127.0.0.1:9000/",
    ]);
    assert!(run.success, "{}", run.stderr);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("href=\"/faq/#fee\""));
    assert!(home.contains("http://127.0.0.1:9000/"));
}

#[test]
fn drafts_are_left_out() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/later.md",
        "+++\ntitle = \"準備中\"\ndraft = true\n+++\n",
    );
    site.build_ok();
    assert!(!site.path().join("public/guides/later").exists());
    assert!(!site.output("guides/index.html").contains("準備中"));
}

#[test]
fn wards_get_their_designated_city_before_them() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        "title = \"大阪\"\nbase_url = \"https://example.jp/\"\nprefecture_code = \"27\"\n",
    );
    site.write(
        "data/municipalities.csv",
        "code,name\n272027,岸和田市\n271276,大阪市北区\n271284,大阪市中央区\n",
    );
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types\n2770000001,a,271276,居宅介護支援\n2710000002,b,271284,訪問介護\n2710000003,c,271004,訪問介護\n2710000004,d,272027,訪問介護\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number\n2770000001\n2710000003\n",
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    let csv = site.output("data/municipalities.csv");
    let codes: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(codes, ["270008", "272027", "271004", "271276", "271284"]);
    let osaka = csv.lines().find(|l| l.starts_with("271004,")).unwrap();
    assert!(
        osaka.starts_with("271004,大阪市,2025-11-30,3,2,66.7,1,1,100.0,0"),
        "{osaka}"
    );
    assert!(
        site.output("municipalities/271004/index.html")
            .contains("大阪市北区")
    );
}

#[test]
fn an_office_page_failing_while_it_is_written_leaves_the_previous_output() {
    let site = TestSite::minimal();
    site.build_ok();
    let before = tree(&site.path().join("public"));
    // Office pages render as they are written: this one fails after
    // others are already on disk in the staging folder.
    site.write(
        "themes/default/templates/office.html",
        "{% if office.number == \"4470100001\" %}{{ nothing.here }}{% endif %}ok",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: themes/default/templates/office.html: cannot render offices/4470100001/index.html: Failed to render 'office.html'");
    run.assert_stderr_has("previous output was left as it was");
    assert_eq!(before, tree(&site.path().join("public")));
    site.assert_no_leftovers();
    let check = site.check();
    assert!(!check.success);
    check.assert_stderr_has("offices/4470100001/index.html");
}

#[test]
fn office_pages_that_all_fail_are_reported_once_by_the_first_path() {
    let site = TestSite::minimal();
    site.write("themes/default/templates/office.html", "{{ nothing.here }}");
    let first = site.build_fails();
    assert_eq!(
        first.stderr.matches("cannot render").count(),
        1,
        "{}",
        first.stderr
    );
    first.assert_stderr_has("offices/4410100002/index.html");
    for _ in 0..3 {
        assert_eq!(site.build_fails().stderr, first.stderr);
    }
    assert!(!site.path().join("public").exists());
    site.assert_no_leftovers();
}
