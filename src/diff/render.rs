//! A comparison printed for people (text), for pull requests (Markdown), for programs
//! (JSON), and as a change-log entry to paste into `notice.changes`.

use serde_json::json;

use super::report::and_list;
use super::{Area, Change, Class, Comparison};
use crate::model::Date;
use crate::words::upper_first;

/// Lines of text output are wrapped to this many characters.
const WIDTH: usize = 88;

/// What each class means, in a line.
fn meaning(class: Class) -> &'static str {
    match class {
        Class::Material => "Tell people about these before they take effect.",
        Class::Editorial => {
            "Wording, contact details, dates and removals: no need to tell people first."
        }
    }
}

fn count_words(n: usize, what: &str) -> String {
    match n {
        0 => format!("no {what}s"),
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

fn class_title(class: Class) -> &'static str {
    match class {
        Class::Material => "Material changes",
        Class::Editorial => "Editorial changes",
    }
}

/// The changes of one class, grouped by area in the order the notice reads.
fn grouped(c: &Comparison, class: Class) -> Vec<(Area, Vec<&Change>)> {
    let mut groups: Vec<(Area, Vec<&Change>)> = Vec::new();
    for ch in c.changes.iter().filter(|ch| ch.class == class) {
        match groups.last_mut() {
            Some((area, list)) if *area == ch.area => list.push(ch),
            _ => groups.push((ch.area, vec![ch])),
        }
    }
    groups
}

/// Wrap `text` to [`WIDTH`], the first line after `first`, the others after `rest`.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// For people at a terminal.
pub fn text(c: &Comparison) -> String {
    let mut out = wrap(
        &format!("Changes from {} to {}", c.old.file, c.new.file),
        "",
        "  ",
    );
    for class in [Class::Material, Class::Editorial] {
        out.push('\n');
        let n = c.count(class);
        if n == 0 {
            out.push_str(&format!("{}: none.\n", class_title(class)));
            continue;
        }
        out.push_str(&wrap(
            &format!("{}: {n}. {}", class_title(class), meaning(class)),
            "",
            "",
        ));
        for (area, changes) in grouped(c, class) {
            out.push('\n');
            out.push_str(area.heading());
            out.push('\n');
            for ch in changes {
                out.push_str(&wrap(&ch.summary, "  - ", "    "));
            }
        }
    }
    out.push_str(&format!(
        "\nIn all: {} and {}.\n",
        count_words(c.count(Class::Material), "material change"),
        count_words(c.count(Class::Editorial), "editorial change")
    ));
    out
}

/// Escape text for Markdown, so names and quoted wording print as written.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn code(s: &str) -> String {
    format!("`{}`", s.replace('`', "'"))
}

/// For a pull-request comment or a review note.
pub fn markdown(c: &Comparison) -> String {
    let mut out = format!(
        "### Changes to the privacy notice\n\n{} → {}\n",
        code(&c.old.file),
        code(&c.new.file)
    );
    for class in [Class::Material, Class::Editorial] {
        let n = c.count(class);
        out.push('\n');
        if n == 0 {
            out.push_str(&format!("**{}: none.**\n", class_title(class)));
            continue;
        }
        out.push_str(&format!(
            "**{}: {n}.** {}\n",
            class_title(class),
            meaning(class)
        ));
        let folded = class == Class::Editorial;
        if folded {
            out.push_str(&format!(
                "\n<details>\n<summary>The {n} editorial change{}</summary>\n",
                if n == 1 { "" } else { "s" }
            ));
        }
        for (area, changes) in grouped(c, class) {
            out.push_str(&format!("\n#### {}\n\n", area.heading()));
            for ch in changes {
                out.push_str(&format!("- {}\n", md(&ch.summary)));
            }
        }
        if folded {
            out.push_str("\n</details>\n");
        }
    }
    out
}

/// One JSON object: both versions, the counts, and every change.
pub fn json(c: &Comparison) -> String {
    let changes: Vec<serde_json::Value> = c
        .changes
        .iter()
        .map(|ch| {
            json!({
                "class": ch.class,
                "area": ch.area,
                "heading": ch.area.heading(),
                "path": ch.path,
                "summary": ch.summary,
            })
        })
        .collect();
    let doc = json!({
        "old": c.old,
        "new": c.new,
        "material": c.count(Class::Material),
        "editorial": c.count(Class::Editorial),
        "changes": changes,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    s.push('\n');
    s
}

/// A few words for an area, for a change-log summary of editorial changes.
fn topic(a: Area) -> &'static str {
    match a {
        Area::Notice => "notice details",
        Area::Controller => "who we are",
        Area::Contacts => "contact details",
        Area::JointControllers => "joint controllers",
        Area::DataCategories => "descriptions of the data",
        Area::Sources => "sources",
        Area::Recipients => "recipients",
        Area::Purposes => "purposes",
        Area::Transfers => "transfers",
        Area::Retention => "retention",
        Area::AutomatedDecisions => "automated decisions",
        Area::ProvisionRequirement => "whether you must give your data",
        Area::Rights => "your rights",
        Area::Complaints => "complaints",
        Area::PolicyDocument => "the appropriate policy document",
        Area::Sections => "other sections",
    }
}

/// The change-log summary: the material changes, briefly; or what the editorial changes
/// touched.
pub fn changelog_summary(c: &Comparison) -> (&'static str, String) {
    let briefs: Vec<&str> = c
        .changes
        .iter()
        .filter(|ch| ch.class == Class::Material)
        .map(|ch| ch.brief.as_deref().unwrap_or(ch.summary.as_str()))
        .collect();
    if !briefs.is_empty() {
        return ("major", format!("{}.", upper_first(&briefs.join("; "))));
    }
    let mut topics: Vec<String> = Vec::new();
    for ch in &c.changes {
        let t = topic(ch.area).to_owned();
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    if topics.is_empty() {
        return ("no change", "Reviewed; no changes.".to_owned());
    }
    (
        "minor",
        format!(
            "Editorial changes only ({}); no change to how personal data is used.",
            and_list(&topics)
        ),
    )
}

/// A `notice.changes` entry to paste in, dated `date`.
pub fn changelog(c: &Comparison, date: Date) -> String {
    let (kind, summary) = changelog_summary(c);
    let mut out = format!(
        "# Paste under `changes:` in the `notice:` block of {} (newest last).\n",
        c.new.file
    );
    out.push_str(&format!("    - date: \"{date}\"\n"));
    out.push_str(&format!("      kind: {kind}\n"));
    out.push_str("      summary: >-\n");
    out.push_str(&wrap(&summary, "        ", "        "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole() {
        let long = "word ".repeat(40);
        for line in wrap(&long, "  - ", "    ").lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
    }

    #[test]
    fn markdown_escapes_what_it_quotes() {
        assert_eq!(md("a *b* <c> [d]"), r"a \*b\* \<c\> \[d\]");
    }
}
