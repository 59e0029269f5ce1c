//! The closed vocabularies in words: the one place a lawful basis, an Art 9 condition, a kind
//! of data, a kind of source, a recipient's role, a transfer safeguard, a provision
//! requirement or a right is turned into a code or into English.
//!
//! Every enum here has:
//! - `code()`: the code written in the notice file, e.g. `public_task` (the template view
//!   hands these codes to the templates); for the schema's enums it reads the one table of
//!   codes, [`Code`] in [`walk`](super::walk);
//! - `words()`: a short lower-case phrase that reads inside a sentence, e.g. "public task"
//!   (what `notice diff` says).
//!
//! Where the notice itself describes a code to its reader, the enum also has
//! `notice_words()`: the reader's wording with its article, e.g. "Our public task: our
//! functions set out in law (Article 6(1)(e))". These are the words of the default
//! `templates/law.md.j2` (a test keeps the two the same); an office that overrides that
//! template changes what its notice says, not these words.

use super::rights::Right;
use super::schema::{
    Art9Condition, Audience, DataKind, LawfulBasis, RecipientRole, Requirement, Safeguard,
    SourceKind,
};
use super::walk::Code;
use crate::source::Sp;

impl LawfulBasis {
    /// The code written in the file, e.g. `legal_obligation` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// A short phrase for a sentence, e.g. "legal obligation".
    pub fn words(self) -> &'static str {
        self.vocab().0
    }

    /// What the notice calls it in a short list, addressed to the reader, e.g. "a legal
    /// obligation" (`basis_short` in `templates/law.md.j2`).
    pub fn short_notice_words(self) -> &'static str {
        self.vocab().1
    }

    /// What the notice tells the reader, with the article, e.g. "A legal obligation we must
    /// meet (Article 6(1)(c))" (`basis` in `templates/law.md.j2`).
    pub fn notice_words(self) -> &'static str {
        self.vocab().2
    }

    /// (words, short notice words, notice words).
    fn vocab(self) -> (&'static str, &'static str, &'static str) {
        match self {
            LawfulBasis::Consent => (
                "consent",
                "your consent",
                "Your consent (UK GDPR Article 6(1)(a))",
            ),
            LawfulBasis::Contract => (
                "contract",
                "a contract with you",
                "A contract with you, or steps before one (Article 6(1)(b))",
            ),
            LawfulBasis::LegalObligation => (
                "legal obligation",
                "a legal obligation",
                "A legal obligation we must meet (Article 6(1)(c))",
            ),
            LawfulBasis::VitalInterests => (
                "vital interests",
                "protecting someone's life",
                "To protect someone's life (Article 6(1)(d))",
            ),
            LawfulBasis::PublicTask => (
                "public task",
                "our public task",
                "Our public task: our functions set out in law (Article 6(1)(e))",
            ),
            LawfulBasis::RecognisedLegitimateInterest => (
                "recognised legitimate interest",
                "a recognised legitimate interest",
                "A recognised legitimate interest (Article 6(1)(ea))",
            ),
            LawfulBasis::LegitimateInterests => (
                "legitimate interests",
                "legitimate interests",
                "Legitimate interests (Article 6(1)(f))",
            ),
        }
    }
}

