//! Text queries across every municipality of a split index. A search in one
//! municipality downloads that municipality's part; a search across all of
//! them would need every part (over 1 MB gzipped at 60,000 offices). Instead
//! every office is also filed under the character pairs (bigrams) of the texts
//! the browser searches, and the pairs are hashed into buckets, each a part of
//! its own: a query downloads the one bucket of one of its pairs, and every
//! office matching the query is in it, since it contains every pair of every
//! query word. Pairs so common that their bucket would grow past the size
//! wanted (「介護」, 「セン」) are listed as *stop* pairs and filed nowhere; a
//! query made only of them falls back to the parts. An office number is also
//! filed whole (`#4410010030`), which a query of a whole number looks up,
//! since digit pairs are all stop pairs.
//!
//! The hash is FNV-1a over code points, the same function as `gramBucket` in
//! search.js.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::figures::Figures;
use crate::fold::fold;
use crate::model::Site;
use crate::model::places::{OfficeId, Place};

use super::{Search, address_rest};

/// A pair held by more offices than this is a stop pair.
const STOP_ABOVE: usize = 1200;

/// Offices a bucket holds on average (one pair's offices plus the others
/// hashed beside it); a bucket of 2,000 rows is about 60 KB gzipped.
const BUCKET_ROWS: usize = 1500;

/// What the manifest says about the buckets.
#[derive(Serialize)]
pub struct GramRef {
    /// How many buckets there are (`g/0.json` …).
    pub buckets: usize,
    /// The pairs filed nowhere.
    pub stop: Vec<String>,
}

/// The buckets: the manifest's description and each bucket's offices.
pub struct Grams {
    pub reference: GramRef,
    pub buckets: Vec<Vec<OfficeId>>,
}

/// FNV-1a over the code points of a gram.
fn bucket_of(gram: &str, buckets: usize) -> usize {
    let hash = gram.chars().fold(2_166_136_261_u32, |h, c| {
        (h ^ u32::from(c)).wrapping_mul(16_777_619)
    });
    hash as usize % buckets
}

/// The grams of one office: the pairs of each text the browser's haystack
/// holds (folded the same way), and its number gram.
fn office_grams(site: &Site, id: OfficeId, reading_key: &str, filed: &Place) -> HashSet<String> {
    let o = site.office(id);
    let m = site.places.get(o.municipality);
    let number = o.number.as_str().to_lowercase();
    let prefecture = &site.config.prefecture_name;
    let address = format!(
        "{prefecture}{}{}",
        filed.name,
        address_rest(&o.address, prefecture, &m.name)
    );
    let texts = [
        fold(&o.name),
        reading_key.to_string(),
        fold(&o.corporation),
        number.clone(),
        fold(&address),
        fold(&filed.kana),
    ];
    let mut grams = HashSet::new();
    for text in &texts {
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            grams.insert(pair.iter().collect::<String>());
        }
    }
    grams.insert(format!("#{number}"));
    grams
}

/// The buckets of the search's offices.
pub fn grams(site: &Site, figures: &Figures, search: &Search) -> Grams {
    let entries = &search.entries;
    let mut postings: HashMap<String, Vec<OfficeId>> = HashMap::new();
    for &id in entries {
        let filed = site.places.get(search.filed(id));
        for gram in office_grams(site, id, &figures.reading_keys[id], filed) {
            postings.entry(gram).or_default().push(id);
        }
    }
    let mut stop: Vec<String> = postings
        .iter()
        .filter(|(_, ids)| ids.len() > STOP_ABOVE)
        .map(|(gram, _)| gram.clone())
        .collect();
    stop.sort_unstable();
    let filed: usize = postings
        .values()
        .map(Vec::len)
        .filter(|&n| n <= STOP_ABOVE)
        .sum();
    let count = filed.div_ceil(BUCKET_ROWS).max(1);
    let mut sets: Vec<HashSet<OfficeId>> = vec![HashSet::new(); count];
    for (gram, ids) in &postings {
        if ids.len() <= STOP_ABOVE {
            sets[bucket_of(gram, count)].extend(ids.iter().copied());
        }
    }
    let order: HashMap<OfficeId, usize> =
        entries.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let buckets = sets
        .into_iter()
        .map(|set| {
            let mut ids: Vec<OfficeId> = set.into_iter().collect();
            ids.sort_unstable_by_key(|id| order[id]);
            ids
        })
        .collect();
    Grams {
        reference: GramRef {
            buckets: count,
            stop,
        },
        buckets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hash_with_fnv_1a_over_code_points() {
        // FNV-1a of "ab" is 0x4d2505ca; search.js's gramBucket gives the same.
        assert_eq!(bucket_of("ab", 1000), 0x4d25_05ca % 1000);
        assert_eq!(bucket_of("ab", 1), 0);
    }
}
