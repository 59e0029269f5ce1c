//! The input format: one YAML file per notice, mirrored field by field.
//!
//! These types are what `serde` reads. Every struct denies unknown keys (a misspelt key is
//! an error with a suggestion, never silently ignored) and wraps the values diagnostics may
//! point at in [`Sp`], so every node keeps its line and column. Closed vocabularies (lawful
//! bases, Art 9 conditions, kinds of data) are enums, so a typo is caught at parse time.
//! The doc comments here are the field documentation: they feed `notice schema` (the JSON
//! Schema editors use) and `docs/schema.md`.
//!
//! Lists of things carry an `id`; other parts refer to them by id, so a fact is written once.
//! Free text is Markdown.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::source::Sp;

/// What a date field accepts, as a JSON Schema `pattern`: `YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY`, years 1900 to 2999, with the days each month has (29 February only in a leap
/// year). It accepts exactly what [`crate::model::Date::parse`] accepts, so an editor
/// underlines the dates `notice check` rejects; a test holds the two together. Dates are
/// text: quote them (`"2024-04-12"`) so that YAML 1.1 readers do not turn them into dates.
pub const DATE_PATTERN: &str = concat!(
    "^(?:",
    "(?:19|2[0-9])[0-9]{2}",
    "(?:-(?:",
    "(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?",
    "|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?",
    "|02(?:-(?:0[1-9]|1[0-9]|2[0-8]))?",
    "))?",
    "|(?:(?:19|2[0-9])(?:0[48]|[2468][048]|[13579][26])|2[048]00)-02-29",
    ")$"
);

/// Free text, written in Markdown (paragraphs, lists, `**bold**`, links). Raw HTML is shown
/// as text, never passed through.
pub type Markdown = Sp<String>;

/// A whole privacy notice.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeFile {
    /// The shared office file this notice takes its office-wide blocks from, as a path
    /// relative to the notice, e.g. `office.yaml` (see "Shared office files").
    pub extends: Option<Sp<String>>,
    /// About the notice itself: title, dates, where it is published, alternative formats.
    pub notice: Option<Sp<NoticeMeta>>,
    /// The controller: who decides how personal data is used (UK GDPR Art 13(1)(a)).
    pub controller: Option<Sp<Controller>>,
    /// The data protection officer (Art 13(1)(b); mandatory for public authorities, Art 37).
    pub dpo: Option<Sp<Dpo>>,
    /// The controller's UK representative (Art 27); only for controllers outside the UK.
    pub representative: Option<Sp<Representative>>,
    /// Other controllers this office decides purposes with (Art 26).
    #[serde(default)]
    pub joint_controllers: Vec<Sp<JointController>>,
    /// The kinds of personal data the office holds (Art 14(1)(d), Arts 9 and 10).
    #[serde(default)]
    pub data_categories: Vec<Sp<DataCategory>>,
    /// Where personal data comes from (Art 14(2)(f)).
    #[serde(default)]
    pub sources: Option<Sp<Vec<Sp<Source>>>>,
    /// Who personal data is shared with (Art 13(1)(e)). An empty list says "no one".
    #[serde(default)]
    pub recipients: Option<Sp<Vec<Sp<Recipient>>>>,
    /// Why the office uses personal data, and the lawful basis for each purpose
    /// (Art 13(1)(c)).
    #[serde(default)]
    pub purposes: Option<Sp<Vec<Sp<Purpose>>>>,
    /// Transfers outside the UK (Art 13(1)(f)). Must be declared, even when there are none.
    pub transfers: Option<Sp<Transfers>>,
    /// How long personal data is kept (Art 13(2)(a)).
    pub retention: Option<Sp<Retention>>,
    /// Automated decision-making, including profiling (Art 13(2)(f), Arts 22A–22D). Must be
    /// declared, even when there is none.
    pub automated_decision_making: Option<Sp<AutomatedDecisions>>,
    /// Whether people must provide their data, and what happens if they do not
    /// (Art 13(2)(e)).
    pub provision_requirement: Option<Sp<ProvisionRequirement>>,
    /// How people exercise their rights. Which rights apply is worked out from the lawful
    /// bases of the purposes; this block says how to ask and adds the office's own words.
    pub rights: Option<Sp<Rights>>,
    /// How to complain: to the office first (DPA 2018 s164A), then the Information
    /// Commissioner (s165), whose details are built in.
    pub complaints: Option<Sp<Complaints>>,
    /// The appropriate policy document for special category and criminal offence data
    /// (DPA 2018 Sch 1 Part 4).
    pub appropriate_policy_document: Option<Sp<PolicyDocument>>,
    /// Children and young people: how the office uses their information, and where a
    /// version of the notice written for them is published (UK GDPR Art 12(1), Recital 58).
    pub children: Option<Sp<Children>>,
    /// Further sections in the office's own words: cookies, security, monitoring, links.
    #[serde(default)]
    pub sections: Vec<Sp<ExtraSection>>,
    // Issue 13 (exemptions, notices published in their own words): kept together.
    /// Exemptions from the duty to inform that the office relies on (UK GDPR Art 13(4),
    /// Art 13(5), Art 14(5)), each with its reason and the sources or purposes it covers.
    #[serde(default)]
    pub exemptions: Vec<Sp<Exemption>>,
    /// Only for a notice published elsewhere in its own words and modelled here to be
    /// checked: what that text states which `notice` would otherwise write for you (the
    /// rights, the right to complain to the Commissioner). Leave it out when the notice is
    /// written in this format: `build` then writes both.
    pub as_published: Option<Sp<AsPublished>>,
}

