//! Every message renkei prints, in Japanese (the editors' language, the
//! default) and in English (`--lang en`, or an English `LANG`).
//!
//! Messages are typed: each stage declares its own enum with [`messages!`],
//! one variant a message, both texts side by side, so a message cannot be
//! added in one language only (the macro requires both) and the place that
//! raises it names what went wrong, not how to word it. A [`Text`] holds
//! both renderings; the language is chosen when it is shown.

use std::cell::Cell;
use std::fmt;
use std::sync::OnceLock;

/// The language of every message of this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Plain Japanese for the editors: the default.
    #[default]
    Ja,
    En,
}

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// The language when none was chosen: Japanese; unit tests read the English
/// texts unless they render in Japanese with [`rendering`].
const UNCHOSEN: Lang = if cfg!(test) { Lang::En } else { Lang::Ja };

thread_local! {
    /// The language a message is being rendered in right now, so a nested
    /// [`Text`] (a hint inside a message) follows its outer message.
    static RENDERING: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of the run, once, at start-up.
pub fn choose(lang: Lang) {
    let _ = CHOSEN.set(lang);
}

/// The run's language: English when chosen so, otherwise Japanese.
pub fn lang() -> Lang {
    RENDERING
        .with(Cell::get)
        .unwrap_or_else(|| CHOSEN.get().copied().unwrap_or(UNCHOSEN))
}

/// The language the environment asks for: the first set of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` (POSIX order), English when it starts with `en`.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.is_empty());
    match value {
        Some(value) if value.starts_with("en") => Lang::En,
        _ => Lang::Ja,
    }
}

/// Renders `f` with every nested [`Text`] in `lang`.
pub fn rendering<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let previous = RENDERING.with(|r| r.replace(Some(lang)));
    let result = f();
    RENDERING.with(|r| r.set(previous));
    result
}

/// A message in both languages; shown in the run's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Boxed, not `String`: a message holding three texts stays small.
    ja: Box<str>,
    en: Box<str>,
    /// The message it was made from, so findings of one kind in one file
    /// can be shown as one; `None` for plain words.
    kind: Option<&'static Kind>,
}

/// Which message of the catalogue a [`Text`] is, and how many of it read.
#[derive(Debug, PartialEq, Eq)]
pub struct Kind {
    /// `Enum::Variant`.
    pub name: &'static str,
    /// The problem of many rows in a few words (ja, en), where the message
    /// has them (`事業所番号の先頭の 0 が消えています`).
    pub many: Option<(&'static str, &'static str)>,
}

impl Text {
    /// Both renderings of one message.
    pub fn new(ja: String, en: String) -> Self {
        Text {
            ja: ja.into(),
            en: en.into(),
            kind: None,
        }
    }

    /// A value that reads the same in both languages (a name, a number).
    pub fn same(text: impl Into<String>) -> Self {
        let text: Box<str> = text.into().into();
        Text {
            ja: text.clone(),
            en: text,
            kind: None,
        }
    }

    /// A catalogue message's renderings (made by [`messages!`]).
    pub fn of_kind(ja: String, en: String, kind: &'static Kind) -> Self {
        Text {
            ja: ja.into(),
            en: en.into(),
            kind: Some(kind),
        }
    }

