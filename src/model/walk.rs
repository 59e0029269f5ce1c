//! The shape of the input format, described once: every field of every block, with what
//! kind of value it holds, for every consumer that must see them all.
//!
//! [`schema`](super::schema) declares the types serde reads. This module says, for each
//! field of each of those types, its [`Class`]: whether it is the office's prose, a short
//! label, an id, a reference, a contact route, a date, an address on the web, a code from a
//! closed vocabulary, a flag or a nested block. From that one table come:
//!
//! - a walk over a parsed notice ([`Walk::walk`]) that visits every value with its path, so
//!   the wording lints, the diff's catch-all and the coverage tests never list fields by
//!   hand;
//! - a static description ([`Shape::fields`]) of every field, so the synthetic-notice
//!   generator knows which keys hold text and references without a list of its own, and a
//!   test can hold the description to the JSON Schema.
//!
//! Each entry destructures its struct without `..`, so adding a field to
//! [`schema`](super::schema) does not compile until the field is given a class here, and
//! from then on every consumer sees it.

use crate::source::{Sp, Span};

use super::schema::*;

/// What kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// A block of fields (or a list of blocks).
    Block,
    /// The office's own words, as published: sentences, descriptions, and the names and
    /// headings the notice prints as text. The wording lints read these.
    Prose,
    /// A short name, role or label printed as written (a person, a body, a place, a
    /// format, an address line, opening hours), not read by the wording lints.
    Label,
    /// The id of a list entry.
    Id,
    /// A reference to a list entry's id.
    Reference,
    /// A contact route that is not prose: an e-mail address, a telephone number, a handle.
    Contact,
    /// A date, as written (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    Date,
    /// A web address.
    Url,
    /// A path to another file of the office, relative to the notice (`extends`).
    Path,
    /// A code from a closed vocabulary, or a short code such as a language tag.
    Code,
    /// `true` or `false`.
    Flag,
}

impl Class {
    /// Whether values of this class are text the office wrote for people to read.
    pub fn is_text(self) -> bool {
        matches!(self, Class::Prose | Class::Label)
    }
}

/// One step of a path: a field, or an entry of a list (with its id, if it has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A field of a block.
    Field(&'static str),
    /// The entry at this index of a list, with the entry's id where it has one.
    Item(usize, Option<&'a str>),
}

/// A value at the end of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf<'a> {
    /// Text.
    Text(&'a Sp<String>),
    /// A flag.
    Flag(&'a Sp<bool>),
    /// A code from a closed vocabulary, with where it was written.
    Code(&'static str, Span),
}

impl Leaf<'_> {
    /// Where the value was written.
    pub fn span(&self) -> Span {
        match self {
            Leaf::Text(t) => t.span,
            Leaf::Flag(f) => f.span,
            Leaf::Code(_, span) => *span,
        }
    }

    /// The value as written in the file (`true`, a code, or the text).
    pub fn as_text(&self) -> String {
        match self {
            Leaf::Text(t) => t.value.clone(),
            Leaf::Flag(f) => f.value.to_string(),
            Leaf::Code(c, _) => (*c).to_owned(),
        }
    }
}

/// Walks a notice, keeping the path, and hands every value to a callback.
pub struct Walker<'a, 'f> {
    path: Vec<Step<'a>>,
    class: Class,
    visit: &'f mut dyn FnMut(&[Step<'a>], Class, Leaf<'a>),
}

impl std::fmt::Debug for Walker<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Walker")
            .field("path", &self.path)
            .field("class", &self.class)
            .finish_non_exhaustive()
    }
}

impl<'a> Walker<'a, '_> {
    fn field(&mut self, name: &'static str, class: Class, value: &'a impl Walk) {
        let outer = std::mem::replace(&mut self.class, class);
        self.path.push(Step::Field(name));
        value.walk(self);
        self.path.pop();
        self.class = outer;
    }

    fn leaf(&mut self, leaf: Leaf<'a>) {
        (self.visit)(&self.path, self.class, leaf);
    }
}

