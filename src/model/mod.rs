//! The checked notice: the input mirror with its references resolved and its values parsed.
//!
//! [`lower`] takes a parsed [`NoticeFile`] and checks what the YAML grammar cannot: that ids
//! are unique, that every reference names something declared, that dates, e-mail addresses,
//! URLs and language tags are well formed and that no value is left empty. Every problem is
//! reported (not just the first), each at its place in the file. A notice that lowers cleanly
//! is a [`Notice`], which the rules and the document builder read.
//!
//! [`rights`] holds the law's mapping from lawful bases to the rights that follow;
//! [`vocab`] turns the closed vocabularies (bases, conditions, kinds, roles, safeguards,
//! requirements, rights) into codes and words.

pub mod date;
pub mod regulator;
pub mod rights;
pub mod schema;
pub mod schema_doc;
pub mod shared;
pub mod vocab;
pub mod walk;

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::registry;
use crate::source::{SourceFile, Sp, Span};
pub use date::Date;
use schema::*;

/// A notice that has passed the schema checks.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The file it was read from (the wording lints point inside its text).
    pub source: SourceFile,
    /// The shared office file it `extends`, whose blocks are merged into `file` with
    /// spans in [`FileId::Office`](crate::source::FileId::Office).
    pub office: Option<SourceFile>,
    /// The input as written.
    pub file: NoticeFile,
    /// The document language (`en-GB` unless the notice says otherwise).
    pub lang: String,
    /// `notice.published`, parsed.
    pub published: Option<Sp<Date>>,
    /// `notice.last_updated`, parsed.
    pub last_updated: Option<Sp<Date>>,
    /// `notice.next_review`, parsed.
    pub next_review: Option<Sp<Date>>,
    /// `notice.changes[].date`, parsed, in the order written.
    pub change_dates: Vec<Date>,
}

/// An empty list, for absent optional lists.
static NO_PURPOSES: Vec<Sp<Purpose>> = Vec::new();
static NO_SOURCES: Vec<Sp<Source>> = Vec::new();
static NO_RECIPIENTS: Vec<Sp<Recipient>> = Vec::new();

impl Notice {
    /// The file a span points into: the notice's own, or the office file it extends.
    pub fn source_of(&self, span: Span) -> &SourceFile {
        match (span.file, &self.office) {
            (crate::source::FileId::Office, Some(office)) => office,
            _ => &self.source,
        }
    }

    /// The purposes, or none.
    pub fn purposes(&self) -> &[Sp<Purpose>] {
        self.file
            .purposes
            .as_ref()
            .map_or(&NO_PURPOSES, |p| &p.value)
    }

    /// The sources, or none.
    pub fn sources(&self) -> &[Sp<Source>] {
        self.file.sources.as_ref().map_or(&NO_SOURCES, |s| &s.value)
    }

    /// The recipients, or none.
    pub fn recipients(&self) -> &[Sp<Recipient>] {
        self.file
            .recipients
            .as_ref()
            .map_or(&NO_RECIPIENTS, |r| &r.value)
    }

    /// The controller block, if given.
    pub fn controller(&self) -> Option<&Controller> {
        self.file.controller.as_ref().map(|c| &c.value)
    }

    /// Whether the controller says it is a public authority.
    pub fn is_public_authority(&self) -> bool {
        self.controller()
            .and_then(|c| c.public_authority.as_ref())
            .is_some_and(|p| p.value)
    }

    /// The name used for the controller in running text: the short name if given.
    pub fn short_name(&self) -> String {
        self.controller().map_or_else(
            || "we".to_owned(),
            |c| {
                c.short_name
                    .as_ref()
                    .map_or_else(|| c.name.value.clone(), |s| s.value.clone())
            },
        )
    }

