//! Small helpers on the English that `notice` writes.

/// `s` with its first character in upper case ("you can" → "You can"), the rest as it is.
/// The private-use marks that open an office's value or `notice`'s own wording (see
/// `templates::OFFICE_MARKS`) are passed over; anything else is the first character, so a
/// sentence starting with a quoted id (`` `remit` ``) is left alone.
pub fn upper_first(s: &str) -> String {
    let is_mark = |c: char| ('\u{E000}'..='\u{F8FF}').contains(&c);
    match s.char_indices().find(|&(_, c)| !is_mark(c)) {
        Some((i, c)) if c.is_lowercase() => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push_str(&s[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&s[i + c.len_utf8()..]);
            out
        }
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(upper_first("you can ask the UK"), "You can ask the UK");
        assert_eq!(upper_first("You can"), "You can");
        assert_eq!(upper_first("ìndex"), "Ìndex");
        assert_eq!(
            upper_first("\u{E000}six years\u{E001}"),
            "\u{E000}Six years\u{E001}"
        );
        assert_eq!(
            upper_first("\u{E002}\u{E000}a\u{E001}"),
            "\u{E002}\u{E000}A\u{E001}"
        );
        assert_eq!(upper_first("`remit` has no basis"), "`remit` has no basis");
        assert_eq!(upper_first("6 years"), "6 years");
        assert_eq!(upper_first(""), "");
        assert_eq!(upper_first("\u{E000}\u{E001}"), "\u{E000}\u{E001}");
    }
}