/// What the notice says to and about children and young people. Information addressed to
/// a child must be in language a child can understand (Art 12(1), Recital 58).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// How the office uses children's information, and how a child (or someone acting for
    /// them) can use their rights, in the office's own words.
    pub statement: Option<Markdown>,
    /// A version of the notice written for children and young people, e.g.
    /// `{title: Your privacy – a guide for young people, url: https://…}`.
    pub version_for_children: Option<Sp<Link>>,
}

/// About the notice itself.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeMeta {
    /// The title, e.g. `Privacy notice`.
    pub title: Sp<String>,
    /// The language, as a BCP 47 tag: `en-GB` (default) or `cy` for Welsh. In another
    /// language than English, the words `notice` writes itself stay English and every
    /// output marks them as English (PN709).
    pub language: Option<Sp<String>>,
    /// Where the notice is published online.
    pub url: Option<Sp<String>>,
    /// An opening in the office's own words, shown before the summary.
    pub introduction: Option<Markdown>,
    /// Who and what the notice covers.
    pub scope: Option<Markdown>,
    /// A version label, e.g. `2.1`.
    pub version: Option<Sp<String>>,
    /// The office's reference number for the notice, where it publishes one, e.g.
    /// `IG-POL-007`.
    pub policy_number: Option<Sp<String>>,
    /// Who wrote the notice (a person or role), where the office publishes it.
    pub author: Option<Sp<String>>,
    /// When the notice was first published (`YYYY-MM-DD`, or `YYYY-MM` or `YYYY` where only
    /// the month or year is known), in quotes: `"2024-04-12"`.
    #[schemars(pattern(DATE_PATTERN))]
    pub published: Option<Sp<String>>,
    /// When the notice was last updated (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), in quotes:
    /// `"2024-04-12"`.
    #[schemars(pattern(DATE_PATTERN))]
    pub last_updated: Option<Sp<String>>,
    /// When the notice is next due for review (`YYYY-MM-DD`), in quotes: `"2025-04-12"`.
    #[schemars(pattern(DATE_PATTERN))]
    pub next_review: Option<Sp<String>>,
    /// Who owns the notice (a role), e.g. `Chief Executive Officer`.
    pub owner: Option<Sp<String>>,
    /// Who is responsible for keeping the notice up to date (a role), where the notice names
    /// someone besides the owner, e.g. `Policy and Compliance Officer`.
    pub responsible: Option<Sp<String>>,
    /// How to get the notice in another format (large print, audio, braille, Easy Read,
    /// another language).
    pub alternative_formats: Option<Sp<AlternativeFormats>>,
    /// The change log, newest last: rendered as "Changes to this notice".
    #[serde(default)]
    pub changes: Vec<Sp<Change>>,
    /// The office's own words on how it keeps the notice up to date.
    pub review_statement: Option<Markdown>,
    /// For a first-layer notice: its further layers, in the order readers should meet them.
    /// Each is another notice of the same build (`notice: complaints`, the file name without
    /// `.yaml`) or a page elsewhere (`url:`). `notice check` on the folder judges the first
    /// layer and its layers together.
    #[serde(default)]
    pub layers: Vec<Sp<Layer>>,
    /// Who the notice is for, from a fixed list: `public`, `staff`, `job_applicants`,
    /// `volunteers`, `complainants`, `victims`, `witnesses`, `children`. A purpose can name
    /// its own (`purposes[].audience`). The notice says who it is for; no rule of law changes
    /// with it.
    #[serde(default)]
    pub audience: Vec<Sp<Audience>>,
    /// Anyone else the notice is for, in a few words each, where the list has no code for
    /// them, e.g. `[Members of our youth panel]`.
    #[serde(default)]
    pub audience_other: Vec<Sp<String>>,
}

