//! Comparing free text and retention periods, and describing the difference in a few words.

/// Whitespace collapsed: YAML reflowed over different lines is the same text.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters and digits only, lower-case, single-spaced: text that differs only in
/// punctuation, quotation marks or capitals compares equal.
pub fn loose(s: &str) -> String {
    let kept: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    norm(&kept)
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A value quoted for a sentence, clipped to a readable length.
pub fn quote(s: &str) -> String {
    format!("“{}”", clip(&norm(s), 70))
}

/// A name quoted in full (names are short; clipping one would make it ambiguous).
pub fn name(s: &str) -> String {
    format!("“{}”", clip(&norm(s), 120))
}

/// How one text differs from another, in a few words; `None` when they are the same
/// (ignoring how the lines are wrapped).
pub fn describe(old: &str, new: &str) -> Option<String> {
    let (a, b) = (norm(old), norm(new));
    if a == b {
        return None;
    }
    if loose(&a) == loose(&b) {
        return Some("punctuation or capitals changed".to_owned());
    }
    if a.chars().count() <= 60 && b.chars().count() <= 60 {
        return Some(format!("changed from “{a}” to “{b}”"));
    }
    let Some(hunks) = word_hunks(&words(old), &words(new)) else {
        return Some("rewritten".to_owned());
    };
    let mut words = Vec::new();
    let mut punctuation = false;
    for (o, n) in &hunks {
        if loose(o) == loose(n) {
            punctuation = true;
            continue;
        }
        words.push(match (o.is_empty(), n.is_empty()) {
            (true, _) => format!("added “{}”", clip(n, 60)),
            (_, true) => format!("removed “{}”", clip(o, 60)),
            _ => format!("“{}” → “{}”", clip(o, 60), clip(n, 60)),
        });
    }
    const SHOWN: usize = 3;
    let more = words.len().saturating_sub(SHOWN);
    words.truncate(SHOWN);
    let mut out = format!("reworded: {}", words.join("; "));
    if more > 0 {
        out.push_str(&format!(
            "; and {more} more change{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    if punctuation {
        out.push_str(if more > 0 {
            ", and punctuation"
        } else {
            "; and punctuation"
        });
    }
    Some(out)
}

/// The words of a text, without Markdown list markers and heading marks at the start of its
/// lines (so a changed list item reads as its words, not as "- ").
fn words(s: &str) -> String {
    let mut out = Vec::new();
    for line in s.lines() {
        let mut rest = line.trim_start();
        loop {
            let stripped = rest
                .strip_prefix("- ")
                .or_else(|| rest.strip_prefix("* "))
                .or_else(|| rest.strip_prefix("+ "))
                .or_else(|| rest.strip_prefix("> "))
                .or_else(|| {
                    let hashes = rest.len() - rest.trim_start_matches('#').len();
                    (hashes > 0).then(|| rest[hashes..].trim_start())
                })
                .or_else(|| {
                    let digits =
                        rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    (digits > 0)
                        .then(|| rest[digits..].strip_prefix(". "))
                        .flatten()
                });
            match stripped {
                Some(r) => rest = r.trim_start(),
                None => break,
            }
        }
        out.push(rest);
    }
    norm(&out.join(" "))
}

/// One step of a word-level edit script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// The changed stretches between two texts, word by word, as (old words, new words).
/// Stretches separated by at most three unchanged words are joined, so "9:00am - 5:00pm"
/// reads as one change. A short insertion or deletion keeps one unchanged word beside it
/// for context. `None` when the texts are too long to compare word by word.
pub fn word_hunks(old: &str, new: &str) -> Option<Vec<(String, String)>> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ops = edit_script(&a, &b)?;

    // Group the script into hunks of (old range, new range).
    let mut hunks: Vec<(usize, usize, usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut k = 0;
    while k < ops.len() {
        if ops[k] == Op::Same {
            i += 1;
            j += 1;
            k += 1;
            continue;
        }
        let (si, sj) = (i, j);
        while k < ops.len() && ops[k] != Op::Same {
            match ops[k] {
                Op::Removed => i += 1,
                Op::Added => j += 1,
                Op::Same => unreachable!(),
            }
            k += 1;
        }
        // Join with the previous hunk when only a few words lie between, unless that would
        // make it too long to show whole.
        let span = |w: &[&str]| w.iter().map(|x| x.chars().count() + 1).sum::<usize>();
        if let Some(last) = hunks.last_mut()
            && si - last.1 <= 3
            && sj - last.3 <= 3
            && span(&a[last.0..i]) <= 61
            && span(&b[last.2..j]) <= 61
        {
            last.1 = i;
            last.3 = j;
        } else {
            hunks.push((si, i, sj, j));
        }
    }
    Some(
        hunks
            .into_iter()
            .map(|(mut a0, mut a1, mut b0, mut b1)| {
                let short = (a1 - a0) + (b1 - b0) <= 3;
                if short && (a0 == a1 || b0 == b1) {
                    if a0 > 0 && b0 > 0 {
                        a0 -= 1;
                        b0 -= 1;
                    } else if a1 < a.len() && b1 < b.len() {
                        a1 += 1;
                        b1 += 1;
                    }
                }
                (a[a0..a1].join(" "), b[b0..b1].join(" "))
            })
            .collect(),
    )
}

/// A shortest edit script from `a` to `b` (longest common subsequence of words), or `None`
/// when the part that differs is too large to compare cheaply.
fn edit_script(a: &[&str], b: &[&str]) -> Option<Vec<Op>> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (n, m) = (ma.len(), mb.len());
    if n.saturating_mul(m) > 4_000_000 {
        return None;
    }
    // lcs[i][j]: length of the longest common subsequence of ma[i..] and mb[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if ma[i] == mb[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut ops = vec![Op::Same; prefix];
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ma[i] == mb[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]) {
            ops.push(Op::Added);
            j += 1;
        } else {
            ops.push(Op::Removed);
            i += 1;
        }
    }
    // Put removals before additions within each changed stretch, for readable hunks.
    let mut k = prefix;
    while k < ops.len() {
        if ops[k] == Op::Same {
            k += 1;
            continue;
        }
        let start = k;
        while k < ops.len() && ops[k] != Op::Same {
            k += 1;
        }
        ops[start..k].sort_by_key(|op| *op != Op::Removed);
    }
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    Some(ops)
}

