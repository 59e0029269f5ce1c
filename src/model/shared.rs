//! Shared office files: the office-wide blocks many notices take from one file, and how
//! they merge into a notice.
//!
//! An office publishes several notices (the main one, complaints, staff, CCTV) that all
//! name the same controller, DPO, complaint routes and rights contact. A notice that
//! starts `extends: office.yaml` takes those blocks from an [`OfficeFile`]. The rules are
//! deliberately few, so a reader can tell where every fact comes from:
//!
//! - **One level.** A notice extends at most one office file; an office file extends
//!   nothing. No chains, so no cycles.
//! - **Blocks are replaced whole.** A block the notice writes itself (`dpo`, `rights`,
//!   `complaints`, `retention`, `representative`, `appropriate_policy_document`,
//!   `notice.alternative_formats`) replaces the office's block entirely; fields are never
//!   mixed from two files. The exception is `controller`: every notice of an office has the
//!   same controller, so writing it in both files is a conflict (PN014), not an override.
//! - **Lists are appended.** `joint_controllers`, `data_categories`, `sources`,
//!   `recipients` and `sections` are the office's entries followed by the notice's own.
//!   Ids must be unique across both files (PN007, naming both places). An empty list means
//!   "none" (`recipients: []`: shared with no one), so an empty list on one side and
//!   entries on the other is a conflict (PN014). Of the office's `data_categories` and
//!   `sources`, a notice keeps only those it refers to (a vocabulary, not a claim).
//!
//! Every merged value keeps its span, whose [`FileId`](crate::source::FileId) says which
//! file it was written in, so findings about office facts are reported in the office file.

use schemars::JsonSchema;
use serde::Deserialize;

use super::schema::*;
use super::walk::HasId;
use crate::diag::Diagnostic;
use crate::registry;
use crate::source::{FileId, Sp, Span};

/// The design of shared office files, as `docs/schema.md` explains it.
pub const DESIGN: &str = r#"
## Shared office files

An office publishes several notices (the main one, complaints, staff, CCTV) that repeat the
same controller, DPO, rights and complaint routes. Write those once in a **shared office
file** and start each notice with `extends:`:

```yaml
# notices/office.yaml
# yaml-language-server: $schema=../docs/office.schema.json
office:
  name: Kent Police
controller:
  name: The Chief Constable of Kent Police
  contact: { email: info@kent.police.uk }
dpo:
  contact: { email: dpo@kent.police.uk }

# notices/cctv.yaml
# yaml-language-server: $schema=../docs/notice.schema.json
extends: office.yaml
notice:
  title: CCTV privacy notice
purposes: [...]
```

**Why this design.** The office file is told from a notice by its own text: it has a
top-level `office:` block, which a notice never has, so `notice check` and `notice build`
on a folder class each file without reading any other, check an office file as a *part*
(its values, ids and wording, not the disclosures only a whole notice makes) and never
build it into outputs of its own. It has its own strict format (`notice schema --office`,
`docs/office.schema.json`) listing only the blocks it may hold, so a misspelt or
misplaced key is an error with a suggestion, as in a notice. The notice names its office
file (rather than the office listing its notices) so that a notice read on its own says
where its facts come from, and the merge is done before anything else looks at the notice:
the rules, the outputs and `notice diff` see one notice, and every value keeps the file
and line it was written on, so a finding about a shared fact points into the office file
(reported once, naming the notices it was found for).

**The rules.**

- **One level.** `extends` is a path relative to the notice's folder (`office.yaml`,
  `../office.yaml`), ending `.yaml` or `.yml`; never an absolute path or a web address,
  so a notice builds the same on every computer. It must name a shared office file, not a
  notice. An office file extends nothing: no chains, so no cycles. Each of these is PN013.
- **Blocks are replaced whole.** A notice that writes `dpo`, `representative`,
  `retention`, `rights`, `complaints`, `appropriate_policy_document` or
  `notice.alternative_formats` itself uses its own block instead of the office's, entirely:
  fields are never mixed from two files, so what a reader sees in the notice's block is
  all there is. `controller` is the exception: every notice of an office has the office's
  controller, so a notice that writes one too is a conflict (PN014), not an override.