/// A further layer of a layered notice, or the page that explains a purpose: another
/// notice of the same build, or a web page. Give `notice` or `url`, not both. Checked
/// together (`notice check` on the folder), a first layer and its layers are one set: a
/// disclosure the law requires made in any of them counts for all, and one the whole set
/// lacks is reported once, on the first layer, naming the layers that lack it too. A
/// `notice` that is not in the folder is an error (PN020); a first layer checked on its
/// own says its layers were not checked (PN021). The outputs link the pages to each other:
/// relative links in HTML and PDF (`../complaints/complaints.html`), the address written
/// out in plain text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// The link text, e.g. `How we handle complaints`. Required for a layer; for a
    /// purpose's page it defaults to the purpose's name.
    pub title: Option<Sp<String>>,
    /// Another notice of the same build, by its file name without `.yaml`, e.g.
    /// `complaints` for `complaints.yaml`.
    pub notice: Option<Sp<String>>,
    /// A web page (`https:` URL).
    pub url: Option<Sp<String>>,
}

/// Who a notice, or one purpose of it, is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Members of the public.
    Public,
    /// The office's staff, including former staff.
    Staff,
    /// People applying for a job with the office.
    JobApplicants,
    /// Volunteers.
    Volunteers,
    /// People who make a complaint.
    Complainants,
    /// Victims of crime.
    Victims,
    /// Witnesses.
    Witnesses,
    /// Children and young people (UK GDPR Art 12(1) asks for particular clarity for them).
    Children,
}

/// How to ask for the notice in another format.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternativeFormats {
    /// The formats offered, e.g. `[large print, audio, braille, Easy Read]`.
    #[serde(default)]
    pub formats: Vec<Sp<String>>,
    /// How to ask; defaults to the controller's contact details.
    pub contact: Option<Sp<Contact>>,
    /// The office's own words.
    pub statement: Option<Markdown>,
}

/// One entry in the change log.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// When (`YYYY-MM-DD`, `YYYY-MM`, or `YYYY` where the notice gives only a year, as in a
    /// heading "Privacy Notice Updated 2021"), in quotes: `"2024-04-12"`.
    #[schemars(pattern(DATE_PATTERN))]
    pub date: Sp<String>,
    /// What changed, in a sentence.
    pub summary: Option<Sp<String>>,
    /// `new`, `major`, `minor` or `no change`, as in a review log.
    pub kind: Option<Sp<String>>,
    /// Who made the change.
    pub author: Option<Sp<String>>,
}

/// Ways to get in touch. Give at least one.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Who to address (a person or role), e.g. `Data Protection Officer`.
    pub name: Option<Sp<String>>,
    /// The postal address, one line per item.
    #[serde(default)]
    pub address: Vec<Sp<String>>,
    /// E-mail address.
    pub email: Option<Sp<String>>,
    /// Telephone number, as people dial it in the UK (`01622 677055`).
    pub phone: Option<Sp<String>>,
    /// Other telephone numbers with a label, e.g. a national-rate line.
    #[serde(default)]
    pub other_phones: Vec<Sp<LabelledValue>>,
    /// Opening hours of the telephone line.
    pub hours: Option<Sp<String>>,
    /// A web page for contact.
    pub web: Option<Sp<String>>,
    /// An online form (`https:` URL).
    pub form: Option<Sp<String>>,
    /// Social media accounts.
    #[serde(default)]
    pub social: Vec<Sp<LabelledValue>>,
}

/// A value with a label, e.g. `{label: Twitter, value: "@LeicsPCC"}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelledValue {
    /// What it is.
    pub label: Sp<String>,
    /// The value (a handle, number or `https:` URL).
    pub value: Sp<String>,
}

/// The controller.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// The legal name, e.g. `The Police and Crime Commissioner for Kent`.
    pub name: Sp<String>,
    /// The short name used in the text, e.g. `OPCC`.
    pub short_name: Option<Sp<String>>,
    /// A public authority under the Freedom of Information Act 2000 (every PCC is): a DPO
    /// is then mandatory and legitimate interests cannot be used for public tasks.
    #[serde(default)]
    pub public_authority: Option<Sp<bool>>,
    /// Established in the UK (default `true`); if not, a representative is required.
    pub established_in_uk: Option<Sp<bool>>,
    /// The ICO registration (data protection fee) number, e.g. `Z3653467`; or `exempt`
    /// where the office pays no fee, with the exemption in `ico_exemption`.
    pub ico_registration: Option<Sp<String>>,
    /// Where `ico_registration` is `exempt`: the exemption from the data protection fee
    /// relied on (Data Protection (Charges and Information) Regulations 2018, Schedule), in
    /// the office's own words.
    pub ico_exemption: Option<Markdown>,
    /// The person who holds the office, where the controller is an office held by one
    /// person (a corporation sole), e.g. the elected Police and Crime Commissioner's name.
    pub office_holder: Option<Sp<String>>,
    /// Who we are, in the office's own words.
    pub description: Option<Markdown>,
    /// How to contact the controller.
    pub contact: Option<Sp<Contact>>,
}

