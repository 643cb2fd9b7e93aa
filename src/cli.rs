//! The command line: argument wiring and reporting only; the work is in
//! [`crate::pipeline`] and [`crate::write`].

use std::ffi::OsString;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::diag::{self, Diagnostic, Diagnostics};
use crate::messages::cli::{CliMsg, HelpMsg};
use crate::messages::{self, Text};
use crate::{date, gov_codes, import, pipeline, scaffold, serve, summary, write};

mod localize;

/// renkei's commands and options; every text of their help is in
/// [`localize`], in the run's language.
#[derive(Parser)]
#[command(name = "renkei", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        watch: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        quiet: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        #[arg(long)]
        open: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    Licenses,
    New {
        dir: PathBuf,
        #[arg(long, required_unless_present = "city", conflicts_with = "city")]
        prefecture: Option<String>,
        #[arg(long)]
        city: Option<String>,
    },
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
}

/// What `renkei import` reads.
#[derive(Subcommand)]
enum ImportCommand {
    Offices {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        prefecture: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Output form of `check`.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Github,
}

/// Runs the command line; the exit code is 0 on success, 1 on errors in the
/// site, 2 when the command could not run at all.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = localize::asked(&args)
        .unwrap_or_else(|| messages::from_env(|name| std::env::var(name).ok()));
    messages::choose(lang);
    let mut command = localize::localize(Cli::command(), lang);
    let cli = match command
        .try_get_matches_from_mut(args.clone())
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => return localize::report(&e, &command, &args, lang),
    };
    match cli.command {
        None => build(Path::new("."), None, None, false, false),
        Some(Command::Build {
            root,
            out,
            base_url,
            watch: false,
            force,
            quiet,
        }) => build(&root, out, base_url.as_deref(), force, quiet),
        Some(Command::Build {
            root,
            out,
            base_url,
            watch: true,
            force,
            quiet: _,
        }) => build_watch(&root, out, base_url.as_deref(), force),
        Some(Command::Serve {
            root,
            port,
            bind,
            open,
        }) => serve_site(serve::Options {
            root,
            port,
            bind,
            open,
        }),
        Some(Command::Check {
            root,
            strict,
            format,
        }) => check(&root, strict, format),
        Some(Command::Licenses) => {
            println!(
                "renkei {}\n{}\n\n{}",
                env!("CARGO_PKG_VERSION"),
                HelpMsg::Attribution,
                gov_codes::LICENSE
            );
            ExitCode::SUCCESS
        }
        Some(Command::New {
            dir,
            prefecture,
            city,
        }) => new_site(&dir, prefecture.as_deref(), city.as_deref()),
        Some(Command::Import {
            what:
                ImportCommand::Offices {
                    files,
                    prefecture,
                    root,
                    out,
                },
        }) => import_offices(&files, prefecture.as_deref(), &root, out),
    }
}

/// Says the build failed, and whether a previous output was kept: there may
/// have been none.
fn build_failed(dest: &Path, errors: usize) -> ExitCode {
    if dest.exists() {
        eprintln!("{}", CliMsg::BuildStopped { errors });
    } else {
        eprintln!("{}", CliMsg::BuildStoppedFirst { errors });
    }
    ExitCode::from(1)
}

fn build(
    root: &Path,
    out: Option<PathBuf>,
    base_url: Option<&str>,
    force: bool,
    quiet: bool,
) -> ExitCode {
    if let Some(code) = missing_site(root) {
        return code;
    }
    let dest = match destination(root, out, force) {
        Ok(dest) => dest,
        Err(code) => return code,
    };
    let started = Instant::now();
    let (rendered, diags) = pipeline::run(root, base_url, date::today_in_japan());
    let errors = diag::print(&diags.shown());
    let Some(rendered) = rendered else {
        return build_failed(dest.shown(), errors);
    };
    // Read before the swap: afterwards the previous output is gone.
    let previous = (!quiet).then(|| summary::Previous::read(dest.shown()));
    match write::commit(&rendered, &dest) {
        Ok(()) => {}
        Err(write::CommitError::Write(e)) => return failed(e.message(), 1),
        Err(write::CommitError::Render(d)) => {
            let errors = diag::print(&diag::Diagnostics::from(d).shown());
            return build_failed(dest.shown(), errors);
        }
    }
    eprintln!(
        "{}",
        CliMsg::Built {
            files: rendered.len(),
            dest: dest.shown().display().to_string(),
            ms: started.elapsed().as_millis()
        }
    );
    if let Some(previous) = previous {
        print!("{}", summary::summarize(&previous, &rendered.files));
    }
    ExitCode::SUCCESS
}

