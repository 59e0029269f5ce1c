//! The command line, declared with clap. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check and build UK privacy notices.
///
/// `notice` reads a notice written in YAML, checks it against UK GDPR Articles 13 and 14
/// (and Articles 9, 10 and 12 and the Data Protection Act 2018), and renders it as
/// accessible HTML, a large-print PDF and plain text.
#[derive(Debug, Parser)]
#[command(
    name = "notice",
    version,
    propagate_version = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check notices against the law and report what is missing or wrong.
    ///
    /// Exit status: 0 when no errors were found, 1 when a notice has errors (or warnings,
    /// with --deny-warnings), 2 when the command could not run.
    #[command(
        after_help = "Examples:\n  notice check                      check every notice in notices/\n  notice check notices/kent.yaml    check one file\n  notice check --format sarif > notice.sarif\n  notice check --as-of 2026-06-19   apply the law as it stands on a date"
    )]
    Check(CheckArgs),
    /// Render notices as HTML, large-print PDF and plain text.
    ///
    /// Findings are printed but do not stop the build (an office must be able to send a
    /// large-print copy of the notice it has published today); --strict refuses to render a
    /// notice with errors. A notice that cannot be understood is never rendered.
    #[command(
        after_help = "Examples:\n  notice build                            build notices/ into out/\n  notice build notices/kent.yaml --format pdf --font-size 24\n  notice build --out public/ --strict"
    )]
    Build(BuildArgs),
    /// Write a complete, commented starter notice to fill in (or copy out the templates).
    ///
    /// The starter has every block the law asks about, with TODO placeholders that
    /// `notice check` reports until each is filled in.
    #[command(
        after_help = "Examples:\n  notice init notices/my-office.yaml\n  notice init --templates my-templates/   copy the wording templates to customise"
    )]
    Init(InitArgs),
    /// List every rule with its id, severity and citation.
    Rules,
    /// Show one rule's documentation: what it checks, why, and how to fix it.
    #[command(
        after_help = "Examples:\n  notice explain PN202\n  notice explain purpose-without-lawful-basis"
    )]
    Explain {
        /// The rule id (PN202) or name (purpose-without-lawful-basis).
        rule: String,
    },
    /// Print the JSON Schema of the notice format, for editors.
    ///
    /// Save it next to your notices and add this first line to each YAML file to get
    /// completion and validation in editors that use yaml-language-server:
    /// `# yaml-language-server: $schema=notice.schema.json`
    Schema,
}

/// Options shared by `check` and `build`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Notice files, or folders to search for *.yaml and *.yml files.
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,
    /// Apply the law as it stands on this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<notice::model::Date>,
}

/// `notice check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `notice build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The folder to write into; each notice goes in its own subfolder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The formats to write, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "html,pdf,txt"
    )]
    pub format: Vec<Format>,
    /// Refuse to render a notice that has error-level findings.
    #[arg(long)]
    pub strict: bool,
    /// Body text size of the large-print PDF, in points.
    #[arg(long, default_value = "18", value_parser = ["18", "20", "24"])]
    pub font_size: String,
    /// A folder of templates overriding the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// `notice init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter notice.
    #[arg(default_value = "notice.yaml")]
    pub path: std::path::PathBuf,
    /// Instead of a notice, copy the built-in templates into this folder.
    #[arg(long, value_name = "DIR", conflicts_with = "path")]
    pub templates: Option<std::path::PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// How `check` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people: the source line with a caret, like a compiler.
    Human,
    /// One JSON object with every finding.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations on pull requests.
    Github,
}

/// An output format of `build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Format {
    /// A self-contained accessible web page.
    Html,
    /// A tagged large-print PDF.
    Pdf,
    /// Plain text.
    Txt,
}

fn parse_date(s: &str) -> Result<notice::model::Date, String> {
    match notice::model::Date::parse(s) {
        Some(d) if d.day.is_some() => Ok(d),
        _ => Err(format!("`{s}` is not a date; write YYYY-MM-DD")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
