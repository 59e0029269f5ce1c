//! The registry: every rule `notice` knows, with its id, citation and documentation.
//!
//! Ids are stable forever and never reused: CI configurations and suppression lists depend
//! on them. `PN0xx` are about the file itself (YAML, schema, references); `PN1xx` the
//! controller; `PN2xx` purposes and lawful bases; `PN3xx` special category and criminal
//! offence data; `PN4xx` sharing, sources and transfers; `PN5xx` retention; `PN6xx` rights,
//! complaints and decisions; `PN7xx` the notice's own dates and formats; `PN9xx` wording.

use crate::diag::{Diagnostic, Severity};
use crate::source::Span;

/// One rule.
#[derive(Debug)]
pub struct Rule {
    /// The stable id, e.g. `PN201`.
    pub id: &'static str,
    /// A kebab-case name, e.g. `purpose-without-lawful-basis`.
    pub name: &'static str,
    /// How serious a finding is.
    pub severity: Severity,
    /// The law (or guidance) it rests on.
    pub citation: &'static str,
    /// One line: what must be true.
    pub summary: &'static str,
    /// What it checks, in plain English.
    pub checks: &'static str,
    /// Why: what the law says and what goes wrong without it. States uncertainty where
    /// there is any.
    pub why: &'static str,
    /// How to fix it, with a YAML example.
    pub fix: &'static str,
    /// When it is found: by `check`, or only when `build` renders an output.
    pub stage: Stage,
    /// What it judges: each notice on its own, or a layered notice's set as a whole.
    pub scope: Scope,
}

/// What a rule judges when notices are checked together (`notice check` on a folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Each notice on its own: what a notice says must be right, whatever else is
    /// published (a wrong basis, an inconsistent date, a repealed Act).
    Notice,
    /// A disclosure the law requires to be made: in a layered notice, made anywhere in the
    /// set (the first layer and its layers) it is made for every notice of the set, so a
    /// finding is kept only when the set as a whole lacks it (see `rules::set`).
    Set,
}

/// The day a rule's law came into force, and the instrument that brought it in. A check
/// as of an earlier day does not apply the rule (`notice check --as-of`).
#[derive(Debug)]
pub struct InForce {
    /// Year, month, day.
    pub ymd: (i32, u32, u32),
    /// The day, as written.
    pub day: &'static str,
    /// The provision and the commencement instrument.
    pub by: &'static str,
}

/// The GDPR applies and the DPA 2018 is in force; the DPA 1998 is repealed.
pub const GDPR_DAY: InForce = InForce {
    ymd: (2018, 5, 25),
    day: "25 May 2018",
    by: "GDPR Art 99(2); DPA 2018 s212 and SI 2018/625 reg 2 (DPA 1998 repealed by Sch 19 para 44)",
};
/// The UK GDPR replaces the EU GDPR at the end of the transition period.
pub const UK_GDPR_DAY: InForce = InForce {
    ymd: (2021, 1, 1),
    day: "1 January 2021",
    by: "European Union (Withdrawal) Act 2018 s3; SI 2019/419 (DPPEC (EU Exit) Regulations 2019), in force on IP completion day (11pm, 31 December 2020)",
};
/// The first DUAA 2025 commencement that changes Arts 13 and 14.
pub const DUAA_FEB_2026: InForce = InForce {
    ymd: (2026, 2, 5),
    day: "5 February 2026",
    by: "DUAA 2025 ss70, 76, 77, 80, 85; SI 2026/82 reg 2",
};
/// Complaints to controllers; Art 77 omitted.
pub const DUAA_JUN_2026: InForce = InForce {
    ymd: (2026, 6, 19),
    day: "19 June 2026",
    by: "DUAA 2025 s103, Sch 10; SI 2026/82 reg 3",
};

impl Rule {
    /// From when the rule applies; `None` for rules about the file itself, which apply on
    /// any day. The dates and their sources are listed in `docs/law.md`.
    pub fn in_force(&self) -> Option<&'static InForce> {
        match self.id {
            // The file, its format and its accessibility: any day.
            "PN001" | "PN002" | "PN003" | "PN004" | "PN005" | "PN006" | "PN007" | "PN008"
            | "PN009" | "PN010" | "PN011" | "PN012" | "PN013" | "PN014" | "PN020" | "PN021"
            | "PN701" | "PN705" | "PN707" | "PN911" | "PN912" | "PN917" | "PN950" => None,
            // The UK representative (UK GDPR Art 27); the UK transfer boundary, the UK
            // GDPR's name, "the Commissioner", UK adequacy regulations.
            "PN103" | "PN902" | "PN903" | "PN906" | "PN915" => Some(&UK_GDPR_DAY),
            "PN910" => Some(&DUAA_FEB_2026),
            "PN603" | "PN604" => Some(&DUAA_JUN_2026),
            _ => Some(&GDPR_DAY),
        }
    }
}

/// When a rule is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// By `notice check` (and `build`, which checks first).
    Check,
    /// Only by `notice build`, by a renderer (for example a character no font has).
    Render,
}

impl Rule {
    /// A diagnostic from this rule.
    pub fn diag(
        &'static self,
        span: Span,
        path: &str,
        message: String,
        help: Option<impl Into<String>>,
    ) -> Diagnostic {
        Diagnostic {
            severity: self.severity,
            rule: self.id,
            name: self.name,
            citation: self.citation,
            message,
            span,
            path: path.to_owned(),
            help: help.map(Into::into),
            also: Vec::new(),
            notices: Vec::new(),
        }
    }

    /// The rule's documentation as Markdown, as `notice explain` prints it.
    pub fn docs(&self) -> String {
        format!(
            "# {id} {name}\n\n{summary}.\n\nSeverity: {sev}. Law: {cit}.\n\n{from}{set}\n\n## What it checks\n\n{checks}\n\n## Why\n\n{why}\n\n## How to fix\n\n{fix}\n",
            from = in_force_line(self),
            set = scope_line(self),
            id = self.id,
            name = self.name,
            summary = crate::words::upper_first(self.summary),
            sev = self.severity.as_str(),
            cit = self.citation,
            checks = self.checks.trim(),
            why = self.why.trim(),
            fix = self.fix.trim(),
        )
    }
}

/// The reference of every rule as one Markdown document: `docs/rules.md` is this, and a
/// test keeps the committed file equal to it.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated from src/rules/registry.rs. Do not edit by hand: run\n     \
         `UPDATE_DOCS=1 cargo test --test suite docs` after changing a rule. -->\n\n\
         `notice check` applies these rules to every notice. Ids never change and are never \
         reused. Errors fail `notice check` (exit status 1); warnings fail it only with \
         `--deny-warnings`. `notice explain ID` prints one rule's entry.\n\n\
         | Id | Name | Severity | Law |\n|---|---|---|---|\n",
    );
    for r in ALL {
        out.push_str(&format!(
            "| [{id}](#{anchor}) | `{name}` | {sev} | {cit} |\n",
            id = r.id,
            anchor = format!("{}-{}", r.id, r.name).to_lowercase(),
            name = r.name,
            sev = r.severity.as_str(),
            cit = r.citation.replace('|', "\\|"),
        ));
    }
    for r in ALL {
        out.push_str(&format!(
            "\n## {id} {name}\n\n{summary}.\n\nSeverity: {sev}. Law: {cit}.\n\n{from}{set}\n\n### What it checks\n\n{checks}\n\n### Why\n\n{why}\n\n### How to fix\n\n{fix}\n",
            from = in_force_line(r),
            set = scope_line(r),
            id = r.id,
            name = r.name,
            summary = crate::words::upper_first(r.summary),
            sev = r.severity.as_str(),
            cit = r.citation,
            checks = r.checks.trim(),
            why = r.why.trim(),
            fix = r.fix.trim(),
        ));
    }
    out
}

/// "Applies from …", or "Applies on any day".
fn in_force_line(r: &Rule) -> String {
    match r.in_force() {
        Some(f) => format!("Applies from {} ({}).", f.day, f.by),
        None => "Applies on any day (it is about the file, not the law of a date).".to_owned(),
    }
}

/// For a rule judged over a layered notice's set, the sentence saying so; else nothing.
fn scope_line(r: &Rule) -> &'static str {
    match r.scope {
        Scope::Notice => "",
        Scope::Set => {
            " In a layered notice, checked together with its layers, the disclosure may be made in any notice of the set."
        }
    }
}

/// Find a rule by id (`PN201`, any case) or name (`purpose-without-lawful-basis`).
pub fn find(key: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(key) || r.name == key)
}

macro_rules! stage {
    () => {
        Stage::Check
    };
    ($stage:ident) => {
        Stage::$stage
    };
}

macro_rules! scope {
    () => {
        Scope::Notice
    };
    ($scope:ident) => {
        Scope::$scope
    };
}