- **Lists are appended.** `joint_controllers`, `data_categories`, `sources`, `recipients`
  and `sections` are the office's entries followed by the notice's own, and a notice's
  purposes may refer to either. Ids must be unique across both files: an id in both is
  PN007, reported at the notice's entry and naming the office file and line. An empty
  list means "none" (`recipients: []`: shared with no one), so an empty list in one file
  and entries in the other is a conflict (PN014).
- **Kinds of data and sources are a vocabulary.** Of the office's `data_categories` and
  `sources`, a notice carries only those it refers to (by id, under a `data_categories` or
  `sources` field, and the kinds of data of the office sources it carries): a CCTV notice
  does not claim the criminal offence data the complaints notice uses. Recipients, joint
  controllers and sections are office-wide: every notice carries all of them.
- **What stays in the notice.** `notice` (except `alternative_formats`), `purposes`,
  `transfers`, `automated_decision_making` and `provision_requirement` describe one
  notice's processing and are not shared.
- An office file's references (a source's `data_categories`) must resolve within the
  office file, since it is checked on its own too.
"#;

/// A shared office file: the blocks every notice of an office has in common.
///
/// It is told from a notice by its `office:` block, which a notice never has.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeFile {
    /// Marks this file as a shared office file (not a notice of its own) and names the
    /// office.
    pub office: Sp<OfficeMeta>,
    /// The controller; every notice that extends this file has it, and may not write its
    /// own.
    pub controller: Option<Sp<Controller>>,
    /// The data protection officer; a notice's own `dpo` replaces it.
    pub dpo: Option<Sp<Dpo>>,
    /// The UK representative; a notice's own `representative` replaces it.
    pub representative: Option<Sp<Representative>>,
    /// Joint controllers every notice names; a notice's own are added after them.
    #[serde(default)]
    pub joint_controllers: Vec<Sp<JointController>>,
    /// Kinds of data every notice may refer to; a notice's own are added after them.
    #[serde(default)]
    pub data_categories: Vec<Sp<DataCategory>>,
    /// Sources every notice may refer to; a notice's own are added after them.
    pub sources: Option<Sp<Vec<Sp<Source>>>>,
    /// Recipients every notice may refer to; a notice's own are added after them.
    pub recipients: Option<Sp<Vec<Sp<Recipient>>>>,
    /// The retention policy and rules; a notice's own `retention` replaces it.
    pub retention: Option<Sp<Retention>>,
    /// How people exercise their rights; a notice's own `rights` replaces it.
    pub rights: Option<Sp<Rights>>,
    /// How to complain; a notice's own `complaints` replaces it.
    pub complaints: Option<Sp<Complaints>>,
    /// The appropriate policy document; a notice's own replaces it.
    pub appropriate_policy_document: Option<Sp<PolicyDocument>>,
    /// How to get a notice in another format (a notice's `notice.alternative_formats`);
    /// a notice's own replaces it.
    pub alternative_formats: Option<Sp<AlternativeFormats>>,
    /// Sections every notice carries (cookies, security); a notice's own are added after
    /// them.
    #[serde(default)]
    pub sections: Vec<Sp<ExtraSection>>,
}

/// About the office file itself.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeMeta {
    /// The office's name, for people reading the file, e.g. `Kent Police`. Notices print
    /// the controller's name, not this.
    pub name: Sp<String>,
}

/// The office file on its own, as a notice holding only its blocks: what `notice check`
/// looks at when given the office file itself (its values, ids and wording, not the
/// disclosures a notice must make).
pub fn alone(office: OfficeFile) -> NoticeFile {
    merge_with(NoticeFile::default(), office, "", false).unwrap_or_else(|(file, _)| file)
}