fn build_watch(root: &Path, out: Option<PathBuf>, base_url: Option<&str>, force: bool) -> ExitCode {
    if let Some(code) = missing_site(root) {
        return code;
    }
    match destination(root, out, force) {
        Ok(dest) => ran(serve::watch_build(root, &dest, base_url)),
        Err(code) => code,
    }
}

/// The checked output folder (default ROOT/public), or exit code 2 with the
/// reason it may not be written.
fn destination(
    root: &Path,
    out: Option<PathBuf>,
    force: bool,
) -> Result<write::Destination, ExitCode> {
    let out = out.unwrap_or_else(|| root.join("public"));
    write::Destination::new(root, &out, force).map_err(|e| failed(e.message(), 2))
}

fn serve_site(options: serve::Options) -> ExitCode {
    if let Some(code) = missing_site(&options.root) {
        return code;
    }
    ran(serve::serve(&options))
}

/// Exit code 2, with the reason, when `root` is not a site.
fn missing_site(root: &Path) -> Option<ExitCode> {
    if root.join(crate::load::config::FILE).is_file() {
        return None;
    }
    Some(failed(
        CliMsg::NoSite {
            root: root.display().to_string(),
        },
        2,
    ))
}

/// Exit code of a command that runs until stopped: 2 when it could not start.
fn ran(result: Result<(), serve::ServeError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed(e.message(), 2),
    }
}

/// Prints an error line in the run's language and gives the exit code.
fn failed(message: impl Into<Text>, code: u8) -> ExitCode {
    eprintln!("{}", diag::error_line(message.into()));
    ExitCode::from(code)
}

fn check(root: &Path, strict: bool, format: Format) -> ExitCode {
    if let Some(code) = missing_site(root) {
        return code;
    }
    let (rendered, mut diags) = pipeline::run(root, None, date::today_in_japan());
    if let Some(rendered) = rendered {
        rendered.check(&mut diags);
    }
    let failed = diags.has_errors() || (strict && !diags.is_empty());
    let shown = diags.shown();
    match format {
        Format::Text => {
            diag::print(&shown);
            if !failed {
                eprintln!("{}", CliMsg::CheckPassed);
            }
        }
        Format::Json => println!("{}", json(&diags)),
        Format::Github => {
            let prefix = annotation_prefix(root);
            for d in &shown {
                println!("{}", d.github_annotation(&prefix));
            }
        }
    }
    if !failed {
        return ExitCode::SUCCESS;
    }
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let stopped = match errors {
        0 => CliMsg::CheckStoppedStrict {
            warnings: shown.len(),
        },
        errors => CliMsg::CheckStopped { errors },
    };
    eprintln!("{stopped}");
    ExitCode::from(1)
}

