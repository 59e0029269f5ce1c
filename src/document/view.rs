//! The notice as the templates see it: a tree of Markdown-ready values.
//!
//! Plain values (names, addresses) are escaped for Markdown here, so a template cannot be
//! tricked into reading them as markup; the office's Markdown fields pass through with any
//! headings turned into bold lines. Facts the law derives (which rights apply, which bases
//! are relied on) are computed here once, from the model, and given to the templates as
//! flags and codes; the words for them live in the templates.

use serde_json::{Map, Value, json};

use super::markdown::escape;
use crate::model::rights::{self, Right};
use crate::model::schema::*;
use crate::model::{Notice, has_channel};
use crate::source::Sp;

/// Plain text, escaped for Markdown.
fn t(s: &Sp<String>) -> Value {
    Value::String(escape(s.value.trim()))
}

fn ot(s: Option<&Sp<String>>) -> Value {
    s.map_or(Value::Null, t)
}

/// Office Markdown: passed through, with headings made bold so they cannot open sections.
fn md(s: Option<&Sp<String>>) -> Value {
    match s {
        None => Value::Null,
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
            Value::String(out.trim_end().to_owned())
        }
    }
}

fn texts(list: &[Sp<String>]) -> Value {
    Value::Array(list.iter().map(t).collect())
}

/// A contact as a Markdown list of bold-labelled fields, which the Markdown reader turns
/// into label/value fields.
pub fn contact_md(c: &Contact) -> Value {
    if !has_channel(c) && c.name.is_none() {
        return Value::Null;
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
        lines.push(format!("- **Website:** {}", w.value.trim()));
    }
    if let Some(f) = &c.form {
        lines.push(format!("- **Online form:** {}", f.value.trim()));
    }
    for s in &c.social {
        lines.push(format!(
            "- **{}:** {}",
            escape(&s.label.value),
            escape(&s.value.value)
        ));
    }
    Value::String(lines.join("\n"))
}

fn ocontact(c: Option<&Sp<Contact>>) -> Value {
    c.map_or(Value::Null, |c| contact_md(c))
}

fn basis_code(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "consent",
        LawfulBasis::Contract => "contract",
        LawfulBasis::LegalObligation => "legal_obligation",
        LawfulBasis::VitalInterests => "vital_interests",
        LawfulBasis::PublicTask => "public_task",
        LawfulBasis::RecognisedLegitimateInterest => "recognised_legitimate_interest",
        LawfulBasis::LegitimateInterests => "legitimate_interests",
    }
}

fn safeguard_code(s: Safeguard) -> &'static str {
    match s {
        Safeguard::AdequacyRegulations => "adequacy_regulations",
        Safeguard::Idta => "idta",
        Safeguard::UkAddendum => "uk_addendum",
        Safeguard::BindingCorporateRules => "binding_corporate_rules",
        Safeguard::OtherSafeguards => "other_safeguards",
        Safeguard::Derogation => "derogation",
    }
}

fn requirement_code(r: Requirement) -> &'static str {
    match r {
        Requirement::Voluntary => "voluntary",
        Requirement::Statutory => "statutory",
        Requirement::Contractual => "contractual",
        Requirement::PreContract => "pre_contract",
        Requirement::Varies => "varies",
    }
}

fn right_code(r: Right) -> &'static str {
    match r {
        Right::Access => "access",
        Right::Rectification => "rectification",
        Right::Erasure => "erasure",
        Right::Restriction => "restriction",
        Right::Portability => "portability",
        Right::Object => "object",
        Right::ObjectToMarketing => "object_to_marketing",
        Right::WithdrawConsent => "withdraw_consent",
        Right::AutomatedDecisions => "automated_decisions",
    }
}

