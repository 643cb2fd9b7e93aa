//! Words that follow the site's place: a 府 is not a 県, a prefecture
//! with wards has 市区町村, not 市町村, and a city is broken down by 区 (a
//! designated city) or 圏域.

use super::views::Words;
use crate::model::places::Places;

impl Words {
    /// The words for a site's places.
    pub fn of(places: &Places) -> Words {
        Words {
            whole: format!("{}全体", places.own().name),
            municipalities: if places.is_city() {
                if places.municipalities().is_empty() {
                    "圏域"
                } else {
                    "区"
                }
            } else if places.has_wards() {
                "市区町村"
            } else {
                "市町村"
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::places::{MunicipalityCode, NewPlace, PlaceKind};

    fn places(prefecture: &str, municipality: &str) -> Places {
        Places::new(
            MunicipalityCode::checked("270008".to_string()),
            prefecture.to_string(),
            vec![NewPlace {
                code: MunicipalityCode::checked("271276".to_string()),
                name: municipality.to_string(),
                kana: String::new(),
                kind: PlaceKind::Municipality,
                city: None,
                listed: true,
            }],
        )
    }

    #[test]
    fn osaka_is_a_fu_with_wards_and_oita_a_ken_without() {
        let osaka = Words::of(&places("大阪府", "大阪市北区"));
        assert_eq!(osaka.whole, "大阪府全体");
        assert_eq!(osaka.municipalities, "市区町村");
        let oita = Words::of(&places("大分県", "大分市"));
        assert_eq!(oita.whole, "大分県全体");
        assert_eq!(oita.municipalities, "市町村");
    }
}
