//! The command line, declared with clap. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use notice::render::Format;

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
    arg_required_else_help = true,
    after_help = "Examples:\n  notice init notices/my-office.yaml       a starter notice to fill in\n  notice check                             check every notice in notices/\n  notice explain PN202                     what a finding means and how to fix it\n  notice build                             HTML, large-print PDF and text into out/\n  notice diff notices/my-office.yaml --from HEAD~1   what changed since the last commit"
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line, with the `build --format` help listing every format in the
    /// registry, so a new format reaches `--help`, completions and the manual page by
    /// itself.
    pub(crate) fn command_with_formats() -> clap::Command {
        use clap::CommandFactory;
        let names: Vec<String> = notice::render::Format::all()
            .map(|f| format!("`{}` ({})", f.name(), f.spec().description))
            .collect();
        let help = format!(
            "The formats to write, comma-separated, or `all`: {}",
            names.join(", ")
        );
        Cli::command().mut_subcommand("build", |c| c.mut_arg("format", |a| a.help(help)))
    }

    /// Parse the process's arguments.
    pub(crate) fn parse_args() -> Result<Cli, clap::Error> {
        use clap::FromArgMatches;
        let matches = Cli::command_with_formats().try_get_matches()?;
        Cli::from_arg_matches(&matches)
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
        after_help = "Examples:\n  notice build                            build notices/ into out/\n  notice build notices/kent.yaml --format pdf --font-size 24\n  notice build --out public/ --strict\n  notice build notices/kent.yaml --format html --watch   rebuild on every save"
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
    #[command(
        after_help = "Examples:\n  notice rules\n  notice rules | grep 'Art 14'        the rules resting on Article 14\n  notice explain PN202                one rule in full"
    )]
    Rules,
    /// Show one rule's documentation: what it checks, why, and how to fix it.
    #[command(
        after_help = "Examples:\n  notice explain PN202\n  notice explain purpose-without-lawful-basis"
    )]
    Explain {
        /// The rule id (PN202) or name (purpose-without-lawful-basis).
        #[arg(value_parser = RuleParser, hide_possible_values = true)]
        rule: String,
    },
    /// Print the JSON Schema of the notice format, for editors.
    ///
    /// Save it next to your notices and add this first line to each YAML file to get
    /// completion and validation in editors that use yaml-language-server:
    /// `# yaml-language-server: $schema=notice.schema.json`
    /// With `--office`, the format of a shared office file (the blocks notices `extends`).
    #[command(
        after_help = "Examples:\n  notice schema > notices/notice.schema.json\n  notice schema --office > notices/office.schema.json\n  then start each notice with:  # yaml-language-server: $schema=notice.schema.json\n  and the office file with:     # yaml-language-server: $schema=office.schema.json"
    )]
    Schema {
        /// Print the format of a shared office file instead of a notice's.
        #[arg(long)]
        office: bool,
    },
    /// Compare two versions of a notice and say what changed, material or editorial.
    ///
    /// Material changes are those people must be told about before they take effect: a new
    /// purpose, a new or changed lawful basis, new kinds of data, new sources or recipients,
    /// new transfers or data now leaving the UK, longer (or changed) retention, new
    /// automated decisions, removed safeguards. Everything else (wording, contact details,
    /// dates, removals) is editorial.
    ///
    /// Compare two files, or one file at two git revisions (--from REV, and --to REV or the
    /// file as it is now). Exit status: 0, or 1 with --fail-on when such a change is found;
    /// 2 when the comparison cannot be made (a file or revision that cannot be read, or a
    /// notice that cannot be understood).
    #[command(
        override_usage = "notice diff [OPTIONS] <OLD> <NEW>\n       notice diff [OPTIONS] <FILE> --from <REV> [--to <REV>]",
        after_help = "Examples:\n  notice diff notices/kent-2018.yaml notices/kent-2021.yaml\n  notice diff notices/kent.yaml --from HEAD~1           since the last commit\n  notice diff notices/kent.yaml --from main --to HEAD --format markdown\n  notice diff notices/kent.yaml --from origin/main --fail-on material   in CI\n  notice diff notices/kent.yaml --from v1 --changelog --date 2026-06-19\n  notice diff notices/office.yaml --from HEAD~1         every notice that extends it"
    )]
    Diff(DiffArgs),
    /// Print a shell completion script.
    ///
    /// Save it where your shell looks for completions, or load it from your shell's start-up
    /// file.
    #[command(
        after_help = "Examples:\n  notice completions bash > ~/.local/share/bash-completion/completions/notice\n  notice completions zsh > ~/.zfunc/_notice        (with fpath+=~/.zfunc)\n  notice completions fish > ~/.config/fish/completions/notice.fish\n  notice completions powershell >> $PROFILE"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  notice man | man -l -\n  notice man > /usr/local/share/man/man1/notice.1\n  notice man --out man/          notice.1, notice-check.1, notice-diff.1 …"
    )]
    Man {
        /// Write notice.1 and a page per command into this folder instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// Options shared by `check` and `build`.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Notice files, or folders to search for *.yaml and *.yml files.
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,
    /// Apply the law as it stands on this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<notice::model::Date>,
}

