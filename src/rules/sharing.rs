//! What happens to data once held: where it comes from (Art 14(1)(d), 14(2)(f)), who it is
//! shared with (Art 13(1)(e)), whether it leaves the UK (Art 13(1)(f)) and how long it is
//! kept (Art 13(2)(a)).

use super::CheckOptions;
use super::identity::FILE_START;
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::schema::{Safeguard, SourceKind};
use crate::registry::*;

pub(super) fn check(n: &Notice, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    sources(n, out);
    if n.file.recipients.is_none() {
        out.push(RECIPIENTS_UNDECLARED.diag(
            FILE_START,
            "recipients",
            "the notice does not say who personal data is shared with; the law asks for the recipients if there are any, and `notice` asks for an answer either way".into(),
            Some(
                "add `recipients:` listing who receives data (or `recipients: []` if no one does)",
            ),
        ));
    }
    transfers(n, out);
    retention(n, out);
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
    if n.has_indirect_sources() && n.file.data_categories.is_empty() {
        let first = n
            .sources()
            .iter()
            .find(|s| s.kind.value == SourceKind::ThirdParty)
            .map_or(FILE_START, |s| s.kind.span);
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
        .filter(|(_, s)| s.kind.value == SourceKind::ThirdParty)
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
    let Some(r) = &n.file.retention else {
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
            if p.retention.is_none() && !crate::model::is_anonymised(p) {
                out.push(RETENTION_MISSING.diag(
                    p.id.span,
                    &format!("purposes[{i}].retention"),
                    format!(
                        "purpose `{}` has no retention period, and the notice gives no default",
                        p.id.value
                    ),
                    Some("add `retention: <rule id>` to the purpose, or `retention.default`"),
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