/// A retention period read from text: how long, roughly in days, and the rest of the
/// sentence (from when it runs, for which records), loosely normalised.
#[derive(Debug, Clone, PartialEq)]
struct Period {
    days: Option<u64>,
    rest: String,
}

/// Read "6 years after the last entry", "twelve months from closure", "indefinitely".
fn period(text: &str) -> Option<Period> {
    let lower = loose(text);
    let words: Vec<&str> = lower.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if matches!(
            *w,
            "indefinitely" | "permanently" | "forever" | "permanent" | "indefinite"
        ) {
            let rest: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, w)| *w)
                .collect();
            return Some(Period {
                days: None,
                rest: rest.join(" "),
            });
        }
        let Some(n) = number(w) else { continue };
        let Some(unit) = words.get(i + 1) else {
            continue;
        };
        let per = match unit.trim_end_matches('s') {
            "year" => 365,
            "month" => 30,
            "week" => 7,
            "day" => 1,
            _ => continue,
        };
        let rest: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != i && *k != i + 1)
            .map(|(_, w)| *w)
            .collect();
        return Some(Period {
            days: Some(n * per),
            rest: rest.join(" "),
        });
    }
    None
}

fn number(w: &str) -> Option<u64> {
    if let Ok(n) = w.parse::<u64>() {
        return (n <= 1000).then_some(n);
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    match w {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "hundred" => Some(100),
        _ => WORDS.iter().position(|x| *x == w).map(|n| n as u64),
    }
}

/// How a retention period changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChange {
    /// The same period (wording or punctuation aside).
    Same,
    /// Only punctuation or capitals differ.
    Punctuation,
    /// Clearly longer: same records, same starting point, more time (or now indefinite).
    Longer,
    /// Clearly shorter.
    Shorter,
    /// Changed, and the text does not say whether it is longer.
    Unclear,
}

/// Compare two retention periods as written.
pub fn compare_periods(old: &str, new: &str) -> PeriodChange {
    let (a, b) = (norm(old), norm(new));
    if a == b {
        return PeriodChange::Same;
    }
    if loose(&a) == loose(&b) {
        return PeriodChange::Punctuation;
    }
    match (period(&a), period(&b)) {
        (Some(x), Some(y)) if x.rest == y.rest => match (x.days, y.days) {
            (Some(p), Some(q)) if q > p => PeriodChange::Longer,
            (Some(p), Some(q)) if q < p => PeriodChange::Shorter,
            (Some(_), Some(_)) | (None, None) => PeriodChange::Same,
            (Some(_), None) => PeriodChange::Longer,
            (None, Some(_)) => PeriodChange::Shorter,
        },
        _ => PeriodChange::Unclear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_wrapping_are_not_rewording() {
        assert_eq!(describe("a  b\nc", "a b c"), None);
        assert_eq!(
            describe(
                "Information Commissioner's Office",
                "Information Commissioner’s Office"
            ),
            Some("punctuation or capitals changed".into())
        );
    }

    #[test]
    fn short_values_read_from_to() {
        assert_eq!(
            describe("Privacy Notice", "How we handle your personal information").unwrap(),
            "changed from “Privacy Notice” to “How we handle your personal information”"
        );
    }

    #[test]
    fn long_text_lists_the_changed_words() {
        let old = "Please telephone us on 01622 677055 (Monday to Friday, 9:00am - 5:00pm) or write to the Data Protection Officer at the address below, or e-mail us.";
        let new = "Please telephone us on 01622 677055 (Monday to Friday, 9am - 5pm) or write to the Data Protection Officer at the address below.";
        assert_eq!(
            describe(old, new).unwrap(),
            "reworded: “9:00am - 5:00pm)” → “9am - 5pm)”; “below, or e-mail us.” → “below.”"
        );
    }

    #[test]
    fn insertions_keep_a_word_of_context() {
        let hunks = word_hunks(
            "we have updated our Privacy Notice.",
            "we have updated our Privacy Notice below.",
        )
        .unwrap();
        assert_eq!(hunks, vec![("Notice.".into(), "Notice below.".into())]);
    }

    #[test]
    fn periods_compare_by_length_when_the_rest_is_the_same() {
        use PeriodChange::*;
        assert_eq!(
            compare_periods(
                "6 years after the last entry",
                "10 years after the last entry"
            ),
            Longer
        );
        assert_eq!(
            compare_periods("two years from closure", "12 months from closure"),
            Shorter
        );
        assert_eq!(compare_periods("6 years", "six years"), Same);
        assert_eq!(
            compare_periods(
                "6 years after the last entry",
                "6 years after the case closes"
            ),
            Unclear
        );
        assert_eq!(
            compare_periods("As long as needed", "Until it is no longer needed"),
            Unclear
        );
        assert_eq!(compare_periods("7 years", "indefinitely"), Longer);
    }

    #[test]
    fn clip_cuts_at_a_word() {
        assert_eq!(clip("one two three four", 12), "one two…");
        assert_eq!(clip("short", 12), "short");
    }
}