/// The data protection officer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dpo {
    /// The DPO's name (optional: a role is enough).
    pub name: Option<Sp<String>>,
    /// The DPO's role or title, e.g. `Head of Information Management`.
    pub role: Option<Sp<String>>,
    /// What the DPO does, in the office's own words.
    pub description: Option<Markdown>,
    /// How to contact the DPO directly.
    pub contact: Option<Sp<Contact>>,
}

/// A representative in the UK for a controller established elsewhere (Art 27).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// The representative's name.
    pub name: Sp<String>,
    /// How to contact them.
    pub contact: Option<Sp<Contact>>,
}

/// A joint controller (Art 26).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointController {
    /// An id for purposes to refer to.
    pub id: Sp<String>,
    /// The other controller's name.
    pub name: Sp<String>,
    /// The essence of the arrangement: who does what (Art 26(2)).
    pub arrangement: Option<Markdown>,
    /// The contact point for people.
    pub contact: Option<Sp<Contact>>,
}

/// A kind of personal data.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// An id for purposes to refer to, e.g. `contact-details`.
    pub id: Sp<String>,
    /// The name, e.g. `Contact details`.
    pub name: Sp<String>,
    /// Examples, e.g. `[name, address, telephone number]`.
    #[serde(default)]
    pub examples: Vec<Sp<String>>,
    /// `personal` (default), `special` (Art 9: health, ethnicity, religion, sexual
    /// orientation, biometrics …) or `criminal_offence` (Art 10: offences, alleged offences,
    /// proceedings, sentences).
    #[serde(default)]
    pub kind: Option<Sp<DataKind>>,
    /// A note on when it is collected, in the office's own words.
    pub note: Option<Markdown>,
}

/// The kinds of personal data the law treats differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataKind {
    /// Ordinary personal data.
    Personal,
    /// Special category data (UK GDPR Art 9(1)).
    Special,
    /// Criminal offence data (UK GDPR Art 10, DPA 2018 s11(2)).
    CriminalOffence,
}

/// Where personal data comes from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An id for purposes to refer to, e.g. `you`.
    pub id: Sp<String>,
    /// Who or what, e.g. `Kent Police` or `You, when you contact us`.
    pub name: Sp<String>,
    /// `data_subject` (the person gives it: Art 13), `observed` (recorded by the office as
    /// it sees or hears the person: CCTV, call recordings, website logs; Art 13),
    /// `third_party` (anyone else: Art 14) or `created` (written or worked out by the office
    /// itself: case notes, assessments).
    pub kind: Sp<SourceKind>,
    /// Whether the data comes from publicly accessible sources (Art 14(2)(f)); say so for
    /// every third-party source.
    pub publicly_accessible: Option<Sp<bool>>,
    /// When or how, e.g. `When you make a complaint`.
    #[serde(default)]
    pub examples: Vec<Sp<String>>,
    /// The kinds of data from this source (ids from `data_categories`).
    #[serde(default)]
    pub data_categories: Vec<Sp<String>>,
    /// The lawful bases (UK GDPR Art 6(1)) the notice gives for data from this source, where
    /// it states bases per source (e.g. in a "source, data type, lawful basis" table) rather
    /// than per purpose. Write them as the notice states them; the bases of `purposes` remain
    /// the mapping of purposes to bases that Art 13(1)(c) asks for.
    #[serde(default)]
    pub lawful_basis: Vec<Sp<LawfulBasis>>,
    /// The Art 9(2) conditions the notice gives for data from this source, where it states
    /// them per source (a table's "explicit consent", "made public by the data subject",
    /// "legal claims" …). Use `note` to keep the notice's wording.
    #[serde(default)]
    pub special_category_conditions: Vec<Sp<SpecialCondition>>,
    /// A note in the office's own words.
    pub note: Option<Markdown>,
}

/// Where data comes from: the person, the office's own recording or work, or someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The person the data is about gives it (Art 13).
    DataSubject,
    /// The office records it by observing the person: CCTV, body-worn video, call
    /// recordings, website and system logs. Collected from the person (Art 13).
    Observed,
    /// Anyone else (Art 14).
    ThirdParty,
    /// The office creates or works it out itself: case notes, assessments, decisions. Not
    /// obtained from anyone, so neither Art 13 nor Art 14 asks for its source; list the
    /// sources of what it is worked out from.
    Created,
}

/// Someone personal data is shared with.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// An id for purposes to refer to, e.g. `kent-police`.
    pub id: Sp<String>,
    /// The name or category, e.g. `Kent Police` or `Other police forces`.
    pub name: Sp<String>,
    /// What they are to us: `controller` (default), `processor` (works on our behalf),
    /// `joint_controller`, or `public_authority` (receives data for an inquiry).
    pub role: Option<Sp<RecipientRole>>,
    /// A grouping for the notice, e.g. `Policing`, `Local government`.
    pub category: Option<Sp<String>>,
    /// Where they are (default `United Kingdom`); anywhere else is a transfer.
    pub location: Option<Sp<String>>,
    /// A note in the office's own words.
    pub note: Option<Markdown>,
}