/// `notice check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
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
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The folder to write into; each notice goes in its own subfolder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The formats to write, comma-separated, or `all` (the list is filled in from the format
    /// registry: see `Cli::command_with_formats`).
    #[arg(long, value_name = "LIST", value_parser = parse_formats, default_value_t = FormatList(Format::defaults()))]
    pub format: FormatList,
    /// Refuse to render a notice that has error-level findings.
    #[arg(long)]
    pub strict: bool,
    /// Also write a review copy, `<stem>-review.html`: each passage marked as the office's
    /// own words (YAML path and line) or as written by `notice` (the law and the fields it
    /// follows from), with every finding beside its passage. Not for publishing.
    #[arg(long)]
    pub review: bool,
    /// Body text size of the large-print PDF and Word file (`pdf`, `docx-large`), in points.
    #[arg(long, default_value = "18", value_parser = ["18", "20", "24"])]
    pub font_size: String,
    /// Braille grade for `--format brf`: 2 (contracted, the usual reading code) or 1
    /// (uncontracted, for learners and readers who ask for it).
    #[arg(long, default_value = "2", value_parser = ["1", "2"])]
    pub braille_grade: String,
    /// A folder of templates overriding the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Keep running, and build again whenever a notice or a template changes (Ctrl-C
    /// stops). Reload the page in the browser to see the new build.
    #[arg(long)]
    pub watch: bool,
    /// Stop watching after this many builds (for tests).
    #[arg(long, hide = true, requires = "watch", value_name = "N")]
    pub watch_builds: Option<usize>,
}

/// `notice init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
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

/// `notice diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The old version; with --from, the notice file to compare across git revisions. A
    /// shared office file compares every notice that extends it; a folder, every notice
    /// in it.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new version (not with --from).
    #[arg(
        value_name = "NEW",
        required_unless_present = "from",
        conflicts_with = "from"
    )]
    pub new: Option<PathBuf>,
    /// Compare the file as it was at this git revision (HEAD~1, main, a tag, a commit).
    #[arg(long, value_name = "REV")]
    pub from: Option<String>,
    /// ... with the file at this revision; default the file as it is now.
    #[arg(long, value_name = "REV", requires = "from")]
    pub to: Option<String>,
    /// How to print the changes.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 if any change of this kind is found (for CI).
    #[arg(long, value_enum, value_name = "KIND")]
    pub fail_on: Option<FailOn>,
    /// Print only a `notice.changes` entry to paste into the new version.
    #[arg(long)]
    pub changelog: bool,
    /// The date of the --changelog entry (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "changelog")]
    pub date: Option<notice::model::Date>,
}

/// How `diff` prints changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// For people.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// One JSON object.
    Json,
}

/// What makes `diff --fail-on` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// A change people must be told about before it takes effect.
    Material,
    /// Any change at all.
    Any,
}

/// How `check` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// For people: the source line with a caret, like a compiler.
    Human,
    /// One JSON object with every finding.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations on pull requests.
    Github,
    /// A Markdown table of every finding, for a CI job summary.
    Markdown,
}

/// The formats `build` writes: names from the format registry (`notice::render::format`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatList(pub Vec<Format>);

impl std::fmt::Display for FormatList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.0.iter().map(|x| x.name()).collect();
        f.write_str(&names.join(","))
    }
}

fn parse_formats(s: &str) -> Result<FormatList, String> {
    notice::render::format::parse_list(s).map(FormatList)
}

/// Any text, so that `notice explain` can answer an unknown rule with a suggestion; the
/// rule ids and names are offered as possible values so shells complete them.
#[derive(Debug, Clone, Copy)]
struct RuleParser;

impl clap::builder::TypedValueParser for RuleParser {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_owned)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let rules = notice::registry::ALL;
        let ids = rules
            .iter()
            .map(|r| clap::builder::PossibleValue::new(r.id).help(r.summary));
        let names = rules
            .iter()
            .map(|r| clap::builder::PossibleValue::new(r.name).help(r.summary));
        Some(Box::new(ids.chain(names)))
    }
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

    #[test]
    fn cli_is_well_formed() {
        Cli::command_with_formats().debug_assert();
    }
}
