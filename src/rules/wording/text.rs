//! Matching that survives real typing: folding case, quotes, hyphens and line breaks, and
//! finding sentences, whole words and addresses in folded text.

#[allow(unused_imports)]
use super::*;

/// A text folded for matching, with the way back to the original.
///
/// Real notices are typed, pasted and wrapped: the same phrase arrives in capitals, with
/// curly apostrophes, hyphenated ("UK-GDPR") or broken across lines of a YAML block. The
/// folded text is lower case; curly quotes and apostrophes are straight; a run of
/// whitespace (line breaks, non-breaking spaces) is one space, or a blank line where the run
/// holds one; a hyphen between two letters outside a web or e-mail address is a space; soft
/// hyphens are gone. `orig[i]` is the byte in the original where folded byte `i` came from
/// (`orig[len]` is the original's length), so a match is reported where it was written.
pub(super) struct Folded {
    pub(super) text: String,
    pub(super) orig: Vec<usize>,
    /// Which pairs of adjacent bytes the text holds, hashed into 1,024 bits: a phrase whose
    /// first or last pair is missing cannot be in the text, and most of the lints' phrases
    /// are in none of a notice's texts (see [`Folded::may_contain`]).
    pairs: [u64; 16],
}

impl std::ops::Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

/// The bit of a pair of adjacent bytes in [`Folded::pairs`].
fn pair_bit(a: u8, b: u8) -> usize {
    (usize::from(a) * 31 + usize::from(b)) & 1023
}

impl Folded {
    /// Whether `phrase` may occur in the text: `false` means it certainly does not (its
    /// first or last two bytes are never side by side in the text); `true` means search.
    pub(super) fn may_contain(&self, phrase: &str) -> bool {
        let p = phrase.as_bytes();
        if p.len() < 2 {
            return true;
        }
        let has = |a: u8, b: u8| {
            let bit = pair_bit(a, b);
            self.pairs[bit / 64] & (1 << (bit % 64)) != 0
        };
        has(p[0], p[1]) && has(p[p.len() - 2], p[p.len() - 1])
    }

    /// The original byte range of a folded range.
    pub(super) fn to_orig(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        // Where the next folded character came from is where this range ends.
        self.orig[r.start]..self.orig[r.end]
    }
}

pub(super) fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut orig = Vec::with_capacity(s.len() + 1);
    let mut chars = s.char_indices().peekable();
    let push = |text: &mut String, orig: &mut Vec<usize>, c: char, at: usize| {
        let before = text.len();
        text.push(c);
        orig.extend(std::iter::repeat_n(at, text.len() - before));
    };
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() || (c.is_ascii_punctuation() && c != '-') {
            text.push(c.to_ascii_lowercase());
            orig.push(i);
            continue;
        }
        if c.is_whitespace() {
            let mut newlines = usize::from(c == '\n');
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                newlines += usize::from(d == '\n');
                chars.next();
            }
            if newlines >= 2 {
                push(&mut text, &mut orig, '\n', i);
                push(&mut text, &mut orig, '\n', i);
            } else {
                push(&mut text, &mut orig, ' ', i);
            }
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => {
                push(&mut text, &mut orig, '\'', i);
            }
            '\u{201c}' | '\u{201d}' | '\u{2033}' => push(&mut text, &mut orig, '"', i),
            '\u{00ad}' => {}
            '-' | '\u{2010}' | '\u{2011}' => {
                let prev = s[..i].chars().next_back();
                let next = s[i + c.len_utf8()..].chars().next();
                let between_letters = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if between_letters && !in_address(s, i) {
                    push(&mut text, &mut orig, ' ', i);
                } else {
                    push(&mut text, &mut orig, '-', i);
                }
            }
            c => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => push(&mut text, &mut orig, l, i),
                    _ => push(&mut text, &mut orig, c, i),
                }
            }
        }
    }
    orig.push(s.len());
    let mut pairs = [0u64; 16];
    for w in text.as_bytes().windows(2) {
        let bit = pair_bit(w[0], w[1]);
        pairs[bit / 64] |= 1 << (bit % 64);
    }
    Folded { text, orig, pairs }
}

/// The sentence around a range of `text`: from the previous sentence end to the next one
/// (a full stop, question or exclamation mark followed by a space, or a blank line), at
/// most 300 bytes either side.
pub(super) fn sentence(text: &str, at: std::ops::Range<usize>) -> &str {
    let from = floor_char(text, at.start.saturating_sub(300));
    let to = ceil_char(text, (at.end + 300).min(text.len()));
    let ends = |s: &str, i: usize| {
        let b = s.as_bytes();
        (matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
            || (b[i] == b'\n' && b.get(i + 1) == Some(&b'\n'))
    };
    let start = (from..at.start)
        .rev()
        .find(|&i| ends(text, i))
        .map_or(from, |i| i + 1);
    let end = (at.end..to).find(|&i| ends(text, i)).map_or(to, |i| i + 1);
    &text[floor_char(text, start)..ceil_char(text, end)]
}

/// Whether a (folded) text promises to tell people about changes to the notice or to the
/// use of their data: "if there are important changes … we will contact you", "we will
/// bring it to your attention before we start".
pub(super) fn promises_to_tell_of_changes(text: &str) -> bool {
    let tell = [
        "contact you",
        "tell you",
        "notify you",
        "inform you",
        "let you know",
        "write to you",
        "bring it to your attention",
        "bring this to your attention",
    ];
    tell.iter().any(|t| {
        text.match_indices(t).any(|(i, _)| {
            let s = sentence(text, i..i + t.len());
            (s.contains("we will") || s.contains("we'll") || s.contains("we shall"))
                && ["change", "new use", "new purpose"]
                    .iter()
                    .any(|c| s.contains(c))
        })
    })
}

/// Whether `word` appears in `text` as a whole word.
pub(super) fn has_word(text: &str, word: &str) -> bool {
    occurrences(text, word)
        .any(|i| boundary_before(text, i) && boundary_after(text, i + word.len()))
}

/// Where `phrase` starts in `text`, each occurrence not overlapping the one before, left to
/// right: the positions `str::match_indices` gives. The lints look for hundreds of phrases
/// in every field, most of them short; `match_indices` prepares a searcher for each phrase
/// and field, which cost more than the searching. Here the first byte is found with
/// `memchr` and the rest compared. (The first byte of a phrase starts a character, so
/// every position is on a character boundary.)
pub(super) fn occurrences<'a>(text: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (hay, needle) = (text.as_bytes(), phrase.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let (&first, rest) = needle.split_first()?;
        while from + needle.len() <= hay.len() {
            let last_start = hay.len() - needle.len();
            let i = from + memchr::memchr(first, &hay[from..=last_start])?;
            if hay[i + 1..i + needle.len()] == *rest {
                from = i + needle.len();
                return Some(i);
            }
            from = i + 1;
        }
        None
    })
}

/// Whether byte `i` of `text` is inside a web or e-mail address (`https://ico.org.uk/gdpr`,
/// `gdpr@example.gov.uk`), where words are not prose and must not be linted.
pub(super) fn in_address(text: &str, i: usize) -> bool {
    let delim = |c: char| c.is_whitespace() || "()<>[]\"'".contains(c);
    let start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| delim(c))
        .map_or(0, |(d, c)| d + c.len_utf8());
    let end = text[i..].find(delim).map_or(text.len(), |d| i + d);
    let token = &text[start..end];
    let before = &text[start..i];
    before.contains("://")
        || token.starts_with("www.")
        || token
            .split_once('@')
            .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
}

pub(super) fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub(super) fn boundary_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

pub(super) fn boundary_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}
