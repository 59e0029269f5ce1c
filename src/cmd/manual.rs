//! `notice completions` and `notice man`: the command line described for shells and for
//! `man`, generated from the same clap declaration as `--help`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap_complete::Shell;

use super::Outcome;
use crate::cli::Cli;

/// A completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command_with_formats();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "notice", &mut buf);
    String::from_utf8(buf).expect("clap_complete writes UTF-8")
}

/// `notice man`: the main page to standard output, or every page into a folder.
pub fn man(out: Option<&Path>) -> Result<Outcome> {
    let mut cmd = Cli::command_with_formats().disable_help_subcommand(true);
    cmd.build();
    match out {
        None => {
            let page = page(&cmd, true)?;
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

/// One manual page: `.TH` first, then clap_mangen's sections, the `--help` examples as
/// EXAMPLES and, on the main page, the exit statuses.
fn page(cmd: &clap::Command, top: bool) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let title = cmd.get_display_name().unwrap_or(cmd.get_name());
    let mut sections = Vec::new();
    man.render_name_section(&mut sections)?;
    man.render_synopsis_section(&mut sections)?;
    man.render_description_section(&mut sections)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut sections)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut sections)?;
    }
    let sections = String::from_utf8(sections).expect("roff output is UTF-8");
    let mut out = format!(
        ".TH {} 1 \"\" \"notice {}\" \"notice manual\"\n{PREAMBLE}",
        title.to_uppercase(),
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(&sections.replace(PREAMBLE, ""));
    if let Some(after) = cmd.get_after_help() {
        let text = after.to_string();
        let examples: Vec<&str> = text
            .lines()
            .filter(|l| l.trim() != "Examples:" && !l.trim().is_empty())
            .collect();
        if !examples.is_empty() {
            out.push_str(".SH EXAMPLES\n.nf\n");
            for line in examples {
                out.push_str(&roff_line(line.trim_start()));
                out.push('\n');
            }
            out.push_str(".fi\n");
        }
    }
    if top {
        out.push_str(concat!(
            ".SH \"EXIT STATUS\"\n",
            ".TP\n0\nNo errors were found (check), everything was built (build), or no change\n",
            "of the kind named by \\-\\-fail\\-on was found (diff).\n",
            ".TP\n1\nA notice has errors (or warnings, with \\-\\-deny\\-warnings); a notice was\n",
            "refused (build \\-\\-strict); or diff found a change named by \\-\\-fail\\-on.\n",
            ".TP\n2\nThe command could not run: bad arguments, a file or git revision that\n",
            "cannot be read, or a notice that cannot be understood.\n",
        ));
    }
    Ok(out.into_bytes())
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