/// Visit every value of `file`, in declaration order, with its path and class.
pub fn walk<'a>(file: &'a NoticeFile, visit: &mut dyn FnMut(&[Step<'a>], Class, Leaf<'a>)) {
    let mut w = Walker {
        path: Vec::new(),
        class: Class::Block,
        visit,
    };
    file.walk(&mut w);
}

/// A path as the diagnostics write it: `purposes[2].lawful_basis[0]`.
pub fn path_string(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Item(i, _) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// A value the walk can visit.
pub trait Walk {
    /// Visit every value inside `self`.
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>);
}

/// The static shape of a type: its fields, if it is a block.
pub trait Shape {
    /// Whether the type is a list (at any depth of wrapping).
    const LIST: bool = false;
    /// The fields of the block it holds, or none for a plain value.
    fn fields() -> &'static [Field] {
        &[]
    }
}

/// One field of a block, in the static description.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key, as written in the file.
    pub name: &'static str,
    /// What it holds.
    pub class: Class,
    /// Whether it is a list.
    pub list: bool,
    /// The fields of the block it holds (empty for a plain value).
    pub fields: fn() -> &'static [Field],
}

impl<T: Walk> Walk for Sp<T> {
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
        self.value.walk(w);
    }
}

impl<T: Shape> Shape for Sp<T> {
    const LIST: bool = T::LIST;
    fn fields() -> &'static [Field] {
        T::fields()
    }
}

impl<T: Walk> Walk for Option<T> {
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
        if let Some(v) = self {
            v.walk(w);
        }
    }
}

impl<T: Shape> Shape for Option<T> {
    const LIST: bool = T::LIST;
    fn fields() -> &'static [Field] {
        T::fields()
    }
}

impl<T: Walk + HasId> Walk for Vec<T> {
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
        for (i, item) in self.iter().enumerate() {
            w.path.push(Step::Item(i, item.id()));
            item.walk(w);
            w.path.pop();
        }
    }
}

impl<T: Shape> Shape for Vec<T> {
    const LIST: bool = true;
    fn fields() -> &'static [Field] {
        T::fields()
    }
}

/// A list entry's id, for paths that survive reordering.
pub trait HasId {
    /// The id, if the entry has one.
    fn id(&self) -> Option<&str> {
        None
    }
}

impl<T: HasId> HasId for Sp<T> {
    fn id(&self) -> Option<&str> {
        self.value.id()
    }
}

impl HasId for String {}

impl Walk for Sp<String> {
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
        w.leaf(Leaf::Text(self));
    }
}

impl Shape for String {}

impl Walk for Sp<bool> {
    fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
        w.leaf(Leaf::Flag(self));
    }
}

impl Shape for bool {}

/// A closed vocabulary: each value's code, as written in the file.
pub trait Code: Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The code written in the file, e.g. `public_task`.
    fn code(self) -> &'static str;
}

macro_rules! codes {
    ($($ty:ident { $($variant:ident => $code:literal),* $(,)? })*) => {
        $(
            impl Code for $ty {
                const ALL: &'static [Self] = &[$($ty::$variant),*];
                fn code(self) -> &'static str {
                    match self {
                        $($ty::$variant => $code),*
                    }
                }
            }

            impl Walk for Sp<$ty> {
                fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
                    w.leaf(Leaf::Code(self.value.code(), self.span));
                }
            }

            impl Shape for $ty {}
            impl HasId for $ty {}
        )*
    };
}