/// A recipient's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// Decides for itself how it uses the data.
    Controller,
    /// Processes the data on our behalf (Art 28).
    Processor,
    /// Decides purposes with us (Art 26).
    JointController,
    /// A public authority receiving data for a particular inquiry.
    PublicAuthority,
}

/// A purpose: why the office uses personal data, on what lawful basis.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// An id, e.g. `complaints`.
    pub id: Sp<String>,
    /// What we use it for, e.g. `To deal with your complaint`.
    pub name: Sp<String>,
    /// More detail, in the office's own words.
    pub description: Option<Markdown>,
    /// The lawful bases (UK GDPR Art 6(1)): `consent`, `contract`, `legal_obligation`,
    /// `vital_interests`, `public_task`, `legitimate_interests`, or
    /// `recognised_legitimate_interest` (Art 6(1)(ea), from 5 February 2026).
    #[serde(default)]
    pub lawful_basis: Vec<Sp<LawfulBasis>>,
    /// The law behind a `public_task` or `legal_obligation` basis (Art 6(3)), e.g.
    /// `Police Reform and Social Responsibility Act 2011`.
    #[serde(default)]
    pub legislation: Vec<Sp<String>>,
    /// The legitimate interests pursued, where `legitimate_interests` is a basis
    /// (Art 13(1)(d)).
    pub legitimate_interests: Option<Markdown>,
    /// For a public authority relying on legitimate interests: `true` to confirm this
    /// purpose is outside the performance of its public tasks (Art 6(1), last sentence).
    pub outside_public_tasks: Option<Sp<bool>>,
    /// The Annex 1 condition, where `recognised_legitimate_interest` is a basis.
    pub recognised_legitimate_interest: Option<Sp<String>>,
    /// Conditions for special category data (Art 9(2)), with the DPA 2018 Schedule 1
    /// paragraph where one is needed.
    #[serde(default)]
    pub special_category_conditions: Vec<Sp<SpecialCondition>>,
    /// The condition for criminal offence data (Art 10; DPA 2018 s10(5)).
    pub criminal_offence_condition: Option<Sp<CriminalOffenceCondition>>,
    /// The kinds of data used (ids from `data_categories`).
    #[serde(default)]
    pub data_categories: Vec<Sp<String>>,
    /// Where the data comes from (ids from `sources`).
    #[serde(default)]
    pub sources: Vec<Sp<String>>,
    /// Who it is shared with (ids from `recipients`).
    #[serde(default)]
    pub recipients: Vec<Sp<String>>,
    /// Joint controllers for this purpose (ids from `joint_controllers`).
    #[serde(default)]
    pub joint_controllers: Vec<Sp<String>>,
    /// How long it is kept (an id from `retention.rules`); defaults to
    /// `retention.default`.
    pub retention: Option<Sp<String>>,
    /// Sending marketing or promotional material to people (Art 21(2)): the absolute right
    /// to object then applies.
    #[serde(default)]
    pub direct_marketing: Option<Sp<bool>>,
    /// Whether the processing is carried out by automated (electronic) means (default
    /// `true`); with consent or contract, the right to data portability then applies
    /// (Art 20(1)).
    pub automated_means: Option<Sp<bool>>,
    /// How to withdraw consent for this purpose, where it differs from the usual contact,
    /// e.g. `Use the unsubscribe link in any of our emails`.
    pub withdraw_consent: Option<Markdown>,
    /// The page that explains this purpose in full: another notice of the same build
    /// (`page: {notice: complaints}`) or a web page (`page: {url: "https://…"}`).
    pub page: Option<Sp<Layer>>,
    // Facts scoped to this purpose: each, where given, is what the notice says for this
    // purpose in place of the notice-wide statement.
    /// Who this purpose concerns, where it is narrower than the notice's `audience`: codes as
    /// for `notice.audience`.
    #[serde(default)]
    pub audience: Vec<Sp<Audience>>,
    /// Anyone else this purpose concerns, in a few words each.
    #[serde(default)]
    pub audience_other: Vec<Sp<String>>,
    /// Whether people must provide their data for this purpose, and what happens if they do
    /// not (Art 13(2)(e)). Given here, it is the whole answer for this purpose, in place of
    /// the notice's `provision_requirement`.
    pub provision_requirement: Option<Sp<ProvisionRequirement>>,
    /// How long data for this purpose is kept, in the office's own words (a period, or the
    /// criteria that decide it: Art 13(2)(a)). Given here, it takes the place of
    /// `retention.default` for this purpose.
    pub retention_statement: Option<Markdown>,
    /// The retention schedule or policy that covers this purpose, where it is not the
    /// notice's `retention.policy`. Given here, it takes the place of `retention.default`
    /// for this purpose.
    pub retention_policy: Option<Sp<Link>>,
    /// `true` to say the data used for this purpose is shared with no one outside the office
    /// (Art 13(1)(e)); the purpose then lists no `recipients`.
    pub shared_with_no_one: Option<Sp<bool>>,
    /// `true` when the purpose uses only anonymised information: information that does not
    /// relate to an identified or identifiable person (UK GDPR Recital 26), such as
    /// published statistics. It then needs no lawful basis. Pseudonymised data (key-coded,
    /// or linkable back to people with other information) is still personal data: do not
    /// mark it anonymised.
    pub anonymised: Option<Sp<bool>>,
}

