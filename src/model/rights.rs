//! Which rights a person has, worked out from the facts of the notice.
//!
//! Offices should not type their rights by hand: the law decides them from the lawful
//! bases. This module is the one place that mapping lives.
//!
//! - Access, rectification, erasure and restriction (Arts 15–18) always apply; erasure and
//!   restriction only in certain circumstances (Art 17(3), Art 18(1)).
//! - The right to object (Art 21(1)) applies where any purpose relies on public task,
//!   legitimate interests or a recognised legitimate interest (Art 6(1)(e), (f), (ea)).
//! - The absolute right to object to direct marketing (Art 21(2)–(3)) applies where any
//!   purpose is direct marketing.
//! - Data portability (Art 20(1)) applies only where a purpose relies on consent or contract
//!   (or explicit consent under Art 9(2)(a)) and the processing is automated; never to
//!   public tasks (Art 20(3)).
//! - Withdrawing consent (Art 7(3), Art 13(2)(c)) applies where consent or explicit consent
//!   is relied on.
//! - Rights about automated decisions (Arts 22A–22D) apply where such decisions are made.

use super::Notice;
use super::schema::{Art9Condition, LawfulBasis, Purpose};

pub use super::schema::Right;

impl Right {
    /// The article, for citations.
    pub fn citation(self) -> &'static str {
        match self {
            Right::Access => "UK GDPR Art 15",
            Right::Rectification => "UK GDPR Art 16",
            Right::Erasure => "UK GDPR Art 17",
            Right::Restriction => "UK GDPR Art 18",
            Right::Portability => "UK GDPR Art 20",
            Right::Object => "UK GDPR Art 21(1)",
            Right::ObjectToMarketing => "UK GDPR Art 21(2)",
            Right::WithdrawConsent => "UK GDPR Art 7(3)",
            Right::AutomatedDecisions => "UK GDPR Arts 22A–22D",
        }
    }
}

/// Whether a purpose relies on consent, under Art 6(1)(a) or Art 9(2)(a).
pub fn relies_on_consent(p: &Purpose) -> bool {
    p.lawful_basis
        .iter()
        .any(|b| b.value == LawfulBasis::Consent)
        || p.special_category_conditions
            .iter()
            .any(|c| c.condition.value == Art9Condition::ExplicitConsent)
}

/// Whether the right to data portability applies to a purpose (Art 20(1), (3)). A purpose
/// that relies on its public task is never eligible, whatever its Art 9 condition: Art 20(3)
/// excludes processing necessary for a public task.
pub fn portability_applies(p: &Purpose) -> bool {
    let automated = p.automated_means.as_ref().is_none_or(|a| a.value);
    let public_task = p
        .lawful_basis
        .iter()
        .any(|b| b.value == LawfulBasis::PublicTask);
    let basis = relies_on_consent(p)
        || p.lawful_basis
            .iter()
            .any(|b| b.value == LawfulBasis::Contract);
    automated && basis && !public_task
}

/// Whether the general right to object applies to a purpose (Art 21(1)).
pub fn objection_applies(p: &Purpose) -> bool {
    p.lawful_basis.iter().any(|b| {
        matches!(
            b.value,
            LawfulBasis::PublicTask
                | LawfulBasis::LegitimateInterests
                | LawfulBasis::RecognisedLegitimateInterest
        )
    })
}

/// Whether a purpose is direct marketing.
pub fn is_direct_marketing(p: &Purpose) -> bool {
    p.direct_marketing.as_ref().is_some_and(|d| d.value)
}

/// The rights that apply under this notice, in the order a notice explains them.
pub fn applicable(n: &Notice) -> Vec<Right> {
    let purposes = n.purposes();
    let mut rights = vec![
        Right::Access,
        Right::Rectification,
        Right::Erasure,
        Right::Restriction,
    ];
    if purposes.iter().any(|p| portability_applies(p)) {
        rights.push(Right::Portability);
    }
    if purposes.iter().any(|p| objection_applies(p)) {
        rights.push(Right::Object);
    }
    if purposes.iter().any(|p| is_direct_marketing(p)) {
        rights.push(Right::ObjectToMarketing);
    }
    if purposes.iter().any(|p| relies_on_consent(p)) {
        rights.push(Right::WithdrawConsent);
    }
    if n.file
        .automated_decision_making
        .as_ref()
        .is_some_and(|a| a.used.value)
    {
        rights.push(Right::AutomatedDecisions);
    }
    rights
}
