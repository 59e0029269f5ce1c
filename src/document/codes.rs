//! The codes the template view hands to the templates for the closed vocabularies, one
//! function per enum. The words for each code live in `templates/law.md.j2` (overridable by
//! an office) and the rights templates; this module is the one place the view turns an enum
//! into the code a template looks up.
//!
//! Interim: the `diff` work adds `model::vocab` with a `code()` on each enum; when it lands
//! these functions become calls to it (or go, with their callers using it directly).

use crate::model::rights::Right;
use crate::model::schema::{Art9Condition, LawfulBasis, Requirement, Safeguard};

/// The code of a lawful basis, e.g. `public_task`.
pub(crate) fn basis(b: LawfulBasis) -> &'static str {
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

/// The code of an Art 9(2) condition, e.g. `substantial_public_interest`.
pub(crate) fn art9(c: Art9Condition) -> &'static str {
    c.code()
}

/// The code of a transfer safeguard, e.g. `idta`.
pub(crate) fn safeguard(s: Safeguard) -> &'static str {
    match s {
        Safeguard::AdequacyRegulations => "adequacy_regulations",
        Safeguard::Idta => "idta",
        Safeguard::UkAddendum => "uk_addendum",
        Safeguard::BindingCorporateRules => "binding_corporate_rules",
        Safeguard::OtherSafeguards => "other_safeguards",
        Safeguard::Derogation => "derogation",
    }
}

/// The code of a provision requirement, e.g. `statutory`.
pub(crate) fn requirement(r: Requirement) -> &'static str {
    match r {
        Requirement::Voluntary => "voluntary",
        Requirement::Statutory => "statutory",
        Requirement::Contractual => "contractual",
        Requirement::PreContract => "pre_contract",
        Requirement::Varies => "varies",
    }
}

/// The code of a right, e.g. `object_to_marketing`.
pub(crate) fn right(r: Right) -> &'static str {
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