codes! {
    DataKind {
        Personal => "personal",
        Special => "special",
        CriminalOffence => "criminal_offence",
    }
    SourceKind {
        DataSubject => "data_subject",
        Observed => "observed",
        ThirdParty => "third_party",
        Created => "created",
    }
    RecipientRole {
        Controller => "controller",
        Processor => "processor",
        JointController => "joint_controller",
        PublicAuthority => "public_authority",
    }
    LawfulBasis {
        Consent => "consent",
        Contract => "contract",
        LegalObligation => "legal_obligation",
        VitalInterests => "vital_interests",
        PublicTask => "public_task",
        RecognisedLegitimateInterest => "recognised_legitimate_interest",
        LegitimateInterests => "legitimate_interests",
    }
    Art9Condition {
        ExplicitConsent => "explicit_consent",
        Employment => "employment",
        VitalInterests => "vital_interests",
        NotForProfit => "not_for_profit",
        MadePublic => "made_public",
        LegalClaims => "legal_claims",
        SubstantialPublicInterest => "substantial_public_interest",
        HealthOrSocialCare => "health_or_social_care",
        PublicHealth => "public_health",
        ArchivingResearchStatistics => "archiving_research_statistics",
    }
    Safeguard {
        AdequacyRegulations => "adequacy_regulations",
        Idta => "idta",
        UkAddendum => "uk_addendum",
        BindingCorporateRules => "binding_corporate_rules",
        OtherSafeguards => "other_safeguards",
        Derogation => "derogation",
    }
    ExemptionGround {
        AlreadyInformed => "already_informed",
        DisproportionateEffort => "disproportionate_effort",
        SeriouslyImpair => "seriously_impair",
        RequiredByLaw => "required_by_law",
        ProfessionalSecrecy => "professional_secrecy",
        Research => "research",
    }
    Right {
        Access => "access",
        Rectification => "rectification",
        Erasure => "erasure",
        Restriction => "restriction",
        Portability => "portability",
        Object => "object",
        ObjectToMarketing => "object_to_marketing",
        WithdrawConsent => "withdraw_consent",
        AutomatedDecisions => "automated_decisions",
    }
    Requirement {
        Voluntary => "voluntary",
        Statutory => "statutory",
        Contractual => "contractual",
        PreContract => "pre_contract",
        Varies => "varies",
    }
    Audience {
        Public => "public",
        Staff => "staff",
        JobApplicants => "job_applicants",
        Volunteers => "volunteers",
        Complainants => "complainants",
        Victims => "victims",
        Witnesses => "witnesses",
        Children => "children",
    }
}

/// `blocks! { Type [id] { field: class, … } … }`: the class of every field of every block.
/// `[id]` marks a block whose entries in a list are known by their `id` field.
macro_rules! blocks {
    (@has_id $ty:ident id) => {
        impl HasId for $ty {
            fn id(&self) -> Option<&str> {
                Some(&self.id.value)
            }
        }
    };
    (@has_id $ty:ident) => {
        impl HasId for $ty {}
    };
    ($($ty:ident $([$id:ident])? { $($field:ident: $class:ident),* $(,)? })*) => {
        $(
            impl Walk for $ty {
                fn walk<'a>(&'a self, w: &mut Walker<'a, '_>) {
                    // No `..`: a field added to the schema must be classed here.
                    let $ty { $($field),* } = self;
                    $(w.field(stringify!($field), Class::$class, $field);)*
                }
            }

            impl Shape for $ty {
                fn fields() -> &'static [Field] {
                    const FIELDS: &[Field] = &[$(Field {
                        name: stringify!($field),
                        class: Class::$class,
                        list: field_is_list(|v: &$ty| &v.$field),
                        fields: field_shape(|v: &$ty| &v.$field),
                    }),*];
                    FIELDS
                }
            }

            impl FillAbsent for $ty {
                fn fill_absent(&mut self, from: &Self) {
                    $(FillAbsent::fill_absent(&mut self.$field, &from.$field);)*
                }
            }

            blocks!(@has_id $ty $($id)?);
        )*
    };
}

/// Take, field by field, what a value leaves unsaid from another value of its type: an
/// absent optional field or an empty list is filled, a given one kept. A required field
/// is always given. Generated for every block by [`blocks!`], so a field added to the
/// format is filled with no line anywhere else (the set rules judge a layer with what its
/// first layer and sibling layers say: `rules::set`).
pub trait FillAbsent {
    /// Fill what `self` leaves unsaid from `from`.
    fn fill_absent(&mut self, from: &Self);
}

