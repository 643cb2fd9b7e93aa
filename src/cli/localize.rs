//! The command line in the run's language. clap writes its help, usage lines
//! and errors in English only; the editors read Japanese, so every text clap
//! shows comes from [`HelpMsg`], and every usage error is reworded from its
//! kind and context with [`UsageMsg`].

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::diag;
use crate::import::official::SOURCE;
use crate::messages::Lang;
use crate::messages::cli::{HelpMsg, UsageMsg};

/// The id of `--lang`, defined here beside the scan that reads it before clap.
pub const LANG: &str = "lang";

/// The heading clap puts before every usage line it renders.
const CLAP_USAGE: &str = "Usage: ";

/// The language asked on the command line (`--lang en`, `--lang=en`, before
/// or after the command), read before clap so its help and errors are in it.
pub fn asked(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--lang") => args.next().and_then(|v| v.to_str()),
            Some(other) => other.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("ja") => return Some(Lang::Ja),
            Some("en") => return Some(Lang::En),
            _ => {}
        }
    }
    None
}

/// renkei's command (from the derive) with `--lang`, built, and with every
/// text clap would show, its own `--help`, `--version` and `help` included,
/// in `lang`.
pub fn localize(command: Command, lang: Lang) -> Command {
    let mut command = command.bin_name("renkei").arg(
        Arg::new(LANG)
            .long("lang")
            .global(true)
            .value_parser(["ja", "en"]),
    );
    // Built first, so the generated flags and `help` commands exist to be
    // reworded; only order-keeping mutations follow (clap indexes arguments).
    command.build();
    texts(command, lang)
}

fn texts(command: Command, lang: Lang) -> Command {
    let name = command.get_name().to_string();
    let mut command = command
        .subcommand_help_heading(HelpMsg::CommandsHeading.text(lang))
        .subcommand_value_name(HelpMsg::CommandValue.text(lang))
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}",
            HelpMsg::UsageHeading.text(lang)
        ))
        .mut_args(|arg| arg_texts(arg, &name, lang))
        .mut_subcommands(|sub| texts(sub, lang));
    if let Some(about) = about(&name) {
        command = command.about(about.text(lang)).long_about(None);
    }
    if command.get_version().is_some() {
        command = command.long_version(format!(
            "{}\n{}",
            env!("CARGO_PKG_VERSION"),
            HelpMsg::Attribution.text(lang)
        ));
    }
    if lang != Lang::En {
        let usage = command.render_usage().to_string();
        let usage = usage.strip_prefix(CLAP_USAGE).unwrap_or(&usage);
        let usage = usage.replace(
            &HelpMsg::OptionsPlaceholder.text(Lang::En),
            &HelpMsg::OptionsPlaceholder.text(lang),
        );
        command = command.override_usage(usage);
    }
    command
}

fn arg_texts(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        HelpMsg::ArgumentsHeading
    } else {
        HelpMsg::OptionsHeading
    };
    // Defaults and choices are written in each help text, in its language.
    let mut arg = arg
        .help_heading(heading.text(lang))
        .hide_default_value(true)
        .hide_possible_values(true)
        .long_help(None);
    if let Some(help) = arg_help(command, &id) {
        arg = arg.help(help.text(lang));
    }
    if let Some(value) = value_name(command, &id) {
        arg = arg.value_name(value.text(lang));
    }
    arg
}

/// What a command is for, by its name (names are unique in renkei's tree,
/// and the copies under `help` share them).
fn about(command: &str) -> Option<HelpMsg> {
    Some(match command {
        "renkei" => HelpMsg::About,
        "build" => HelpMsg::AboutBuild,
        "serve" => HelpMsg::AboutServe,
        "check" => HelpMsg::AboutCheck,
        "licenses" => HelpMsg::AboutLicenses,
        "new" => HelpMsg::AboutNew,
        "import" => HelpMsg::AboutImport,
        "offices" => HelpMsg::AboutImportOffices {
            source: SOURCE.to_string(),
        },
        "help" => HelpMsg::AboutHelp,
        _ => return None,
    })
}

fn arg_help(command: &str, arg: &str) -> Option<HelpMsg> {
    Some(match (command, arg) {
        (_, "root") => HelpMsg::Root,
        ("build", "out") => HelpMsg::BuildOut,
        ("offices", "out") => HelpMsg::ImportOut,
        (_, "base_url") => HelpMsg::BaseUrl,
        (_, "watch") => HelpMsg::Watch,
        (_, "force") => HelpMsg::Force,
        (_, "quiet") => HelpMsg::Quiet,
        (_, "port") => HelpMsg::Port,
        (_, "bind") => HelpMsg::Bind,
        (_, "open") => HelpMsg::Open,
        (_, "strict") => HelpMsg::Strict,
        (_, "format") => HelpMsg::Format,
        ("new", "dir") => HelpMsg::NewDir,
        ("new", "prefecture") => HelpMsg::NewPrefecture,
        ("new", "city") => HelpMsg::NewCity,
        ("offices", "files") => HelpMsg::ImportFiles,
        ("offices", "prefecture") => HelpMsg::ImportPrefecture,
        (_, LANG) => HelpMsg::Lang,
        (_, "help") => HelpMsg::HelpFlag,
        (_, "version") => HelpMsg::VersionFlag,
        ("help", "subcommand") => HelpMsg::HelpCommand,
        _ => return None,
    })
}