/// Join names as English: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The whole view.
pub fn build(n: &Notice) -> Value {
    let f = &n.file;
    let meta = f.notice.as_ref();
    let controller = f.controller.as_ref();
    let org = controller.map_or(Value::Null, |c| t(&c.name));
    let short = controller
        .and_then(|c| c.short_name.as_ref())
        .map_or(org.clone(), t);

    let notice = json!({
        "title": meta.map_or(Value::String("Privacy notice".into()), |m| t(&m.title)),
        "url": meta.and_then(|m| m.url.as_ref()).map(|u| u.value.trim().to_owned()),
        "introduction": md(meta.and_then(|m| m.introduction.as_ref())),
        "scope": md(meta.and_then(|m| m.scope.as_ref())),
        "version": ot(meta.and_then(|m| m.version.as_ref())),
        "owner": ot(meta.and_then(|m| m.owner.as_ref())),
        "published": n.published.as_ref().map(|d| d.value.long()),
        "last_updated": n.last_updated.as_ref().map(|d| d.value.long()),
        "next_review": n.next_review.as_ref().map(|d| d.value.long()),
        "review_statement": md(meta.and_then(|m| m.review_statement.as_ref())),
        "changes": meta.map_or(Vec::new(), |m| m.changes.iter().zip(&n.change_dates).map(|(c, d)| json!({
            "date": d.long(),
            "summary": ot(c.summary.as_ref()),
            "kind": ot(c.kind.as_ref()),
            "author": ot(c.author.as_ref()),
        })).collect()),
        "alternative_formats": meta.and_then(|m| m.alternative_formats.as_ref()).map(|a| json!({
            "formats": and_list(&a.formats.iter().map(|x| escape(x.value.trim())).collect::<Vec<_>>()),
            "statement": md(a.statement.as_ref()),
            "contact": ocontact(a.contact.as_ref()),
        })),
    });

    let controller_v = controller.map(|c| {
        json!({
            "name": t(&c.name),
            "short_name": ot(c.short_name.as_ref()),
            "description": md(c.description.as_ref()),
            "ico_registration": ot(c.ico_registration.as_ref()),
            "contact": ocontact(c.contact.as_ref()),
            "public_authority": n.is_public_authority(),
        })
    });
    let dpo = f.dpo.as_ref().map(|d| {
        json!({
            "name": ot(d.name.as_ref()),
            "role": ot(d.role.as_ref()),
            "description": md(d.description.as_ref()),
            "contact": ocontact(d.contact.as_ref()),
        })
    });
    let representative = f
        .representative
        .as_ref()
        .map(|r| json!({"name": t(&r.name), "contact": ocontact(r.contact.as_ref())}));
    let joint: Vec<Value> = f
        .joint_controllers
        .iter()
        .map(|j| json!({"name": t(&j.name), "arrangement": md(j.arrangement.as_ref()), "contact": ocontact(j.contact.as_ref())}))
        .collect();

    let category = |c: &DataCategory| {
        json!({
            "id": c.id.value,
            "name": t(&c.name),
            "examples": and_list(&c.examples.iter().map(|e| escape(e.value.trim())).collect::<Vec<_>>()),
            "note": md(c.note.as_ref()),
        })
    };
    let of_kind = |k: DataKind| -> Vec<Value> {
        f.data_categories
            .iter()
            .filter(|c| Notice::kind_of(c) == k)
            .map(|c| category(c))
            .collect()
    };
    let category_names = |ids: &[Sp<String>]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| n.category(&id.value).map(|c| escape(&c.name.value)))
            .collect()
    };
    let source = |s: &Source| {
        json!({
            "name": t(&s.name),
            "direct": s.kind.value == SourceKind::DataSubject,
            "publicly_accessible": s.publicly_accessible.as_ref().map(|p| p.value),
            "examples": texts(&s.examples),
            "categories": and_list(&category_names(&s.data_categories)),
            "note": md(s.note.as_ref()),
            "bases": s.lawful_basis.iter().map(|b| basis_code(b.value)).collect::<Vec<_>>(),
            "special_conditions": s.special_category_conditions.iter().map(|c| json!({
                "code": c.condition.value.code(),
                "schedule_1": ot(c.schedule_1.as_ref()),
                "note": md(c.note.as_ref()),
            })).collect::<Vec<_>>(),
        })
    };
    let recipient_names = |ids: &[Sp<String>]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| n.recipient(&id.value).map(|r| escape(&r.name.value)))
            .collect()
    };

    let retention = f.retention.as_ref();
    let default_retention = retention
        .and_then(|r| r.default.as_ref())
        .map(|d| escape(d.value.trim()));
    let purposes: Vec<Value> = n
        .purposes()
        .iter()
        .map(|p| {
            let retention_text = p
                .retention
                .as_ref()
                .and_then(|id| n.retention_rule(&id.value))
                .map(|r| escape(&r.period.value))
                .or_else(|| default_retention.clone());
            json!({
                "name": t(&p.name),
                "description": md(p.description.as_ref()),
                "bases": p.lawful_basis.iter().map(|b| basis_code(b.value)).collect::<Vec<_>>(),
                "legislation": texts(&p.legislation),
                "legitimate_interests": md(p.legitimate_interests.as_ref()),
                "recognised_legitimate_interest": ot(p.recognised_legitimate_interest.as_ref()),
                "special_conditions": p.special_category_conditions.iter().map(|c| json!({
                    "code": c.condition.value.code(),
                    "schedule_1": ot(c.schedule_1.as_ref()),
                    "note": md(c.note.as_ref()),
                })).collect::<Vec<_>>(),
                "criminal_condition": p.criminal_offence_condition.as_ref().map(|c| json!({
                    "official_authority": ot(c.official_authority.as_ref()),
                    "schedule_1": ot(c.schedule_1.as_ref()),
                })),
                "categories": and_list(&category_names(&p.data_categories)),
                "recipients": and_list(&recipient_names(&p.recipients)),
                "retention": retention_text,
                "direct_marketing": rights::is_direct_marketing(p),
                "withdraw_consent": md(p.withdraw_consent.as_ref()),
                "consent": rights::relies_on_consent(p),
            })
        })
        .collect();

    // Recipients grouped by category, groups in first-seen order.
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for r in n.recipients() {
        let cat = r
            .category
            .as_ref()
            .map(|c| escape(c.value.trim()))
            .unwrap_or_default();
        let entry = json!({
            "name": t(&r.name),
            "processor": r.role.as_ref().is_some_and(|x| x.value == RecipientRole::Processor),
            "location": ot(r.location.as_ref()),
            "note": md(r.note.as_ref()),
        });
        match groups.iter_mut().find(|(c, _)| *c == cat) {
            Some((_, v)) => v.push(entry),
            None => groups.push((cat, vec![entry])),
        }
    }
    let recipients = json!({
        "declared": f.recipients.is_some(),
        "groups": groups.into_iter().map(|(c, items)| json!({"category": c, "items": items})).collect::<Vec<_>>(),
    });

    let transfers = f.transfers.as_ref().map(|tr| {
        json!({
            "outside_uk": tr.outside_uk.value,
            "statement": md(tr.statement.as_ref()),
            "destinations": tr.destinations.iter().map(|d| json!({
                "destination": t(&d.destination),
                "recipients": and_list(&recipient_names(&d.recipients)),
                "safeguard": safeguard_code(d.safeguard.value),
                "copy_from": md(d.copy_from.as_ref()),
            })).collect::<Vec<_>>(),
        })
    });
    let retention_v = retention.map(|r| {
        json!({
            "default": default_retention,
            "criteria": md(r.criteria.as_ref()),
            "rules": r.rules.iter().map(|x| json!({"records": t(&x.records), "period": t(&x.period)})).collect::<Vec<_>>(),
            "policy": r.policy.as_ref().map(|p| json!({"title": t(&p.title), "url": p.url.as_ref().map(|u| u.value.trim().to_owned())})),
            "statement": md(r.statement.as_ref()),
        })
    });
    let provision = f.provision_requirement.as_ref().map(|p| {
        json!({
            "requirement": p.requirement.as_ref().map(|r| requirement_code(r.value)),
            "consequences": md(p.consequences.as_ref()),
            "statement": md(p.statement.as_ref()),
        })
    });
    let adm = f.automated_decision_making.as_ref().map(|a| {
        json!({
            "used": a.used.value,
            "statement": md(a.statement.as_ref()),
            "decisions": a.decisions.iter().map(|d| json!({
                "description": t(&d.description),
                "logic": md(d.logic.as_ref()),
                "significance": md(d.significance.as_ref()),
                "safeguards": md(d.safeguards.as_ref()),
            })).collect::<Vec<_>>(),
        })
    });

    let applicable = rights::applicable(n);
    let mut has = Map::new();
    for r in [
        Right::Access,
        Right::Rectification,
        Right::Erasure,
        Right::Restriction,
        Right::Portability,
        Right::Object,
        Right::ObjectToMarketing,
        Right::WithdrawConsent,
        Right::AutomatedDecisions,
    ] {
        has.insert(right_code(r).into(), Value::Bool(applicable.contains(&r)));
    }
    let rights_block = f.rights.as_ref();
    let details = rights_block.and_then(|r| r.details.as_ref());
    let detail =
        |sel: fn(&RightDetails) -> &Option<Sp<String>>| md(details.and_then(|d| sel(d).as_ref()));
    let marketing: Vec<String> = n
        .purposes()
        .iter()
        .filter(|p| rights::is_direct_marketing(p))
        .map(|p| escape(&p.name.value))
        .collect();
    let consent_purposes: Vec<String> = n
        .purposes()
        .iter()
        .filter(|p| rights::relies_on_consent(p))
        .map(|p| escape(&p.name.value))
        .collect();
    let rights_v = json!({
        "applicable": applicable.iter().map(|r| right_code(*r)).collect::<Vec<_>>(),
        "has": has,
        "contact": n.rights_contact().map_or(Value::Null, contact_md),
        "statement": md(rights_block.and_then(|r| r.statement.as_ref())),
        "how_to_exercise": md(rights_block.and_then(|r| r.how_to_exercise.as_ref())),
        "identity_check": md(rights_block.and_then(|r| r.identity_check.as_ref())),
        "response_time": ot(rights_block.and_then(|r| r.response_time.as_ref())),
        "forms": rights_block.map_or(Vec::new(), |r| r.forms.iter().map(|l| json!({"title": t(&l.title), "url": l.url.as_ref().map(|u| u.value.trim().to_owned())})).collect()),
        "details": {
            "access": detail(|d| &d.access),
            "rectification": detail(|d| &d.rectification),
            "erasure": detail(|d| &d.erasure),
            "restriction": detail(|d| &d.restriction),
            "portability": detail(|d| &d.portability),
            "object": detail(|d| &d.object),
            "automated_decisions": detail(|d| &d.automated_decisions),
            "withdraw_consent": detail(|d| &d.withdraw_consent),
            "informed": detail(|d| &d.informed),
        },
        "marketing_purposes": and_list(&marketing),
        "consent_purposes": and_list(&consent_purposes),
    });
    let complaints = f.complaints.as_ref();
    let complaints_v = json!({
        "controller": ocontact(complaints.and_then(|c| c.controller.as_ref())),
        "statement": md(complaints.and_then(|c| c.statement.as_ref())),
        "regulator": ocontact(complaints.and_then(|c| c.regulator.as_ref())),
    });
    let apd = f.appropriate_policy_document.as_ref().map(|a| {
        json!({
            "title": ot(a.title.as_ref()),
            "url": a.url.as_ref().map(|u| u.value.trim().to_owned()),
        })
    });
    let sections: Vec<Value> = f
        .sections
        .iter()
        .map(|s| json!({"id": s.id.value, "title": t(&s.title), "body": md(Some(&s.body))}))
        .collect();

    let bases_used: Vec<&str> = {
        let mut v: Vec<LawfulBasis> = n
            .purposes()
            .iter()
            .flat_map(|p| p.lawful_basis.iter().map(|b| b.value))
            .collect();
        v.sort();
        v.dedup();
        v.into_iter().map(basis_code).collect()
    };

    json!({
        "notice": notice,
        "org": org,
        "short": short,
        "controller": controller_v,
        "dpo": dpo,
        "representative": representative,
        "joint_controllers": joint,
        "categories": {
            "personal": of_kind(DataKind::Personal),
            "special": of_kind(DataKind::Special),
            "criminal": of_kind(DataKind::CriminalOffence),
        },
        "sources": {
            "declared": f.sources.is_some(),
            "with_bases": n.sources().iter().any(|s| !s.lawful_basis.is_empty() || !s.special_category_conditions.is_empty()),
            "direct": n.sources().iter().filter(|s| s.kind.value == SourceKind::DataSubject).map(|s| source(s)).collect::<Vec<_>>(),
            "indirect": n.sources().iter().filter(|s| s.kind.value == SourceKind::ThirdParty).map(|s| source(s)).collect::<Vec<_>>(),
        },
        "purposes": purposes,
        "bases_used": bases_used,
        "recipients": recipients,
        "transfers": transfers,
        "retention": retention_v,
        "provision": provision,
        "adm": adm,
        "rights": rights_v,
        "complaints": complaints_v,
        "apd": apd,
        "sections": sections,
        "lang": n.lang,
    })
}
