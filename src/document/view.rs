//! The notice as the templates see it: a tree of Markdown-ready values.
//!
//! Every value the office wrote is marked as theirs here ([`super::provenance::office`]), so
//! the document knows which words are the office's and which the templates'.
//! Plain values (names, addresses) are escaped for Markdown here, so a template cannot be
//! tricked into reading them as markup; the office's Markdown fields pass through with any
//! headings turned into bold lines. Facts the law derives (which rights apply, which bases
//! are relied on) are computed here once, from the model, and given to the templates as
//! flags and codes; the words for them live in the templates.

use serde::Serialize;

use super::provenance::office;
use crate::model::rights::{self, Right};
use crate::model::schema::*;
use crate::model::vocab::audience_list;
use crate::model::{Notice, has_channel, has_own_retention, shared_with_no_one};
use crate::source::Sp;

/// Text the office wrote, escaped for Markdown and marked as theirs.
fn escape(s: &str) -> String {
    office(super::markdown::escape(s))
}

/// Plain text, escaped for Markdown.
fn t(s: &Sp<String>) -> String {
    escape(s.value.trim())
}

fn ot(s: Option<&Sp<String>>) -> Option<String> {
    s.map(t)
}

/// Whether `text` holds `phrase` as whole words.
fn says(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// A web address, as written.
fn url(s: Option<&Sp<String>>) -> Option<String> {
    s.map(|u| office(u.value.trim().to_owned()))
}

/// Office Markdown: passed through, with headings made bold so they cannot open sections.
fn md(s: Option<&Sp<String>>) -> Option<String> {
    match s {
        None => None,
        Some(s) => {
            let mut out = String::new();
            for line in s.value.trim().lines() {
                let trimmed = line.trim_start();
                if trimmed.starts_with('#') {
                    let text = trimmed.trim_start_matches('#').trim();
                    out.push_str(&format!("**{text}**"));
                } else {
                    out.push_str(line);
                }
                out.push('\n');
            }
            Some(office(out.trim_end().to_owned()))
        }
    }
}

fn texts(list: &[Sp<String>]) -> Vec<String> {
    list.iter().map(t).collect()
}

/// A contact as a Markdown list of bold-labelled fields, which the Markdown reader turns
/// into label/value fields.
pub fn contact_md(c: &Contact) -> Option<String> {
    if !has_channel(c) && c.name.is_none() {
        return None;
    }
    let mut lines = Vec::new();
    if let Some(n) = &c.name {
        lines.push(format!("- **Contact:** {}", escape(&n.value)));
    }
    if !c.address.is_empty() {
        let addr: Vec<String> = c.address.iter().map(|l| escape(l.value.trim())).collect();
        lines.push(format!("- **Address:** {}", addr.join("\\\n  ")));
    }
    if let Some(e) = &c.email {
        lines.push(format!("- **Email:** {}", escape(e.value.trim())));
    }
    if let Some(p) = &c.phone {
        let hours = c
            .hours
            .as_ref()
            .map(|h| format!(" ({})", escape(h.value.trim())))
            .unwrap_or_default();
        lines.push(format!(
            "- **Telephone:** {}{hours}",
            escape(p.value.trim())
        ));
    } else if let Some(h) = &c.hours {
        lines.push(format!("- **Opening hours:** {}", escape(h.value.trim())));
    }
    for o in &c.other_phones {
        lines.push(format!(
            "- **{}:** {}",
            escape(&o.label.value),
            escape(&o.value.value)
        ));
    }
    if let Some(w) = &c.web {
        lines.push(format!(
            "- **Website:** {}",
            office(w.value.trim().to_owned())
        ));
    }
    if let Some(f) = &c.form {
        lines.push(format!(
            "- **Online form:** {}",
            office(f.value.trim().to_owned())
        ));
    }
    for s in &c.social {
        lines.push(format!(
            "- **{}:** {}",
            escape(&s.label.value),
            escape(&s.value.value)
        ));
    }
    Some(lines.join("\n"))
}

fn ocontact(c: Option<&Sp<Contact>>) -> Option<String> {
    c.and_then(|c| contact_md(c))
}

/// Join names as English: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The whole view: what the templates see at the top level.
#[derive(Debug, Serialize)]
pub struct View {
    notice: NoticeView,
    org: Option<String>,
    short: Option<String>,
    controller: Option<ControllerView>,
    dpo: Option<DpoView>,
    representative: Option<RepresentativeView>,
    joint_controllers: Vec<JointView>,
    categories: CategoriesView,
    sources: SourcesView,
    purposes: Vec<PurposeView>,
    /// The codes of the lawful bases any purpose relies on, sorted, once each.
    bases_used: Vec<&'static str>,
    recipients: RecipientsView,
    transfers: Option<TransfersView>,
    retention: Option<RetentionView>,
    /// The purposes that say how long their data is kept in their own words or policy,
    /// joined as English.
    retention_own: String,
    /// Exactly one purpose is in `retention_own` (the sentence is then singular).
    retention_own_single: bool,
    provision: Option<ProvisionView>,
    /// The purposes with their own `provision_requirement`, joined as English.
    provision_own: String,
    /// Exactly one purpose is in `provision_own`.
    provision_own_single: bool,
    adm: Option<AdmView>,
    rights: RightsView,
    complaints: ComplaintsView,
    apd: Option<ApdView>,
    children: Option<ChildrenView>,
    sections: Vec<SectionView>,
    exemptions: Vec<ExemptionView>,
    lang: String,
    /// The regulator's current details, as a Markdown field list (always printed).
    ico: String,
}

/// The `notice` block: title, dates, changes and formats.
#[derive(Debug, Serialize)]
struct NoticeView {
    title: String,
    /// A first layer's layers, in order.
    layers: Vec<PageView>,
    url: Option<String>,
    introduction: Option<String>,
    scope: Option<String>,
    version: Option<String>,
    owner: Option<String>,
    published: Option<String>,
    last_updated: Option<String>,
    next_review: Option<String>,
    review_statement: Option<String>,
    changes: Vec<ChangeView>,
    alternative_formats: Option<FormatsView>,
    /// Who the notice is for, joined as English ("" when it does not say).
    audience: String,
}

#[derive(Debug, Serialize)]
struct ChangeView {
    date: String,
    summary: Option<String>,
    kind: Option<String>,
    author: Option<String>,
}

#[derive(Debug, Serialize)]
struct FormatsView {
    /// The formats offered, joined as English.
    formats: String,
    statement: Option<String>,
    contact: Option<String>,
}

#[derive(Debug, Serialize)]
struct ControllerView {
    name: String,
    /// The short name, to follow the name in brackets; `None` where the name already says
    /// it ("The OPCC" is not followed by "(OPCC)").
    short_name: Option<String>,
    description: Option<String>,
    /// The registration number; `None` where the office claims an exemption.
    ico_registration: Option<String>,
    /// `ico_registration: exempt`.
    ico_exempt: bool,
    ico_exemption: Option<String>,
    office_holder: Option<String>,
    contact: Option<String>,
    public_authority: bool,
}

#[derive(Debug, Serialize)]
struct DpoView {
    name: Option<String>,
    role: Option<String>,
    description: Option<String>,
    contact: Option<String>,
}

#[derive(Debug, Serialize)]
struct RepresentativeView {
    name: String,
    contact: Option<String>,
}

#[derive(Debug, Serialize)]
struct JointView {
    name: String,
    arrangement: Option<String>,
    contact: Option<String>,
}

/// The data categories, by kind.
#[derive(Debug, Serialize)]
struct CategoriesView {
    personal: Vec<CategoryView>,
    special: Vec<CategoryView>,
    criminal: Vec<CategoryView>,
}

#[derive(Debug, Serialize)]
struct CategoryView {
    id: String,
    name: String,
    /// The examples, joined as English.
    examples: String,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct SourcesView {
    declared: bool,
    /// Whether any source gives a lawful basis or an Art 9 condition.
    with_bases: bool,
    /// Given by the person (Art 13).
    direct: Vec<SourceView>,
    /// Recorded by the office as it sees or hears the person (Art 13).
    observed: Vec<SourceView>,
    /// From anyone else (Art 14).
    indirect: Vec<SourceView>,
    /// Created by the office itself.
    created: Vec<SourceView>,
}

#[derive(Debug, Serialize)]
struct SourceView {
    name: String,
    direct: bool,
    /// The kind's code: `data_subject`, `observed`, `third_party` or `created`.
    kind: &'static str,
    publicly_accessible: Option<bool>,
    examples: Vec<String>,
    /// The names of the categories it gives, joined as English.
    categories: String,
    note: Option<String>,
    bases: Vec<&'static str>,
    special_conditions: Vec<ConditionView>,
}

/// An Art 9(2) condition relied on.
#[derive(Debug, Serialize)]
struct ConditionView {
    code: &'static str,
    schedule_1: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct PurposeView {
    name: String,
    description: Option<String>,
    bases: Vec<&'static str>,
    legislation: Vec<String>,
    legitimate_interests: Option<String>,
    recognised_legitimate_interest: Option<String>,
    special_conditions: Vec<ConditionView>,
    criminal_condition: Option<CriminalView>,
    categories: String,
    recipients: String,
    /// The period that applies: the purpose's rule, or the default where the purpose does
    /// not say how long in its own words or policy.
    retention: Option<String>,
    retention_statement: Option<String>,
    retention_policy: Option<LinkView>,
    /// Who the purpose concerns, joined as English ("" when it does not say).
    audience: String,
    /// The purpose's own answer to whether people must provide their data.
    provision: Option<ProvisionView>,
    /// The purpose says its data is shared with no one.
    shared_with_no_one: bool,
    /// The page that explains the purpose.
    page: Option<PageView>,
    direct_marketing: bool,
    withdraw_consent: Option<String>,
    consent: bool,
    /// Uses only anonymised information (`anonymised: true`).
    anonymised: bool,
}

#[derive(Debug, Serialize)]
struct CriminalView {
    official_authority: Option<String>,
    schedule_1: Option<String>,
}

#[derive(Debug, Serialize)]
struct RecipientsView {
    /// The notice answers who data is shared with (a list, or every purpose saying no one).
    declared: bool,
    /// The purposes whose data is shared with no one, joined as English; empty when the
    /// notice says so of all its data.
    no_one_purposes: String,
    /// Exactly one purpose is in `no_one_purposes`.
    no_one_single: bool,
    /// Recipients grouped by category, groups in first-seen order.
    groups: Vec<RecipientGroup>,
}

#[derive(Debug, Serialize)]
struct RecipientGroup {
    category: String,
    items: Vec<RecipientView>,
}

#[derive(Debug, Serialize)]
struct RecipientView {
    name: String,
    processor: bool,
    location: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct TransfersView {
    outside_uk: bool,
    statement: Option<String>,
    qualified_answer: Option<String>,
    destinations: Vec<DestinationView>,
}

#[derive(Debug, Serialize)]
struct DestinationView {
    destination: String,
    recipients: String,
    safeguard: &'static str,
    copy_from: Option<String>,
}

#[derive(Debug, Serialize)]
struct RetentionView {
    default: Option<String>,
    criteria: Option<String>,
    rules: Vec<RetentionRuleView>,
    policy: Option<LinkView>,
    statement: Option<String>,
}

#[derive(Debug, Serialize)]
struct RetentionRuleView {
    records: String,
    period: String,
}

#[derive(Debug, Serialize)]
struct LinkView {
    title: String,
    url: Option<String>,
}

/// A layer, or the page that explains a purpose: link text and a Markdown link target
/// (a web address, or `notice:stem` for another notice of the build).
#[derive(Debug, Serialize)]
struct PageView {
    title: String,
    href: String,
}

/// `children`: the office's words, and the version written for children.
#[derive(Debug, Serialize)]
struct ChildrenView {
    statement: Option<String>,
    version_for_children: Option<LinkView>,
}

#[derive(Debug, Serialize)]
struct ProvisionView {
    requirement: Option<&'static str>,
    consequences: Option<String>,
    statement: Option<String>,
}

#[derive(Debug, Serialize)]
struct AdmView {
    used: bool,
    statement: Option<String>,
    qualified_answer: Option<String>,
    decisions: Vec<DecisionView>,
}

#[derive(Debug, Serialize)]
struct DecisionView {
    description: String,
    logic: Option<String>,
    significance: Option<String>,
    safeguards: Option<String>,
}

#[derive(Debug, Serialize)]
struct RightsView {
    /// The codes of the rights that apply, in order.
    applicable: Vec<&'static str>,
    has: RightsHas,
    contact: Option<String>,
    statement: Option<String>,
    how_to_exercise: Option<String>,
    identity_check: Option<String>,
    response_time: Option<String>,
    forms: Vec<LinkView>,
    details: RightDetailsView,
    /// The direct-marketing purposes, joined as English.
    marketing_purposes: String,
    /// The purposes relying on consent, joined as English.
    consent_purposes: String,
    /// Whether any purpose relies on Art 9(2)(h) or (i), which limits erasure
    /// (Art 17(3)(c)).
    public_health: bool,
}

/// Which rights apply (see [`rights::applicable`]).
#[derive(Debug, Serialize)]
struct RightsHas {
    access: bool,
    rectification: bool,
    erasure: bool,
    restriction: bool,
    portability: bool,
    object: bool,
    object_to_marketing: bool,
    withdraw_consent: bool,
    automated_decisions: bool,
}

/// The office's own words on each right.
#[derive(Debug, Serialize)]
struct RightDetailsView {
    access: Option<String>,
    rectification: Option<String>,
    erasure: Option<String>,
    restriction: Option<String>,
    portability: Option<String>,
    object: Option<String>,
    automated_decisions: Option<String>,
    withdraw_consent: Option<String>,
    informed: Option<String>,
}

#[derive(Debug, Serialize)]
struct ComplaintsView {
    controller: Option<String>,
    statement: Option<String>,
    regulator: Option<String>,
    controller_is_regulator: bool,
}

#[derive(Debug, Serialize)]
struct ApdView {
    title: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Serialize)]
struct SectionView {
    id: String,
    title: String,
    body: Option<String>,
}

fn conditions(list: &[Sp<SpecialCondition>]) -> Vec<ConditionView> {
    list.iter()
        .map(|c| ConditionView {
            code: c.condition.value.code(),
            schedule_1: ot(c.schedule_1.as_ref()),
            note: md(c.note.as_ref()),
        })
        .collect()
}

fn bases(list: &[Sp<LawfulBasis>]) -> Vec<&'static str> {
    list.iter().map(|b| b.value.code()).collect()
}

/// The names of the entries with these ids, escaped, in the order given.
fn names<'a, T: 'a>(
    ids: &[Sp<String>],
    find: impl Fn(&str) -> Option<&'a T>,
    name: impl Fn(&T) -> &Sp<String>,
) -> String {
    let v: Vec<String> = ids
        .iter()
        .filter_map(|id| find(&id.value).map(|x| escape(&name(x).value)))
        .collect();
    and_list(&v)
}

/// The whole view.
pub fn build(n: &Notice) -> View {
    let f = &n.file;
    let controller = f.controller.as_ref();
    let org = controller.map(|c| t(&c.name));
    let short = controller
        .and_then(|c| c.short_name.as_ref())
        .map_or(org.clone(), |s| Some(t(s)));
    let of_kind = |k: DataKind| -> Vec<CategoryView> {
        f.data_categories
            .iter()
            .filter(|c| Notice::kind_of(c) == k)
            .map(|c| category(c))
            .collect()
    };
    let sources_of = |kind: SourceKind| -> Vec<SourceView> {
        n.sources()
            .iter()
            .filter(|s| s.kind.value == kind)
            .map(|s| source(n, s))
            .collect()
    };
    let bases_used = {
        let mut v: Vec<LawfulBasis> = n
            .purposes()
            .iter()
            .flat_map(|p| p.lawful_basis.iter().map(|b| b.value))
            .collect();
        v.sort();
        v.dedup();
        v.into_iter().map(LawfulBasis::code).collect()
    };
    View {
        notice: notice(n),
        org,
        short,
        controller: controller.map(|c| ControllerView {
            name: t(&c.name),
            short_name: c
                .short_name
                .as_ref()
                .filter(|s| !says(&c.name.value, &s.value))
                .map(t),
            description: md(c.description.as_ref()),
            ico_registration: ot(c.ico_registration.as_ref())
                .filter(|_| !crate::model::claims_fee_exemption(c)),
            ico_exempt: crate::model::claims_fee_exemption(c),
            ico_exemption: md(c.ico_exemption.as_ref()),
            office_holder: ot(c.office_holder.as_ref()),
            contact: ocontact(c.contact.as_ref()),
            public_authority: n.is_public_authority(),
        }),
        dpo: f.dpo.as_ref().map(|d| DpoView {
            name: ot(d.name.as_ref()),
            role: ot(d.role.as_ref()),
            description: md(d.description.as_ref()),
            contact: ocontact(d.contact.as_ref()),
        }),
        representative: f.representative.as_ref().map(|r| RepresentativeView {
            name: t(&r.name),
            contact: ocontact(r.contact.as_ref()),
        }),
        joint_controllers: f
            .joint_controllers
            .iter()
            .map(|j| JointView {
                name: t(&j.name),
                arrangement: md(j.arrangement.as_ref()),
                contact: ocontact(j.contact.as_ref()),
            })
            .collect(),
        categories: CategoriesView {
            personal: of_kind(DataKind::Personal),
            special: of_kind(DataKind::Special),
            criminal: of_kind(DataKind::CriminalOffence),
        },
        sources: SourcesView {
            declared: f.sources.is_some(),
            with_bases: n
                .sources()
                .iter()
                .any(|s| !s.lawful_basis.is_empty() || !s.special_category_conditions.is_empty()),
            direct: sources_of(SourceKind::DataSubject),
            observed: sources_of(SourceKind::Observed),
            indirect: sources_of(SourceKind::ThirdParty),
            created: sources_of(SourceKind::Created),
        },
        purposes: purposes(n),
        bases_used,
        recipients: recipients(n),
        transfers: f.transfers.as_ref().map(|tr| TransfersView {
            outside_uk: tr.outside_uk.value,
            statement: md(tr.statement.as_ref()),
            qualified_answer: md(tr.qualified_answer.as_ref()),
            destinations: tr
                .destinations
                .iter()
                .map(|d| DestinationView {
                    destination: t(&d.destination),
                    recipients: names(&d.recipients, |id| n.recipient(id), |r| &r.name),
                    safeguard: d.safeguard.value.code(),
                    copy_from: md(d.copy_from.as_ref()),
                })
                .collect(),
        }),
        retention: f.retention.as_ref().map(|r| RetentionView {
            default: default_retention(n),
            criteria: md(r.criteria.as_ref()),
            rules: r
                .rules
                .iter()
                .map(|x| RetentionRuleView {
                    records: t(&x.records),
                    period: t(&x.period),
                })
                .collect(),
            policy: r.policy.as_ref().map(|p| link(p)),
            statement: md(r.statement.as_ref()),
        }),
        retention_own: purposes_where(n, has_own_retention),
        retention_own_single: count_where(n, has_own_retention) == 1,
        provision: f.provision_requirement.as_ref().map(|p| provision(p)),
        provision_own: purposes_where(n, |p| p.provision_requirement.is_some()),
        provision_own_single: count_where(n, |p| p.provision_requirement.is_some()) == 1,
        adm: f.automated_decision_making.as_ref().map(|a| AdmView {
            used: a.used.value,
            statement: md(a.statement.as_ref()),
            qualified_answer: md(a.qualified_answer.as_ref()),
            decisions: a
                .decisions
                .iter()
                .map(|d| DecisionView {
                    description: t(&d.description),
                    logic: md(d.logic.as_ref()),
                    significance: md(d.significance.as_ref()),
                    safeguards: md(d.safeguards.as_ref()),
                })
                .collect(),
        }),
        rights: rights_view(n),
        complaints: {
            let c = f.complaints.as_ref();
            ComplaintsView {
                controller: ocontact(c.and_then(|c| c.controller.as_ref())),
                statement: md(c.and_then(|c| c.statement.as_ref())),
                regulator: ocontact(c.and_then(|c| c.regulator.as_ref())),
                controller_is_regulator: c
                    .and_then(|c| c.controller_is_regulator.as_ref())
                    .is_some_and(|b| b.value),
            }
        },
        apd: f.appropriate_policy_document.as_ref().map(|a| ApdView {
            title: ot(a.title.as_ref()),
            url: url(a.url.as_ref()),
        }),
        children: f.children.as_ref().map(|c| ChildrenView {
            statement: md(c.statement.as_ref()),
            version_for_children: c.version_for_children.as_ref().map(|l| link(l)),
        }),
        sections: f
            .sections
            .iter()
            .map(|s| SectionView {
                id: s.id.value.clone(),
                title: t(&s.title),
                body: md(Some(&s.body)),
            })
            .collect(),
        exemptions: exemptions(n),
        lang: n.lang.clone(),
        ico: ico_md(),
    }
}

/// An exemption from the duty to inform, as the notice tells people of it (the public
/// information Art 14(5)(b), Art 13(7) and Art 14(7) ask for).
#[derive(Debug, Serialize)]
struct ExemptionView {
    ground: &'static str,
    reason: Option<String>,
    sources: String,
    purposes: String,
    law: Option<String>,
    measures: Option<String>,
}

fn exemptions(n: &Notice) -> Vec<ExemptionView> {
    use crate::model::walk::Code;
    n.file
        .exemptions
        .iter()
        .map(|e| ExemptionView {
            ground: e.ground.value.code(),
            reason: md(Some(&e.reason)),
            sources: names(&e.sources, |id| n.source(id), |s| &s.name),
            purposes: names(
                &e.purposes,
                |id| n.purposes().iter().find(|p| p.id.value == id),
                |p| &p.name,
            ),
            law: ot(e.law.as_ref()),
            measures: md(e.measures.as_ref()),
        })
        .collect()
}

/// The regulator's current details as a Markdown field list: `notice`'s own wording.
fn ico_md() -> String {
    use super::markdown::escape as md_escape;
    use crate::model::regulator as r;
    format!(
        "- **Contact:** {}\n- **Address:** {}\n- **Telephone:** {}\n- **Website:** {}",
        md_escape(r::NAME),
        r::ADDRESS.map(md_escape).join("\\\n  "),
        md_escape(r::PHONE),
        r::COMPLAINT_PAGE
    )
}

fn provision(p: &ProvisionRequirement) -> ProvisionView {
    ProvisionView {
        requirement: p.requirement.as_ref().map(|r| r.value.code()),
        consequences: md(p.consequences.as_ref()),
        statement: md(p.statement.as_ref()),
    }
}

/// The names of the purposes for which `pred` holds, joined as English.
fn purposes_where(n: &Notice, pred: impl Fn(&Purpose) -> bool) -> String {
    let v: Vec<String> = n
        .purposes()
        .iter()
        .filter(|p| pred(p))
        .map(|p| escape(&p.name.value))
        .collect();
    and_list(&v)
}

/// How many purposes `pred` holds for.
fn count_where(n: &Notice, pred: impl Fn(&Purpose) -> bool) -> usize {
    n.purposes().iter().filter(|p| pred(p)).count()
}

/// Who a notice or purpose is for, as English: the listed groups in their words, then the
/// office's own labels.
fn audience(codes: &[Sp<Audience>], other: &[Sp<String>]) -> String {
    let words: Vec<String> = audience_list(codes, other)
        .iter()
        .map(|w| escape(w))
        .collect();
    and_list(&words)
}

fn link(l: &Link) -> LinkView {
    LinkView {
        title: t(&l.title),
        url: url(l.url.as_ref()),
    }
}

fn notice(n: &Notice) -> NoticeView {
    let meta = n.file.notice.as_ref();
    NoticeView {
        title: meta.map_or_else(|| "Privacy notice".to_owned(), |m| t(&m.title)),
        layers: meta.map_or(Vec::new(), |m| {
            m.layers.iter().filter_map(|l| page(l, None)).collect()
        }),
        url: url(meta.and_then(|m| m.url.as_ref())),
        introduction: md(meta.and_then(|m| m.introduction.as_ref())),
        scope: md(meta.and_then(|m| m.scope.as_ref())),
        version: ot(meta.and_then(|m| m.version.as_ref())),
        owner: ot(meta.and_then(|m| m.owner.as_ref())),
        published: n.published.as_ref().map(|d| d.value.long()),
        last_updated: n.last_updated.as_ref().map(|d| d.value.long()),
        next_review: n.next_review.as_ref().map(|d| d.value.long()),
        review_statement: md(meta.and_then(|m| m.review_statement.as_ref())),
        changes: meta.map_or(Vec::new(), |m| {
            m.changes
                .iter()
                .zip(&n.change_dates)
                .map(|(c, d)| ChangeView {
                    date: d.long(),
                    summary: ot(c.summary.as_ref()),
                    kind: ot(c.kind.as_ref()),
                    author: ot(c.author.as_ref()),
                })
                .collect()
        }),
        audience: meta.map_or_else(String::new, |m| audience(&m.audience, &m.audience_other)),
        alternative_formats: meta.and_then(|m| m.alternative_formats.as_ref()).map(|a| {
            FormatsView {
                formats: and_list(
                    &a.formats
                        .iter()
                        .map(|x| escape(x.value.trim()))
                        .collect::<Vec<_>>(),
                ),
                statement: md(a.statement.as_ref()),
                contact: ocontact(a.contact.as_ref()),
            }
        }),
    }
}

/// A layer or a purpose's page as a link; `fallback` is the link text when it gives none.
fn page(l: &Layer, fallback: Option<&Sp<String>>) -> Option<PageView> {
    let title = l.title.as_ref().or(fallback).map(t)?;
    let href = match crate::model::layer_stem(l) {
        Some(stem) => format!("{}{stem}", super::NOTICE_LINK),
        None => url(l.url.as_ref())?,
    };
    Some(PageView { title, href })
}

fn category(c: &DataCategory) -> CategoryView {
    CategoryView {
        id: c.id.value.clone(),
        name: t(&c.name),
        examples: and_list(
            &c.examples
                .iter()
                .map(|e| escape(e.value.trim()))
                .collect::<Vec<_>>(),
        ),
        note: md(c.note.as_ref()),
    }
}

fn source(n: &Notice, s: &Source) -> SourceView {
    SourceView {
        name: t(&s.name),
        direct: s.kind.value == SourceKind::DataSubject,
        kind: s.kind.value.code(),
        publicly_accessible: s.publicly_accessible.as_ref().map(|p| p.value),
        examples: texts(&s.examples),
        categories: names(&s.data_categories, |id| n.category(id), |c| &c.name),
        note: md(s.note.as_ref()),
        bases: bases(&s.lawful_basis),
        special_conditions: conditions(&s.special_category_conditions),
    }
}

fn default_retention(n: &Notice) -> Option<String> {
    n.file
        .retention
        .as_ref()
        .and_then(|r| r.default.as_ref())
        .map(|d| escape(d.value.trim()))
}

fn purposes(n: &Notice) -> Vec<PurposeView> {
    let default = default_retention(n);
    n.purposes()
        .iter()
        .map(|p| PurposeView {
            name: t(&p.name),
            description: md(p.description.as_ref()),
            bases: bases(&p.lawful_basis),
            legislation: texts(&p.legislation),
            legitimate_interests: md(p.legitimate_interests.as_ref()),
            recognised_legitimate_interest: ot(p.recognised_legitimate_interest.as_ref()),
            special_conditions: conditions(&p.special_category_conditions),
            criminal_condition: p.criminal_offence_condition.as_ref().map(|c| CriminalView {
                official_authority: ot(c.official_authority.as_ref()),
                schedule_1: ot(c.schedule_1.as_ref()),
            }),
            categories: names(&p.data_categories, |id| n.category(id), |c| &c.name),
            recipients: names(&p.recipients, |id| n.recipient(id), |r| &r.name),
            retention: p
                .retention
                .as_ref()
                .and_then(|id| n.retention_rule(&id.value))
                .map(|r| escape(&r.period.value))
                .or_else(|| {
                    if has_own_retention(p) {
                        None
                    } else {
                        default.clone()
                    }
                }),
            retention_statement: md(p.retention_statement.as_ref()),
            retention_policy: p.retention_policy.as_ref().map(|l| link(l)),
            audience: audience(&p.audience, &p.audience_other),
            provision: p.provision_requirement.as_ref().map(|x| provision(x)),
            shared_with_no_one: shared_with_no_one(p),
            direct_marketing: rights::is_direct_marketing(p),
            withdraw_consent: md(p.withdraw_consent.as_ref()),
            consent: rights::relies_on_consent(p),
            page: p.page.as_ref().and_then(|l| page(l, Some(&p.name))),
            anonymised: crate::model::is_anonymised(p),
        })
        .collect()
}

fn recipients(n: &Notice) -> RecipientsView {
    let mut groups: Vec<RecipientGroup> = Vec::new();
    for r in n.recipients() {
        let category = r
            .category
            .as_ref()
            .map(|c| escape(c.value.trim()))
            .unwrap_or_default();
        let entry = RecipientView {
            name: t(&r.name),
            processor: r
                .role
                .as_ref()
                .is_some_and(|x| x.value == RecipientRole::Processor),
            location: ot(r.location.as_ref()),
            note: md(r.note.as_ref()),
        };
        match groups.iter_mut().find(|g| g.category == category) {
            Some(g) => g.items.push(entry),
            None => groups.push(RecipientGroup {
                category,
                items: vec![entry],
            }),
        }
    }
    let everything = groups.is_empty() && n.recipients_answered();
    RecipientsView {
        declared: n.recipients_answered(),
        no_one_purposes: if everything {
            String::new()
        } else {
            purposes_where(n, shared_with_no_one)
        },
        no_one_single: count_where(n, shared_with_no_one) == 1,
        groups,
    }
}

fn rights_view(n: &Notice) -> RightsView {
    let applicable = rights::applicable(n);
    let applies = |r: Right| applicable.contains(&r);
    let block = n.file.rights.as_ref();
    let details = block.and_then(|r| r.details.as_ref());
    let detail =
        |sel: fn(&RightDetails) -> &Option<Sp<String>>| md(details.and_then(|d| sel(d).as_ref()));
    RightsView {
        applicable: applicable.iter().map(|r| r.code()).collect(),
        has: RightsHas {
            access: applies(Right::Access),
            rectification: applies(Right::Rectification),
            erasure: applies(Right::Erasure),
            restriction: applies(Right::Restriction),
            portability: applies(Right::Portability),
            object: applies(Right::Object),
            object_to_marketing: applies(Right::ObjectToMarketing),
            withdraw_consent: applies(Right::WithdrawConsent),
            automated_decisions: applies(Right::AutomatedDecisions),
        },
        contact: n.rights_contact().and_then(contact_md),
        statement: md(block.and_then(|r| r.statement.as_ref())),
        how_to_exercise: md(block.and_then(|r| r.how_to_exercise.as_ref())),
        identity_check: md(block.and_then(|r| r.identity_check.as_ref())),
        response_time: ot(block.and_then(|r| r.response_time.as_ref())),
        forms: block.map_or(Vec::new(), |r| r.forms.iter().map(|l| link(l)).collect()),
        details: RightDetailsView {
            access: detail(|d| &d.access),
            rectification: detail(|d| &d.rectification),
            erasure: detail(|d| &d.erasure),
            restriction: detail(|d| &d.restriction),
            portability: detail(|d| &d.portability),
            object: detail(|d| &d.object),
            automated_decisions: detail(|d| &d.automated_decisions),
            withdraw_consent: detail(|d| &d.withdraw_consent),
            informed: detail(|d| &d.informed),
        },
        marketing_purposes: purposes_where(n, rights::is_direct_marketing),
        consent_purposes: purposes_where(n, rights::relies_on_consent),
        public_health: n.purposes().iter().any(|p| {
            p.special_category_conditions.iter().any(|c| {
                matches!(
                    c.condition.value,
                    Art9Condition::HealthOrSocialCare | Art9Condition::PublicHealth
                )
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::says;

    #[test]
    fn a_short_name_the_name_already_says_is_found_as_whole_words() {
        assert!(says("The OPCC", "OPCC"));
        assert!(says("Department for Education (DfE)", "DfE"));
        assert!(!says("Department for Education", "DfE"));
        assert!(!says("The OPCCs", "OPCC"));
        assert!(!says(
            "The Police, Fire and Crime Commissioner for North Yorkshire",
            "the Commissioner"
        ));
        assert!(!says("Anything", ""));
    }
}
