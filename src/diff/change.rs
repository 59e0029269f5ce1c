//! The changes a comparison finds: their class, their area, and the comparison itself.

use serde::Serialize;

/// Whether people must be told about a change before it takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A change people must be told about before it takes effect.
    Material,
    /// Wording, contacts, dates, sections, removals.
    Editorial,
}

/// The part of the notice a change is in, in the order the notice reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Title, dates, introduction, change log, other formats.
    Notice,
    /// The controller, DPO and UK representative.
    Controller,
    /// Contact details anywhere in the notice.
    Contacts,
    /// Joint controllers.
    JointControllers,
    /// The kinds of personal data.
    DataCategories,
    /// Where data comes from.
    Sources,
    /// Who data is shared with.
    Recipients,
    /// What data is used for, on what basis.
    Purposes,
    /// Transfers outside the UK.
    Transfers,
    /// How long data is kept.
    Retention,
    /// Automated decision-making.
    AutomatedDecisions,
    /// Whether people must provide their data.
    ProvisionRequirement,
    /// How people exercise their rights.
    Rights,
    /// How to complain.
    Complaints,
    /// The appropriate policy document.
    PolicyDocument,
    /// Sections in the office's own words.
    Sections,
}

impl Area {
    /// A heading for people.
    pub fn heading(self) -> &'static str {
        match self {
            Area::Notice => "About the notice",
            Area::Controller => "Who we are",
            Area::Contacts => "Contact details",
            Area::JointControllers => "Joint controllers",
            Area::DataCategories => "The personal data we hold",
            Area::Sources => "Where it comes from",
            Area::Recipients => "Who we share it with",
            Area::Purposes => "What we use it for, and the lawful basis",
            Area::Transfers => "Transfers outside the UK",
            Area::Retention => "How long we keep it",
            Area::AutomatedDecisions => "Automated decisions",
            Area::ProvisionRequirement => "Whether you must give us your data",
            Area::Rights => "Your rights",
            Area::Complaints => "Complaints",
            Area::PolicyDocument => "Appropriate policy document",
            Area::Sections => "Other sections",
        }
    }
}

/// One change between two versions of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Material or editorial.
    pub class: Class,
    /// Where in the notice.
    pub area: Area,
    /// The field, e.g. `purposes[complaints].lawful_basis` (list entries by id).
    pub path: String,
    /// What changed, as one sentence.
    pub summary: String,
    /// A short phrase for the change log (material changes only).
    #[serde(skip)]
    pub brief: Option<String>,
}

/// One version of a notice, as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The file (with `@REV` for a git revision).
    pub file: String,
    /// `notice.title`.
    pub title: Option<String>,
    /// `notice.last_updated`, as written.
    pub last_updated: Option<String>,
}

/// The changes between two versions of a notice, in the order the notice reads.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The older version.
    pub old: Version,
    /// The newer version.
    pub new: Version,
    /// Every change found.
    pub changes: Vec<Change>,
}

impl Comparison {
    /// How many changes of a class.
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }

    /// Whether any change is material.
    pub fn has_material(&self) -> bool {
        self.count(Class::Material) > 0
    }
}