    /// The catalogue message this text was made from.
    pub fn kind(&self) -> Option<&'static Kind> {
        self.kind
    }

    /// This text counted as the same kind as `other`: a message that only
    /// adds to another (the rows depending on it) groups with that one.
    pub fn grouped_as(mut self, other: &Text) -> Self {
        self.kind = other.kind;
        self
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    pub fn ja(&self) -> &str {
        &self.ja
    }

    pub fn en(&self) -> &str {
        &self.en
    }

    /// The text in the run's language.
    pub fn as_str(&self) -> &str {
        self.get(lang())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Declares a message enum: each variant with its fields, then its Japanese
/// and English text as `format!` strings naming the fields, and optionally
/// (`many ja "...", en "..."`) the problem of many rows in a few words for
/// a finding that stands for all of them.
///
/// ```ignore
/// messages! {
///     /// Findings of the CSV reader.
///     pub enum TableMsg {
///         Digits { value: String } =>
///             ja "「{value}」は10桁で書きます",
///             en "\"{value}\" must be 10 digits";
///     }
/// }
/// ```
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* pub enum $name:ident {
        $( $(#[$vmeta:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })?
            => ja $ja:literal, en $en:literal
            $(, many ja $many_ja:literal, en $many_en:literal)?; )*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name { $( $(#[$vmeta])* $variant $({ $($field: $ty),* })? ),* }

        impl $name {
            /// The message in one language.
            #[allow(unused_variables)]
            pub fn text(&self, lang: $crate::messages::Lang) -> String {
                $crate::messages::rendering(lang, || match self {
                    $( $name::$variant $({ $($field),* })? => match lang {
                        $crate::messages::Lang::Ja => format!($ja),
                        $crate::messages::Lang::En => format!($en),
                    } ),*
                })
            }

            /// Which message this is, for findings shown together.
            pub fn kind(&self) -> &'static $crate::messages::Kind {
                match self {
                    $( $name::$variant $({ $($field: _),* })? => &$crate::messages::Kind {
                        name: concat!(stringify!($name), "::", stringify!($variant)),
                        many: $crate::many_words!($($many_ja, $many_en)?),
                    } ),*
                }
            }

            /// One message of every variant, its fields at their defaults,
            /// for the test that every message has both languages.
            #[cfg(test)]
            pub fn samples() -> Vec<Self> {
                vec![ $( $name::$variant $({ $($field: Default::default()),* })? ),* ]
            }
        }

        impl From<$name> for $crate::messages::Text {
            fn from(message: $name) -> Self {
                $crate::messages::Text::of_kind(
                    message.text($crate::messages::Lang::Ja),
                    message.text($crate::messages::Lang::En),
                    message.kind(),
                )
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text($crate::messages::lang()))
            }
        }
    };
}

/// The few words of [`messages!`]'s `many`, or none.
#[macro_export]
#[doc(hidden)]
macro_rules! many_words {
    () => {
        None
    };
    ($ja:literal, $en:literal) => {
        Some(($ja, $en))
    };
}

pub mod check;
pub mod cli;
pub mod common;
pub mod desk;
pub mod import;
pub mod load;
pub mod model;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod summary;
pub mod write;

pub use common::CommonMsg;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sample of every message enum: each stage adds its enum here.
    fn all_samples() -> Vec<Text> {
        let mut all: Vec<Text> = Vec::new();
        all.extend(CommonMsg::samples().into_iter().map(Text::from));
        all.extend(model::OfficeMsg::samples().into_iter().map(Text::from));
        all.extend(model::CodeMsg::samples().into_iter().map(Text::from));
        all.extend(
            model::MunicipalityMsg::samples()
                .into_iter()
                .map(Text::from),
        );
        all.extend(model::AreaMsg::samples().into_iter().map(Text::from));
        all.extend(model::GroupMsg::samples().into_iter().map(Text::from));
        all.extend(model::SurveyMsg::samples().into_iter().map(Text::from));
        all.extend(model::ContentMsg::samples().into_iter().map(Text::from));
        all.extend(model::MarkdownMsg::samples().into_iter().map(Text::from));
        all.extend(check::CheckMsg::samples().into_iter().map(Text::from));
        all.extend(publish::PublishMsg::samples().into_iter().map(Text::from));
        all.extend(render::RenderMsg::samples().into_iter().map(Text::from));
        all.extend(load::ReadMsg::samples().into_iter().map(Text::from));
        all.extend(load::TomlMsg::samples().into_iter().map(Text::from));
        all.extend(load::ConfigMsg::samples().into_iter().map(Text::from));
        all.extend(load::ContentMsg::samples().into_iter().map(Text::from));
        all.extend(load::TableMsg::samples().into_iter().map(Text::from));
        all.extend(load::DataMsg::samples().into_iter().map(Text::from));
        all.extend(cli::CliMsg::samples().into_iter().map(Text::from));
        all.extend(cli::HelpMsg::samples().into_iter().map(Text::from));
        all.extend(cli::UsageMsg::samples().into_iter().map(Text::from));
        all.extend(import::ImportMsg::samples().into_iter().map(Text::from));
        all.extend(scaffold::ScaffoldMsg::samples().into_iter().map(Text::from));
        all.extend(serve::ServeMsg::samples().into_iter().map(Text::from));
        all.extend(desk::DeskMsg::samples().into_iter().map(Text::from));
        all.extend(summary::SummaryMsg::samples().into_iter().map(Text::from));
        all.extend(write::WriteMsg::samples().into_iter().map(Text::from));
        all
    }

    fn has_japanese(text: &str) -> bool {
        text.chars().any(|c| {
            matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
        })
    }

    fn has_kana(text: &str) -> bool {
        text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}'))
    }

    #[test]
    fn no_message_is_left_untranslated() {
        for text in all_samples() {
            if let Some((ja, en)) = text.kind().and_then(|kind| kind.many) {
                assert!(has_japanese(ja), "no Japanese in {ja:?}");
                assert!(!has_kana(en), "kana in the English {en:?}");
            }
            assert!(has_japanese(text.ja()), "no Japanese in {:?}", text.ja());
            assert!(!has_kana(text.en()), "kana in the English {:?}", text.en());
            assert!(
                !text.en().trim().is_empty(),
                "empty English for {:?}",
                text.ja()
            );
        }
    }

    #[test]
    fn english_only_when_the_environment_says_so() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[])), Lang::Ja);
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_env(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), Lang::Ja);
        assert_eq!(
            from_env(env(&[("LC_ALL", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Ja
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn nested_text_follows_its_message() {
        let hint = Text::new("直し方".into(), "the fix".into());
        let outer = CommonMsg::WithHint {
            message: Text::new("誤り".into(), "wrong".into()),
            hint,
        };
        let text = Text::from(outer);
        assert!(text.ja().contains("直し方"), "{}", text.ja());
        assert!(text.en().contains("the fix"), "{}", text.en());
    }
}
