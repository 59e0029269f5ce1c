//! `notice init`: a starter notice to fill in, or the built-in templates to customise.

use anyhow::{Context, Result, bail};

use super::Outcome;
use crate::cli::InitArgs;
use notice::model::Date;

/// The starter notice, with `{{today}}` and `{{next_year}}` to fill in.
const STARTER: &str = include_str!("../../assets/starter.yaml");

/// The starter notice dated `today`.
pub(crate) fn starter(today: Date) -> String {
    let next = Date::ymd(
        today.year + 1,
        today.month.unwrap_or(1),
        today.day.unwrap_or(1).min(28),
    );
    STARTER
        .replace("{{today}}", &today.to_string())
        .replace("{{next_year}}", &next.to_string())
}

/// Run `notice init`.
pub(crate) fn run(args: &InitArgs) -> Result<Outcome> {
    if let Some(dir) = &args.templates {
        let written = notice::templates::copy_defaults(dir, args.force)?;
        for p in written {
            println!("wrote {}", p.display());
        }
        println!(
            "Edit these files, then build with `notice build --templates {}`.",
            dir.display()
        );
        return Ok(Outcome::Clean);
    }
    let path = &args.path;
    if path.exists() && !args.force {
        bail!(
            "`{}` already exists; use --force to overwrite it",
            path.display()
        );
    }
    notice::write::write_atomic(path, starter(Date::today()).as_bytes())
        .with_context(|| format!("cannot write the starter notice to `{}`", path.display()))?;
    println!("wrote {}", path.display());
    println!(
        "Fill in each TODO, then run `notice check {}` until it reports nothing.",
        path.display()
    );
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notice::rules::CheckOptions;
    use notice::source::SourceFile;

    #[test]
    fn starter_parses_and_flags_every_placeholder() {
        let today = Date::ymd(2026, 11, 25);
        let src = SourceFile::from_text("notice.yaml", starter(today));
        let checked = notice::check(&src, &CheckOptions { as_of: today });
        assert!(checked.notice.is_some(), "{:#?}", checked.diagnostics);
        let placeholders = checked
            .diagnostics
            .iter()
            .filter(|d| d.rule == "PN012")
            .count();
        let todo_lines = src
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && l.to_ascii_lowercase().contains("todo"))
            .count();
        assert_eq!(placeholders, todo_lines);
        let others: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.rule != "PN012")
            .collect();
        assert!(
            others.is_empty(),
            "the starter should only lack its placeholders: {others:#?}"
        );
    }
}