/// The lawful bases of UK GDPR Art 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LawfulBasis {
    /// Art 6(1)(a): the person has given consent.
    Consent,
    /// Art 6(1)(b): necessary for a contract with the person.
    Contract,
    /// Art 6(1)(c): necessary to comply with a legal obligation.
    LegalObligation,
    /// Art 6(1)(d): necessary to protect someone's life.
    VitalInterests,
    /// Art 6(1)(e): necessary for a task in the public interest or official authority.
    PublicTask,
    /// Art 6(1)(ea): a recognised legitimate interest (Annex 1; from 5 February 2026).
    RecognisedLegitimateInterest,
    /// Art 6(1)(f): necessary for legitimate interests.
    LegitimateInterests,
}

/// An Art 9(2) condition, with its DPA 2018 Schedule 1 paragraph.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecialCondition {
    /// The Art 9(2) condition.
    pub condition: Sp<Art9Condition>,
    /// The DPA 2018 Schedule 1 paragraph, as `Part 2 para 6` (needed for
    /// `employment`, `substantial_public_interest`, `health_or_social_care`,
    /// `public_health` and `archiving_research_statistics`: DPA 2018 s10(2)–(3)).
    pub schedule_1: Option<Sp<String>>,
    /// A note, e.g. which data this covers.
    pub note: Option<Markdown>,
}

/// The conditions of UK GDPR Art 9(2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Art9Condition {
    /// Art 9(2)(a): explicit consent.
    ExplicitConsent,
    /// Art 9(2)(b): employment, social security and social protection law.
    Employment,
    /// Art 9(2)(c): vital interests where consent cannot be given.
    VitalInterests,
    /// Art 9(2)(d): not-for-profit bodies, for their members.
    NotForProfit,
    /// Art 9(2)(e): made manifestly public by the person.
    MadePublic,
    /// Art 9(2)(f): legal claims or courts acting judicially.
    LegalClaims,
    /// Art 9(2)(g): substantial public interest, on a basis in law.
    SubstantialPublicInterest,
    /// Art 9(2)(h): health or social care.
    HealthOrSocialCare,
    /// Art 9(2)(i): public health.
    PublicHealth,
    /// Art 9(2)(j): archiving, research or statistics.
    ArchivingResearchStatistics,
}

/// How criminal offence data is authorised (Art 10).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriminalOffenceCondition {
    /// Processing under the control of official authority: the law that gives it.
    pub official_authority: Option<Sp<String>>,
    /// Or a DPA 2018 Schedule 1 paragraph (Part 1, 2 or 3), as `Part 3 para 36`.
    pub schedule_1: Option<Sp<String>>,
}

/// Transfers outside the UK.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfers {
    /// `false` to declare there are none; `true` when data is sent outside the UK
    /// (including to the EEA, and to suppliers who host or support systems abroad).
    pub outside_uk: Sp<bool>,
    /// Each transfer, where `outside_uk` is `true`.
    #[serde(default)]
    pub destinations: Vec<Sp<Transfer>>,
    /// The office's own words on transfers.
    pub statement: Option<Markdown>,
    /// The office's answer in its own words when it is not a plain yes or no, e.g. `We
    /// would not normally send personal information abroad`. Printed instead of the
    /// generated yes/no sentence; `notice check` reports it as not a plain answer.
    pub qualified_answer: Option<Markdown>,
}

/// One transfer outside the UK.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The country or international organisation, e.g. `United States`.
    pub destination: Sp<String>,
    /// Who receives the data there (ids from `recipients`).
    #[serde(default)]
    pub recipients: Vec<Sp<String>>,
    /// What the transfer relies on (Arts 45A–49).
    pub safeguard: Sp<Safeguard>,
    /// How to get a copy of the safeguards, or where they are published (required for
    /// Art 46 and 47 safeguards: `idta`, `uk_addendum`, `binding_corporate_rules` and
    /// `other_safeguards`).
    pub copy_from: Option<Sp<String>>,
}

/// What a transfer relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Safeguard {
    /// UK adequacy regulations (Art 45A; formerly DPA 2018 s17A).
    AdequacyRegulations,
    /// The ICO International Data Transfer Agreement (Art 46).
    Idta,
    /// The UK Addendum to the EU standard contractual clauses (Art 46).
    UkAddendum,
    /// Binding corporate rules (Art 47).
    BindingCorporateRules,
    /// Other appropriate safeguards (Art 46).
    OtherSafeguards,
    /// A derogation for a specific situation (Art 49).
    Derogation,
}

