//! The map over the built-in data: every prefecture, every municipality.

use super::*;
use crate::gov_codes::{self, Kind};

/// Every municipality and ward of a prefecture from the national list, with
/// made-up figures and URLs as long as a site's.
fn places_of(prefecture: &str) -> Vec<MapPlace<'static>> {
    gov_codes::all()
        .iter()
        .filter(|e| e.prefecture == prefecture && e.kind != Kind::Prefecture)
        .enumerate()
        .map(|(i, e)| {
            let offices = (i as u32 * 7) % 60;
            MapPlace {
                code: e.code,
                name: e.name,
                rate: Rate::of(offices / 3, offices),
                offices,
                url: format!("/careplan/municipalities/{}/", e.code),
            }
        })
        .collect()
}

fn drawn_codes(svg: &str) -> Vec<&str> {
    svg.split("data-code=\"")
        .skip(1)
        .map(|rest| &rest[..6])
        .collect()
}

/// Hamamatsu's wards of 2024, which the 2021 boundaries do not have.
const NEW_HAMAMATSU_WARDS: [&str; 3] = ["221384", "221392", "221406"];

#[test]
fn every_municipality_of_every_prefecture_has_its_shape_within_budget() {
    for p in 1..=47 {
        let prefecture = format!("{p:02}");
        let places = places_of(&prefecture);
        let map = draw(&prefecture, "地図", &places).expect("every prefecture has a map");
        let drawn = drawn_codes(&map.svg);
        let expected: Vec<&str> = gov_codes::all()
            .iter()
            .filter(|e| e.prefecture == prefecture)
            .filter(|e| match e.kind {
                Kind::Prefecture => false,
                Kind::DesignatedCity => e.code == "221309",
                _ => !NEW_HAMAMATSU_WARDS.contains(&e.code),
            })
            .map(|e| e.code)
            .collect();
        assert_eq!(drawn, expected, "prefecture {prefecture}");
        let shapes_with_paths = map.svg.matches("z\"/></a>").count();
        assert_eq!(shapes_with_paths, drawn.len(), "prefecture {prefecture}");
        let bytes = map.svg.len()
            + map
                .legend
                .iter()
                .map(|e| e.swatch.len() + e.label.len())
                .sum::<usize>();
        assert!(bytes < 56_000, "prefecture {prefecture}: {bytes} bytes");
    }
}

#[test]
fn osaka_draws_the_wards_of_osaka_and_sakai_not_the_cities() {
    let map = draw("27", "地図", &places_of("27")).unwrap();
    let drawn = drawn_codes(&map.svg);
    assert_eq!(drawn.len(), 72);
    assert!(!drawn.contains(&"271004") && !drawn.contains(&"271403"));
    assert!(drawn.contains(&"271021") && drawn.contains(&"271411"));
}

#[test]
fn a_designated_city_listed_without_its_wards_is_one_shape() {
    let places: Vec<MapPlace> = places_of("27")
        .into_iter()
        .filter(|p| p.code == "271004" || p.code == "272027")
        .collect();
    let map = draw("27", "地図", &places).unwrap();
    assert_eq!(drawn_codes(&map.svg), ["271004", "272027"]);
}

#[test]
fn rates_links_and_hatching() {
    let place = |code, offices, adopted| MapPlace {
        code,
        name: "市",
        rate: Rate::of(adopted, offices),
        offices,
        url: format!("/m/{code}/"),
    };
    let places = [
        place("442011", 1000, 146),
        place("442020", 0, 0),
        place("443221", 12, 4),
    ];
    let map = draw("44", "大分県の地図", &places).unwrap();
    assert!(map.svg.contains(
        "<a href=\"/m/442011/\" data-code=\"442011\" data-rate=\"14.6\"><title>市 14.6%</title><path fill=\"#"
    ));
    assert!(map.svg.contains("data-code=\"442020\" data-rate=\"\"><title>市 データなし（対象事業所なし）</title><path fill=\"#e6e6e6\""));
    assert!(
        map.svg
            .contains("<title>市 33.3%（対象事業所12か所）</title><path fill=\"url(#map-few-3)\"")
    );
    assert!(map.svg.contains("<pattern id=\"map-few-3\""));
    assert_eq!(map.legend.len(), 7);
    assert_eq!(map.legend[5].label, "データなし（対象事業所なし）");
    assert!(map.legend[6].swatch.contains("url(#map-few-3)"));
    assert_eq!(map.credit, CREDIT);
}

#[test]
fn places_without_boundaries_draw_nothing() {
    let nowhere = MapPlace {
        code: "221384",
        name: "浜松市中央区",
        rate: Rate::of(1, 2),
        offices: 2,
        url: String::new(),
    };
    assert!(draw("22", "地図", &[nowhere]).is_none());
    assert!(draw("22", "地図", &[]).is_none());
}

#[test]
fn the_same_input_draws_the_same_bytes() {
    let places = places_of("01");
    assert_eq!(
        draw("01", "地図", &places).unwrap().svg,
        draw("01", "地図", &places).unwrap().svg
    );
}