/// Merge an office file into a notice that extends it. `office_path` names the office
/// file in messages. On a conflict or an id used in both files, the findings (with the
/// merged notice as far as it goes, for callers that want it).
///
/// The office's `data_categories` and `sources` are the office's vocabulary: a notice
/// carries the entries it refers to (under a `data_categories` or `sources` field anywhere
/// in the notice, and the categories of the office sources it carries), not every entry, so
/// a CCTV notice does not say it holds the criminal offence data the complaints notice
/// uses. An office source list none of whose entries the notice uses is left unsaid, never
/// turned into "none". The office's `recipients`, `joint_controllers` and `sections` are
/// office-wide: every notice carries them (a payroll bureau or IT supplier receives what
/// every notice collects).
#[allow(clippy::result_large_err)]
pub fn merge(
    notice: NoticeFile,
    office: OfficeFile,
    office_path: &str,
) -> Result<NoticeFile, (NoticeFile, Vec<Diagnostic>)> {
    merge_with(notice, office, office_path, true)
}

/// The ids a notice refers to in `list` (`data_categories` or `sources`), anywhere in its
/// own file: every reference written under a field of that name.
fn referenced(file: &NoticeFile, list: &str) -> std::collections::BTreeSet<String> {
    use super::walk::{Class, Leaf, Step};
    let mut used = std::collections::BTreeSet::new();
    super::walk::walk(file, &mut |path, class, leaf| {
        let field = path.iter().rev().find_map(|s| match s {
            Step::Field(f) => Some(*f),
            _ => None,
        });
        if let (Class::Reference, Leaf::Text(t), Some(f)) = (class, leaf, field)
            && f == list
        {
            used.insert(t.value.clone());
        }
    });
    used
}

/// Keep the notice's own entries of a merged list and the office's entries it uses; a list
/// left with none is unsaid, never "none".
fn used_only<T: HasId>(
    list: Option<Sp<Vec<Sp<T>>>>,
    used: &std::collections::BTreeSet<String>,
) -> Option<Sp<Vec<Sp<T>>>> {
    let mut list = list?;
    if list.value.is_empty() {
        // A `[]` is a statement ("none"), kept as written.
        return Some(list);
    }
    list.value
        .retain(|e| e.span.file != FileId::Office || e.id().is_some_and(|id| used.contains(id)));
    (!list.value.is_empty()).then_some(list)
}

#[allow(clippy::result_large_err)]
fn merge_with(
    mut notice: NoticeFile,
    office: OfficeFile,
    office_path: &str,
    prune: bool,
) -> Result<NoticeFile, (NoticeFile, Vec<Diagnostic>)> {
    let OfficeFile {
        office: _,
        controller,
        dpo,
        representative,
        joint_controllers,
        data_categories,
        sources,
        recipients,
        retention,
        rights,
        complaints,
        appropriate_policy_document,
        alternative_formats,
        sections,
    } = office;
    let used = prune.then(|| {
        (
            referenced(&notice, "data_categories"),
            referenced(&notice, "sources"),
        )
    });
    let mut m = Merger {
        office_path,
        diags: Vec::new(),
    };
    notice.controller = m.fixed("controller", controller, notice.controller);
    notice.dpo = replaced(dpo, notice.dpo);
    notice.representative = replaced(representative, notice.representative);
    notice.retention = replaced(retention, notice.retention);
    notice.rights = replaced(rights, notice.rights);
    notice.complaints = replaced(complaints, notice.complaints);
    notice.appropriate_policy_document = replaced(
        appropriate_policy_document,
        notice.appropriate_policy_document,
    );
    if let Some(meta) = &mut notice.notice {
        let own = meta.value.alternative_formats.take();
        meta.value.alternative_formats = replaced(alternative_formats, own);
    }
    notice.joint_controllers = m.append(
        "joint_controllers",
        joint_controllers,
        std::mem::take(&mut notice.joint_controllers),
    );
    notice.data_categories = m.append(
        "data_categories",
        data_categories,
        std::mem::take(&mut notice.data_categories),
    );
    notice.sections = m.append("sections", sections, std::mem::take(&mut notice.sections));
    notice.sources = m.optional_list("sources", sources, notice.sources.take());
    notice.recipients = m.optional_list("recipients", recipients, notice.recipients.take());
    // Conflicts and clashes are found over the whole office file; then the notice keeps the
    // office entries it uses.
    if let Some((mut categories, sources)) = used {
        notice.sources = used_only(notice.sources.take(), &sources);
        for s in notice.sources.iter().flat_map(|l| &l.value) {
            categories.extend(s.data_categories.iter().map(|c| c.value.clone()));
        }
        notice
            .data_categories
            .retain(|c| c.span.file != FileId::Office || categories.contains(&c.id.value));
    }
    if m.diags.is_empty() {
        Ok(notice)
    } else {
        crate::diag::sort(&mut m.diags);
        Err((notice, m.diags))
    }
}

