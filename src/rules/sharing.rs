//! What happens to data once held: where it comes from (Art 14(1)(d), 14(2)(f)), who it is
//! shared with (Art 13(1)(e)), whether it leaves the UK (Art 13(1)(f)) and how long it is
//! kept (Art 13(2)(a)).

use super::CheckOptions;
use super::identity::FILE_START;
use super::rights::and_list;
use crate::diag::Diagnostic;
use crate::model::schema::{Purpose, Safeguard};
use crate::model::{Notice, has_own_retention, shared_with_no_one};
use crate::registry::*;

pub(super) fn check(n: &Notice, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    sources(n, out);
    for (i, p) in n.purposes().iter().enumerate() {
        if let (Some(flag), Some(first)) = (&p.shared_with_no_one, p.recipients.first())
            && flag.value
        {
            out.push(PURPOSE_RECIPIENTS_CONFLICT.diag(
                first.span,
                &format!("purposes[{i}].recipients"),
                format!(
                    "purpose `{}` says its data is shared with no one, but lists recipients",
                    p.id.value
                ),
                Some("remove `shared_with_no_one: true`, or the purpose's `recipients:`"),
            ));
        }
    }
    if !n.recipients_answered() {
        // Some purposes may have answered for themselves: name those that have not.
        let silent: Vec<String> = n
            .purposes()
            .iter()
            .filter(|p| !shared_with_no_one(p))
            .map(|p| format!("`{}`", p.id.value))
            .collect();
        let message = if silent.len() < n.purposes().len() {
            format!(
                "the notice does not say who the data of {} {} is shared with; the law asks for the recipients if there are any, and `notice` asks for an answer either way",
                if silent.len() == 1 {
                    "purpose"
                } else {
                    "purposes"
                },
                and_list(&silent.iter().map(String::as_str).collect::<Vec<_>>())
            )
        } else {
            "the notice does not say who personal data is shared with; the law asks for the recipients if there are any, and `notice` asks for an answer either way".to_owned()
        };
        out.push(RECIPIENTS_UNDECLARED.diag(
            FILE_START,
            "recipients",
            message,
            Some(
                "add `recipients:` listing who receives data (or `recipients: []` if no one does)",
            ),
        ));
    }
    vague_recipients(n, out);
    transfers(n, out);
    retention(n, out);
}

/// Names that say only that someone receives data, not who: "others", "third parties".
const VAGUE_RECIPIENTS: &[&str] = &[
    "others",
    "other organisations",
    "other organizations",
    "other bodies",
    "other people",
    "other parties",
    "other third parties",
    "third parties",
    "any third party",
    "anyone",
    "anybody",
];

/// What may follow a vague name and still say nothing of who: the circumstances only.
const CIRCUMSTANCES: &[&str] = &[
    "where",
    "when",
    "whenever",
    "if",
    "unless",
    "as required",
    "as permitted",
    "as allowed",
    "as the law",
];

/// Words that go on to say what kind of body is meant.
const KIND_GIVEN: &[&str] = &["such as", "for example", "e.g.", "including", "like "];

/// Whether a recipient's name says only that data goes to "others", and when.
fn vague_recipient(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    if KIND_GIVEN.iter().any(|k| name.contains(k)) {
        return false;
    }
    VAGUE_RECIPIENTS.iter().any(|head| {
        let Some(rest) = name.strip_prefix(head) else {
            return false;
        };
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        rest.is_empty()
            || CIRCUMSTANCES.iter().any(|c| {
                rest.strip_prefix(c).is_some_and(|r| {
                    r.is_empty() || r.starts_with(|ch: char| !ch.is_alphanumeric())
                })
            })
    })
}

/// Recipients named only as "others" (Art 13(1)(e)): PN413.
fn vague_recipients(n: &Notice, out: &mut Vec<Diagnostic>) {
    for (i, r) in n.recipients().iter().enumerate() {
        if r.category.is_none() && vague_recipient(&r.name.value) {
            out.push(RECIPIENTS_VAGUE.diag(
                r.name.span,
                &format!("recipients[{i}].name"),
                format!(
                    "recipient \"{}\" says when data is shared but not with whom: it names no recipient or kind of recipient",
                    r.name.value.trim()
                ),
                Some("name the recipients, or the kinds of body (the courts, other police forces, IT suppliers), in `name` or `category`"),
            ));
        }
    }
}