impl Art9Condition {
    /// The code written in the file, e.g. `substantial_public_interest` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// A short phrase for a sentence, e.g. "substantial public interest".
    pub fn words(self) -> &'static str {
        self.vocab().0
    }

    /// What the notice tells the reader, with the article, e.g. "Public health (Article
    /// 9(2)(i))" (`art9` in `templates/law.md.j2`).
    pub fn notice_words(self) -> &'static str {
        self.vocab().1
    }

    /// (words, notice words).
    fn vocab(self) -> (&'static str, &'static str) {
        match self {
            Art9Condition::ExplicitConsent => (
                "explicit consent",
                "Your explicit consent (UK GDPR Article 9(2)(a))",
            ),
            Art9Condition::Employment => (
                "employment law",
                "Employment, social security and social protection law (Article 9(2)(b))",
            ),
            Art9Condition::VitalInterests => (
                "vital interests",
                "To protect someone's life when they cannot consent (Article 9(2)(c))",
            ),
            Art9Condition::NotForProfit => (
                "not-for-profit bodies",
                "Activities of a not-for-profit body (Article 9(2)(d))",
            ),
            Art9Condition::MadePublic => (
                "made public by the person",
                "Information you have made public yourself (Article 9(2)(e))",
            ),
            Art9Condition::LegalClaims => (
                "legal claims",
                "Legal claims or court proceedings (Article 9(2)(f))",
            ),
            Art9Condition::SubstantialPublicInterest => (
                "substantial public interest",
                "Reasons of substantial public interest, with a basis in law (Article 9(2)(g))",
            ),
            Art9Condition::HealthOrSocialCare => (
                "health or social care",
                "Health or social care (Article 9(2)(h))",
            ),
            Art9Condition::PublicHealth => ("public health", "Public health (Article 9(2)(i))"),
            Art9Condition::ArchivingResearchStatistics => (
                "archiving, research or statistics",
                "Archiving, research or statistics (Article 9(2)(j))",
            ),
        }
    }
}

impl DataKind {
    /// The code written in the file, e.g. `criminal_offence` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// A short phrase for a sentence, e.g. "special category data".
    pub fn words(self) -> &'static str {
        match self {
            DataKind::Personal => "ordinary personal data",
            DataKind::Special => "special category data",
            DataKind::CriminalOffence => "criminal offence data",
        }
    }
}

impl SourceKind {
    /// The code written in the file, e.g. `third_party` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// Who the source is, for a sentence, e.g. "the person the data is about".
    pub fn words(self) -> &'static str {
        match self {
            SourceKind::DataSubject => "the person the data is about",
            SourceKind::Observed => "recorded by the office as it sees or hears the person",
            SourceKind::ThirdParty => "someone other than the person the data is about",
            SourceKind::Created => "created by the office itself",
        }
    }

    /// Whether data of this kind is collected from the person it is about (Art 13):
    /// given by them, or observed (WP29 transparency guidelines, WP260 rev.01 para 26).
    pub fn is_from_the_person(self) -> bool {
        matches!(self, SourceKind::DataSubject | SourceKind::Observed)
    }

    /// Whether data of this kind is obtained from someone other than the person (Art 14).
    pub fn is_from_others(self) -> bool {
        self == SourceKind::ThirdParty
    }
}

impl RecipientRole {
    /// The code written in the file, e.g. `joint_controller` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// What the recipient is, with its article, for "… is now a processor".
    pub fn words(self) -> &'static str {
        match self {
            RecipientRole::Controller => "a controller",
            RecipientRole::Processor => "a processor",
            RecipientRole::JointController => "a joint controller",
            RecipientRole::PublicAuthority => "a public authority",
        }
    }
}

impl Safeguard {
    /// The code written in the file, e.g. `uk_addendum` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// A short phrase for "relying on …", e.g. "binding corporate rules".
    pub fn words(self) -> &'static str {
        self.vocab().0
    }

    /// What the notice tells the reader after "we rely on", with the article
    /// (`safeguard` in `templates/law.md.j2`).
    pub fn notice_words(self) -> &'static str {
        self.vocab().1
    }

    /// (words, notice words).
    fn vocab(self) -> (&'static str, &'static str) {
        match self {
            Safeguard::AdequacyRegulations => (
                "UK adequacy regulations",
                "UK regulations that approve sending personal information there (UK GDPR Article 45A)",
            ),
            Safeguard::Idta => (
                "the International Data Transfer Agreement",
                "the UK International Data Transfer Agreement, which sets out how your information must be protected (Article 46)",
            ),
            Safeguard::UkAddendum => (
                "the UK Addendum to the EU standard contractual clauses",
                "the European Commission's standard contractual clauses with the UK Addendum, which set out how your information must be protected (Article 46)",
            ),
            Safeguard::BindingCorporateRules => (
                "binding corporate rules",
                "binding corporate rules approved by the Information Commissioner's Office (Article 47)",
            ),
            Safeguard::OtherSafeguards => (
                "other appropriate safeguards",
                "other appropriate safeguards (Article 46)",
            ),
            Safeguard::Derogation => (
                "a derogation for a specific situation",
                "an exception the law allows for a specific situation (Article 49(1))",
            ),
        }
    }
}