fn value_name(command: &str, arg: &str) -> Option<HelpMsg> {
    Some(match (command, arg) {
        ("offices", "out" | "files") => HelpMsg::FileValue,
        (_, "root" | "out" | "dir") => HelpMsg::FolderValue,
        (_, "base_url") => HelpMsg::UrlValue,
        (_, "bind") => HelpMsg::AddressValue,
        (_, "port") => HelpMsg::PortValue,
        (_, "format") => HelpMsg::FormatValue,
        (_, "prefecture") => HelpMsg::PrefectureValue,
        (_, "city") => HelpMsg::CityValue,
        (_, LANG) => HelpMsg::LangValue,
        ("help", "subcommand") => HelpMsg::CommandValue,
        _ => return None,
    })
}

/// Prints what clap stopped at and gives the exit code: help and the version
/// on stdout (0), help for a command given nothing and usage errors on
/// stderr (2). `command` is the localized command `args` were parsed with.
pub fn report(error: &clap::Error, command: &Command, args: &[OsString], lang: Lang) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", usage_error(error, command, args, lang));
            ExitCode::from(2)
        }
    }
}

/// A usage error: what is wrong, the nearest valid word, the usage line of
/// the command it was in and how to see that command's help.
fn usage_error(error: &clap::Error, root: &Command, args: &[OsString], lang: Lang) -> String {
    let (message, suggestion) = reworded(error);
    let mut text = diag::error_line(message.text(lang));
    text.push('\n');
    if let Some(suggestion) = suggestion {
        text.push_str(&format!(
            "  {}\n",
            UsageMsg::DidYouMean { suggestion }.text(lang)
        ));
    }
    let mut path = vec![root.get_name().to_string()];
    let mut command = root.clone();
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = command.find_subcommand(arg).cloned() {
            path.push(arg.to_string());
            command = sub;
        }
    }
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix(CLAP_USAGE).unwrap_or(&usage).trim_end();
    text.push_str(&format!(
        "\n{}: {usage}\n\n{}\n",
        HelpMsg::UsageHeading.text(lang),
        UsageMsg::MoreHelp {
            command: path.join(" ")
        }
        .text(lang)
    ));
    text
}

/// clap's error as a typed message, with the suggestion clap found.
fn reworded(error: &clap::Error) -> (UsageMsg, Option<String>) {
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::String(one)) => vec![one.clone()],
        Some(ContextValue::Strings(all)) => all.clone(),
        _ => Vec::new(),
    };
    let string = |kind| strings(kind).join(", ");
    let first = |kind| strings(kind).into_iter().next();
    match error.kind() {
        ErrorKind::InvalidSubcommand => (
            UsageMsg::UnknownCommand {
                command: string(ContextKind::InvalidSubcommand),
            },
            first(ContextKind::SuggestedSubcommand),
        ),
        ErrorKind::UnknownArgument => {
            let arg = string(ContextKind::InvalidArg);
            let message = if arg.starts_with('-') {
                UsageMsg::UnknownOption { option: arg }
            } else {
                UsageMsg::UnexpectedValue { value: arg }
            };
            (message, first(ContextKind::SuggestedArg))
        }
        ErrorKind::InvalidValue => {
            let option = string(ContextKind::InvalidArg);
            let value = string(ContextKind::InvalidValue);
            let message = if value.is_empty() {
                UsageMsg::MissingValue { option }
            } else {
                UsageMsg::InvalidValue {
                    option,
                    value,
                    valid: string(ContextKind::ValidValue),
                }
            };
            (message, first(ContextKind::SuggestedValue))
        }
        ErrorKind::ValueValidation => (
            UsageMsg::UnreadableValue {
                option: string(ContextKind::InvalidArg),
                value: string(ContextKind::InvalidValue),
            },
            None,
        ),
        ErrorKind::MissingRequiredArgument => (
            UsageMsg::MissingArguments {
                arguments: string(ContextKind::InvalidArg),
            },
            None,
        ),
        ErrorKind::ArgumentConflict => (
            UsageMsg::Conflict {
                first: string(ContextKind::InvalidArg),
                second: string(ContextKind::PriorArg),
            },
            None,
        ),
        ErrorKind::MissingSubcommand => (
            UsageMsg::MissingCommand {
                valid: string(ContextKind::ValidSubcommand),
            },
            None,
        ),
        ErrorKind::InvalidUtf8 => (UsageMsg::NotText, None),
        _ => (UsageMsg::Unreadable, None),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_or_after_the_command_and_not_after_dashes() {
        assert_eq!(
            asked(&os(&["renkei", "--lang", "en", "build"])),
            Some(Lang::En)
        );
        assert_eq!(
            asked(&os(&["renkei", "build", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(
            asked(&os(&["renkei", "check", "--lang", "ja"])),
            Some(Lang::Ja)
        );
        assert_eq!(asked(&os(&["renkei", "--lang", "fr"])), None);
        assert_eq!(
            asked(&os(&["renkei", "import", "offices", "--", "--lang=en"])),
            None
        );
    }

    fn each_command(command: &Command, f: &mut impl FnMut(&Command)) {
        f(command);
        for sub in command.get_subcommands() {
            each_command(sub, f);
        }
    }

    /// A new command or option without its texts would show clap's English.
    #[test]
    fn every_command_and_option_has_its_texts() {
        let command = localize(crate::cli::Cli::command(), Lang::Ja);
        each_command(&command, &mut |command| {
            let name = command.get_name();
            assert!(about(name).is_some(), "about {name}");
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg_help(name, id).is_some(), "help of {name} {id}");
                if arg.get_action().takes_values() {
                    assert!(value_name(name, id).is_some(), "value of {name} {id}");
                }
            }
        });
    }
}