impl<T: Clone> FillAbsent for Option<T> {
    fn fill_absent(&mut self, from: &Self) {
        if self.is_none() {
            self.clone_from(from);
        }
    }
}

impl<T: Clone> FillAbsent for Vec<T> {
    fn fill_absent(&mut self, from: &Self) {
        if self.is_empty() {
            self.clone_from(from);
        }
    }
}

impl<T> FillAbsent for Sp<T> {
    /// A required field: always given, never filled.
    fn fill_absent(&mut self, _: &Self) {}
}

/// Whether a field, named by a projection, is a list (resolved at compile time).
const fn field_is_list<S, T: Shape>(_: fn(&S) -> &T) -> bool {
    T::LIST
}

/// The fields of the block a field holds, named by a projection.
const fn field_shape<S, T: Shape>(_: fn(&S) -> &T) -> fn() -> &'static [Field] {
    T::fields
}

blocks! {
    NoticeFile {
        extends: Path,
        notice: Block,
        controller: Block,
        dpo: Block,
        representative: Block,
        joint_controllers: Block,
        data_categories: Block,
        sources: Block,
        recipients: Block,
        purposes: Block,
        transfers: Block,
        retention: Block,
        automated_decision_making: Block,
        provision_requirement: Block,
        rights: Block,
        complaints: Block,
        appropriate_policy_document: Block,
        children: Block,
        sections: Block,
        exemptions: Block,
        as_published: Block,
    }
    NoticeMeta {
        title: Prose,
        language: Code,
        url: Url,
        introduction: Prose,
        scope: Prose,
        version: Label,
        policy_number: Label,
        author: Label,
        published: Date,
        last_updated: Date,
        next_review: Date,
        owner: Label,
        responsible: Label,
        alternative_formats: Block,
        changes: Block,
        review_statement: Prose,
        layers: Block,
        audience: Code,
        audience_other: Label,
    }
    Layer {
        title: Prose,
        notice: Code,
        url: Url,
    }
    AlternativeFormats {
        formats: Label,
        contact: Block,
        statement: Prose,
    }
    Change {
        date: Date,
        summary: Prose,
        kind: Label,
        author: Label,
    }
    Contact {
        name: Label,
        address: Label,
        email: Contact,
        phone: Contact,
        other_phones: Block,
        hours: Label,
        web: Url,
        form: Url,
        social: Block,
    }
    LabelledValue {
        label: Label,
        value: Contact,
    }
    Controller {
        name: Label,
        short_name: Label,
        public_authority: Flag,
        established_in_uk: Flag,
        ico_registration: Code,
        ico_exemption: Prose,
        office_holder: Label,
        description: Prose,
        contact: Block,
    }
    Dpo {
        name: Label,
        role: Label,
        description: Prose,
        contact: Block,
    }
    Representative {
        name: Label,
        contact: Block,
    }
    JointController [id] {
        id: Id,
        name: Prose,
        arrangement: Prose,
        contact: Block,
    }
    DataCategory [id] {
        id: Id,
        name: Prose,
        examples: Prose,
        kind: Code,
        note: Prose,
    }
    Source [id] {
        id: Id,
        name: Prose,
        kind: Code,
        publicly_accessible: Flag,
        examples: Prose,
        data_categories: Reference,
        lawful_basis: Code,
        special_category_conditions: Block,
        note: Prose,
    }
    Recipient [id] {
        id: Id,
        name: Prose,
        role: Code,
        category: Prose,
        location: Label,
        note: Prose,
    }
    Purpose [id] {
        id: Id,
        name: Prose,
        description: Prose,
        lawful_basis: Code,
        legislation: Prose,
        legitimate_interests: Prose,
        outside_public_tasks: Flag,
        recognised_legitimate_interest: Prose,
        special_category_conditions: Block,
        criminal_offence_condition: Block,
        data_categories: Reference,
        sources: Reference,
        recipients: Reference,
        joint_controllers: Reference,
        retention: Reference,
        direct_marketing: Flag,
        automated_means: Flag,
        withdraw_consent: Prose,
        page: Block,
        audience: Code,
        audience_other: Label,
        provision_requirement: Block,
        retention_statement: Prose,
        retention_policy: Block,
        shared_with_no_one: Flag,
        anonymised: Flag,
    }
    SpecialCondition {
        condition: Code,
        schedule_1: Code,
        note: Prose,
    }
    CriminalOffenceCondition {
        official_authority: Prose,
        schedule_1: Code,
    }
    Transfers {
        outside_uk: Flag,
        destinations: Block,
        statement: Prose,
        qualified_answer: Prose,
    }
    Transfer {
        destination: Label,
        recipients: Reference,
        safeguard: Code,
        copy_from: Prose,
    }
    Retention {
        default: Prose,
        criteria: Prose,
        rules: Block,
        policy: Block,
        statement: Prose,
    }
    RetentionRule [id] {
        id: Id,
        records: Prose,
        period: Prose,
    }
    Link {
        title: Prose,
        url: Url,
    }
    AutomatedDecisions {
        used: Flag,
        decisions: Block,
        statement: Prose,
        qualified_answer: Prose,
    }
    AutomatedDecision {
        description: Prose,
        logic: Prose,
        significance: Prose,
        safeguards: Prose,
    }
    ProvisionRequirement {
        requirement: Code,
        consequences: Prose,
        statement: Prose,
    }
    Rights {
        statement: Prose,
        contact: Block,
        how_to_exercise: Prose,
        identity_check: Prose,
        response_time: Prose,
        details: Block,
        forms: Block,
    }
    RightDetails {
        access: Prose,
        rectification: Prose,
        erasure: Prose,
        restriction: Prose,
        portability: Prose,
        object: Prose,
        automated_decisions: Prose,
        withdraw_consent: Prose,
        informed: Prose,
    }
    Complaints {
        controller: Block,
        statement: Prose,
        regulator: Block,
        controller_is_regulator: Flag,
    }
    PolicyDocument {
        title: Prose,
        url: Url,
        last_reviewed: Date,
    }
    Children {
        statement: Prose,
        version_for_children: Block,
    }
    ExtraSection [id] {
        id: Id,
        title: Prose,
        body: Prose,
    }
    Exemption [id] {
        id: Id,
        ground: Code,
        reason: Prose,
        sources: Reference,
        purposes: Reference,
        law: Label,
        measures: Prose,
    }
    AsPublished {
        rights: Code,
        regulator_complaint: Flag,
    }
}