impl Requirement {
    /// The code written in the file, e.g. `pre_contract` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// A short phrase for "giving personal data is …", e.g. "a statutory requirement".
    pub fn words(self) -> &'static str {
        self.vocab().0
    }

    /// The sentence the notice tells the reader (`requirement` in `templates/law.md.j2`).
    pub fn notice_words(self) -> &'static str {
        self.vocab().1
    }

    /// The sentence the notice tells the reader under one purpose that has its own answer
    /// (`purpose_requirement` in `templates/law.md.j2`).
    pub fn purpose_notice_words(self) -> &'static str {
        match self {
            Requirement::Voluntary => {
                "For this purpose, you do not have to give us your personal information: it is your choice."
            }
            Requirement::Statutory => {
                "For this purpose, the law requires you to give us some personal information."
            }
            Requirement::Contractual => {
                "For this purpose, a contract requires you to give us some personal information."
            }
            Requirement::PreContract => {
                "For this purpose, we need some personal information before we can enter into a contract with you."
            }
            Requirement::Varies => {
                "For this purpose, whether you have to give us personal information depends on what we are asking for."
            }
        }
    }

    /// (words, notice words).
    fn vocab(self) -> (&'static str, &'static str) {
        match self {
            Requirement::Voluntary => (
                "voluntary",
                "You do not have to give us your personal information: it is your choice.",
            ),
            Requirement::Statutory => (
                "a statutory requirement",
                "The law requires you to give us some personal information.",
            ),
            Requirement::Contractual => (
                "a contractual requirement",
                "A contract requires you to give us some personal information.",
            ),
            Requirement::PreContract => (
                "needed to enter into a contract",
                "We need some personal information before we can enter into a contract with you.",
            ),
            Requirement::Varies => (
                "depends on the purpose",
                "Whether you have to give us personal information depends on why we are asking for it.",
            ),
        }
    }
}

impl Audience {
    /// The code written in the file, e.g. `job_applicants` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// Who they are, as the notice names them to its reader after "This notice is for",
    /// e.g. "people applying for a job with us". `notice diff` uses the same words.
    pub fn words(self) -> &'static str {
        match self {
            Audience::Public => "members of the public",
            Audience::Staff => "our staff",
            Audience::JobApplicants => "people applying for a job with us",
            Audience::Volunteers => "our volunteers",
            Audience::Complainants => "people who make a complaint",
            Audience::Victims => "victims of crime",
            Audience::Witnesses => "witnesses",
            Audience::Children => "children and young people",
        }
    }
}