macro_rules! rules {
    ($(
        $(#[$doc:meta])*
        $konst:ident = $id:literal $name:literal $sev:ident $cit:literal $(@$stage:ident)? {
            $(scope: $scope:ident,)?
            summary: $summary:literal,
            checks: $checks:literal,
            why: $why:literal,
            fix: $fix:literal $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            pub static $konst: Rule = Rule {
                id: $id,
                name: $name,
                severity: Severity::$sev,
                citation: $cit,
                summary: $summary,
                checks: $checks,
                why: $why,
                fix: $fix,
                stage: stage!($($stage)?),
                scope: scope!($($scope)?),
            };
        )*
        /// Every rule, in id order.
        pub static ALL: &[&Rule] = &[$(&$konst),*];
    };
}

rules! {
    // ── PN0xx: the file ────────────────────────────────────────────────────────────────
    /// YAML that cannot be read.
    YAML_SYNTAX = "PN001" "yaml-syntax" Error "notice format" {
        summary: "the file is valid YAML",
        checks: "That the file parses as one YAML document, without tags (`!name`) and without binary content.",
        why: "A notice `notice` cannot read cannot be checked or published. YAML tags can make a parser build arbitrary objects, so they are refused outright.",
        fix: "Read the message: it gives the line and column. Indent with spaces, never tabs; put a space after every `key:`; quote text that starts with a special character (`*`, `&`, `!`, `@`, `` ` ``, `%`).",
    }
    /// A key the format does not have.
    UNKNOWN_KEY = "PN002" "unknown-key" Error "notice format" {
        summary: "every key is one the format defines",
        checks: "That every key in the file is defined by the format (see `docs/schema.md` or `notice schema`). A misspelt key gets a suggestion.",
        why: "A misspelt key would otherwise be silently ignored: `lawfull_basis: [consent]` would leave the purpose with no lawful basis and nobody would know why. `notice` never ignores data.",
        fix: "Use the suggested spelling, e.g. `lawful_basis:` for `lawfull_basis:`. Editors that read `notice schema` underline unknown keys as you type.",
    }
    /// A value of the wrong type.
    WRONG_TYPE = "PN003" "wrong-type" Error "notice format" {
        summary: "every value has the type the format expects",
        checks: "That lists are lists, blocks are blocks, text is text and `true`/`false` values are booleans. A single item must still be written as a list where the format takes a list.",
        why: "A value of the wrong shape cannot be understood safely: a single lawful basis written as text where a list is expected might be read wrongly.",
        fix: "Write lists as `[a, b]` or as lines starting with `- `; blocks as indented `key: value` lines.\n\n```yaml\nlawful_basis: [public_task]\n```",
    }
    /// A value outside its vocabulary or badly formed.
    INVALID_VALUE = "PN004" "invalid-value" Error "notice format" {
        summary: "every value is one the format allows and is well formed",
        checks: "That closed vocabularies (lawful bases, Art 9 conditions, kinds of data, safeguards) use an allowed code, and that dates, e-mail addresses, web addresses, ids and language tags are well formed.",
        why: "The compiler writes the law's wording from these codes, so it must know exactly which one is meant. A malformed e-mail address or link would be a broken contact route in the published notice (Art 12(2)).",
        fix: "Use one of the allowed values the message lists. Dates are `YYYY-MM-DD` (or `YYYY-MM`); web addresses start `https://`.",
    }
    /// A required field is missing.
    MISSING_FIELD = "PN005" "missing-field" Error "notice format" {
        summary: "every required field is present",
        checks: "That each entry has the fields it cannot do without: an `id` and `name` for list entries, `title` for the notice, `outside_uk` for transfers, `used` for automated decisions.",
        why: "Without them, an entry cannot be referred to or rendered.",
        fix: "Add the field the message names.",
    }
    /// A key written twice.
    DUPLICATE_KEY = "PN006" "duplicate-key" Error "notice format" {
        summary: "no key is written twice in the same block",
        checks: "That no block has the same key twice.",
        why: "YAML readers differ on which copy wins, so one of the two values would be silently lost.",
        fix: "Keep one copy of the key.",
    }
    /// Two entries share an id.
    DUPLICATE_ID = "PN007" "duplicate-id" Error "notice format" {
        summary: "ids are unique within their list",
        checks: "That no two entries in the same list (`purposes`, `recipients`, `sources`, `data_categories`, `retention.rules`, `joint_controllers`, `sections`) share an id. (An id that is not lower-case letters, digits and hyphens is PN004.)",
        why: "Other parts of the notice refer to entries by id; a shared id would make a reference ambiguous.",
        fix: "Give each entry its own id, e.g. `kent-police` and `other-forces`.",
    }
    /// A reference to an undeclared id.
    DANGLING_ID = "PN008" "dangling-id" Error "notice format" {
        summary: "every id referred to is declared",
        checks: "That every id a purpose, source or transfer names (data categories, sources, recipients, retention rules, joint controllers) is declared in its list.",
        why: "A purpose naming an undeclared recipient would tell people nothing about who gets their data (Art 13(1)(e)).",
        fix: "Declare the entry, or correct the id; the message suggests the closest declared id.\n\n```yaml\nrecipients:\n  - id: kent-police\n    name: Kent Police\npurposes:\n  - id: complaints\n    recipients: [kent-police]\n```",
    }
    /// A value left empty.
    EMPTY_VALUE = "PN009" "empty-value" Error "UK GDPR Art 12(1)" {
        summary: "no value is left empty",
        checks: "That names, contact details and headings are not blank (a key with nothing after its colon, or `\"\"`), and that a contact naming someone gives a way to reach them.",
        why: "An empty value renders as a label with nothing after it (\"Email:\"), a broken contact route that people cannot use.",
        fix: "Write the value, or remove the key.",
    }
    /// The file exceeds the limits.
    INPUT_LIMIT = "PN010" "input-limit" Error "notice format" {
        summary: "the file is within the size and nesting limits",
        checks: "That the file nests at most 48 levels, holds at most 200,000 values, defines at most 1,000 anchors (`&name`), uses at most 1,000 aliases (`*name`) and expands to at most 8 MB of text. A file larger than 4 MB is not read at all: `notice` reports it as unreadable and exits with status 2.",
        why: "Real notices are far smaller. The limits stop a damaged or hostile file (an alias bomb, runaway nesting) from exhausting memory or time in CI.",
        fix: "Check the file is the notice you meant. Write repeated values out instead of expanding aliases.",
    }
    /// The file is empty.
    EMPTY_FILE = "PN011" "empty-file" Error "notice format" {
        summary: "the file is not empty",
        checks: "That the file has some content: not only blank lines, comments and `---` markers.",
        why: "An empty file is almost always a mistake, such as a failed save or copy.",
        fix: "Run `notice init FILE` to start from a complete, commented notice.",
    }

    /// A placeholder left in.
    PLACEHOLDER = "PN012" "placeholder" Error "notice format" {
        summary: "no TODO placeholder is left in the notice",
        checks: "That no value (outside comments) contains the word `TODO`, which `notice init` uses to mark what an office must fill in.",
        why: "A published notice with placeholders in it misinforms people and shows the notice was never finished.",
        fix: "Replace the placeholder with your office's facts, or remove the key if it does not apply.",
    }
    /// `extends` names no usable shared office file.
    EXTENDS_UNUSABLE = "PN013" "extends-unusable" Error "notice format" {
        summary: "`extends` names a shared office file that can be read",
        checks: "That a notice's `extends:` is a relative path to a `.yaml` or `.yml` file that exists, can be read, and is a shared office file (it has an `office:` block), and that an office file does not itself extend another (one level only).",
        why: "A notice that extends an office file takes its controller, DPO, rights and complaint routes from it. If the file cannot be found or is a notice rather than an office file, those disclosures (Art 13(1)(a) and (b), Art 13(2)(b) and (d)) would be silently missing.",
        fix: "Write the path from the notice's folder to the office file, and start the office file with its `office:` block.\n\n```yaml\n# notices/complaints.yaml\nextends: office.yaml\n\n# notices/office.yaml\noffice:\n  name: Kent Police\ncontroller:\n  name: Kent Police\n```",
    }
    /// A notice writes a block its office file fixes, or contradicts the office file.
    SHARED_CONFLICT = "PN014" "shared-conflict" Error "notice format" {
        summary: "a notice does not contradict the office file it extends",
        checks: "That a notice which extends an office file does not write its own `controller` (every notice of an office has the office's controller), and that it does not say a list is empty (`recipients: []`, `sources: []`) when the office file lists entries for it, or the other way round.",
        why: "Two different controllers, or \"we share with no one\" beside a list of recipients, would tell people two things at once (Art 12(1): concise, transparent, intelligible). Blocks such as `dpo` or `rights` may be replaced by a notice; the controller may not.",
        fix: "Remove the block from the notice (it comes from the office file), or stop extending the office file if the notice is for another controller.",
    }
    /// A layer or purpose page naming a notice that is not in the build.
    UNKNOWN_LAYER = "PN020" "unknown-layer" Error "notice format" {
        summary: "every layer and purpose page named as a notice is one of the notices checked with it",
        checks: "When notices are checked or built together (a folder, or several files), that each `notice.layers[].notice` and `purposes[].page.notice` names another notice among them, by its file name without `.yaml`. A misspelt name gets a suggestion.",
        why: "A first layer that links to a layer that is not published sends people to a page that does not exist, and the disclosures that layer was meant to make are made nowhere. The set cannot be judged as a whole without it.",
        fix: "Write the file name of the layer's notice, without `.yaml`, and check the folder that holds them all:\n\n```yaml\nnotice:\n  layers:\n    - title: How we handle complaints\n      notice: complaints   # complaints.yaml, in the same folder\n```",
    }
    /// A first layer checked without its layers.
    LAYERS_NOT_CHECKED = "PN021" "layers-not-checked" Warning "UK GDPR Art 12(1); ICO right to be informed (layered approach)" {
        summary: "a first-layer notice is checked together with its layers",
        checks: "That a notice whose `notice.layers` name other notices is checked with them. Checked on its own (`notice check privacy.yaml`), its layers are not read: this warning says so, and any disclosure it leaves to a layer is reported as missing.",
        why: "In a layered notice the law's disclosures may be spread over several pages; only the whole set shows whether each one is made. A check of the first layer alone can neither confirm nor rule that out, so it says so rather than pass or fail silently.",
        fix: "Check the folder that holds the first layer and its layers: `notice check notices/office/`, or name every file: `notice check privacy.yaml complaints.yaml`.",
    }

    // ── PN1xx: the controller ──────────────────────────────────────────────────────────
    CONTROLLER_MISSING = "PN101" "controller-missing" Error "UK GDPR Art 13(1)(a), Art 14(1)(a)" {
        scope: Set,
        summary: "the notice says who the controller is",
        checks: "That a `controller` block is present.",
        why: "Articles 13(1)(a) and 14(1)(a) require the identity and contact details of the controller. For a PCC office the controller is the Police and Crime Commissioner, a corporation sole.",
        fix: "```yaml\ncontroller:\n  name: The Police and Crime Commissioner for Kent\n  public_authority: true\n  contact:\n    email: contactyourpcc@kent.police.uk\n```",
    }
    CONTROLLER_CONTACT = "PN102" "controller-contact-missing" Error "UK GDPR Art 13(1)(a), Art 14(1)(a)" {
        scope: Set,
        summary: "the controller has at least one contact route",
        checks: "That `controller.contact` has at least one of `address`, `email`, `phone`, `web` or `form`.",
        why: "Articles 13(1)(a) and 14(1)(a) require the controller's contact details, not only its name. The ICO recommends more than one channel.",
        fix: "```yaml\ncontroller:\n  contact:\n    address: [Sutton Road, Maidstone, ME15 9BZ]\n    phone: 01622 677055\n```",
    }
    REPRESENTATIVE_MISSING = "PN103" "representative-missing" Error "UK GDPR Art 13(1)(a), Art 27" {
        scope: Set,
        summary: "a controller outside the UK names its UK representative",
        checks: "That a controller with `established_in_uk: false` has a `representative` block.",
        why: "Art 27 requires a controller outside the UK that is caught by Art 3(2) to designate a UK representative, and Art 13(1)(a) requires the notice to give its identity and contact details. It never applies to a UK PCC.",
        fix: "```yaml\nrepresentative:\n  name: Example Representative Ltd\n  contact:\n    email: uk-rep@example.com\n```",
    }
    REPRESENTATIVE_UNNEEDED = "PN104" "representative-not-needed" Warning "UK GDPR Art 27" {
        summary: "only a controller outside the UK has a representative",
        checks: "That a `representative` block is given only when `controller.established_in_uk` is `false`.",
        why: "A UK-established controller has no Art 27 representative; naming one confuses people about who to contact.",
        fix: "Remove the `representative` block, or set `established_in_uk: false` if the controller really is outside the UK.",
    }
    DPO_MISSING = "PN105" "dpo-missing" Error "UK GDPR Art 13(1)(b), Art 14(1)(b), Art 37(1)(a), Art 37(7)" {
        scope: Set,
        summary: "a public authority gives its data protection officer's contact details",
        checks: "That a controller with `public_authority: true` has a `dpo` block with at least one contact route.",
        why: "Art 37(1)(a) makes a DPO mandatory for public authorities (every PCC is one, under the Freedom of Information Act 2000 and DPA 2018 s7). Art 13(1)(b) and Art 37(7) require the DPO's contact details to be published. A name is not required; a role and a direct route are.",
        fix: "```yaml\ndpo:\n  role: Data Protection Officer\n  contact:\n    email: dpo@example.police.uk\n```",
    }
    PUBLIC_AUTHORITY_UNSTATED = "PN106" "public-authority-unstated" Warning "UK GDPR Art 37(1)(a), Art 6(1)" {
        scope: Set,
        summary: "the controller says whether it is a public authority",
        checks: "That `controller.public_authority` is given (`true` or `false`).",
        why: "Whether the controller is a public authority decides two things the law requires: a DPO (Art 37(1)(a)) and whether legitimate interests can be used (Art 6(1), last sentence). Without it those rules cannot be applied, so the check says so rather than guess.",
        fix: "```yaml\ncontroller:\n  public_authority: true   # every PCC is a public authority\n```",
    }
    JOINT_ARRANGEMENT = "PN107" "joint-controller-arrangement" Error "UK GDPR Art 26(2)" {
        summary: "each joint controller comes with the essence of the arrangement",
        checks: "That each entry in `joint_controllers` has an `arrangement`.",
        why: "Art 26(2) requires the essence of a joint controllers' arrangement (who does what, and the contact point) to be made available to people.",
        fix: "```yaml\njoint_controllers:\n  - id: vru\n    name: Hampshire and Isle of Wight Constabulary\n    arrangement: We run the Violence Reduction Unit together; requests go to our DPO.\n```",
    }

    CONTROLLER_LEGAL_PERSON = "PN108" "controller-legal-person" Warning "UK GDPR Art 13(1)(a), Art 14(1)(a), Art 4(7)" {
        summary: "the controller is named as the legal person",
        checks: "That `controller.name` is not an office (\"The Office of the Police and Crime Commissioner\", \"The OPCC\"), a post holder (\"the Chief Executive\") or a fire and rescue service, none of which is a legal person that can be a controller.",
        why: "Art 13(1)(a) requires the identity of the controller, the natural or legal person or public authority that decides why and how data is used (Art 4(7)). A PCC's office serves the Commissioner, a corporation sole (Police Reform and Social Responsibility Act 2011 s1); a fire and rescue service is run by a fire and rescue authority or council. Naming the office leaves people unsure who is answerable.",
        fix: "```yaml\ncontroller:\n  name: The Police and Crime Commissioner for Wessex\n  short_name: OPCC\n```",
    }
    ICO_REGISTRATION_FORM = "PN109" "ico-registration-form" Warning "DPA 2018 s137; Data Protection (Charges and Information) Regulations 2018 reg 2; UK GDPR Art 5(1)(a)" {
        summary: "the ICO registration is a registration number, or `exempt` with the exemption",
        checks: "That `controller.ico_registration` is either an ICO registration reference (`Z` and seven letters or digits, such as `Z3653467` or `ZA123456`) or the word `exempt`; that `exempt` comes with `ico_exemption` naming the exemption; and that `ico_exemption` is not given beside a registration number.",
        why: "Since 25 May 2018 a controller pays the Information Commissioner a data protection fee unless all its processing is exempt processing under the 2018 Regulations (reg 2(1)); the ICO's register of fee payers lists each by its reference number, so people and auditors can check it. A value that is neither a reference nor a stated exemption cannot be checked, and an exemption with no reason, or a reason beside a number, contradicts itself (Art 5(1)(a): a notice must be accurate). The ICO's references begin `Z` (older ones `Z` and seven digits, newer ones `ZA` or `ZB` and six digits); this is a warning in case the ICO adopts another form.",
        fix: "```yaml\ncontroller:\n  ico_registration: Z3653467\n```\n\nor\n\n```yaml\ncontroller:\n  ico_registration: exempt\n  ico_exemption: All our processing is for staff administration, accounts and records, which the Data Protection (Charges and Information) Regulations 2018 exempt.\n```",
    }
    FEE_EXEMPTION_PUBLIC_AUTHORITY = "PN110" "public-authority-fee-exemption" Warning "Data Protection (Charges and Information) Regulations 2018 reg 2(1), Sch para 2; DPA 2018 s137" {
        summary: "a public authority that claims an exemption from the data protection fee confirms it",
        checks: "That a controller with `public_authority: true` does not give `ico_registration: exempt` without the claim being confirmed. It is always reported for such a controller: `notice` cannot confirm an exemption, so it asks the office to.",
        why: "A controller must pay the fee unless all of its processing is exempt processing (reg 2(1)). The exempt descriptions in the Schedule (para 2(2)) are narrow: processing that is not automated, personal or household affairs, keeping a public register, staff administration, advertising and public relations for the controller's own activities, accounts and records, some not-for-profit bodies, judicial functions, and (since the 2019 amending Regulations) members of the House of Lords and elected representatives exercising their functions as such. A public authority processing people's data by computer to carry out its functions (complaints, casework, commissioning services) is generally outside them and pays the fee; elected representatives are defined by reference to DPA 2018 Sch 1 para 23(3), and whether an office's processing is all within that exemption is for the office to confirm with the ICO. This is a warning: the office may be right, and then it can say so.",
        fix: "Check the office's processing against the ICO's fee self-assessment, then give the registration number (`ico_registration: Z1234567`), or keep `exempt` and name the exemption in `ico_exemption`. The warning then stays, as a note for whoever signs the notice off: `notice` cannot confirm an exemption.",
    }

    // ── PN2xx: purposes and lawful bases ───────────────────────────────────────────────
    PURPOSES_MISSING = "PN201" "purposes-missing" Error "UK GDPR Art 13(1)(c), Art 14(1)(c)" {
        scope: Set,
        summary: "the notice lists the purposes of the processing",
        checks: "That `purposes` is present and not empty.",
        why: "Articles 13(1)(c) and 14(1)(c) require the purposes for which personal data is processed, with the lawful basis of each.",
        fix: "```yaml\npurposes:\n  - id: correspondence\n    name: To reply to your letters and e-mails\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n```",
    }
    NO_LAWFUL_BASIS = "PN202" "purpose-without-lawful-basis" Error "UK GDPR Art 13(1)(c), Art 14(1)(c), Art 6(1)" {
        summary: "every purpose names at least one lawful basis",
        checks: "That every purpose has a non-empty `lawful_basis`.",
        why: "Art 13(1)(c) requires the legal basis for each purpose; processing without an Art 6(1) basis is unlawful. The ICO expects the notice to map each purpose to its basis.",
        fix: "```yaml\nlawful_basis: [public_task]\n```\nThe codes are `consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task`, `legitimate_interests` and (from 5 February 2026) `recognised_legitimate_interest`.",
    }
    LEGISLATION_MISSING = "PN203" "legislation-missing" Warning "UK GDPR Art 6(3), DPA 2018 s8" {
        summary: "a public task or legal obligation names the law behind it",
        checks: "That a purpose relying on `public_task` or `legal_obligation` lists at least one item in `legislation`.",
        why: "Art 6(3) requires the basis for these two to be laid down by law. Naming the Act tells people what gives the office its power; the ICO treats it as good practice rather than a strict disclosure, so this is a warning.",
        fix: "```yaml\nlegislation: [Police Reform and Social Responsibility Act 2011]\n```",
    }
    LEGITIMATE_INTERESTS_UNSTATED = "PN204" "legitimate-interests-unstated" Error "UK GDPR Art 13(1)(d), Art 14(2)(b)" {
        summary: "a purpose relying on legitimate interests says what they are",
        checks: "That a purpose with `legitimate_interests` in its `lawful_basis` has a `legitimate_interests` text.",
        why: "Art 13(1)(d) and Art 14(2)(b) require the legitimate interests pursued to be stated wherever Art 6(1)(f) is relied on.",
        fix: "```yaml\nlegitimate_interests: Keeping our building and staff safe.\n```",
    }
    LEGITIMATE_INTERESTS_PUBLIC_TASK = "PN205" "legitimate-interests-for-public-tasks" Error "UK GDPR Art 6(1) (last sentence)" {
        summary: "a public authority does not use legitimate interests for its public tasks",
        checks: "That a public authority relying on `legitimate_interests` or `recognised_legitimate_interest` has confirmed with `outside_public_tasks: true` that the purpose is outside the performance of its tasks.",
        why: "Art 6(1) (as amended by the Data (Use and Access) Act 2025 s70) says points (ea) and (f) do not apply to processing by public authorities in the performance of their tasks. A PCC office relying on legitimate interests for, say, handling complaints has no lawful basis; it may rely on it only for things outside its public tasks.",
        fix: "Use `public_task` (with the legislation) for the office's functions. If the purpose really is outside them, say so:\n\n```yaml\nlawful_basis: [legitimate_interests]\noutside_public_tasks: true\n```",
    }
    RECOGNISED_LI = "PN206" "recognised-legitimate-interest" Error "UK GDPR Art 13(1)(c), Art 14(1)(c), Art 6(1)(ea), Annex 1" {
        summary: "a recognised legitimate interest is in force and names its Annex 1 condition",
        checks: "That a purpose relying on `recognised_legitimate_interest` names its Annex 1 condition in `recognised_legitimate_interest`, and that the check date is on or after 5 February 2026, when Art 6(1)(ea) came into force (SI 2026/82).",
        why: "Art 6(1)(ea) applies only where one of the conditions in Annex 1 is met (for example disclosure for another body's public task, national security, emergencies, crime, safeguarding). The exact Annex 1 wording should be checked against legislation.gov.uk: `notice` takes the condition as text rather than guessing an enumeration.",
        fix: "```yaml\nlawful_basis: [recognised_legitimate_interest]\nrecognised_legitimate_interest: Safeguarding vulnerable individuals (Annex 1)\n```",
    }
    CONSENT_RELIANCE = "PN207" "consent-main-basis" Warning "UK GDPR Art 7(4), Recital 43; ICO lawful basis guidance" {
        summary: "a public authority does not rely on consent for most purposes",
        checks: "That, for a public authority, consent is not the only basis of more than half of the purposes.",
        why: "Recital 43 and the ICO say consent is unlikely to be freely given where there is a clear imbalance of power, as with public authorities; public task is usually the right basis for their functions. This is guidance, so it is a warning.",
        fix: "Review each consent-only purpose: if it carries out a statutory function, use `public_task` and name the legislation.",
    }
    CONSENT_WITHDRAWAL = "PN208" "consent-withdrawal-route" Error "UK GDPR Art 13(2)(c), Art 14(2)(d), Art 7(3)" {
        summary: "where consent is relied on, people can see how to withdraw it",
        checks: "That a notice relying on consent (Art 6(1)(a) or Art 9(2)(a)) gives a way to withdraw it: a `withdraw_consent` on the purpose, or a contact route for rights.",
        why: "Art 13(2)(c) requires the right to withdraw consent at any time to be stated, and Art 7(3) says withdrawing must be as easy as giving consent. `notice` writes the sentence; it needs a route to put in it.",
        fix: "```yaml\nwithdraw_consent: Use the unsubscribe link in any of our e-mails, or contact us.\n```",
    }

    DIRECT_MARKETING_UNSTATED = "PN209" "direct-marketing-unstated" Warning "UK GDPR Art 21(2)-(4), Art 13(2)(b), Art 14(2)(c)" {
        summary: "a purpose that sends newsletters, invitations or appeals says whether it is direct marketing",
        checks: "That a purpose whose name speaks of newsletters, bulletins, a mailing list, marketing, fundraising, promotional material or invitations has `direct_marketing: true` or `false`.",
        why: "Direct marketing is any advertising or marketing material directed at particular people, including promoting an organisation's aims, events and fundraising (DPA 2018 s122(5); ICO direct marketing guidance). Where data is used for it, people have an absolute right to object (Art 21(2)-(3)), which must be brought to their attention explicitly and separately (Art 21(4)); `notice` writes that right only when it knows. The words may describe something else (a bulletin of statutory information), so this is a warning.",
        fix: "```yaml\npurposes:\n  - id: newsletter\n    name: To send you our newsletter\n    lawful_basis: [consent]\n    direct_marketing: true\n```",
    }

    PURPOSE_RECIPIENTS_CONFLICT = "PN210" "purpose-shared-with-no-one-conflict" Error "UK GDPR Art 13(1)(e), Art 14(1)(e)" {
        summary: "a purpose that says its data is shared with no one lists no recipients",
        checks: "That no purpose says both `shared_with_no_one: true` and `recipients:` with entries.",
        why: "Art 13(1)(e) and Art 14(1)(e) require the recipients of personal data, if any. A purpose that says no one receives its data and also names recipients tells people two different things, and one of them is wrong. (A purpose's `shared_with_no_one: true` is its answer to the recipients question: with every purpose answering so, the notice needs no `recipients` list, PN401.)",
        fix: "Keep the answer that is true:\n\n```yaml\npurposes:\n  - id: recruitment\n    name: To consider your job application\n    lawful_basis: [contract]\n    shared_with_no_one: true\n```",
    }

    // ── PN3xx: special category and criminal offence data ──────────────────────────────
    SPECIAL_CONDITION = "PN301" "special-category-condition" Warning "UK GDPR Art 9(2); ICO special category guidance" {
        summary: "special category data comes with an Art 9(2) condition",
        checks: "That every purpose using a `special` data category names a condition in `special_category_conditions`; and, where special category data is declared but no purpose refers to it, that at least one purpose names a condition.",
        why: "Processing special category data (health, ethnicity, religion, sexual orientation, biometrics …) needs an Art 9(2) condition as well as an Art 6 basis. Arts 13 and 14 do not expressly list the condition, but the ICO expects it to be documented alongside the lawful basis, and people cannot judge the processing without it. Having a condition is mandatory; stating it is guidance, so this is a warning.",
        fix: "```yaml\nspecial_category_conditions:\n  - condition: substantial_public_interest\n    schedule_1: Part 2 para 6\n```",
    }
    SCHEDULE_1_MISSING = "PN302" "schedule-1-condition-missing" Warning "DPA 2018 s10(2)-(3), Sch 1" {
        summary: "an Art 9(2) condition that needs a Schedule 1 condition names one",
        checks: "That `employment`, `substantial_public_interest`, `health_or_social_care`, `public_health` and `archiving_research_statistics` conditions give a `schedule_1` paragraph.",
        why: "DPA 2018 s10(2) says Art 9(2)(b), (h), (i) and (j) are met only with a Schedule 1 Part 1 condition, and s10(3) that Art 9(2)(g) needs a Part 2 condition. Naming the paragraph is good practice (the condition must be met either way).",
        fix: "```yaml\n- condition: substantial_public_interest\n  schedule_1: Part 2 para 6   # statutory and government purposes\n```",
    }
    SCHEDULE_1_MISMATCH = "PN303" "schedule-1-condition-mismatch" Error "DPA 2018 s10, Sch 1" {
        summary: "a Schedule 1 paragraph belongs to the Part its Art 9(2) condition needs",
        checks: "That `schedule_1` is written `Part N para M` and belongs to the right Part: employment → Part 1 para 1; health or social care → Part 1 para 2; public health → para 3; archiving, research and statistics → para 4; substantial public interest → Part 2, paras 6–28; criminal offence data → Parts 1, 2 or 3 (paras 29–37).",
        why: "DPA 2018 s10 ties each Art 9(2) condition to particular Schedule 1 paragraphs; a paragraph from the wrong Part does not meet the condition.",
        fix: "```yaml\nschedule_1: Part 2 para 10   # preventing or detecting unlawful acts\n```",
    }
    CRIMINAL_CONDITION = "PN304" "criminal-offence-condition" Warning "UK GDPR Art 10; DPA 2018 s10(5), s11(2)" {
        summary: "criminal offence data comes with its Art 10 authority",
        checks: "That every purpose using a `criminal_offence` data category gives a `criminal_offence_condition` (official authority, or a Schedule 1 paragraph); and, where such data is declared but no purpose refers to it, that at least one purpose gives one.",
        why: "Art 10 allows criminal offence data (including alleged offences and proceedings, DPA 2018 s11(2)) only under official authority or with a DPA 2018 Schedule 1 condition (s10(5)). As with Art 9, stating it is guidance; having it is mandatory.",
        fix: "```yaml\ncriminal_offence_condition:\n  official_authority: Police Reform and Social Responsibility Act 2011\n```",
    }
    POLICY_DOCUMENT = "PN305" "appropriate-policy-document" Warning "DPA 2018 Sch 1 para 5, paras 38-41" {
        scope: Set,
        summary: "a notice relying on Schedule 1 conditions declares its appropriate policy document",
        checks: "That a notice using a Schedule 1 Part 1 para 1 or Part 2 condition has an `appropriate_policy_document` block; and that a public authority that declares special category or criminal offence data has one even where it names no Schedule 1 paragraph (not for criminal offence data processed under the control of official authority, the first limb of Art 10, which needs no Schedule 1 condition).",
        why: "Most of these conditions are met only if the controller has an appropriate policy document (Sch 1 para 5 and Part 4). It need not be published, but linking it is common public-sector practice and shows the condition is really met. Some Part 2 paragraphs (e.g. para 10(2)) dispense with it; `notice` does not try to decide those cases, hence a warning. A public authority processing special category or criminal offence data for its functions almost always relies on Sch 1 Part 1 para 1 (employment) or Part 2 para 6 (statutory purposes), both of which need the document, so it is asked for even when no paragraph is named.",
        fix: "```yaml\nappropriate_policy_document:\n  title: Appropriate policy document\n  url: https://www.example-pcc.gov.uk/apd\n  last_reviewed: 2026-03-01\n```",
    }

    SENSITIVE_DATA_UNDECLARED = "PN306" "sensitive-data-undeclared" Warning "UK GDPR Art 9(1), Art 10, Art 13(1)(c), Art 14(1)(d)" {
        summary: "purposes that speak of health, offences and the like come with the data they imply",
        checks: "That a notice whose purposes speak of health, medical care, disability, ethnicity, religion, sexual orientation, trade unions, biometrics or genetics declares special category data, and one whose purposes speak of offences, offenders, criminal records, convictions, victims, vetting or misconduct declares criminal offence data. \"Crime\" alone is not enough (\"crime prevention\", \"the police and crime plan\" are about the office's work, not about people's offences). Asked once per kind, on the first purpose that speaks of it.",
        why: "Special category data needs an Art 9(2) condition and criminal offence data an Art 10 authority, and people must be able to see both (Art 13(1)(c), Art 14(1)(d)). A notice that runs health services or deals with crime but declares neither either hides the condition or has not noticed the data. This is a warning: the words may not mean the data is used, and then the office can leave it.",
        fix: "```yaml\ndata_categories:\n  - id: health\n    name: Information about your health\n    kind: special\n```",
    }
    PSEUDONYMISED_AS_ANONYMISED = "PN307" "pseudonymised-marked-anonymised" Warning "UK GDPR Recital 26, Art 4(1), Art 4(5); DPA 2018 s3(2)-(3)" {
        summary: "a purpose marked anonymised does not describe pseudonymised data",
        checks: "That a purpose with `anonymised: true` does not call its data pseudonymised (\"pseudonymised\", \"pseudonymous\", \"pseudo-anonymised\", \"key-coded\") in its name or description, or in the name, examples or note of a data category it uses. One finding per purpose.",
        why: "Data protection law does not apply to anonymous information, which no longer relates to an identified or identifiable person (Recital 26; DPA 2018 s3(2)-(3)): a purpose marked `anonymised` needs no lawful basis, no Art 9 or 10 condition and no retention period, and PN202, PN301, PN304 and PN501 do not ask for them. Pseudonymised data (Art 4(5): data that can be linked back to a person with additional information kept separately, such as a key or a reference number) is still personal data (Recital 26), and the whole notice applies to it. A purpose that says its data is pseudonymised but is marked anonymised escapes those rules wrongly. This is a warning: words alone cannot show whether data is truly anonymous, and a purpose may describe pseudonymisation as a step before anonymisation.",
        fix: "If the data can be linked back to people, remove `anonymised: true` and give the purpose its lawful basis:\n\n```yaml\n  - id: statistics\n    name: To produce statistics about our work\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n```\n\nIf it truly cannot, describe it as anonymised.",
    }

    // ── PN4xx: sharing, sources, transfers ─────────────────────────────────────────────
    RECIPIENTS_UNDECLARED = "PN401" "recipients-undeclared" Error "UK GDPR Art 13(1)(e), Art 14(1)(e)" {
        scope: Set,
        summary: "the notice says who personal data is shared with",
        checks: "That a `recipients` list is present (an empty list says no one), or that every purpose says `shared_with_no_one: true`.",
        why: "Art 13(1)(e) and Art 14(1)(e) require the recipients or categories of recipients, if any, including processors. Silence leaves people unable to tell whether data is shared. As with transfers (PN402), the law asks only where there are recipients, but `notice` asks for an explicit answer (`recipients: []` for none), so the severity is the same as PN402's.",
        fix: "```yaml\nrecipients:\n  - id: kent-police\n    name: Kent Police\n```",
    }
    TRANSFERS_UNDECLARED = "PN402" "transfers-undeclared" Error "UK GDPR Art 13(1)(f), Art 14(1)(f)" {
        scope: Set,
        summary: "the notice declares whether data goes outside the UK",
        checks: "That a `transfers` block is present, with `outside_uk: false` or the transfers made.",
        why: "Art 13(1)(f) (as reworded by the Data (Use and Access) Act 2025 from 5 February 2026) requires the fact of any intended transfer and its safeguards. `notice` requires an explicit answer: none is a valid answer, silence is not, because hosting and support by overseas suppliers are easily overlooked.",
        fix: "```yaml\ntransfers:\n  outside_uk: false\n```",
    }
    TRANSFER_DETAILS = "PN403" "transfer-details" Error "UK GDPR Art 13(1)(f), Art 14(1)(f), Arts 45A-49" {
        summary: "each transfer names where it goes, what it relies on and how to get a copy",
        checks: "That `outside_uk: true` comes with at least one destination, and that every destination relying on Art 46 or 47 safeguards (`idta`, `uk_addendum`, `binding_corporate_rules`, `other_safeguards`) says how to obtain a copy of them (`copy_from`); and that `outside_uk: false` has no destinations.",
        why: "Art 13(1)(f) requires the existence or absence of regulations under Art 45A, or for transfers under Art 46 or 47 (or the second subparagraph of Art 49(1)), the safeguards relied on and the means to obtain a copy or where they have been made available. Transfers under adequacy regulations or an Art 49 derogation have no safeguards to copy; the second-subparagraph derogation is not open to public authorities exercising their public powers (Art 49(3)).",
        fix: "```yaml\ntransfers:\n  outside_uk: true\n  destinations:\n    - destination: United States\n      recipients: [survey-provider]\n      safeguard: idta\n      copy_from: Ask our Data Protection Officer for a copy.\n```",
    }
    UNDISCLOSED_TRANSFER = "PN404" "undisclosed-transfer" Error "UK GDPR Art 13(1)(f), Art 14(1)(f)" {
        summary: "a recipient outside the UK is disclosed as a transfer",
        checks: "That when `transfers.outside_uk` is `false`, no recipient has a `location` outside the United Kingdom.",
        why: "Sending data to a recipient outside the UK is a restricted transfer (including to the EEA), which Art 13(1)(f) requires the notice to disclose.",
        fix: "Set `outside_uk: true` and describe the transfer, or correct the recipient's `location`.",
    }
    SOURCES_UNDECLARED = "PN405" "sources-undeclared" Warning "UK GDPR Art 13, Art 14(2)(f)" {
        scope: Set,
        summary: "the notice says where personal data comes from",
        checks: "That a `sources` list is present.",
        why: "Whether data comes from the person (Art 13) or from others (Art 14) decides what the notice must say: the source of the data (Art 14(2)(f)) and its categories (Art 14(1)(d)), or whether providing it is required (Art 13(2)(e)). Data the office records by observing people (CCTV, call recordings, website logs: `kind: observed`) is collected from them, so Art 13 applies (WP29 transparency guidelines, WP260 rev.01 para 26, endorsed by the EDPB; the ICO's guidance reads the same). Data the office creates itself (case notes, assessments: `kind: created`) is obtained from no one; `notice` does not treat it as either, and asks for the sources of what it is worked out from. Without sources those rules assume direct collection.",
        fix: "```yaml\nsources:\n  - id: you\n    name: You, when you contact us\n    kind: data_subject\n```",
    }
    INDIRECT_CATEGORIES = "PN406" "categories-for-indirect-collection" Error "UK GDPR Art 14(1)(d)" {
        summary: "where data comes from others, the notice lists the categories of data",
        checks: "That a notice with a `third_party` source declares `data_categories`. Sources of `kind: observed` (collected from the person, Art 13) and `kind: created` (made by the office itself) do not make data indirectly collected.",
        why: "Art 14(1)(d) requires the categories of personal data concerned where data is not obtained from the person: PCC offices receive referrals from police, councils and MPs, and complaints made on someone's behalf.",
        fix: "```yaml\ndata_categories:\n  - id: contact\n    name: Contact details\n    examples: [name, address, telephone number]\n```",
    }
    PUBLICLY_ACCESSIBLE = "PN407" "publicly-accessible-unstated" Warning "UK GDPR Art 14(2)(f)" {
        summary: "a notice with a source that may be public says whether it is",
        checks: "That, where a `third_party` source plausibly is publicly accessible (its name or examples speak of the press, news or social media, websites or the internet, a public register such as the electoral register, Companies House or the Land Registry, or published material), some third-party source says `publicly_accessible: true` or `false`. Other organisations (police forces, council departments, commissioned services) are not asked about. Reported once per notice.",
        why: "Art 14(2)(f) requires the source and, if applicable, whether it came from publicly accessible sources (the ICO: there is no exception just because data is public). \"If applicable\" means the question arises only where a source might be public; asking it of a partner organisation would be a wrong finding.",
        fix: "```yaml\npublicly_accessible: false\n```",
    }

    EXEMPTION_MEASURES = "PN410" "exemption-measures-unstated" Warning "UK GDPR Art 14(5)(b) (from 5 February 2026 Art 14(5)(e)-(f), Art 14(7)); Art 13(7)" {
        summary: "an exemption for impossibility, disproportionate effort, serious impairment or research says what appropriate measures are taken instead",
        checks: "That every entry of `exemptions` with `ground: disproportionate_effort`, `seriously_impair` or `research` has `measures`: what the office does instead of telling each person, including where the information is made publicly available.",
        why: "These exemptions do not end the duty; they change it. Art 14(5)(b) (until 4 February 2026) and, since DUAA 2025 s77 came into force on 5 February 2026 (SI 2026/82 reg 2(i)), Art 14(7) for the grounds now in Art 14(5)(e) and (f), and Art 13(7) for the research exemption in Art 13(5), require the controller to take appropriate measures to protect the person's rights, freedoms and legitimate interests, \"including by making the information available publicly\". A notice that relies on the exemption and says nothing of those measures gives a reader no way to learn what happens to their data. This is a warning: the measures may exist elsewhere (a published research notice, a data protection impact assessment), but then the notice should say where.",
        fix: "```yaml\nexemptions:\n  - id: managers\n    ground: disproportionate_effort\n    reason: We cannot contact the managers an applicant names; we hold no contact details for them.\n    sources: [applicant]\n    measures: This notice is published on our website, and we check convictions only against the register.\n```",
    }
    EXEMPTION_MISAPPLIED = "PN411" "exemption-misapplied" Error "UK GDPR Art 13(4), Art 13(5), Art 14(5)" {
        summary: "each exemption uses a ground that can cover what it covers, and says what that is",
        checks: "For each entry of `exemptions`: that it names the `sources` or `purposes` it covers (none is a blanket claim); that the Art 14(5) grounds other than `already_informed` (`disproportionate_effort`, `seriously_impair`, `required_by_law`, `professional_secrecy`) cover only data from others, so not a `data_subject` source nor a purpose whose sources are all `data_subject`; that `research` names the purposes (the further use) it covers; and that `research` is not relied on before 5 February 2026.",
        why: "Art 14(5) exempts only data that has not been obtained from the person; for data collected from the person Art 13 itself allows two exceptions only (the DPA 2018 Schedule 2 exemptions, such as crime and taxation, are separate and not modelled by `notice`), that the person already has the information (Art 13(4)) and, since 5 February 2026 (DUAA 2025 s77, SI 2026/82 reg 2(i)), further processing for research, archiving or statistics where telling people is impossible or disproportionate (Art 13(5)-(6)). Before that day Art 13 had no research exemption. Each exemption applies \"to the extent that\" its ground holds, so the notice must say what it covers.",
        fix: "Name what the exemption covers, and use a ground that fits it:\n```yaml\nexemptions:\n  - id: referrals\n    ground: required_by_law\n    reason: Police forces must pass us these details to handle complaint reviews.\n    law: Police Reform Act 2002 Sch 3\n    sources: [police]\n```",
    }
    EXEMPTION_LAW = "PN412" "exemption-law-unnamed" Warning "UK GDPR Art 14(5)(c), Art 14(5)(d)" {
        summary: "an exemption because the law requires the data or binds it to secrecy names that law",
        checks: "That every entry of `exemptions` with `ground: required_by_law` or `professional_secrecy` names the law in `law`.",
        why: "Art 14(5)(c) applies only where obtaining or disclosure is expressly laid down by law that provides appropriate measures to protect the person's legitimate interests, and Art 14(5)(d) only where the data must stay confidential under an obligation of professional secrecy regulated by law, including a statutory obligation of secrecy. Whether either holds depends on which law it is; without it no reader (nor the Commissioner) can tell.",
        fix: "```yaml\nlaw: Police Reform Act 2002 Sch 3\n```",
    }
    RECIPIENTS_VAGUE = "PN413" "recipients-vague" Warning "UK GDPR Art 13(1)(e), Art 14(1)(e)" {
        summary: "each recipient is named, or its kind is",
        checks: "That no entry of `recipients` is named only as \"others\", \"other organisations\", \"other bodies\", \"other people\", \"third parties\" or \"anyone\", alone or with nothing but the circumstances (\"where the law requires\", \"unless we are lawfully able to\"), and has no `category`. A name that goes on to say what kind of body (\"other police forces\", \"third parties such as another local authority\", \"others, for example the courts\") is not reported.",
        why: "Art 13(1)(e) and Art 14(1)(e) require the recipients or categories of recipients. A category says what kind of body receives the data (the courts, other police forces, IT suppliers); \"others where the law requires\" says only when data is shared, not with whom, so a reader cannot tell where their data may go. The ICO's guidance asks for recipients to be named, or the categories to be as specific as possible.",
        fix: "Say who, or what kind of body:\n```yaml\nrecipients:\n  - id: by-law\n    name: The courts, the police and other bodies entitled by law to ask for it\n```",
    }

    // ── PN5xx: retention ───────────────────────────────────────────────────────────────
    RETENTION_MISSING = "PN501" "retention-missing" Error "UK GDPR Art 13(2)(a), Art 14(2)(a)" {
        scope: Set,
        summary: "every purpose has a retention period or the criteria for one",
        checks: "That each purpose has a period or the criteria for one: its own `retention` rule, `retention_statement` or `retention_policy`, or the notice's `retention.default`, `retention.criteria`, `retention.rules`, `retention.statement` or retention policy. Without a `retention` block, every purpose must answer for itself.",
        why: "Art 13(2)(a) requires the period for which data will be stored or, if that is not possible, the criteria used to determine it.",
        fix: "```yaml\nretention:\n  default: 4 years from the date of last contact\n  rules:\n    - id: complaints\n      records: Complaint files\n      period: 10 years after the last entry\n```",
    }
    RETENTION_VAGUE = "PN502" "retention-vague" Warning "UK GDPR Art 13(2)(a), Art 14(2)(a); ICO right to be informed" {
        summary: "retention gives a period, criteria or a reachable schedule",
        checks: "That retention is more than \"as long as necessary\": a default period, rules, criteria, or a policy with a link; and that a purpose whose only retention answer is its own `retention_policy` links it.",
        why: "The ICO accepts criteria or a schedule reference, but \"as long as necessary\" alone tells people nothing, and a schedule named without a link cannot be found.",
        fix: "Give the policy's address, or the main periods:\n\n```yaml\nretention:\n  policy:\n    title: Records Retention and Disposal Policy\n    url: https://www.example-pcc.gov.uk/retention\n```",
    }

    // ── PN6xx: rights, complaints, requirement, decisions ─────────────────────────────
    RIGHTS_CONTACT = "PN601" "rights-contact-missing" Error "UK GDPR Art 13(2)(b), Art 14(2)(c), Art 12(2)" {
        scope: Set,
        summary: "people can see how to exercise their rights",
        checks: "That a contact route for rights exists: `rights.contact`, or the DPO's or the controller's contact details.",
        why: "Art 13(2)(b) requires the existence of the rights, and Art 12(2) requires the controller to facilitate their exercise; a right with no route is no use.",
        fix: "```yaml\nrights:\n  contact:\n    email: dpo@example.police.uk\n```",
    }
    PORTABILITY_OVERSTATED = "PN602" "portability-overstated" Warning "UK GDPR Art 20(1), (3)" {
        summary: "the right to data portability is described only where it applies",
        checks: "That `rights.details.portability` is given only when some purpose relies on consent or contract and is carried out by automated means.",
        why: "Art 20(1) gives the right only for consent or contract processing by automated means, and Art 20(3) excludes public tasks. Promising it for everything misleads people about what they can ask for.",
        fix: "Remove `rights.details.portability`, or check that the purposes it covers are marked with their real bases. `notice` writes the portability paragraph itself when it applies.",
    }
    COMPLAINTS_TO_CONTROLLER = "PN603" "complaints-to-controller" Error "UK GDPR Art 13(2)(ca), Art 14(2)(da); DPA 2018 s164A" {
        scope: Set,
        summary: "from 19 June 2026, the notice says how to complain to the office",
        checks: "That, when checking as of 19 June 2026 or later, `complaints.controller` gives a way to complain to the office: at least one of `form`, `email`, `address`, `phone` or `web`.",
        why: "The Data (Use and Access) Act 2025 s103 inserted DPA 2018 s164A (complaints to controllers) and Art 13(2)(ca), in force 19 June 2026. The ICO now usually expects people to complain to the organisation first. Before that date this rule does not apply.",
        fix: "```yaml\ncomplaints:\n  controller:\n    form: https://www.example-pcc.gov.uk/complaints\n    email: dpo@example.police.uk\n```",
    }
    COMPLAINT_FORM = "PN604" "complaint-form" Warning "DPA 2018 s164A(2)" {
        scope: Set,
        summary: "complaints to the office can be made electronically and by other means",
        checks: "That, when checking as of 19 June 2026 or later, `complaints.controller` has an online `form` or e-mail, and at least one other means (post or phone).",
        why: "s164A(2) requires controllers to facilitate complaints, \"such as providing a complaint form which can be completed electronically and by other means\". The example is not mandatory, so this is a warning. s164A is in force from 19 June 2026 (Data (Use and Access) Act 2025 s103); before then the rule does not apply.",
        fix: "```yaml\ncomplaints:\n  controller:\n    form: https://www.example-pcc.gov.uk/complaints\n    address: [Office of the PCC, Police HQ, Example Road, EX1 1AA]\n```",
    }
    PROVISION_REQUIREMENT = "PN605" "provision-requirement" Error "UK GDPR Art 13(2)(e)" {
        scope: Set,
        summary: "the notice says whether people must provide their data and what happens if not",
        checks: "That every purpose whose data comes from people themselves (it names a `data_subject` source, or names no source while the notice has one or declares no sources) is covered by a `provision_requirement`: its own (`purposes[].provision_requirement`) or the notice's. Each such statement, at either level, says whether providing data is `voluntary`, `statutory`, `contractual`, `pre_contract` or `varies`, and gives the consequences of not providing it unless it is voluntary. A purpose's statement is its whole answer: the notice's does not fill gaps in it.",
        why: "Art 13(2)(e) requires whether provision is a statutory or contractual requirement, whether the person is obliged to provide it and the possible consequences of not doing so. There is no Art 14 equivalent, so a notice whose data all comes from others is exempt.",
        fix: "```yaml\nprovision_requirement:\n  requirement: voluntary\n  consequences: Without it we may not be able to deal with your enquiry.\n```",
    }
    ADM_UNDECLARED = "PN606" "automated-decisions-undeclared" Error "UK GDPR Art 13(2)(f), Art 14(2)(g)" {
        scope: Set,
        summary: "the notice declares whether automated decisions are made",
        checks: "That an `automated_decision_making` block is present with `used: true` or `used: false`.",
        why: "Art 13(2)(f) requires the existence of automated decision-making, including profiling, to be disclosed. As with transfers, `notice` asks for an explicit answer so that the notice can say so plainly.",
        fix: "```yaml\nautomated_decision_making:\n  used: false\n```",
    }
    ADM_DETAILS = "PN607" "automated-decision-details" Error "UK GDPR Art 22C(2); Art 13(2)(f), Art 14(2)(g)" {
        summary: "each automated decision is explained, with its safeguards",
        checks: "That `used: true` lists at least one decision, each with `logic` and `significance`; and, as of 5 February 2026, `safeguards` (how to make representations, get human intervention and contest the decision); and that `used: false` lists none.",
        why: "Art 13(2)(f) requires meaningful information about the logic involved and the significance and envisaged consequences. From 5 February 2026 Arts 22A–22D (Data (Use and Access) Act 2025 s80) replace Art 22 and require the Art 22C safeguards.",
        fix: "```yaml\ndecisions:\n  - description: Shortlisting grant applications\n    logic: Applications scoring under 40 are not shortlisted.\n    significance: You will not receive a grant this round.\n    safeguards: Ask us to review the decision by a person.\n```",
    }

    NOT_PLAIN_ANSWER = "PN608" "not-a-plain-answer" Warning "UK GDPR Art 13(1)(f), Art 13(2)(f), Art 14(1)(f), Art 14(2)(g)" {
        summary: "transfers and automated decisions are answered with a plain yes or no",
        checks: "That `transfers.qualified_answer` and `automated_decision_making.qualified_answer` are not used: each is the office's own answer when it is not a plain yes or no (\"we would not normally send data abroad\").",
        why: "The notice must say whether personal information is sent outside the UK, with the safeguards (Art 13(1)(f)), and whether significant decisions are made by automated means alone (Art 13(2)(f)). A hedged answer keeps the office's words in the notice, and `notice` then prints no generated sentence that could contradict them; but a reader cannot tell from it whether their information leaves the UK or who decides about them.",
        fix: "Find out and answer plainly:\n```yaml\ntransfers:\n  outside_uk: false\n```",
    }
    REGULATOR_COPY = "PN609" "regulator-details-differ" Warning "UK GDPR Art 13(2)(d), Art 14(2)(e); DPA 2018 s165" {
        summary: "the office's copy of the regulator's details matches the current ones",
        checks: "That the address, telephone number and web addresses in `complaints.regulator` agree with the Information Commissioner's Office's current details (Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; 0303 123 1113; ico.org.uk).",
        why: "People must be told of their right to complain to the Commissioner (Art 13(2)(d); DPA 2018 s165). The notice always prints the regulator's current details; an office's own copy is printed after them, and a copy that has gone out of date (a missing address line, an old number) would send people the wrong way.",
        fix: "Remove the out-of-date line from `complaints.regulator`, or correct it; the notice prints the regulator's current details whatever this block says.",
    }

    RIGHTS_NOT_STATED = "PN610" "rights-not-stated" Error "UK GDPR Art 13(2)(b)-(c), Art 14(2)(c)-(d)" {
        summary: "a notice published in its own words states every right that applies",
        checks: "Where `as_published.rights` lists the rights a notice published in its own words states, that it includes every right that applies to the notice as `notice` works them out from the lawful bases (access, rectification and restriction always; erasure where some purpose relies on a basis other than a legal obligation or a public task; objection, portability, objection to direct marketing, withdrawing consent and rights about automated decisions where they apply). Reported once, listing those not stated. A notice written in this format is not checked: `notice build` writes the rights for it.",
        why: "Art 13(2)(b) and Art 14(2)(c) require the existence of the rights of access, rectification, erasure, restriction, objection and data portability; Art 13(2)(c) and Art 14(2)(d) the right to withdraw consent. A notice that mentions only the right of access, or points to another page for the rest, does not give them. The right to erasure is asked for only where some purpose relies on a basis other than a legal obligation or a public task: Art 17(3)(b) takes most of it away for those, and the ICO's guidance says it does not apply to them.",
        fix: "State the missing rights in the notice. If you move the notice into this format, remove `as_published`: `notice build` writes the rights that apply.",
    }
    REGULATOR_COMPLAINT_NOT_STATED = "PN611" "regulator-complaint-not-stated" Error "UK GDPR Art 13(2)(d), Art 14(2)(e); DPA 2018 s165 (Art 77 until 18 June 2026)" {
        summary: "a notice published in its own words tells people they can complain to the Information Commissioner",
        checks: "That `as_published.regulator_complaint` is not `false`. A notice written in this format is not checked: `notice build` always writes the right to complain to the Commissioner, with the Commissioner's details.",
        why: "Art 13(2)(d) and Art 14(2)(e) require the right to lodge a complaint with the Commissioner: under Art 77 until 18 June 2026 and under DPA 2018 s165 since 19 June 2026 (DUAA 2025 s103, Sch 10; SI 2026/82 reg 3). Pointing people to the regulator's website for information does not tell them they have that right.",
        fix: "Say that people can complain to the Information Commissioner, and how. If you move the notice into this format, remove `as_published`: `notice build` writes it.",
    }

    // ── PN7xx: the notice itself ───────────────────────────────────────────────────────
    NOTICE_MISSING = "PN701" "notice-block-missing" Error "notice format" {
        summary: "the notice has a `notice` block with its title",
        checks: "That a `notice` block is present.",
        why: "The title, language and dates come from it; without it the published notice has no title and readers cannot tell how current it is.",
        fix: "```yaml\nnotice:\n  title: Privacy notice\n  last_updated: 2026-03-01\n  next_review: 2027-03-01\n```",
    }
    LAST_UPDATED_MISSING = "PN702" "last-updated-missing" Warning "ICO right to be informed guidance" {
        summary: "the notice says when it was last updated",
        checks: "That `notice.last_updated` is given.",
        why: "The ICO says privacy information must be regularly reviewed and new uses brought to people's attention; a date lets people see how current the notice is.",
        fix: "```yaml\nnotice:\n  last_updated: 2026-03-01\n```",
    }
    REVIEW_OVERDUE = "PN703" "review-overdue" Warning "ICO right to be informed guidance" {
        summary: "the next review date has not passed",
        checks: "That `notice.next_review` is not before the check date (`--as-of`, default today).",
        why: "The office committed to review the notice by this date. An overdue review is the commonest way a notice falls behind the law (the 1998 Act, EEA transfers, complaints to controllers). This is guidance, so a warning: use `--deny-warnings` to make CI fail on it.",
        fix: "Review the notice against `notice check`, then set the next date:\n\n```yaml\nnotice:\n  last_updated: 2026-11-25\n  next_review: 2027-11-25\n```",
    }
    NOTICE_STALE = "PN704" "notice-stale" Warning "ICO right to be informed" {
        summary: "a notice with no review date has been updated in the last year",
        checks: "That, when `next_review` is not given, `last_updated` is no more than 12 months before the check date.",
        why: "The ICO expects privacy information to be regularly reviewed; a notice untouched for over a year with no review date planned is likely out of date.",
        fix: "Review the notice and set `last_updated` and `next_review`.",
    }
    DATES_INCONSISTENT = "PN705" "dates-inconsistent" Error "UK GDPR Art 12(1)" {
        summary: "the notice's dates agree with each other",
        checks: "That `published` is not after `last_updated`, that no change log entry is dated after `last_updated`, and that `next_review` is after `last_updated`.",
        why: "Contradictory dates leave readers unsure which version they are reading: an intelligibility failure under Art 12(1).",
        fix: "Make `last_updated` the date of the latest change.",
    }
    ALTERNATIVE_FORMATS = "PN706" "alternative-formats" Warning "UK GDPR Art 12(1); Equality Act 2010 s20, s149" {
        scope: Set,
        summary: "the notice says how to get it in another format",
        checks: "That `notice.alternative_formats` is given.",
        why: "Art 12(1) requires information to be easily accessible; public bodies must make reasonable adjustments for disabled people (Equality Act 2010). Saying how to ask for large print, audio or braille is how people find out they can.",
        fix: "```yaml\nnotice:\n  alternative_formats:\n    formats: [large print, audio, braille, Easy Read]\n```",
    }
    PRE_GDPR = "PN707" "pre-uk-gdpr-notice" Warning "UK GDPR; DPA 2018" {
        summary: "the notice was updated after the current law began",
        checks: "That `last_updated` is not before 25 May 2018, when the GDPR and DPA 2018 replaced the 1998 Act.",
        why: "A notice last updated before 25 May 2018 may have been written for the repealed 1998 Act. Many were published in the weeks before, in anticipation of the GDPR, so this is a warning: check the notice against current law.",
        fix: "Rewrite the notice for the UK GDPR and DPA 2018; `notice init` gives a complete starting point.",
    }
    FORMATS_OFFERED = "PN708" "alternative-formats-offered" Warning "UK GDPR Art 12(1); Equality Act 2010 s20" {
        summary: "the alternative formats offered are named and can be produced",
        checks: "That `notice.alternative_formats.formats`, when given, names at least one format, and that each entry is a format someone can produce from the notice. `notice build` makes HTML (`--format html`), large print and giant print (`pdf`, 18, 20 or 24 pt), plain text (`txt`), braille (`brf`, UEB grade 2 or grade 1), Word and EPUB. A person or a supplier makes audio (a recording or DAISY), Easy Read, British Sign Language video and other languages (Welsh included) from the notice; `notice` cannot make those, and the rule accepts them. An entry that is neither (\"on request\", \"other formats\", a misspelling) is reported.",
        why: "Art 12(1) asks for information in an easily accessible form, and the Equality Act 2010 asks for reasonable adjustments for disabled people. A list with nothing in it, or with an entry no one can turn into a copy, tells a reader nothing they can ask for, and the office cannot keep the promise. Formats that need a person (audio, Easy Read, BSL, translation) are fine to offer: make sure there is someone to make them within a few days of a request.",
        fix: "Name the formats, for example:\n\n```yaml\nnotice:\n  alternative_formats:\n    formats: [large print, braille, audio, Easy Read]\n```\n\nThen `notice build --format pdf,brf` makes the large print and the braille.",
    }

    GENERATED_ENGLISH = "PN709" "generated-wording-english-only" Warning "UK GDPR Art 12(1)" {
        summary: "the wording `notice` writes itself is in the notice's language",
        checks: "That `notice.language` is English (`en`, `en-GB`). For any other language it reports that the passages `notice` writes itself (the summary, the rights, how to complain, transfers, the regulator's details, headings and labels) are in English. Every output marks those passages as English, so a screen reader reads them in an English voice: `lang=\"en-GB\"` in the web page and the EPUB, `/Lang` on the PDF's structure elements, `w:lang` on Word's runs. Plain text cannot say a language, and braille is Unified English Braille throughout (see docs/braille.md). Words from templates the office wrote itself (`--templates DIR`) are the office's, and are not marked; `notice check` does not see templates, so the warning stays when they are used.",
        why: "Information must be given in a concise, intelligible and easily accessible form (Art 12(1)). A notice in Welsh whose rights and complaints passages are in English is not fully in its reader's language, even when a screen reader reads those passages in the right voice. Public bodies in Wales may also have duties under the Welsh language standards about documents they publish; `notice` does not check those.",
        fix: "Give the passages in the notice's language: `notice init --templates DIR` copies the built-in templates out; translate `notice.md.j2`, `summary.md.j2`, `rights.md.j2` and the labels in `law.md.j2`, and build with `notice build --templates DIR`. Or publish the notice in English alongside.",
    }


    // ── PN9xx: wording ─────────────────────────────────────────────────────────────────
    DPA_1998 = "PN901" "repealed-dpa-1998" Error "DPA 2018 Sch 19 para 44" {
        summary: "the notice does not cite the repealed Data Protection Act 1998",
        checks: "Free text for \"Data Protection Act 1998\" or \"DPA 1998\".",
        why: "The 1998 Act was repealed from 25 May 2018 (DPA 2018 Sch 19 para 44). A notice relying on it, or saying the office is registered under it, states the wrong law.",
        fix: "Cite the UK GDPR and the Data Protection Act 2018.",
    }
    EEA_BOUNDARY = "PN902" "eea-transfer-boundary" Error "UK GDPR Art 13(1)(f), Art 44A" {
        summary: "transfers are described against the UK, not the EEA",
        checks: "Free text naming the \"EEA\" or \"European Economic Area\" in a sentence about transfers (outside, transfer, send), or \"Privacy Shield\" anywhere.",
        why: "Since 1 January 2021 the UK GDPR restricts transfers outside the UK, not the EEA, and the UK mechanisms are in Arts 45A–47A. \"We do not transfer outside the EEA\" leaves transfers to the EEA undisclosed.",
        fix: "Say whether data leaves the UK, e.g. \"We do not send personal information outside the UK\", and set `transfers.outside_uk`.",
    }
    EU_GDPR = "PN903" "eu-gdpr-named" Warning "DPA 2018 s3(10)" {
        summary: "the law is named as the UK GDPR",
        checks: "Free text for \"GDPR\" or \"General Data Protection Regulation\" not preceded by \"UK\".",
        why: "Since 1 January 2021 the law in the UK is the UK GDPR (DPA 2018 s3(10)); the EU GDPR is a different instrument. Historical references may be fine, so this is a warning.",
        fix: "Write \"UK GDPR\" (or \"UK General Data Protection Regulation\").",
    }
    SAR_LEGACY = "PN904" "subject-access-1998-terms" Warning "UK GDPR Art 12(3), Art 12A (from 5 February 2026), Art 12(5)" {
        summary: "subject access is not described in 1998 Act terms",
        checks: "Free text for \"40 days\" or \"£10\".",
        why: "Under the 1998 Act a subject access request cost £10 and took 40 days. Now it is free (Art 12(5)) and answered within one month, extendable by two (Art 12(3), Art 12A).",
        fix: "Say \"free of charge\" and \"within one month\".",
    }
    DPA_NO_YEAR = "PN905" "data-protection-act-without-year" Warning "DPA 2018" {
        summary: "the Data Protection Act is named with its year",
        checks: "Free text for \"Data Protection Act\" not followed by a year.",
        why: "\"The Data Protection Act\" is ambiguous between the repealed 1998 Act and the 2018 Act.",
        fix: "Write \"the Data Protection Act 2018\".",
    }
    SUPERVISORY_AUTHORITY = "PN906" "supervisory-authority-wording" Warning "UK GDPR Art 4(21) (SI 2019/419); DPA 2018 s165; DUAA 2025 s103" {
        summary: "complaints to the regulator are described in current terms",
        checks: "When checking as of 1 January 2021 or later, free text for \"supervisory authority\"; from 19 June 2026 also \"Article 77\".",
        why: "From 1 January 2021 the UK GDPR names the Information Commissioner where the EU GDPR said \"supervisory authority\" (Art 4(21), as amended by SI 2019/419). The Data (Use and Access) Act 2025 s103 then omitted Art 77 from 19 June 2026: complaints now go to the Information Commissioner under DPA 2018 s165 (and to the controller under s164A).",
        fix: "Say \"complain to the Information Commissioner's Office\"; `notice` writes the regulator's details itself.",
    }
    DEEMED_ACCEPTANCE = "PN907" "deemed-acceptance" Warning "UK GDPR Art 4(11), Art 7" {
        summary: "the notice does not claim that using the site means agreeing to it",
        checks: "Free text for phrases such as \"by using our site … you agree\" or \"you accept this privacy notice\", and consent by conduct (\"by communicating electronically with us, you acknowledge and agree\"). A sentence about cookies is PN916 instead.",
        why: "A privacy notice informs; it is not a contract or consent (Art 4(11), Art 7). Claiming deemed acceptance misstates the law and people's rights.",
        fix: "Remove the sentence.",
    }
    CHECK_BACK = "PN908" "onus-to-check-back" Warning "UK GDPR Art 13(3), Art 14(4)" {
        summary: "the notice does not put the duty to spot changes on the reader",
        checks: "Free text asking readers to \"check back\", \"continue to check\", \"refer back to\" or \"periodically review\" the notice, or to \"review this document\" or \"check our website for updates\" from time to time. It stands down when the notice also promises to tell people about changes (\"if there are important changes we will contact you\").",
        why: "Art 13(3) and Art 14(4) put the duty on the controller to tell people about new purposes before processing; readers cannot be expected to keep checking.",
        fix: "Say how the office will tell people about changes; add entries under `notice.changes`.",
    }
    REQUEST_ASSESSMENT = "PN909" "request-assessment" Warning "DPA 2018 s165" {
        summary: "complaints to the ICO are not described as a request for assessment",
        checks: "Free text for \"request an assessment\", \"make an assessment\" or \"request the Information Commissioner to assess\".",
        why: "A request for assessment was the route under the 1998 Act (s42). The current route is a complaint to the Information Commissioner (DPA 2018 s165).",
        fix: "Say \"complain to the Information Commissioner's Office\".",
    }
    ART_22_WORDING = "PN910" "pre-2026-automated-decision-wording" Warning "UK GDPR Arts 22A-22D (from 5 February 2026)" {
        summary: "automated decisions are described under the current law",
        checks: "When checking as of 5 February 2026 or later, free text for the old Art 22 wording: \"right not to be subject to a decision based solely on automated processing\".",
        why: "The Data (Use and Access) Act 2025 s80 replaced Art 22 with Arts 22A–22D from 5 February 2026: solely automated significant decisions are now allowed with safeguards (Art 22C), except for special category data (Art 22B).",
        fix: "Use `automated_decision_making` and let `notice` write the current wording.",
    }
    MISNAMED = "PN911" "misnamed-law-or-body" Warning "UK GDPR Art 12(1)" {
        summary: "laws and public bodies are named correctly",
        checks: "Free text for known misnamings, e.g. \"Police and Social Responsibility Act\" (the Police Reform and Social Responsibility Act 2011), \"Independent Office of Police Conduct\" (the Independent Office for Police Conduct), \"Care Act 2015\" (2014), \"Civil Contingency Act\" (Civil Contingencies Act 2004), \"Fire and Rescue Act\" (Fire and Rescue Services Act 2004); and for bodies and laws that no longer exist or apply, from the date they went, with their successors: the Local Government Ombudsman (renamed 19 June 2017), the Independent Police Complaints Commission (IOPC from 8 January 2018), the Criminal Records Bureau (DBS from 1 December 2012), the Office of Surveillance Commissioners (IPCO from 1 September 2017), NHS Digital (NHS England from 1 February 2023), Public Health England (abolished 1 October 2021), the Law Enforcement Directive (not UK law from 1 January 2021) and the Data Protection Directive (repealed 25 May 2018). Matching ignores case, curly or straight apostrophes, hyphens and line breaks.",
        why: "A misnamed Act or body is harder to look up and undermines trust in the notice's accuracy (Art 12(1): transparent and intelligible).",
        fix: "Use the correct name given in the message.",
    }
    PHONE_NUMBER = "PN912" "phone-number" Error "UK GDPR Art 12(2), Art 13(1)(a)" {
        summary: "telephone numbers have the number of digits a UK number needs",
        checks: "Telephone numbers in contact details and free text: UK numbers starting 0 must have 11 digits (10 for some 01 areas such as 016977, and 0800 numbers may have 10).",
        why: "A number with a digit missing is a broken contact route (e.g. \"01622 67055\" for 01622 677055).",
        fix: "Correct the number.",
    }
    CONSENT_WORDING = "PN913" "consent-reliance-wording" Warning "UK GDPR Art 7(4), Recital 43" {
        summary: "the notice does not say that consent is the office's usual basis",
        checks: "Free text saying that processing or sharing is \"predominantly\" with consent, or that much data \"uses consent as the lawful basis\".",
        why: "Public authorities should avoid over-reliance on consent (Recital 43, ICO); most PCC functions rest on public task. Such statements usually misdescribe the real basis.",
        fix: "Describe the real lawful basis for each purpose under `purposes`.",
    }
    FEE_WORDING = "PN914" "fee-wording" Warning "UK GDPR Art 12(5), Art 15(3)" {
        summary: "fees are mentioned only for the cases the law allows",
        checks: "Free text mentioning an \"administration fee\", \"administrative fee\" or \"fee for subject access\" without \"manifestly unfounded\", \"excessive\" or \"further copies\" nearby.",
        why: "Information and rights requests are free (Art 12(5)); a reasonable fee is allowed only for manifestly unfounded or excessive requests or further copies (Art 15(3)).",
        fix: "Say requests are free, and qualify any fee.",
    }
    ADEQUACY_WORDING = "PN915" "adequacy-decision-wording" Warning "UK GDPR Art 13(1)(f), Art 45A; DPA 2018 s17A (until 5 February 2026)" {
        summary: "transfers are described under the UK's own adequacy regulations",
        checks: "When checking as of 1 January 2021 or later, free text for \"adequacy decision\" or \"European Commission\" in a sentence about transfers. The message names the UK instrument of the day: adequacy regulations under DPA 2018 s17A until 4 February 2026, under Art 45A from 5 February 2026.",
        why: "The Data (Use and Access) Act 2025 (Sch 9, from 5 February 2026) reworded Art 13(1)(f): a notice states the existence or absence of UK regulations under Art 45A, which replace the adequacy decisions of the EU regime (regulations under the old DPA 2018 s17A are treated as made under Art 45A). An EU adequacy decision is not what a UK transfer relies on.",
        fix: "Describe the transfer under `transfers`, with `safeguard: adequacy_regulations` where UK adequacy regulations cover it; `notice` writes the current wording.",
    }
    DEEMED_COOKIE_CONSENT = "PN916" "deemed-cookie-consent" Warning "PECR 2003 reg 6; UK GDPR Art 4(11)" {
        summary: "the notice does not treat browsing as consent to cookies",
        checks: "Free text where a sentence about cookies says that using or continuing to browse the site means agreeing or consenting (\"by using this website, you consent to the storing of cookies\").",
        why: "PECR reg 6 requires consent for cookies that are not strictly necessary, and consent has the UK GDPR meaning: a freely given, specific, informed and unambiguous indication by a statement or clear affirmative action (Art 4(11), via PECR reg 2 as amended). Carrying on browsing is not a clear affirmative action (ICO cookie guidance), so the sentence describes consent the site does not have. It is a consent problem, not a privacy notice being \"agreed to\" (that is PN907).",
        fix: "Ask for consent before setting non-essential cookies (a banner with equally prominent accept and reject choices), and describe that in the notice instead.",
    }
    LINK_TEXT = "PN917" "vague-link-text" Warning "UK GDPR Art 12(1); WCAG 2.2 SC 2.4.4" {
        summary: "link text says where the link goes",
        checks: "Markdown links in free text whose words are only \"here\", \"click here\", \"see below\", \"this link\", \"read more\" or the like, and the words \"click here\" anywhere. One finding per field.",
        why: "People using screen readers often list a page's links out of context; \"click here\" tells them nothing, and \"click\" assumes a mouse. Art 12(1) asks for information that is easily accessible and intelligible; WCAG 2.2 success criterion 2.4.4 (link purpose) asks that a link's words say where it goes.",
        fix: "Name the destination in the link: `[our retention schedule](https://www.example.gov.uk/retention)`.",
    }
    ICO_FEE_EXEMPTION = "PN918" "ico-fee-exemption-claim" Warning "Data Protection (Charges and Information) Regulations 2018 reg 2, Sch; UK GDPR Art 5(1)(a)" {
        summary: "the notice does not claim the office is exempt from registering with or paying the ICO",
        checks: "From 25 May 2018, free text saying the office is \"exempt from registering\" or \"exempt from (paying) the fee\", or \"not required to register\" with the Information Commissioner.",
        why: "Registration under the 1998 Act ended on 25 May 2018. Since then every controller pays the Information Commissioner a data protection fee unless an exemption in the Data Protection (Charges and Information) Regulations 2018 applies, and those exemptions (staff administration, accounts, not-for-profit bodies and the like) rarely cover a public body's work. A claim of exemption is either out of date or wrong, and a notice must be accurate (Art 5(1)(a)). This is a warning: a controller may really be exempt, and then should say under which exemption.",
        fix: "Give the fee reference: `ico_registration: Z1234567`, and remove the claim.",
    }
    POSTCODE = "PN919" "postcode-format" Warning "UK GDPR Art 12(2), Art 13(1)(a)" {
        summary: "postcodes in contact addresses are written as postcodes",
        checks: "That the last line of each contact `address` that looks like a UK postcode has the space before its last three characters (\"EX3 0NW\", not \"EX30NW\").",
        why: "An address people cannot post to is a contact route they cannot use (Art 12(2), Art 13(1)(a)). A postcode without its space is usually still delivered, but it is also how a digit goes missing unnoticed; it is a warning.",
        fix: "```yaml\naddress: [The Knowle, Clyst St George, Exeter, EX3 0NW]\n```",
    }
    ART9_AS_BASIS = "PN920" "art-9-condition-as-basis" Warning "UK GDPR Art 6(1), Art 9(2), Art 13(1)(c)" {
        summary: "an Art 9(2) condition is not presented as an Art 6 lawful basis",
        checks: "Free text where an Art 6 basis is followed directly by an Article 9 reference (\"Legal obligation: Article 9(2)(h)\").",
        why: "Processing special category data needs both an Art 6(1) lawful basis and an Art 9(2) condition (since 20 August 2025 Art 9(2) applies only to processing \"based on Article 6(1)\"). Writing one as the other leaves people unable to tell what the basis is (Art 13(1)(c)).",
        fix: "Give the basis in `lawful_basis` and the condition in `special_category_conditions`; `notice` writes both.",
    }
    CONTACT_ROUTE = "PN921" "contact-route-broken" Warning "UK GDPR Art 12(2), Art 13(1)(a)-(b)" {
        summary: "contact routes in the notice can be used",
        checks: "Free text with a label and nothing after it (\"Email:\", \"Telephone:\" at the end of a line), and e-mail addresses in contact details whose domains are one letter apart (\"kent-pcc.gov.uk\" beside \"kentpcc.gov.uk\"), reported at the less used one.",
        why: "People must be able to reach the controller and the DPO (Art 13(1)(a)-(b)) and to exercise their rights (Art 12(2)). A label with nothing after it, or an address one letter off, is a route that does not work. A warning: two domains can both be right.",
        fix: "Write the address or number after the label, or correct the address.",
    }
    // ── PN95x: found by the renderers, when building ─────────────────────────────────────
    /// A character the large-print PDF cannot draw.
    MISSING_GLYPH = "PN950" "character-missing-from-font" Warning "UK GDPR Art 12(1); Equality Act 2010 s20" @Render {
        summary: "every character of the notice can be drawn in the large-print PDF",
        checks: "When `notice build` writes the large-print PDF: that each character of the text is in one of the embedded fonts (Atkinson Hyperlegible Next, with DejaVu Sans for the characters it lacks). `notice check` does not apply this rule.",
        why: "A character no font has is drawn as a replacement mark (\u{FFFD}), so a reader of the large-print copy loses what it said. The information must be easily accessible (Art 12(1)), and a large-print copy is a reasonable adjustment for a disabled reader (Equality Act 2010 s20).",
        fix: "Write the character another way (an emoji as words, a rare symbol as its name), or leave it out.",
    }
    TEXT_LEFT_OUT = "PN951" "text-left-out" Warning "UK GDPR Art 12(1)" @Render {
        summary: "every text the office wrote appears in the published notice",
        checks: "When `notice build` builds the document: that each text value of the notice (every prose and name field) appears in it. `notice check` does not apply this rule.",
        why: "The office wrote the words for its readers; a value the notice does not print (a consent-withdrawal route on a purpose that does not rely on consent, for example) is either not needed or in the wrong field, and nobody would know it was missing.",
        fix: "Remove the value, or move the words to a field the notice prints.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids = BTreeSet::new();
        let mut names = BTreeSet::new();
        for r in ALL {
            assert!(ids.insert(r.id), "duplicate id {}", r.id);
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(
                r.id.len() == 5
                    && r.id.starts_with("PN")
                    && r.id[2..].chars().all(|c| c.is_ascii_digit()),
                "bad id {}",
                r.id
            );
            assert!(
                r.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "bad name {}",
                r.name
            );
        }
        let sorted: Vec<_> = ALL.iter().map(|r| r.id).collect();
        let mut again = sorted.clone();
        again.sort();
        assert_eq!(sorted, again, "ALL is in id order");
    }

    #[test]
    fn every_rule_is_documented() {
        for r in ALL {
            assert!(!r.citation.is_empty(), "{} has no citation", r.id);
            let first = r.summary.chars().next().unwrap();
            assert!(
                first.is_lowercase() || first == '`',
                "{} summary starts lower-case",
                r.id
            );
            assert!(
                !r.summary.ends_with('.'),
                "{} summary has no trailing period",
                r.id
            );
            assert!(
                r.checks.len() > 20 && r.why.len() > 40 && r.fix.len() > 10,
                "{} docs too thin",
                r.id
            );
            let docs = r.docs();
            for h in ["## What it checks", "## Why", "## How to fix"] {
                assert!(docs.contains(h), "{} docs lack {h}", r.id);
            }
        }
    }

    #[test]
    fn find_by_id_or_name() {
        assert_eq!(find("pn202").unwrap().id, "PN202");
        assert_eq!(find("purpose-without-lawful-basis").unwrap().id, "PN202");
        assert!(find("PN999").is_none());
    }
}