/// Every field path of the format (`purposes[].lawful_basis`), with its class, in
/// declaration order: the static description flattened.
pub fn field_paths() -> Vec<(String, Class)> {
    fn go(prefix: &str, fields: &[Field], out: &mut Vec<(String, Class)>) {
        for f in fields {
            let mut path = if prefix.is_empty() {
                f.name.to_owned()
            } else {
                format!("{prefix}.{}", f.name)
            };
            if f.list {
                path.push_str("[]");
            }
            out.push((path.clone(), f.class));
            go(&path, (f.fields)(), out);
        }
    }
    let mut out = Vec::new();
    go("", NoticeFile::fields(), &mut out);
    out
}

/// The keys that hold a given class anywhere in the format (`name`, `note`, …), sorted.
pub fn keys_of(class: Class) -> Vec<&'static str> {
    fn go(fields: &[Field], class: Class, out: &mut Vec<&'static str>) {
        for f in fields {
            if f.class == class {
                out.push(f.name);
            }
            go((f.fields)(), class, out);
        }
    }
    let mut out = Vec::new();
    go(NoticeFile::fields(), class, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path of the JSON Schema that `notice schema` prints, as `a.b[].c`.
    fn schema_paths() -> Vec<String> {
        let schema = serde_json::to_value(schemars::schema_for!(NoticeFile)).unwrap();
        let defs = schema["$defs"].clone();
        fn resolve<'v>(
            v: &'v serde_json::Value,
            defs: &'v serde_json::Value,
        ) -> &'v serde_json::Value {
            if let Some(r) = v.get("$ref").and_then(|r| r.as_str()) {
                let name = r.rsplit('/').next().unwrap();
                return resolve(&defs[name], defs);
            }
            for key in ["anyOf", "oneOf", "allOf"] {
                if let Some(options) = v.get(key).and_then(|o| o.as_array())
                    && let Some(o) = options
                        .iter()
                        .find(|o| o.get("type").and_then(|t| t.as_str()) != Some("null"))
                {
                    return resolve(o, defs);
                }
            }
            v
        }
        fn go(
            prefix: &str,
            v: &serde_json::Value,
            defs: &serde_json::Value,
            out: &mut Vec<String>,
        ) {
            let v = resolve(v, defs);
            let Some(props) = v.get("properties").and_then(|p| p.as_object()) else {
                return;
            };
            for (name, sub) in props {
                let sub = resolve(sub, defs);
                let mut path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                let mut inner = sub;
                if let Some(items) = sub.get("items") {
                    path.push_str("[]");
                    inner = resolve(items, defs);
                }
                out.push(path.clone());
                go(&path, inner, defs, out);
            }
        }
        let mut out = Vec::new();
        go("", &schema, &defs, &mut out);
        out.sort();
        out
    }

    #[test]
    fn the_description_covers_the_json_schema_exactly() {
        let mut ours: Vec<String> = field_paths().into_iter().map(|(p, _)| p).collect();
        ours.sort();
        assert_eq!(ours, schema_paths());
    }

    #[test]
    fn codes_are_the_words_the_parser_reads() {
        fn check<T: Code + PartialEq + std::fmt::Debug + serde::de::DeserializeOwned>() {
            for v in T::ALL {
                let read: T = serde_saphyr::from_str(v.code()).unwrap();
                assert_eq!(read, *v, "{}", v.code());
            }
        }
        check::<DataKind>();
        check::<SourceKind>();
        check::<RecipientRole>();
        check::<LawfulBasis>();
        check::<Art9Condition>();
        check::<Safeguard>();
        check::<Requirement>();
        check::<Audience>();
        check::<Right>();
    }

    #[test]
    fn text_classes_hold_text_and_blocks_hold_blocks() {
        let paths = field_paths();
        for (path, class) in &paths {
            let is_block = paths
                .iter()
                .any(|(p, _)| p.starts_with(&format!("{path}.")));
            assert_eq!(
                *class == Class::Block,
                is_block,
                "{path} is classed {class:?}"
            );
        }
    }

    #[test]
    fn a_walk_gives_paths_and_ids() {
        let src = crate::source::SourceFile::from_text(
            "t.yaml",
            "purposes:\n  - id: a\n    name: Alpha\n    lawful_basis: [public_task]\n",
        );
        let file = crate::parse::parse(&src).unwrap();
        let mut seen = Vec::new();
        walk(&file, &mut |path, class, leaf| {
            seen.push((path_string(path), class, leaf.as_text()));
            if let Some(Step::Item(0, id)) = path.get(1) {
                assert_eq!(*id, Some("a"));
            }
        });
        assert_eq!(
            seen,
            vec![
                ("purposes[0].id".to_owned(), Class::Id, "a".to_owned()),
                (
                    "purposes[0].name".to_owned(),
                    Class::Prose,
                    "Alpha".to_owned()
                ),
                (
                    "purposes[0].lawful_basis[0]".to_owned(),
                    Class::Code,
                    "public_task".to_owned()
                ),
            ]
        );
    }
}