/// Who a notice or purpose is for, as it names them: the listed groups in their words (each
/// once), then the office's own labels, trimmed.
pub fn audience_list(codes: &[Sp<Audience>], other: &[Sp<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        let w = c.value.words().to_owned();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out.extend(other.iter().map(|o| o.value.trim().to_owned()));
    out
}

/// The right to be informed (Arts 13 and 14), in the words of [`Right::words`]: it has no
/// [`Right`] of its own, as every notice gives it, but `rights.details.informed` speaks of it.
pub const RIGHT_TO_BE_INFORMED: &str = "the right to be informed";

impl Right {
    /// Every right a notice may tell people about (from [`Code`]).
    pub const ALL: &'static [Right] = <Self as Code>::ALL;

    /// The code the templates test for, e.g. `object_to_marketing` (`rights.has.*`); the
    /// same as the key of its `rights.details` field where it has one, and as written in
    /// `as_published.rights` (from [`Code`]).
    pub fn code(self) -> &'static str {
        <Self as Code>::code(self)
    }

    /// The right as a phrase, e.g. "the right to data portability".
    pub fn words(self) -> &'static str {
        match self {
            Right::Access => "the right of access",
            Right::Rectification => "the right to rectification",
            Right::Erasure => "the right to erasure",
            Right::Restriction => "the right to restriction",
            Right::Portability => "the right to data portability",
            Right::Object => "the right to object",
            Right::ObjectToMarketing => "the right to object to direct marketing",
            Right::WithdrawConsent => "withdrawing consent",
            Right::AutomatedDecisions => "rights about automated decisions",
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, StrDeserializer};

    use super::*;
    use crate::model::walk::Code;

    /// The value a code reads as in a notice file.
    fn read<'de, T: Deserialize<'de>>(code: &'de str) -> T {
        let d: StrDeserializer<'de, Error> = code.into_deserializer();
        T::deserialize(d).unwrap_or_else(|e| panic!("{code}: {e}"))
    }

    #[test]
    fn every_code_is_the_one_the_file_uses() {
        for &b in <LawfulBasis as Code>::ALL {
            assert_eq!(read::<LawfulBasis>(b.code()), b);
        }
        for &c in <Art9Condition as Code>::ALL {
            assert_eq!(read::<Art9Condition>(c.code()), c);
        }
        for &k in <DataKind as Code>::ALL {
            assert_eq!(read::<DataKind>(k.code()), k);
        }
        for &k in <SourceKind as Code>::ALL {
            assert_eq!(read::<SourceKind>(k.code()), k);
        }
        for &r in <RecipientRole as Code>::ALL {
            assert_eq!(read::<RecipientRole>(r.code()), r);
        }
        for &s in <Safeguard as Code>::ALL {
            assert_eq!(read::<Safeguard>(s.code()), s);
        }
        for &r in <Requirement as Code>::ALL {
            assert_eq!(read::<Requirement>(r.code()), r);
        }
        for &a in <Audience as Code>::ALL {
            assert_eq!(read::<Audience>(a.code()), a);
        }
    }

    /// `"code": "words",` lines of one macro of `templates/law.md.j2`.
    fn template_words(macro_name: &str) -> Vec<(String, String)> {
        let law = include_str!("../../templates/law.md.j2");
        let start = law
            .find(&format!("{{% macro {macro_name}(code)"))
            .unwrap_or_else(|| panic!("no macro {macro_name} in law.md.j2"));
        let body = &law[start..];
        let body = &body[..body.find("endmacro").expect("macro ends")];
        body.lines()
            .filter_map(|l| {
                let l = l.trim().strip_prefix('"')?.strip_suffix("\",")?;
                let (code, words) = l.split_once("\": \"")?;
                Some((code.to_owned(), words.to_owned()))
            })
            .collect()
    }

    /// (code, words) of every value of a vocabulary.
    fn ours<T: Code>(words: fn(T) -> &'static str) -> Vec<(String, String)> {
        T::ALL
            .iter()
            .map(|&x| (x.code().to_owned(), words(x).to_owned()))
            .collect()
    }

    #[test]
    fn the_notice_words_are_those_of_the_default_template() {
        assert_eq!(template_words("basis"), ours(LawfulBasis::notice_words));
        assert_eq!(
            template_words("basis_short"),
            ours(LawfulBasis::short_notice_words)
        );
        assert_eq!(template_words("art9"), ours(Art9Condition::notice_words));
        assert_eq!(template_words("safeguard"), ours(Safeguard::notice_words));
        assert_eq!(
            template_words("requirement"),
            ours(Requirement::notice_words)
        );
        assert_eq!(
            template_words("purpose_requirement"),
            ours(Requirement::purpose_notice_words)
        );
    }

    #[test]
    fn words_are_distinct_within_each_vocabulary() {
        fn distinct(words: Vec<(String, String)>) {
            let mut sorted: Vec<&String> = words.iter().map(|(_, w)| w).collect();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), words.len(), "{words:?}");
        }
        distinct(ours(LawfulBasis::words));
        distinct(ours(Art9Condition::words));
        distinct(ours(DataKind::words));
        distinct(ours(SourceKind::words));
        distinct(ours(RecipientRole::words));
        distinct(ours(Safeguard::words));
        distinct(ours(Requirement::words));
        distinct(ours(Requirement::purpose_notice_words));
        distinct(ours(Audience::words));
        let mut rights: Vec<&str> = Right::ALL.iter().map(|r| r.words()).collect();
        rights.push(RIGHT_TO_BE_INFORMED);
        rights.sort_unstable();
        rights.dedup();
        assert_eq!(rights.len(), Right::ALL.len() + 1);
    }
}