fn json(diags: &Diagnostics) -> String {
    let items: Vec<serde_json::Value> = diags
        .clone()
        .into_sorted()
        .iter()
        .map(|d: &Diagnostic| {
            serde_json::json!({
                "severity": if d.is_error() { "error" } else { "warning" },
                "path": d.path.to_string_lossy().replace('\\', "/"),
                "line": d.line,
                "column": d.column,
                "message": d.message,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("plain data serializes")
}

/// The site's folder as GitHub names files in annotations: relative to the
/// repository root, which is the working directory of a workflow step. An
/// absolute `--root` cannot be placed in the repository, so its findings keep
/// site-relative paths.
fn annotation_prefix(root: &Path) -> PathBuf {
    if root.is_absolute() {
        return PathBuf::new();
    }
    root.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// The prefecture a person named, or a message saying what is accepted.
fn prefecture_arg(query: &str) -> Result<&'static gov_codes::Entry, Text> {
    gov_codes::find_prefecture(query).ok_or_else(|| {
        CliMsg::UnknownPrefecture {
            query: query.to_string(),
        }
        .into()
    })
}

/// The prefecture of a new site: a municipality's code is refused, naming
/// the city and the options meant (a city portal, or the whole prefecture),
/// where `import` reads it as its prefecture's.
fn new_prefecture_arg(query: &str) -> Result<&'static gov_codes::Entry, Text> {
    let city = gov_codes::lookup(query.trim()).filter(|e| e.kind != gov_codes::Kind::Prefecture);
    match city {
        Some(city) => Err(CliMsg::CityCodeAsPrefecture {
            code: city.code.to_string(),
            name: city.name.to_string(),
            prefecture: gov_codes::find_prefecture(city.prefecture)
                .map_or_else(String::new, |p| p.name.to_string()),
            prefecture_code: city.prefecture.to_string(),
        }
        .into()),
        None => prefecture_arg(query),
    }
}

fn new_site(dir: &Path, prefecture: Option<&str>, city: Option<&str>) -> ExitCode {
    let starter = match (prefecture, city) {
        (_, Some(city)) => scaffold::city_arg(city).map(scaffold::Starter::City),
        (Some(prefecture), None) => {
            new_prefecture_arg(prefecture).map(scaffold::Starter::Prefecture)
        }
        (None, None) => unreachable!("clap requires --prefecture or --city"),
    };
    let starter = match starter {
        Ok(starter) => starter,
        Err(message) => return failed(message, 2),
    };
    match scaffold::create(dir, starter) {
        Ok(files) => {
            let dir = dir.display().to_string();
            eprintln!(
                "{}\n\n{}",
                CliMsg::NewWritten {
                    place: starter.entry().name.to_string(),
                    dir: dir.clone(),
                    files: files.len(),
                },
                CliMsg::NewNext {
                    dir: dir.clone(),
                    source: import::official::SOURCE.to_string(),
                }
            );
            if let scaffold::Starter::City(_) = starter {
                eprintln!("{}", CliMsg::NewNextAreas { dir });
            }
            ExitCode::SUCCESS
        }
        Err(message) => failed(message, 2),
    }
}

fn import_offices(
    files: &[PathBuf],
    prefecture: Option<&str>,
    root: &Path,
    out: Option<PathBuf>,
) -> ExitCode {
    let prefecture = match prefecture {
        Some(query) => prefecture_arg(query),
        None => import::site_prefecture(root),
    };
    let prefecture = match prefecture {
        Ok(entry) => entry,
        Err(message) => return failed(message, 2),
    };
    let files = match import::expand_inputs(files) {
        Ok(files) => files,
        Err(message) => return failed(message, 2),
    };
    let out = out.unwrap_or_else(|| root.join(crate::load::data::OFFICES));
    let shown = out.display().to_string();
    let previous = out.is_file().then_some(out.as_path());
    let mut diags = Diagnostics::default();
    let imported = import::import(&files, prefecture.prefecture, previous, &mut diags);
    diags.report();
    let Some(mut imported) = imported else {
        eprintln!("{}", CliMsg::ImportFailed { out: shown });
        return ExitCode::from(1);
    };
    eprint!("{}", imported.summary);
    let mut place = prefecture.name.to_string();
    if let Some(city) = import::site_city(root) {
        let left_out = import::keep_city(&mut imported.offices, &city.code);
        eprintln!(
            "{}",
            CliMsg::ImportKeptCity {
                kept: imported.offices.len(),
                city: city.name.clone(),
                left_out,
            }
        );
        place = city.name;
    }
    if imported.offices.is_empty() {
        return failed(CliMsg::ImportNoOffice { place, out: shown }, 1);
    }
    if let Err(e) = import::write_atomically(&out, &import::to_csv(&imported.offices)) {
        return failed(
            CliMsg::CannotWriteFile {
                file: shown,
                reason: messages::common::io(&e),
            },
            1,
        );
    }
    eprintln!(
        "{}",
        CliMsg::ImportWrote {
            offices: imported.offices.len(),
            out: shown,
        }
    );
    ExitCode::SUCCESS
}