fn sources(n: &Notice, out: &mut Vec<Diagnostic>) {
    if n.file.sources.is_none() {
        out.push(SOURCES_UNDECLARED.diag(
            FILE_START,
            "sources",
            "the notice does not say where personal data comes from".into(),
            Some("add `sources:` with `kind: data_subject` for data people give you, `observed` for what you record (CCTV, call recordings), `third_party` for data from others and `created` for what you write or work out yourselves"),
        ));
        return;
    }
    // A source an exemption covers (Art 14(5)) is not described under Art 14.
    let described = |s: &&crate::source::Sp<crate::model::schema::Source>| {
        s.kind.value.is_from_others() && !super::exemptions::source_exempt(n, &s.id.value)
    };
    if n.file.data_categories.is_empty()
        && let Some(first) = n.sources().iter().find(described)
    {
        let first = first.kind.span;
        out.push(INDIRECT_CATEGORIES.diag(
            first,
            "data_categories",
            "data comes from other organisations, but the notice lists no categories of personal data".into(),
            Some("add `data_categories:` naming the kinds of data held, e.g. contact details, complaint details"),
        ));
    }
    // Art 14(2)(f) asks "if applicable" whether data came from public sources. It applies
    // only where a source plausibly is public (the press, social media, a public register,
    // the internet): a council department or a commissioned service is not, and asking
    // about it would be a wrong finding. One answer for the notice is enough, so this is
    // reported once, on the first source that looks public, and only when no third-party
    // source says either way.
    let third: Vec<(usize, &_)> = n
        .sources()
        .iter()
        .enumerate()
        .filter(|(_, s)| described(s))
        .collect();
    let public: Vec<&(usize, &_)> = third
        .iter()
        .filter(|(_, s)| plausibly_public(&s.name.value, &s.examples))
        .collect();
    if let Some((i, first)) = public.first()
        && third.iter().all(|(_, s)| s.publicly_accessible.is_none())
    {
        out.push(PUBLICLY_ACCESSIBLE.diag(
            first.name.span,
            &format!("sources[{i}].publicly_accessible"),
            format!(
                "data comes from \"{}\", which may be a publicly accessible source, but the notice does not say whether it is",
                first.name.value.trim()
            ),
            Some("add `publicly_accessible: true` (or `false`) to this source"),
        ));
    }
}

/// Words in a source's name or examples that make it plausibly a publicly accessible
/// source (Art 14(2)(f)).
const PUBLIC_SOURCE_WORDS: &[&str] = &[
    "press",
    "media",
    "newspaper",
    "news",
    "social media",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "internet",
    "online",
    "website",
    "web site",
    "public register",
    "public record",
    "electoral register",
    "electoral roll",
    "companies house",
    "land registry",
    "open source",
    "publicly available",
    "published",
    "public domain",
];