/// The notice's block if it wrote one, else the office's.
fn replaced<T>(office: Option<Sp<T>>, notice: Option<Sp<T>>) -> Option<Sp<T>> {
    notice.or(office)
}

struct Merger<'a> {
    office_path: &'a str,
    diags: Vec<Diagnostic>,
}

impl Merger<'_> {
    /// `in the shared office file `office.yaml` (line 4)`.
    fn there(&self, span: Span) -> String {
        if span.is_known() {
            format!(
                "in the shared office file `{}` (line {})",
                self.office_path, span.line
            )
        } else {
            format!("in the shared office file `{}`", self.office_path)
        }
    }

    /// A block every notice of the office shares and none may write for itself.
    fn fixed<T>(
        &mut self,
        name: &str,
        office: Option<Sp<T>>,
        notice: Option<Sp<T>>,
    ) -> Option<Sp<T>> {
        match (office, notice) {
            (Some(o), Some(n)) => {
                let message = format!(
                    "`{name}` is written both here and {}; a notice takes its {name} from the office file",
                    self.there(o.span)
                );
                self.diags.push(registry::SHARED_CONFLICT.diag(
                    n.span,
                    name,
                    message,
                    Some(format!(
                        "remove `{name}:` from this notice, or remove `extends:` if this notice is for another {name}"
                    )),
                ));
                Some(o)
            }
            (o, n) => o.or(n),
        }
    }

    /// The office's entries, then the notice's; an id in both is reported at the
    /// notice's entry.
    fn append<T: HasId>(
        &mut self,
        list: &str,
        office: Vec<Sp<T>>,
        notice: Vec<Sp<T>>,
    ) -> Vec<Sp<T>> {
        for n in &notice {
            let Some(id) = n.id() else { continue };
            if let Some(o) = office.iter().find(|o| o.id() == Some(id)) {
                let message = format!(
                    "the id `{id}` in `{list}` is also declared {}",
                    self.there(o.span)
                );
                self.diags.push(registry::DUPLICATE_ID.diag(
                    n.span,
                    &format!("{list}[].id"),
                    message,
                    Some(format!(
                        "remove this entry and use the office's `{id}`, or give this one its own id"
                    )),
                ));
            }
        }
        let mut out = office;
        out.extend(notice);
        out
    }

    /// A list where `[]` means "none": appended, but "none" on one side and entries on
    /// the other is a conflict.
    fn optional_list<T: HasId>(
        &mut self,
        list: &str,
        office: Option<Sp<Vec<Sp<T>>>>,
        notice: Option<Sp<Vec<Sp<T>>>>,
    ) -> Option<Sp<Vec<Sp<T>>>> {
        match (office, notice) {
            (Some(o), Some(n)) => {
                if o.value.is_empty() != n.value.is_empty() {
                    let (none_here, message) = if n.value.is_empty() {
                        (
                            true,
                            format!(
                                "this notice says `{list}: []` (none), but the office file lists {} {}",
                                o.value.len(),
                                self.there(o.span)
                            ),
                        )
                    } else {
                        (
                            false,
                            format!(
                                "this notice lists `{list}`, but the office file says `{list}: []` (none) {}",
                                self.there(o.span)
                            ),
                        )
                    };
                    let help = if none_here {
                        format!(
                            "remove `{list}: []` from this notice, or move the office's `{list}` into the notices that have them"
                        )
                    } else {
                        format!("remove `{list}: []` from the office file")
                    };
                    self.diags.push(registry::SHARED_CONFLICT.diag(
                        n.span,
                        list,
                        message,
                        Some(help),
                    ));
                }
                let span = n.span;
                let merged = self.append(list, o.value, n.value);
                Some(Sp {
                    value: merged,
                    span,
                })
            }
            (o, n) => o.or(n),
        }
    }
}
