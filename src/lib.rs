//! `notice` compiles UK privacy notices.
//!
//! A compliance officer describes an office once, in YAML. `notice` checks that description
//! against UK GDPR Articles 13 and 14 (with Articles 9, 10 and 12 and the Data Protection
//! Act 2018, as amended by the Data (Use and Access) Act 2025), and renders it as accessible
//! HTML, a large-print PDF and plain text.
//!
//! # The pipeline
//!
//! 1. [`source`]: read a file (size limit, UTF-8) and keep its text for diagnostics.
//! 2. [`parse`]: YAML into the input mirror [`model::schema::NoticeFile`], with a line and
//!    column for every node; unknown keys, wrong types and YAML errors become diagnostics.
//!    A notice that `extends` a shared office file gets the office's blocks merged in
//!    ([`office`] reads it, [`model::shared`] merges), each keeping its place in its own
//!    file.
//! 3. [`model`]: the mirror checked into a [`model::Notice`]: ids resolved, dates parsed.
//! 4. [`rules`]: the law as a registry of rules over the notice, producing diagnostics.
//! 5. [`document`]: the notice as one intermediate document, built once.
//! 6. [`render`]: HTML, large-print PDF and plain text, each a pure function of the document.
//! 7. `write`: atomic writes into the output folder.
//!
//! Diagnostics ([`diag`]) travel alongside as values and are printed by emitters.

pub mod diag;
pub mod diff;
pub mod document;
pub mod model;
pub mod office;
pub mod parallel;
pub mod parse;
pub mod registry;
pub mod render;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod synth;
pub mod templates;
pub mod words;
pub mod write;

use diag::Diagnostic;
use model::Notice;
use rules::CheckOptions;
use source::SourceFile;

/// The result of checking one source: the notice, if it could be understood, and every
/// finding about it.
#[derive(Debug)]
pub struct Checked {
    /// The checked notice; `None` when the file could not be understood (YAML or schema
    /// errors), in which case `diagnostics` says why, and for a shared office file.
    pub notice: Option<Notice>,
    /// Every finding, sorted by file (the notice's own first) and position. A finding's
    /// span says which file it is in; [`office::reports`] splits them into one report per
    /// file.
    pub diagnostics: Vec<Diagnostic>,
    /// The shared office file the notice extends (or, for a part, the file itself).
    pub office: Option<SourceFile>,
    /// Whether the source was a shared office file, checked as a part of the notices that
    /// extend it rather than as a notice.
    pub part: bool,
}

/// Judge sources checked together (a folder, or several files) as [`rules::set`] says:
/// layers named but missing, and layered notices' disclosures over their whole set.
/// Call it after [`check`] on each source.
pub fn judge_sets(items: &mut [(SourceFile, Checked)], opts: &CheckOptions) {
    office::judge_layered(
        items
            .iter_mut()
            .map(|(source, checked)| rules::set::Member {
                source,
                notice: checked.notice.as_ref(),
                understood: checked.notice.is_some(),
                diagnostics: &mut checked.diagnostics,
            })
            .collect(),
        opts,
    );
}

/// Parse, lower and run every rule over one source; the office file a notice `extends`
/// is read from disk, relative to the notice. A shared office file is checked as a part.
pub fn check(src: &SourceFile, opts: &CheckOptions) -> Checked {
    office::check_with(src, opts, &mut office::Disk::default())
}