/// Whether a source plausibly is publicly accessible, by its name and examples.
pub(crate) fn plausibly_public(name: &str, examples: &[crate::source::Sp<String>]) -> bool {
    std::iter::once(name)
        .chain(examples.iter().map(|e| e.value.as_str()))
        .any(|t| {
            let t = t.to_lowercase();
            PUBLIC_SOURCE_WORDS.iter().any(|w| {
                t.match_indices(w).any(|(i, _)| {
                    let before = t[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let after = t[i + w.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    before && after
                })
            })
        })
}

fn transfers(n: &Notice, out: &mut Vec<Diagnostic>) {
    let Some(t) = &n.file.transfers else {
        out.push(TRANSFERS_UNDECLARED.diag(
            FILE_START,
            "transfers",
            "the notice does not say whether personal data is sent outside the UK; the law asks about transfers that are made, and `notice` asks for an answer either way".into(),
            Some("add `transfers: {outside_uk: false}` if it is not, or list the transfers"),
        ));
        return;
    };
    if t.outside_uk.value {
        if t.destinations.is_empty() {
            out.push(TRANSFER_DETAILS.diag(
                t.outside_uk.span,
                "transfers.destinations",
                "the notice says data is sent outside the UK but not where".into(),
                Some("add `destinations:` with each country, the recipients, the safeguard and how to get a copy"),
            ));
        }
        for (i, d) in t.destinations.iter().enumerate() {
            // Art 13(1)(f) asks for a copy of the safeguards only for Art 46 and 47
            // transfers (and the rare Art 49(1) second-subparagraph derogation, which Art
            // 49(3) denies public authorities acting in their public powers); adequacy
            // regulations and ordinary derogations have no safeguards to copy.
            let has_safeguards = !matches!(
                d.safeguard.value,
                Safeguard::AdequacyRegulations | Safeguard::Derogation
            );
            if has_safeguards
                && d.copy_from
                    .as_ref()
                    .is_none_or(|c| c.value.trim().is_empty())
            {
                out.push(TRANSFER_DETAILS.diag(
                    d.safeguard.span,
                    &format!("transfers.destinations[{i}].copy_from"),
                    format!("the transfer to {} does not say how to get a copy of its safeguards in `copy_from`", d.destination.value),
                    Some("add `copy_from:` saying where the safeguards are published or how to ask for a copy"),
                ));
            }
        }
    } else {
        if let Some(d) = t.destinations.first() {
            out.push(TRANSFER_DETAILS.diag(
                d.span,
                "transfers.destinations",
                "transfers are listed but `outside_uk` is `false`".into(),
                Some("set `outside_uk: true`, or remove the destinations"),
            ));
        }
        for (i, r) in n.recipients().iter().enumerate() {
            if let Some(loc) = &r.location
                && !crate::model::is_uk(&loc.value)
            {
                out.push(UNDISCLOSED_TRANSFER.diag(
                    loc.span,
                    &format!("recipients[{i}].location"),
                    format!(
                        "recipient `{}` is in {}, but the notice says no data leaves the UK",
                        r.id.value, loc.value
                    ),
                    Some("set `transfers.outside_uk: true` and describe this transfer"),
                ));
            }
        }
    }
}

fn retention(n: &Notice, out: &mut Vec<Diagnostic>) {
    // A purpose answers for itself with a retention rule, or its own words or policy.
    let own = |p: &Purpose| p.retention.is_some() || has_own_retention(p);
    for (i, p) in n.purposes().iter().enumerate() {
        let Some(policy) = &p.retention_policy else {
            continue;
        };
        if policy.url.is_none() && p.retention.is_none() && p.retention_statement.is_none() {
            out.push(RETENTION_VAGUE.diag(
                policy.title.span,
                &format!("purposes[{i}].retention_policy.url"),
                format!(
                    "the retention policy `{}` of purpose `{}` is named but not linked, and the purpose gives no period",
                    policy.title.value, p.id.value
                ),
                Some("add the policy's `url:`, or say how long in the purpose's `retention_statement:`"),
            ));
        }
    }
    let Some(r) = &n.file.retention else {
        if n.purposes().iter().any(|p| own(p)) {
            for (i, p) in n.purposes().iter().enumerate() {
                if !own(p) {
                    out.push(RETENTION_MISSING.diag(
                        p.id.span,
                        &format!("purposes[{i}].retention_statement"),
                        format!(
                            "purpose `{}` does not say how long its data is kept, and the notice has no `retention` block",
                            p.id.value
                        ),
                        Some("add `retention_statement:` to the purpose, or a `retention:` block with a default"),
                    ));
                }
            }
            return;
        }
        out.push(RETENTION_MISSING.diag(
            FILE_START,
            "retention",
            "the notice does not say how long personal data is kept".into(),
            Some("add `retention:` with a default period, rules for particular records, or the criteria used"),
        ));
        return;
    };
    // Record-type rules and the office's own statement also answer Art 13(2)(a) for the
    // notice as a whole; whether they are specific enough is PN502's question.
    let general = r.default.is_some()
        || r.criteria.is_some()
        || r.policy.is_some()
        || !r.rules.is_empty()
        || r.statement.is_some();
    if !general {
        for (i, p) in n.purposes().iter().enumerate() {
            // Anonymised information is not personal data; Art 13(2)(a) does not reach it.
            if !own(p) && !crate::model::is_anonymised(p) {
                out.push(RETENTION_MISSING.diag(
                    p.id.span,
                    &format!("purposes[{i}].retention"),
                    format!(
                        "purpose `{}` has no retention period, and the notice gives no default",
                        p.id.value
                    ),
                    Some("add `retention: <rule id>` or `retention_statement:` to the purpose, or `retention.default`"),
                ));
            }
        }
        if n.purposes().is_empty() && r.rules.is_empty() && r.statement.is_none() {
            out.push(RETENTION_MISSING.diag(
                r.span,
                "retention",
                "the retention block gives no period, rules, criteria or policy".into(),
                Some("add `default:`, `rules:`, `criteria:` or `policy:`"),
            ));
        }
    }
    // A period that ends only when people ask ("kept unless you ask us to remove it") is
    // neither a period nor the criteria for one.
    let periods = r
        .default
        .iter()
        .map(|d| ("retention.default".to_owned(), d))
        .chain(
            r.rules
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("retention.rules[{i}].period"), &x.period)),
        );
    for (path, period) in periods {
        let lower = period.value.to_lowercase();
        let on_request = [
            "unless you ask",
            "unless you request",
            "until you ask",
            "until you request",
        ]
        .iter()
        .any(|p| lower.contains(p));
        let bounded = lower.chars().any(|c| c.is_ascii_digit())
            || ["year", "month", "week", "day"]
                .iter()
                .any(|w| lower.contains(w));
        if on_request && !bounded {
            out.push(RETENTION_VAGUE.diag(
                period.span,
                &path,
                format!("the period \"{}\" ends only if people ask; it gives no period or criteria", period.value.trim()),
                Some("say how long the data is kept, or the criteria that decide it (people's right to erasure is separate)"),
            ));
        }
    }
    let concrete = r.default.is_some() || r.criteria.is_some() || !r.rules.is_empty();
    let policy_linked = r.policy.as_ref().is_some_and(|p| p.url.is_some());
    if !concrete && !policy_linked {
        let (span, msg) = match &r.policy {
            Some(p) => (
                p.title.span,
                format!(
                    "the retention policy `{}` is named but not linked, and no periods are given",
                    p.title.value
                ),
            ),
            None => (
                r.span,
                "retention gives no period, criteria or policy".to_owned(),
            ),
        };
        out.push(RETENTION_VAGUE.diag(
            span,
            "retention.policy.url",
            msg,
            Some("add the policy's `url:`, or the main periods under `rules:`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::is_uk;

    #[test]
    fn uk_locations() {
        for p in [
            "UK",
            "United Kingdom",
            "the United Kingdom",
            "London, UK",
            "Maidstone, Kent, England",
            "Cardiff, Wales",
            "UK (Microsoft Azure UK South)",
            "Belfast, Northern Ireland",
            "United Kingdom (London)",
        ] {
            assert!(is_uk(p), "{p} is in the UK");
        }
        for p in [
            "Ireland",
            "United States",
            "New South Wales",
            "Sydney, New South Wales, Australia",
            "Frankfurt, Germany (EU)",
            "Dublin (UK support desk)",
        ] {
            assert!(!is_uk(p), "{p} is not in the UK");
        }
    }
}

#[cfg(test)]
mod recipient_tests {
    use super::vague_recipient;

    #[test]
    fn a_recipient_named_only_as_others_is_vague() {
        for name in [
            "Others, where we have a legal obligation to pass your information on",
            "Others where we are lawfully able to share it",
            "Third parties",
            "Other organisations, if the law requires it",
            "anyone, unless you tell us not to",
        ] {
            assert!(vague_recipient(name), "{name}");
        }
    }

    #[test]
    fn a_recipient_whose_kind_is_given_is_not_vague() {
        for name in [
            "Other police forces",
            "Other PCC offices",
            "Other organisations in the criminal justice system",
            "Third parties such as another local authority or a business, where needed to investigate",
            "Others where the law requires, for example under a court order or to prevent fraud or other crime",
            "Other bodies (including the Police) or other individuals where necessary to prevent harm to individuals",
            "Otherside Ltd",
            "Third-party suppliers who check access and record activity",
        ] {
            assert!(!vague_recipient(name), "{name}");
        }
    }
}
