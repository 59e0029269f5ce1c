//! One text field being linted: find a phrase and report it at its place in the file.

#[allow(unused_imports)]
use super::*;

pub(super) struct Lint<'a> {
    pub(super) n: &'a Notice,
    pub(super) path: &'a str,
    /// The text folded once for matching (see [`fold`]).
    pub(super) lower: &'a Folded,
    pub(super) text: &'a Sp<String>,
    pub(super) out: &'a mut Vec<Diagnostic>,
}

impl Lint<'_> {
    /// Report `rule` at byte range `at` of the text.
    pub(super) fn report(
        &mut self,
        rule: &'static Rule,
        at: std::ops::Range<usize>,
        msg: String,
        help: String,
    ) {
        let at = self.lower.to_orig(at);
        let span = self.locate(at);
        self.out.push(rule.diag(span, self.path, msg, Some(help)));
    }

    /// The words of a folded range as written, with runs of whitespace as one space (a
    /// message quotes a phrase wrapped across lines on one line).
    pub(super) fn shown(&self, at: std::ops::Range<usize>) -> String {
        let r = self.lower.to_orig(at);
        self.text.value[r]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Find where a range of the value stands in the file. Plain and quoted one-line scalars
    /// map directly; for block scalars the matched words are searched for after the value's
    /// start, and failing that the value's own position is used.
    pub(super) fn locate(&self, at: std::ops::Range<usize>) -> crate::source::Span {
        // The file the text was written in: the notice's own, or its office file.
        let src = self.n.source_of(self.text.span);
        let v = &self.text.value;
        let span = self.text.span;
        if !span.is_known() {
            return span;
        }
        let needle = &v[at.clone()];
        let window_end = ceil_char(
            &src.text,
            (span.start + v.len() * 2 + 256).min(src.text.len()),
        );
        let hay = src.text.get(span.start..window_end).unwrap_or("");
        let first_word = needle.split_whitespace().next().unwrap_or(needle);
        // The hit may not be the first time these words appear in the value ("UK GDPR ...
        // the GDPR"): point at the same occurrence in the file.
        let nth = v[..at.start].match_indices(needle).count();
        let found = hay
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .or_else(|| {
                // Folded across lines: find the first word at a plausible place.
                let approx = at.start;
                hay.match_indices(first_word)
                    .map(|(i, _)| i)
                    .min_by_key(|i| i.abs_diff(approx))
            });
        match found {
            Some(i) => src.span_of(
                span.start + i,
                span.start + i + needle.len().min(hay.len() - i),
            ),
            None => span,
        }
    }

    pub(super) fn phrases(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, phrases, false, |_| true, msg);
    }

    /// Like `phrases`, but only where the (lower-case) sentence around the phrase passes
    /// `context`.
    pub(super) fn phrases_where(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        context: impl Fn(&str) -> bool,
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, phrases, false, context, msg);
    }

    /// Like `phrases`, but only at word boundaries (so "eea" does not match "agreeable").
    pub(super) fn words(
        &mut self,
        rule: &'static Rule,
        words: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, words, true, |_| true, msg);
    }

    pub(super) fn find(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        whole_words: bool,
        context: impl Fn(&str) -> bool,
        msg: impl Fn(&str) -> (String, String),
    ) {
        let lower = self.lower;
        let mut hits = Vec::new();
        for p in phrases {
            if !lower.may_contain(p) {
                continue;
            }
            for i in occurrences(lower, p) {
                let end = i + p.len();
                if whole_words && !(boundary_before(lower, i) && boundary_after(lower, end)) {
                    continue;
                }
                if in_address(lower, i) || !context(sentence(lower, i..end)) {
                    continue;
                }
                hits.push(i..end);
            }
        }
        hits.sort_by_key(|r| r.start);
        // Overlapping phrases count once.
        hits.dedup_by(|b, a| b.start < a.end);
        // One report per rule per field: the first hit, with a count of the rest.
        if let Some(first) = hits.first().cloned() {
            let (mut m, h) = msg(&self.shown(first.clone()));
            if hits.len() > 1 {
                m.push_str(&format!(" (and {} more in this field)", hits.len() - 1));
            }
            self.report(rule, first, m, h);
        }
    }

    pub(super) fn unqualified_gdpr(&mut self, welsh: bool) {
        let lower = self.lower;
        // Welsh puts the qualifier after the name: "GDPR y DU" is the UK GDPR, "GDPR yr UE"
        // the EU one.
        if welsh {
            for p in ["gdpr yr ue", "rheoliad cyffredinol ar ddiogelu data yr ue"] {
                if let Some(i) = lower.find(p) {
                    let m = self.shown(i..i + p.len());
                    self.report(
                        &EU_GDPR,
                        i..i + p.len(),
                        format!("\"{m}\" names the EU regulation; the law in the UK is the UK GDPR (GDPR y DU)"),
                        "write \"GDPR y DU\"".into(),
                    );
                    return;
                }
            }
        }
        for p in ["gdpr", "general data protection regulation"] {
            for i in occurrences(lower, p) {
                if !boundary_before(lower, i)
                    || !boundary_after(lower, i + p.len())
                    || in_address(lower, i)
                {
                    continue;
                }
                let before = lower[..i].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
                if before.ends_with("uk") || before.ends_with("u.k.") || before.ends_with("eu") {
                    continue;
                }
                let after = &lower[i + p.len()..];
                if welsh && (after.starts_with(" y du") || after.starts_with(" yr ue")) {
                    continue;
                }
                let m = self.shown(i..i + p.len());
                self.report(
                    &EU_GDPR,
                    i..i + p.len(),
                    format!("\"{m}\" names the EU regulation; the law in the UK is the UK GDPR"),
                    "write \"UK GDPR\"".into(),
                );
                return;
            }
        }
    }

    /// Link text that does not say where the link goes ("click here", "see below"): a
    /// reader listing the links on a page hears only "here, here, here".
    pub(super) fn link_text(&mut self) {
        let lower = self.lower;
        const VAGUE: &[&str] = &[
            "here",
            "click here",
            "click",
            "see below",
            "below",
            "this link",
            "link",
            "read more",
            "more",
            "more information",
            "this page",
        ];
        let mut from = 0;
        while let Some(j) = lower[from..].find("](") {
            let close = from + j;
            from = close + 2;
            let Some(open) = lower[..close].rfind('[') else {
                continue;
            };
            let label = lower[open + 1..close].trim();
            if VAGUE.contains(&label) {
                let m = self.shown(open + 1..close);
                self.report(
                    &LINK_TEXT,
                    open + 1..close,
                    format!("the link text \"{m}\" does not say where the link goes"),
                    "use words that name the page, e.g. \"[our retention schedule](https://…)\""
                        .into(),
                );
                return;
            }
        }
        for (i, _) in lower.match_indices("click here") {
            if in_address(lower, i) {
                continue;
            }
            let m = self.shown(i..i + "click here".len());
            self.report(
                &LINK_TEXT,
                i..i + "click here".len(),
                format!("\"{m}\" does not say where the link goes"),
                "use words that name the page, e.g. \"[our retention schedule](https://…)\"".into(),
            );
            return;
        }
    }

    /// "Email:" or "Telephone:" with nothing after it in free text: a contact route that was
    /// meant to be there and is not.
    pub(super) fn empty_labels(&mut self) {
        let lower = self.lower;
        for label in ["email:", "e mail:", "telephone:", "tel:", "phone:"] {
            for (i, _) in lower.match_indices(label) {
                let end = i + label.len();
                if !boundary_before(lower, i) || in_address(lower, i) {
                    continue;
                }
                let rest = &lower[end..];
                let next = rest.trim_start_matches(' ');
                if next.is_empty() || next.starts_with('\n') {
                    let m = self.shown(i..end);
                    self.report(
                        &CONTACT_ROUTE,
                        i..end,
                        format!("\"{m}\" has nothing after it"),
                        "write the address or number, or remove the label".into(),
                    );
                    return;
                }
            }
        }
    }

    pub(super) fn dpa_without_year(&mut self) {
        let lower = self.lower;
        let p = "data protection act";
        for (i, _) in lower.match_indices(p) {
            let after = lower[i + p.len()..].trim_start();
            if after.starts_with("19") || after.starts_with("20") || in_address(lower, i) {
                continue;
            }
            self.report(
                &DPA_NO_YEAR,
                i..i + p.len(),
                "\"Data Protection Act\" without a year could mean the repealed 1998 Act".into(),
                "write \"the Data Protection Act 2018\"".into(),
            );
            return;
        }
    }

    pub(super) fn unqualified_fee(&mut self) {
        let lower = self.lower;
        for p in [
            "administration fee",
            "administrative fee",
            "fee for subject access",
        ] {
            for (i, _) in lower.match_indices(p) {
                let from = floor_char(lower, i.saturating_sub(250));
                let to = ceil_char(lower, (i + 250).min(lower.len()));
                let near = &lower[from..to];
                if ["manifestly unfounded", "excessive", "further copies"]
                    .iter()
                    .any(|q| near.contains(q))
                    || in_address(lower, i)
                {
                    continue;
                }
                self.report(
                    &FEE_WORDING,
                    i..i + p.len(),
                    format!("\"{}\" is mentioned without the cases in which the law allows a fee", self.shown(i..i + p.len())),
                    "say that requests are free, and that a reasonable fee applies only to manifestly unfounded or excessive requests or further copies".into(),
                );
                return;
            }
        }
    }

    pub(super) fn phone_numbers(&mut self) {
        let text = &self.text.value;
        for (range, digits) in phone_like(text) {
            if let Some(problem) = uk_number_problem(&digits) {
                let shown = text[range.clone()].to_owned();
                let span = self.locate(range);
                self.out.push(PHONE_NUMBER.diag(
                    span,
                    self.path,
                    format!("the telephone number {shown} {problem}"),
                    Some("check the number and write all its digits"),
                ));
            }
        }
    }
}
