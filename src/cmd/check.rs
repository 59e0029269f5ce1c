//! `notice check`: parse, lower and run the rules; print the findings; render nothing.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};

use super::{Outcome, collect_inputs};
use crate::cli::{CheckArgs, OutputFormat};
use notice::diag::{FileReport, Severity, emit};
use notice::model::Date;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

/// Check every input and report. A file that cannot be read (missing, not UTF-8, over
/// the size limit) is reported on stderr and the others are still checked; the command
/// then exits 2, because it could not check everything it was asked to.
pub(crate) fn run(args: &CheckArgs) -> Result<Outcome> {
    let files = collect_inputs(&args.input.paths)?;
    let opts = CheckOptions {
        as_of: args.input.as_of.unwrap_or_else(Date::today),
    };
    let mut checked = Vec::new();
    let mut unreadable = 0;
    for path in files {
        let source = match SourceFile::read(&path) {
            Ok(source) => source,
            Err(e) => {
                eprintln!("error: {e}");
                unreadable += 1;
                continue;
            }
        };
        let result = notice::check(&source, &opts);
        checked.push((source, result));
    }
    // Layered notices are judged as sets (src/rules/set.rs).
    notice::check_set(&mut checked, &opts);
    let reports: Vec<FileReport> = checked
        .into_iter()
        .map(|(source, c)| FileReport {
            source,
            diagnostics: c.diagnostics,
        })
        .collect();
    let text = match args.format {
        OutputFormat::Human => emit::human(&reports, color_wanted()),
        OutputFormat::Json => emit::json(&reports),
        OutputFormat::Sarif => {
            let base = std::env::current_dir().context("cannot read the current folder")?;
            emit::sarif(&reports, &base)
        }
        OutputFormat::Github => emit::github(&reports),
        OutputFormat::Markdown => emit::markdown(&reports),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = reports.iter().map(|r| r.count(Severity::Warning)).sum();
    Ok(if unreadable > 0 {
        Outcome::Unreadable
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Colour when writing to a terminal, unless NO_COLOR is set.
pub(crate) fn color_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
