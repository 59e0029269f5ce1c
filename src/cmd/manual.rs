//! `notice completions` and `notice man`: the command line described for shells and for
//! `man`, generated from the same clap declaration as `--help`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap_complete::Shell;

use super::Outcome;
use crate::cli::Cli;

/// A completion script for `shell`.
pub(crate) fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command_with_formats();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "notice", &mut buf);
    let mut script = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    if shell == Shell::Fish {
        // clap_complete's fish script offers no values for positional arguments; bash and
        // zsh get the rule ids from the argument's possible values.
        for r in notice::registry::ALL {
            for word in [r.id, r.name] {
                script.push_str(&format!(
                    "complete -c notice -n \"__fish_notice_using_subcommand explain\" -f -a \"{word}\" -d '{}'\n",
                    r.summary.replace('\\', "\\\\").replace('\'', "\\'")
                ));
            }
        }
    }
    script
}

/// The date on the manual pages when nothing says otherwise: the day this version was
/// released. Bump it with the version in Cargo.toml.
const RELEASE_DATE: &str = "2026-12-02";

/// The date in `.TH`: from `SOURCE_DATE_EPOCH` (the reproducible-builds convention) when it
/// is set when `notice man` runs or was set when notice was built (the release workflow
/// sets it to the release commit's time), else [`RELEASE_DATE`]. Never the clock, so the
/// pages are the same on every run.
fn page_date() -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .or_else(|| option_env!("SOURCE_DATE_EPOCH").map(str::to_owned));
    epoch
        .and_then(|e| e.trim().parse::<i64>().ok())
        .map_or_else(
            || RELEASE_DATE.to_owned(),
            |secs| notice::model::Date::from_unix_days(secs.div_euclid(86_400)).to_string(),
        )
}

/// `notice man`: one page with every command to standard output, or a page per command
/// into a folder.
pub(crate) fn man(out: Option<&Path>) -> Result<Outcome> {
    let mut cmd = Cli::command_with_formats().disable_help_subcommand(true);
    cmd.build();
    match out {
        None => {
            let page = whole_page(&cmd)?;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&page)
                .and_then(|()| stdout.flush())
                .context("cannot write to standard output")?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
            let mut pages = vec![(cmd.clone(), true)];
            pages.extend(
                cmd.get_subcommands()
                    .filter(|s| !s.is_hide_set())
                    .map(|s| (s.clone(), false)),
            );
            for (c, top) in pages {
                let name = format!("{}.1", c.get_display_name().unwrap_or(c.get_name()));
                let path = dir.join(name);
                notice::write::write_atomic(&path, &page(&c, top)?)
                    .with_context(|| format!("cannot write `{}`", path.display()))?;
                println!("wrote {}", path.display());
            }
        }
    }
    Ok(Outcome::Clean)
}

/// The string definition roff (the crate) puts before every piece it renders.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// The `.TH` line and the string definition every page starts with.
fn header(title: &str) -> String {
    format!(
        ".TH {} 1 \"{}\" \"notice {}\" \"notice manual\"\n{PREAMBLE}",
        title.to_uppercase(),
        page_date(),
        env!("CARGO_PKG_VERSION")
    )
}

/// What clap_mangen renders for one command: NAME, SYNOPSIS, DESCRIPTION, OPTIONS and,
/// for the main command, SUBCOMMANDS (which names the per-command pages).
fn clap_sections(cmd: &clap::Command, name: bool, subcommands: bool) -> Result<String> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut sections = Vec::new();
    if name {
        man.render_name_section(&mut sections)?;
    }
    man.render_synopsis_section(&mut sections)?;
    man.render_description_section(&mut sections)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut sections)?;
    }
    if subcommands && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut sections)?;
    }
    let sections = String::from_utf8(sections).expect("roff output is UTF-8");
    // clap_mangen puts a blank line between two `.br`s before a list of possible values;
    // mandoc warns about both breaks. One `.sp` says the same.
    Ok(sections
        .replace(PREAMBLE, "")
        .replace("\n.br\n\n.br\n", "\n.sp\n"))
}