/// How long personal data is kept.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// The period that applies unless a rule says otherwise, e.g. `4 years from the date of
    /// last contact`.
    pub default: Option<Sp<String>>,
    /// Where no fixed period can be given, the criteria used to decide it (Art 13(2)(a)).
    pub criteria: Option<Markdown>,
    /// Periods for particular records.
    #[serde(default)]
    pub rules: Vec<Sp<RetentionRule>>,
    /// The retention schedule or policy.
    pub policy: Option<Sp<Link>>,
    /// The office's own words on retention.
    pub statement: Option<Markdown>,
}

/// A retention period for particular records.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// An id for purposes to refer to, e.g. `complaints`.
    pub id: Sp<String>,
    /// Which records, e.g. `Documents relating to complaints`.
    pub records: Sp<String>,
    /// How long, e.g. `10 years after the last entry`.
    pub period: Sp<String>,
}

/// A named document, with a link where it is published.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Its title, e.g. `Records Management Policy`.
    pub title: Sp<String>,
    /// Where it is published (`https:` URL).
    pub url: Option<Sp<String>>,
}

/// Automated decision-making, including profiling.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    /// `false` to declare there is none; `true` when significant decisions are made about
    /// people with no meaningful human involvement.
    pub used: Sp<bool>,
    /// Each kind of decision, where `used` is `true`.
    #[serde(default)]
    pub decisions: Vec<Sp<AutomatedDecision>>,
    /// The office's own words.
    pub statement: Option<Markdown>,
    /// The office's answer in its own words when it is not a plain yes or no, e.g. `If we
    /// ever make such decisions we will tell you`. Printed instead of the generated yes/no
    /// sentence; `notice check` reports it as not a plain answer.
    pub qualified_answer: Option<Markdown>,
}

/// One kind of automated decision (Art 13(2)(f)).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    /// What is decided.
    pub description: Sp<String>,
    /// Meaningful information about the logic involved.
    pub logic: Option<Markdown>,
    /// The significance and envisaged consequences for the person.
    pub significance: Option<Markdown>,
    /// How to make representations, obtain human intervention and contest the decision
    /// (Art 22C safeguards).
    pub safeguards: Option<Markdown>,
}

/// Whether people must provide their data (Art 13(2)(e)).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisionRequirement {
    /// `voluntary`, `statutory`, `contractual`, `pre_contract`, or `varies` (say which in
    /// `statement`).
    pub requirement: Option<Sp<Requirement>>,
    /// What happens if someone does not provide their data.
    pub consequences: Option<Markdown>,
    /// The office's own words.
    pub statement: Option<Markdown>,
}

/// Whether providing data is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// People choose whether to provide it.
    Voluntary,
    /// The law requires it.
    Statutory,
    /// A contract requires it.
    Contractual,
    /// It is needed to enter into a contract.
    PreContract,
    /// It depends on the purpose (explained in `statement`).
    Varies,
}

/// How people exercise their rights.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// An introduction to people's rights, in the office's own words.
    pub statement: Option<Markdown>,
    /// Who to contact; defaults to the DPO, then the controller.
    pub contact: Option<Sp<Contact>>,
    /// How to make a request, in the office's own words.
    pub how_to_exercise: Option<Markdown>,
    /// How identity is checked.
    pub identity_check: Option<Markdown>,
    /// The response time, e.g. `one month`.
    pub response_time: Option<Sp<String>>,
    /// The office's own words on particular rights, added to the standard wording.
    pub details: Option<Sp<RightDetails>>,
    /// Online request forms.
    #[serde(default)]
    pub forms: Vec<Sp<Link>>,
}

/// The office's own words on particular rights.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightDetails {
    /// Right of access (Art 15).
    pub access: Option<Markdown>,
    /// Right to rectification (Art 16).
    pub rectification: Option<Markdown>,
    /// Right to erasure (Art 17).
    pub erasure: Option<Markdown>,
    /// Right to restriction (Art 18).
    pub restriction: Option<Markdown>,
    /// Right to data portability (Art 20).
    pub portability: Option<Markdown>,
    /// Right to object (Art 21).
    pub object: Option<Markdown>,
    /// Rights about automated decisions (Arts 22A–22D).
    pub automated_decisions: Option<Markdown>,
    /// Withdrawing consent (Art 7(3)).
    pub withdraw_consent: Option<Markdown>,
    /// Right to be informed (Arts 13–14).
    pub informed: Option<Markdown>,
}

