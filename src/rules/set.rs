//! Notices checked together: layered notices judged as one set.
//!
//! A first-layer notice lists its layers (`notice.layers`), each another notice of the
//! same build or a web page; a purpose may name the page that explains it
//! (`purposes[].page`). When notices are checked together (a folder, or several files),
//! [`check`] does three things after each notice has been checked on its own:
//!
//! 1. every layer and page named as a notice must be one of the notices checked
//!    (`PN020`, with a "did you mean"); a notice checked alone says instead that its
//!    layers were not checked (`PN021`), so it neither passes nor fails silently;
//! 2. the rules the registry marks [`Scope::Set`] (a disclosure the law requires) are
//!    judged over the set: a notice's finding stands only when the notice, with every
//!    block it lacks filled in from the others of its set, still draws it;
//! 3. a missing disclosure the first layer and its layers share is reported once, on the
//!    first layer, naming the layers that lack it too.
//!
//! Rules marked [`Scope::Notice`] (content that is wrong or inconsistent) stay per notice.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::schema::NoticeFile;
use crate::model::walk::FillAbsent;
use crate::model::{Notice, layer_stem};
use crate::registry::{self, Scope};
use crate::source::{SourceFile, Sp};

use super::CheckOptions;

/// One notice of those checked together: its file, the notice if it could be understood,
/// and the findings of checking it on its own, which [`check`] adjusts.
#[derive(Debug)]
pub struct Member<'a> {
    /// The file it was read from; its stem is the name layers use.
    pub source: &'a SourceFile,
    /// The checked notice: `None` when the file could not be understood, or when a caller
    /// short of memory left out a notice that takes no part in a set (one that names no
    /// other notice, see [`names_others`], and that no first layer names as a layer).
    pub notice: Option<&'a Notice>,
    /// Whether the file could be understood (its notice given or not).
    pub understood: bool,
    /// Its findings.
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

/// The name layers and pages use for a notice file: its file name without `.yaml`.
pub fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A notice named by a layer or a purpose's page, with where it is named.
struct Named<'n> {
    stem: &'n str,
    at: &'n Sp<String>,
    path: String,
}

/// Every notice `n` names: as a layer, in a link in its own words, or as a purpose's
/// page.
fn named_notices(n: &Notice) -> Vec<Named<'_>> {
    let mut out = Vec::new();
    if let Some(meta) = &n.file.notice {
        for (i, layer) in meta.layers.iter().enumerate() {
            if let (Some(stem), Some(at)) = (layer_stem(layer), &layer.notice) {
                out.push(Named {
                    stem,
                    at,
                    path: format!("notice.layers[{i}].notice"),
                });
            }
        }
    }
    // Links the office wrote in its own words: `[Complaints](notice:complaints)`.
    for (path, text) in n.texts() {
        let mut rest = text.value.as_str();
        while let Some(at) = rest.find(crate::model::NOTICE_LINK) {
            rest = &rest[at + crate::model::NOTICE_LINK.len()..];
            let end = rest.find([')', ' ', '>', '\n']).unwrap_or(rest.len());
            if rest[..end].is_empty() {
                continue;
            }
            out.push(Named {
                stem: &rest[..end],
                at: text,
                path: path.clone(),
            });
        }
    }
    for (i, p) in n.purposes().iter().enumerate() {
        if let Some(page) = &p.page
            && let (Some(stem), Some(at)) = (layer_stem(page), &page.notice)
        {
            out.push(Named {
                stem,
                at,
                path: format!("purposes[{i}].page.notice"),
            });
        }
    }
    out
}

/// Whether `n` names another notice: as a layer, in a link in its own words, or as a
/// purpose's page. Such a notice is judged with those it names.
pub fn names_others(n: &Notice) -> bool {
    !named_notices(n).is_empty()
}

/// The notices a first layer names as its layers, in order.
pub fn layer_stems(n: &Notice) -> Vec<&str> {
    n.file.notice.as_ref().map_or_else(Vec::new, |m| {
        m.layers.iter().filter_map(|l| layer_stem(l)).collect()
    })
}

