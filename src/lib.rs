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
pub mod parse;
pub mod registry;
pub mod render;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod synth;
pub mod templates;
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
    /// errors), in which case `diagnostics` says why.
    pub notice: Option<Notice>,
    /// Every finding, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Judge sources checked together (a folder, or several files) as [`rules::set`] says:
/// layers named but missing, and layered notices' disclosures over their whole set.
/// Call it after [`check`] on each source.
pub fn check_set(items: &mut [(SourceFile, Checked)], opts: &CheckOptions) {
    let mut members: Vec<rules::set::Member<'_>> = items
        .iter_mut()
        .map(|(source, checked)| rules::set::Member {
            path: &source.path,
            notice: checked.notice.as_ref(),
            diagnostics: &mut checked.diagnostics,
        })
        .collect();
    rules::set::check(&mut members, opts);
}

/// Parse, lower and run every rule over one source.
pub fn check(src: &SourceFile, opts: &CheckOptions) -> Checked {
    let file = match parse::parse(src) {
        Ok(f) => f,
        Err(diagnostics) => {
            return Checked {
                notice: None,
                diagnostics,
            };
        }
    };
    let placeholders = rules::text::check_source(src);
    let mut checked = match model::lower(file, src) {
        Ok(notice) => {
            let diagnostics = rules::check(&notice, opts);
            Checked {
                notice: Some(notice),
                diagnostics,
            }
        }
        Err(diagnostics) => Checked {
            notice: None,
            diagnostics,
        },
    };
    if !placeholders.is_empty() {
        checked.diagnostics.extend(placeholders);
        diag::sort(&mut checked.diagnostics);
    }
    checked
}