/// `notice man` to standard output: the main page, with every command's synopsis, options
/// and examples in a COMMANDS section of its own (one page, so it names no other page).
fn whole_page(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut out = header("notice");
    out.push_str(&clap_sections(cmd, true, false)?);
    out.push_str(&examples(cmd));
    out.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_display_name().unwrap_or(sub.get_name());
        out.push_str(&format!(".SS \"{}\"\n", roff_text(&name.replace('-', " "))));
        let body = clap_sections(sub, false, false)?;
        // A command's sections become paragraphs under its heading (the first needs no
        // `.PP`: `.SS` starts a paragraph).
        let mut first = true;
        for line in body.lines() {
            if let Some(heading) = line.strip_prefix(".SH ") {
                let heading = heading.trim_matches('"').to_lowercase();
                let para = if first { "" } else { ".PP\n" };
                first = false;
                out.push_str(&format!(
                    "{para}.B {}{}\n.br\n",
                    heading[..1].to_uppercase(),
                    &heading[1..]
                ));
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&examples_as_paragraph(sub));
    }
    out.push_str(EXIT_STATUS);
    Ok(ascii_roff(&out).into_bytes())
}

/// EXIT STATUS, on the main page.
const EXIT_STATUS: &str = concat!(
    ".SH \"EXIT STATUS\"\n",
    ".TP\n0\nNo errors were found (check), everything was built (build), or no change\n",
    "of the kind named by \\-\\-fail\\-on was found (diff).\n",
    ".TP\n1\nA notice has errors (or warnings, with \\-\\-deny\\-warnings); a notice was\n",
    "refused (build \\-\\-strict); or diff found a change named by \\-\\-fail\\-on.\n",
    ".TP\n2\nThe command could not run: bad arguments, a file or git revision that\n",
    "cannot be read, or a notice that cannot be understood.\n",
);

/// The `--help` examples of a command, as lines.
fn example_lines(cmd: &clap::Command) -> Vec<String> {
    cmd.get_after_help()
        .map(|after| {
            after
                .to_string()
                .lines()
                .filter(|l| l.trim() != "Examples:" && !l.trim().is_empty())
                .map(|l| roff_line(l.trim_start()))
                .collect()
        })
        .unwrap_or_default()
}

/// The EXAMPLES section of a page.
fn examples(cmd: &clap::Command) -> String {
    let lines = example_lines(cmd);
    if lines.is_empty() {
        return String::new();
    }
    format!(".SH EXAMPLES\n.nf\n{}\n.fi\n", lines.join("\n"))
}

/// The examples of a command inside the combined page.
fn examples_as_paragraph(cmd: &clap::Command) -> String {
    let lines = example_lines(cmd);
    if lines.is_empty() {
        return String::new();
    }
    format!(".PP\n.B Examples\n.nf\n{}\n.fi\n", lines.join("\n"))
}

/// Every character outside ASCII written as a groff/mandoc escape (`\[u2026]`): a raw
/// `…` or `–` is an error to `groff -ww` and a warning to `mandoc -Tlint`.
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// Text for a roff request argument: hyphens escaped.
fn roff_text(s: &str) -> String {
    s.replace('\\', "\\e").replace('-', "\\-")
}

/// One manual page: `.TH` first, then clap_mangen's sections, the `--help` examples as
/// EXAMPLES and, on the main page, the exit statuses.
fn page(cmd: &clap::Command, top: bool) -> Result<Vec<u8>> {
    let title = cmd.get_display_name().unwrap_or(cmd.get_name());
    let mut out = header(title);
    out.push_str(&clap_sections(cmd, true, top)?);
    out.push_str(&examples(cmd));
    if top {
        out.push_str(EXIT_STATUS);
    }
    Ok(ascii_roff(&out).into_bytes())
}

/// A line of text for roff's no-fill mode: backslashes and hyphens escaped, and never a
/// leading dot or quote, which roff would read as a request.
fn roff_line(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_lines_are_escaped() {
        assert_eq!(roff_line("notice --help"), "notice \\-\\-help");
        assert_eq!(roff_line(".hidden"), "\\&.hidden");
        assert_eq!(roff_line("a\\b"), "a\\eb");
    }
}