    /// A data category by id.
    pub fn category(&self, id: &str) -> Option<&Sp<DataCategory>> {
        self.file.data_categories.iter().find(|c| c.id.value == id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Sp<Source>> {
        self.sources().iter().find(|c| c.id.value == id)
    }

    /// A recipient by id.
    pub fn recipient(&self, id: &str) -> Option<&Sp<Recipient>> {
        self.recipients().iter().find(|c| c.id.value == id)
    }

    /// A retention rule by id.
    pub fn retention_rule(&self, id: &str) -> Option<&Sp<RetentionRule>> {
        self.file
            .retention
            .as_ref()
            .and_then(|r| r.rules.iter().find(|x| x.id.value == id))
    }

    /// Whether any purpose relies on `basis`.
    pub fn uses_basis(&self, basis: LawfulBasis) -> bool {
        self.purposes()
            .iter()
            .any(|p| p.lawful_basis.iter().any(|b| b.value == basis))
    }

    /// The kind of a data category (personal unless declared otherwise).
    pub fn kind_of(category: &DataCategory) -> DataKind {
        category
            .kind
            .as_ref()
            .map_or(DataKind::Personal, |k| k.value)
    }

    /// Whether any data comes from someone other than the person it is about (Art 14).
    /// Data the office creates itself is not obtained from anyone, so it is not counted.
    pub fn has_indirect_sources(&self) -> bool {
        self.sources().iter().any(|s| s.kind.value.is_from_others())
    }

    /// Whether any data is collected from the person it is about (Art 13): given by them,
    /// or recorded by observing them (CCTV, call recordings, website logs).
    pub fn has_direct_sources(&self) -> bool {
        self.sources()
            .iter()
            .any(|s| s.kind.value.is_from_the_person())
    }

    /// Whether data for a purpose may come from the person it is about (Art 13): the purpose
    /// names a source that is the person (`data_subject`, or `observed`), or names no source while the notice has one (or
    /// declares no sources at all, when `check` assumes direct collection).
    pub fn collects_directly(&self, p: &Purpose) -> bool {
        if p.sources.is_empty() {
            return self.has_direct_sources() || self.file.sources.is_none();
        }
        p.sources.iter().any(|id| {
            self.source(&id.value)
                .is_some_and(|s| s.kind.value.is_from_the_person())
        })
    }

    /// Whether the notice says who personal data is shared with: a `recipients` list (empty
    /// for no one), or every purpose saying its data is shared with no one.
    pub fn recipients_answered(&self) -> bool {
        self.file.recipients.is_some()
            || (!self.purposes().is_empty()
                && self.purposes().iter().all(|p| shared_with_no_one(p)))
    }

    /// The contact for exercising rights: `rights.contact`, else the DPO's, else the
    /// controller's.
    pub fn rights_contact(&self) -> Option<&Contact> {
        let rights = self
            .file
            .rights
            .as_ref()
            .and_then(|r| r.contact.as_ref())
            .map(|c| &c.value);
        let dpo = self
            .file
            .dpo
            .as_ref()
            .and_then(|d| d.contact.as_ref())
            .map(|c| &c.value);
        let controller = self
            .controller()
            .and_then(|c| c.contact.as_ref())
            .map(|c| &c.value);
        [rights, dpo, controller]
            .into_iter()
            .flatten()
            .find(|c| has_channel(c))
    }

    /// Every free-text value in the notice with its field path, in file order, for the
    /// wording lints.
    pub fn texts(&self) -> Vec<(String, &Sp<String>)> {
        let mut out = Vec::new();
        walk::walk(&self.file, &mut |path, class, leaf| {
            if let (walk::Class::Prose, walk::Leaf::Text(t)) = (class, leaf) {
                out.push((walk::path_string(path), t));
            }
        });
        out.sort_by_key(|(_, t)| (t.span.start, t.span.line));
        out
    }
}

/// Whether `controller.ico_registration` claims an exemption from the data protection fee
/// (`exempt`) rather than giving a registration number.
pub fn claims_fee_exemption(c: &Controller) -> bool {
    c.ico_registration
        .as_ref()
        .is_some_and(|r| r.value.trim().eq_ignore_ascii_case("exempt"))
}

/// Whether a purpose is marked as using only anonymised information (`anonymised: true`),
/// which is not personal data (UK GDPR Recital 26; DPA 2018 s3(2)-(3)).
pub fn is_anonymised(p: &Purpose) -> bool {
    p.anonymised.as_ref().is_some_and(|a| a.value)
}

/// Whether a recipient's `location` is in the United Kingdom. A location is read as a
/// comma-separated place ("Maidstone, Kent, UK"): it is in the UK when any part of it is the
/// UK or one of its countries. Words in brackets are ignored ("UK (Azure UK South)").
pub fn is_uk(place: &str) -> bool {
    const UK: [&str; 11] = [
        "uk",
        "u.k.",
        "united kingdom",
        "united kingdom of great britain and northern ireland",
        "england",
        "wales",
        "scotland",
        "northern ireland",
        "great britain",
        "britain",
        "gb",
    ];
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in place.to_lowercase().chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain.split([',', ';']).any(|part| {
        let part = part.trim().trim_end_matches('.');
        let part = part.strip_prefix("the ").unwrap_or(part).trim();
        UK.contains(&part) || part.starts_with("united kingdom")
    })
}

/// Whether a purpose says its data is shared with no one (`shared_with_no_one: true`).
pub fn shared_with_no_one(p: &Purpose) -> bool {
    p.shared_with_no_one.as_ref().is_some_and(|b| b.value)
}

/// Whether a purpose says how long its data is kept in its own words or policy, which
/// takes the place of `retention.default` for it.
pub fn has_own_retention(p: &Purpose) -> bool {
    p.retention_statement.is_some() || p.retention_policy.is_some()
}

/// Whether a contact has at least one way to reach someone.
pub fn has_channel(c: &Contact) -> bool {
    !c.address.is_empty()
        || c.email.is_some()
        || c.phone.is_some()
        || c.web.is_some()
        || c.form.is_some()
        || !c.other_phones.is_empty()
}

/// The scheme of a link to another notice of the same build, in the office's Markdown and
/// in the document: `notice:` and that notice's file stem (`notice:complaints`).
pub const NOTICE_LINK: &str = "notice:";

/// The notice a layer or a purpose's page names, as the stem of its file (`complaints`
/// for `complaints`, `complaints.yaml` or `complaints.yml`); `None` for a web page.
pub fn layer_stem(layer: &Layer) -> Option<&str> {
    let name = layer.notice.as_ref()?.value.trim();
    Some(
        name.strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
            .unwrap_or(name),
    )
}

/// Whether `name` can name a notice file of the same build: a file name (ASCII letters and
/// digits, `-`, `_`, `.`), not a path, not starting with a dot, at most 100 characters.
fn is_notice_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Check what the grammar cannot, and make a [`Notice`]; or report every problem found.
pub fn lower(file: NoticeFile, source: &SourceFile) -> Result<Notice, Vec<Diagnostic>> {
    let mut l = Lowerer {
        diags: Vec::new(),
        suggestions_left: MAX_SUGGESTIONS,
    };

    let meta = file.notice.as_ref().map(|m| &m.value);
    let lang = meta
        .and_then(|m| m.language.as_ref())
        .map_or_else(|| "en-GB".to_owned(), |l| l.value.clone());
    if let Some(tag) = meta.and_then(|m| m.language.as_ref())
        && !is_language_tag(&tag.value)
    {
        l.invalid(
            tag.span,
            "notice.language",
            format!("`{}` is not a language tag", tag.value),
            "write a BCP 47 tag such as `en-GB` (English) or `cy` (Welsh)",
        );
    }
    let published = l.date(meta.and_then(|m| m.published.as_ref()), "notice.published");
    let last_updated = l.date(
        meta.and_then(|m| m.last_updated.as_ref()),
        "notice.last_updated",
    );
    let next_review = l.date(
        meta.and_then(|m| m.next_review.as_ref()),
        "notice.next_review",
    );
    let mut change_dates = Vec::new();
    if let Some(m) = meta {
        for (i, c) in m.changes.iter().enumerate() {
            if let Some(d) = l.date(Some(&c.date), &format!("notice.changes[{i}].date")) {
                change_dates.push(d.value);
            }
        }
        for (i, layer) in m.layers.iter().enumerate() {
            l.layer(layer, &format!("notice.layers[{i}]"), true);
        }
        for (i, a) in m.audience_other.iter().enumerate() {
            l.non_empty(a, &format!("notice.audience_other[{i}]"));
        }
        if let Some(af) = &m.alternative_formats {
            l.contact(af.contact.as_ref(), "notice.alternative_formats.contact");
        }
    }

    if let Some(c) = &file.controller {
        l.non_empty(&c.name, "controller.name");
        l.contact(c.contact.as_ref(), "controller.contact");
    }
    if let Some(d) = &file.dpo {
        l.contact(d.contact.as_ref(), "dpo.contact");
    }
    if let Some(r) = &file.representative {
        l.contact(r.contact.as_ref(), "representative.contact");
    }

    // Ids: unique within each list.
    let categories = l.ids(
        "data_categories",
        file.data_categories.iter().map(|c| &c.id),
    );
    let sources = l.ids(
        "sources",
        file.sources
            .iter()
            .flat_map(|s| s.value.iter().map(|x| &x.id)),
    );
    let recipients = l.ids(
        "recipients",
        file.recipients
            .iter()
            .flat_map(|s| s.value.iter().map(|x| &x.id)),
    );
    let joint = l.ids(
        "joint_controllers",
        file.joint_controllers.iter().map(|j| &j.id),
    );
    let retention_rules = l.ids(
        "retention.rules",
        file.retention
            .iter()
            .flat_map(|r| r.rules.iter().map(|x| &x.id)),
    );
    let purpose_ids = l.ids(
        "purposes",
        file.purposes
            .iter()
            .flat_map(|s| s.value.iter().map(|x| &x.id)),
    );
    l.ids("sections", file.sections.iter().map(|s| &s.id));
    for (i, j) in file.joint_controllers.iter().enumerate() {
        l.contact(
            j.contact.as_ref(),
            &format!("joint_controllers[{i}].contact"),
        );
    }

    // References: every id named is declared.
    for (i, s) in file.sources.iter().flat_map(|s| s.value.iter()).enumerate() {
        for (k, id) in s.data_categories.iter().enumerate() {
            l.reference(
                id,
                &categories,
                "data_categories",
                &format!("sources[{i}].data_categories[{k}]"),
            );
        }
    }
    for (i, p) in file
        .purposes
        .iter()
        .flat_map(|s| s.value.iter())
        .enumerate()
    {
        let at = |field: &str, k: usize| format!("purposes[{i}].{field}[{k}]");
        for (k, id) in p.data_categories.iter().enumerate() {
            l.reference(
                id,
                &categories,
                "data_categories",
                &at("data_categories", k),
            );
        }
        for (k, id) in p.sources.iter().enumerate() {
            l.reference(id, &sources, "sources", &at("sources", k));
        }
        for (k, id) in p.recipients.iter().enumerate() {
            l.reference(id, &recipients, "recipients", &at("recipients", k));
        }
        for (k, id) in p.joint_controllers.iter().enumerate() {
            l.reference(id, &joint, "joint_controllers", &at("joint_controllers", k));
        }
        if let Some(r) = &p.retention {
            l.reference(
                r,
                &retention_rules,
                "retention.rules",
                &format!("purposes[{i}].retention"),
            );
        }
        l.non_empty(&p.name, &format!("purposes[{i}].name"));
        if let Some(page) = &p.page {
            l.layer(page, &format!("purposes[{i}].page"), false);
        }
        for (k, a) in p.audience_other.iter().enumerate() {
            l.non_empty(a, &format!("purposes[{i}].audience_other[{k}]"));
        }
    }
    if let Some(t) = &file.transfers {
        for (i, d) in t.destinations.iter().enumerate() {
            for (k, id) in d.recipients.iter().enumerate() {
                l.reference(
                    id,
                    &recipients,
                    "recipients",
                    &format!("transfers.destinations[{i}].recipients[{k}]"),
                );
            }
            l.non_empty(
                &d.destination,
                &format!("transfers.destinations[{i}].destination"),
            );
        }
    }
    if let Some(r) = &file.rights {
        l.contact(r.contact.as_ref(), "rights.contact");
    }
    if let Some(c) = &file.complaints {
        l.contact(c.controller.as_ref(), "complaints.controller");
        l.contact(c.regulator.as_ref(), "complaints.regulator");
    }
    if let Some(a) = &file.appropriate_policy_document {
        l.date(
            a.last_reviewed.as_ref(),
            "appropriate_policy_document.last_reviewed",
        );
    }
    for (i, s) in file.sections.iter().enumerate() {
        l.non_empty(&s.title, &format!("sections[{i}].title"));
    }
    l.ids("exemptions", file.exemptions.iter().map(|e| &e.id));
    for (i, e) in file.exemptions.iter().enumerate() {
        l.non_empty(&e.reason, &format!("exemptions[{i}].reason"));
        for (k, id) in e.sources.iter().enumerate() {
            l.reference(
                id,
                &sources,
                "sources",
                &format!("exemptions[{i}].sources[{k}]"),
            );
        }
        for (k, id) in e.purposes.iter().enumerate() {
            l.reference(
                id,
                &purpose_ids,
                "purposes",
                &format!("exemptions[{i}].purposes[{k}]"),
            );
        }
    }

    // Web addresses: every field the walk classes as one, wherever it is, so a field or
    // block added to the format is checked without a line here.
    walk::walk(&file, &mut |path, class, leaf| {
        if let (walk::Class::Url, walk::Leaf::Text(t)) = (class, leaf) {
            l.url(Some(t), &walk::path_string(path), Web);
        }
    });

    if l.diags.is_empty() {
        Ok(Notice {
            source: source.clone(),
            office: None,
            file,
            lang,
            published,
            last_updated,
            next_review,
            change_dates,
        })
    } else {
        crate::diag::sort(&mut l.diags);
        Err(l.diags)
    }
}

/// What kind of address a URL field takes.
#[derive(Clone, Copy)]
enum UrlKind {
    Web,
}
use UrlKind::Web;

/// How many dangling references get a "did you mean" suggestion (the first few are
/// typos worth fixing; a file with hundreds has a different problem). Each costs an edit
/// distance against every declared id, so a hostile file with thousands of both would
/// otherwise take minutes.
const MAX_SUGGESTIONS: usize = 20;

/// The most declared ids a help line lists by name.
const MAX_LISTED: usize = 12;

struct Lowerer {
    diags: Vec<Diagnostic>,
    suggestions_left: usize,
}

impl Lowerer {
    fn invalid(&mut self, span: Span, path: &str, message: String, help: &str) {
        self.diags
            .push(registry::INVALID_VALUE.diag(span, path, message, Some(help)));
    }

    fn date(&mut self, value: Option<&Sp<String>>, path: &str) -> Option<Sp<Date>> {
        let v = value?;
        match Date::parse(&v.value) {
            Some(d) => Some(Sp {
                value: d,
                span: v.span,
            }),
            None => {
                self.invalid(
                    v.span,
                    path,
                    format!("`{}` is not a date", v.value),
                    "write the date as `YYYY-MM-DD` (e.g. `2024-04-12`), `YYYY-MM` if only the month is known, or `YYYY` if only the year",
                );
                None
            }
        }
    }

    fn non_empty(&mut self, value: &Sp<String>, path: &str) {
        if value.value.trim().is_empty() {
            self.diags.push(registry::EMPTY_VALUE.diag(
                value.span,
                path,
                format!("`{path}` is empty"),
                Some("write the value, or remove the key if there is nothing to say"),
            ));
        }
    }

    /// A layer or a purpose's page: a title where one is needed, and exactly one of
    /// `notice` (a well-formed notice name) and `url`.
    fn layer(&mut self, layer: &Sp<Layer>, path: &str, needs_title: bool) {
        match &layer.title {
            Some(t) => self.non_empty(t, &format!("{path}.title")),
            None if needs_title => self.diags.push(registry::MISSING_FIELD.diag(
                layer.span,
                &format!("{path}.title"),
                format!("`{path}.title` is required here but missing"),
                Some(
                    "write the link text readers will see, e.g. `title: How we handle complaints`",
                ),
            )),
            None => {}
        }
        match (&layer.notice, &layer.url) {
            (Some(_), Some(u)) => self.invalid(
                u.span,
                path,
                format!("`{path}` gives both `notice` and `url`"),
                "keep `notice:` for a notice of the same build, or `url:` for a page elsewhere, not both",
            ),
            (None, None) => self.diags.push(registry::MISSING_FIELD.diag(
                layer.span,
                &format!("{path}.notice"),
                format!("`{path}` names no page"),
                Some("write `notice: complaints` (another notice of this build, its file name without `.yaml`) or `url: \"https://…\"`"),
            )),
            (Some(n), None) => {
                if !is_notice_name(&n.value) {
                    self.invalid(
                        n.span,
                        &format!("{path}.notice"),
                        format!("`{}` is not a notice's file name", n.value),
                        "write the file name of another notice of this build without `.yaml`, e.g. `complaints` for `complaints.yaml`",
                    );
                }
            }
            // The address itself is checked with every other web address (the walk).
            (None, Some(_)) => {}
        }
    }

    fn url(&mut self, value: Option<&Sp<String>>, path: &str, _kind: UrlKind) {
        let Some(v) = value else { return };
        let u = v.value.trim();
        if is_placeholder(u) {
            return;
        }
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            self.invalid(
                v.span,
                path,
                format!("`{u}` is not a web address"),
                "write the full address, starting `https://`",
            );
        }
    }

    fn contact(&mut self, contact: Option<&Sp<Contact>>, path: &str) {
        let Some(c) = contact else { return };
        let fields = [
            (&c.name, "name"),
            (&c.email, "email"),
            (&c.phone, "phone"),
            (&c.hours, "hours"),
            (&c.web, "web"),
            (&c.form, "form"),
        ];
        for (value, key) in fields {
            if let Some(v) = value {
                self.non_empty(v, &format!("{path}.{key}"));
            }
        }
        for (i, line) in c.address.iter().enumerate() {
            self.non_empty(line, &format!("{path}.address[{i}]"));
        }
        if let Some(e) = &c.email {
            let t = e.value.trim();
            let ok = is_placeholder(t)
                || t.split_once('@').is_some_and(|(user, domain)| {
                    !user.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }) && !t.contains(char::is_whitespace)
                    && t.matches('@').count() == 1;
            if !t.is_empty() && !ok {
                self.invalid(
                    e.span,
                    &format!("{path}.email"),
                    format!("`{t}` is not an e-mail address"),
                    "write an address such as `dpo@example.police.uk`; put web forms under `form:`",
                );
            }
        }
        if c.name.is_some() && !has_channel(c) {
            self.diags.push(registry::EMPTY_VALUE.diag(
                c_span(contact),
                path,
                format!("`{path}` names someone but gives no way to reach them"),
                Some("add at least one of `address`, `email`, `phone`, `web` or `form`"),
            ));
        }
    }

    fn ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a Sp<String>>,
    ) -> BTreeMap<String, Span> {
        let mut seen = BTreeMap::new();
        for id in ids {
            if !is_id(&id.value) {
                self.invalid(
                    id.span,
                    &format!("{list}[].id"),
                    format!("`{}` is not a usable id", id.value),
                    "use lower-case letters, digits and hyphens, e.g. `kent-police`",
                );
            }
            if let Some(first) = seen.get(&id.value) {
                let first: &Span = first;
                self.diags.push(registry::DUPLICATE_ID.diag(
                    id.span,
                    &format!("{list}[].id"),
                    format!(
                        "the id `{}` is used twice in `{list}` (first on line {})",
                        id.value, first.line
                    ),
                    Some("give each entry its own id"),
                ));
            } else {
                seen.insert(id.value.clone(), id.span);
            }
        }
        seen
    }

    fn reference(
        &mut self,
        id: &Sp<String>,
        declared: &BTreeMap<String, Span>,
        list: &str,
        path: &str,
    ) {
        if declared.contains_key(&id.value) {
            return;
        }
        let names = || declared.keys().map(String::as_str).collect::<Vec<_>>();
        let suggestion = if self.suggestions_left > 0 && !declared.is_empty() {
            self.suggestions_left -= 1;
            crate::suggest::suggest(&id.value, &names())
        } else {
            None
        };
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None if declared.is_empty() => format!("declare it under `{list}` first"),
            None if declared.len() > MAX_LISTED => format!("declare it under `{list}`"),
            None => format!(
                "declare it under `{list}`, or use one of: {}",
                names()
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.diags.push(registry::DANGLING_ID.diag(
            id.span,
            path,
            format!("`{}` is not declared in `{list}`", id.value),
            Some(help),
        ));
    }
}

/// A `TODO` placeholder (reported by the placeholder check, not as a malformed value).
fn is_placeholder(s: &str) -> bool {
    s.to_ascii_uppercase().contains("TODO")
}

fn c_span(c: Option<&Sp<Contact>>) -> Span {
    c.map_or(Span::UNKNOWN, |c| c.span)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