/// Judge the notices checked together: see the module documentation. Each member's
/// findings stay sorted.
pub fn check(members: &mut [Member<'_>], opts: &CheckOptions) {
    let stems: Vec<String> = members.iter().map(|m| stem_of(&m.source.path)).collect();
    let understood = members.iter().filter(|m| m.understood).count();
    for (i, m) in members.iter_mut().enumerate() {
        let Some(n) = m.notice else { continue };
        let found = if understood <= 1 {
            not_checked(n)
        } else {
            unknown(n, &stems[i], &stems)
        };
        m.diagnostics.extend(found);
    }
    if understood > 1 {
        for first in 0..members.len() {
            let Some(n) = members[first].notice else {
                continue;
            };
            let mut set = vec![first];
            for stem in layer_stems(n) {
                if let Some(k) = stems.iter().position(|s| s == stem)
                    && members[k].notice.is_some()
                    && !set.contains(&k)
                {
                    set.push(k);
                }
            }
            if set.len() > 1 {
                judge(members, &set, &stems, opts);
            }
        }
    }
    for m in members.iter_mut() {
        crate::diag::sort(m.diagnostics);
    }
}

/// `PN021`: a first layer checked alone, whose layers name notices.
fn not_checked(n: &Notice) -> Vec<Diagnostic> {
    let Some(meta) = &n.file.notice else {
        return Vec::new();
    };
    let names = layer_stems(n);
    if names.is_empty() {
        return Vec::new();
    }
    let first = meta
        .layers
        .iter()
        .find(|l| l.notice.is_some())
        .map_or(meta.span, |l| l.span);
    let (noun, pronoun) = if names.len() == 1 {
        ("layer", "it")
    } else {
        ("layers", "them")
    };
    vec![registry::LAYERS_NOT_CHECKED.diag(
        first,
        "notice.layers",
        format!(
            "this notice was checked without its {noun} {}, so a disclosure made only there is reported here as missing",
            list(&names)
        ),
        Some(format!(
            "check the folder that holds {pronoun} with this notice, or name every file: `notice check {} …`",
            n.source.path.display()
        )),
    )]
}

/// `PN020`: layers and pages naming a notice that is not among those checked.
fn unknown(n: &Notice, own: &str, stems: &[String]) -> Vec<Diagnostic> {
    let others: Vec<&str> = stems
        .iter()
        .map(String::as_str)
        .filter(|s| *s != own)
        .collect();
    let mut out = Vec::new();
    for named in named_notices(n) {
        if named.stem == own {
            out.push(registry::UNKNOWN_LAYER.diag(
                named.at.span,
                &named.path,
                format!("`{}` names this notice itself", named.stem),
                Some("name another notice of the build, or remove the entry"),
            ));
        } else if !others.contains(&named.stem) {
            let help = match crate::suggest::suggest(named.stem, &others) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the notices checked with it are {}; add `{}.yaml` to the folder, or link the page with `url:`",
                    list(&others),
                    named.stem
                ),
            };
            out.push(registry::UNKNOWN_LAYER.diag(
                named.at.span,
                &named.path,
                format!(
                    "`{}` is not one of the notices checked with this one",
                    named.stem
                ),
                Some(help),
            ));
        }
    }
    out
}

/// `a`, `b` and `c`, each in backticks.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Whether a finding's rule is judged over the set.
fn is_set_rule(d: &Diagnostic) -> bool {
    registry::find(d.rule).is_some_and(|r| r.id == d.rule && r.scope == Scope::Set)
}

/// Judge one set: `set[0]` is the first layer, the rest its layers in order.
fn judge(members: &mut [Member<'_>], set: &[usize], stems: &[String], opts: &CheckOptions) {
    // For each member: the set rules its notice still draws with every block it lacks
    // taken from the others (the first layer first, then the layers in order).
    let lacking: Vec<BTreeSet<&'static str>> = set
        .iter()
        .map(|&x| {
            let own = members[x].notice.expect("set members are understood");
            let others = set
                .iter()
                .filter(|&&y| y != x)
                .filter_map(|&y| members[y].notice);
            let merged = filled(own, others);
            super::check(&merged, opts)
                .into_iter()
                .filter(is_set_rule)
                .map(|d| d.rule)
                .collect()
        })
        .collect();
    for (k, &x) in set.iter().enumerate() {
        members[x]
            .diagnostics
            .retain(|d| !is_set_rule(d) || lacking[k].contains(d.rule));
    }
    // Report once: what the first layer lacks, and its layers lack too, on the first
    // layer, naming them.
    let first = set[0];
    let rules: BTreeSet<&'static str> = members[first]
        .diagnostics
        .iter()
        .filter(|d| is_set_rule(d))
        .map(|d| d.rule)
        .collect();
    for rule in rules {
        let also: Vec<usize> = set[1..]
            .iter()
            .enumerate()
            .filter(|(k, _)| lacking[k + 1].contains(rule))
            .map(|(_, &x)| x)
            .collect();
        if also.is_empty() {
            continue;
        }
        let messages: Vec<String> = members[first]
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.message.clone())
            .collect();
        for &x in &also {
            members[x]
                .diagnostics
                .retain(|d| d.rule != rule || !messages.contains(&d.message));
        }
        let names: Vec<&str> = also.iter().map(|&x| stems[x].as_str()).collect();
        let noun = if names.len() == 1 { "layer" } else { "layers" };
        if let Some(d) = members[first]
            .diagnostics
            .iter_mut()
            .find(|d| d.rule == rule)
        {
            d.message = format!(
                "{}; the same is missing from its {noun} {}",
                d.message,
                list(&names)
            );
        }
    }
}

/// `own`, with each top-level block it does not give taken from the first of `others`
/// that gives it. The `notice` block (title, dates, layers) stays the notice's own, but
/// for how to get it in another format.
fn filled<'a>(own: &Notice, others: impl Iterator<Item = &'a Notice>) -> Notice {
    let mut merged = own.clone();
    for other in others {
        fill(&mut merged.file, &other.file);
    }
    merged
}

/// Take each top-level block `into` lacks from `from` (the walk's [`FillAbsent`], generated
/// for every block of the format, so a new top-level block is filled with no line here),
/// and a missing `notice.alternative_formats`; the rest of `notice` and `extends` stay the
/// notice's own.
fn fill(into: &mut NoticeFile, from: &NoticeFile) {
    if let (Some(mine), Some(theirs)) = (&mut into.notice, &from.notice) {
        mine.value
            .alternative_formats
            .fill_absent(&theirs.value.alternative_formats);
    }
    let notice = into.notice.take();
    let extends = into.extends.take();
    into.fill_absent(from);
    into.notice = notice;
    into.extends = extends;
}