/// How to complain.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    /// How to complain to the office (DPA 2018 s164A): a form and at least one other way.
    pub controller: Option<Sp<Contact>>,
    /// The office's own words on complaints.
    pub statement: Option<Markdown>,
    /// Further details for the regulator. The built-in Information Commissioner's Office
    /// details are always printed; these follow them, and `notice check` compares them.
    pub regulator: Option<Sp<Contact>>,
    /// `true` when the controller is itself the UK data protection regulator: the notice
    /// then does not send people to the regulator as if it were someone else.
    pub controller_is_regulator: Option<Sp<bool>>,
}

/// The appropriate policy document (DPA 2018 Sch 1 Part 4).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// Its title.
    pub title: Option<Sp<String>>,
    /// Where it is published (`https:` URL).
    pub url: Option<Sp<String>>,
    /// When it was last reviewed (`YYYY-MM-DD`), in quotes: `"2024-04-12"`.
    #[schemars(pattern(DATE_PATTERN))]
    pub last_reviewed: Option<Sp<String>>,
}

/// A section in the office's own words.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraSection {
    /// An id, e.g. `cookies`.
    pub id: Sp<String>,
    /// The heading, e.g. `Cookies`.
    pub title: Sp<String>,
    /// The text.
    pub body: Markdown,
}

// Issue 13: exemptions from the duty to inform, and what a notice published in its own
// words states.

/// An exemption from the duty to inform (UK GDPR Art 13(4), Art 13(5), Art 14(5)).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// An id, e.g. `managers-convictions`.
    pub id: Sp<String>,
    /// The ground: `already_informed` (Art 13(4), Art 14(5)(a)), `disproportionate_effort`
    /// (impossible or a disproportionate effort: Art 14(5)(b), from 5 February 2026
    /// Art 14(5)(e)), `seriously_impair` (telling people would make the processing
    /// impossible or seriously impair it: Art 14(5)(b), from 5 February 2026 Art 14(5)(f)),
    /// `required_by_law` (Art 14(5)(c)), `professional_secrecy` (Art 14(5)(d)) or
    /// `research` (further use for research, archiving or statistics: Art 13(5), from
    /// 5 February 2026).
    pub ground: Sp<ExemptionGround>,
    /// Why the ground applies, in the office's own words.
    pub reason: Markdown,
    /// The sources it covers (ids from `sources`): data obtained from them is not described
    /// under Art 14 to the extent the exemption covers it.
    #[serde(default)]
    pub sources: Vec<Sp<String>>,
    /// The purposes it covers (ids from `purposes`).
    #[serde(default)]
    pub purposes: Vec<Sp<String>>,
    /// The law that lays down the obtaining or disclosure (`required_by_law`) or the
    /// obligation of secrecy (`professional_secrecy`), e.g. `Rehabilitation of Offenders
    /// Act 1974 s9`.
    pub law: Option<Sp<String>>,
    /// The appropriate measures taken instead, including where the information is made
    /// publicly available (Art 14(5)(b); from 5 February 2026 Art 13(7), Art 14(7)).
    pub measures: Option<Markdown>,
}

/// A ground of exemption from the duty to inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExemptionGround {
    /// The person already has the information (Art 13(4), Art 14(5)(a)).
    AlreadyInformed,
    /// Telling people is impossible or would involve a disproportionate effort
    /// (Art 14(5)(b); Art 14(5)(e) from 5 February 2026).
    DisproportionateEffort,
    /// Telling people would make the objectives of the processing impossible or seriously
    /// impair them (Art 14(5)(b); Art 14(5)(f) from 5 February 2026).
    SeriouslyImpair,
    /// Obtaining or disclosure is expressly laid down by law with protective measures
    /// (Art 14(5)(c)).
    RequiredByLaw,
    /// The data must stay confidential under an obligation of professional secrecy
    /// (Art 14(5)(d)).
    ProfessionalSecrecy,
    /// Further use only for scientific or historical research, archiving in the public
    /// interest or statistics, where telling people is impossible or disproportionate
    /// (Art 13(5)–(7), from 5 February 2026).
    Research,
}

/// What a notice published in its own words states, where `notice` would otherwise write
/// it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AsPublished {
    /// The rights the published text states, e.g. `[access]` (`[]` for none). `notice
    /// check` lists those that apply but are not stated.
    pub rights: Option<Sp<Vec<Sp<Right>>>>,
    /// Whether the published text tells people they can complain to the Information
    /// Commissioner (`false` if it does not).
    pub regulator_complaint: Option<Sp<bool>>,
}

/// A right a notice may have to tell people about. `notice` works out which apply from
/// each purpose's lawful basis; `as_published.rights` lists those a published text states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// Art 15.
    Access,
    /// Art 16.
    Rectification,
    /// Art 17.
    Erasure,
    /// Art 18.
    Restriction,
    /// Art 20.
    Portability,
    /// Art 21(1).
    Object,
    /// Art 21(2)–(3).
    ObjectToMarketing,
    /// Art 7(3).
    WithdrawConsent,
    /// Arts 22A–22D.
    AutomatedDecisions,
}
