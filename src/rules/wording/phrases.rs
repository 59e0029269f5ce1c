//! The phrase tables: defunct bodies and renamed statutes, with their successors and the
//! date each changed, and known misnamings.

#[allow(unused_imports)]
use super::*;

/// A body that no longer exists, or a law that no longer applies, with what replaced it.
pub(super) struct Defunct {
    pub(super) name: &'static str,
    /// Said after the quoted name.
    pub(super) what: &'static str,
    pub(super) now: &'static str,
    /// From when the name is out of date.
    pub(super) since: Date,
}

/// Defunct bodies and laws that no longer apply in the UK, with their successors. The dates
/// are those of the change (see docs/law.md).
pub(super) const DEFUNCT: &[Defunct] = &[
    Defunct {
        name: "local government ombudsman",
        what: "was renamed the Local Government and Social Care Ombudsman in 2017",
        now: "Local Government and Social Care Ombudsman",
        since: Date::ymd(2017, 6, 19),
    },
    Defunct {
        name: "independent police complaints commission",
        what: "was replaced by the Independent Office for Police Conduct on 8 January 2018",
        now: "Independent Office for Police Conduct",
        since: Date::ymd(2018, 1, 8),
    },
    Defunct {
        name: "criminal records bureau",
        what: "was replaced by the Disclosure and Barring Service on 1 December 2012",
        now: "Disclosure and Barring Service",
        since: Date::ymd(2012, 12, 1),
    },
    Defunct {
        name: "office of surveillance commissioners",
        what: "was replaced by the Investigatory Powers Commissioner's Office on 1 September 2017",
        now: "Investigatory Powers Commissioner's Office",
        since: Date::ymd(2017, 9, 1),
    },
    Defunct {
        name: "office of the surveillance commissioners",
        what: "was replaced by the Investigatory Powers Commissioner's Office on 1 September 2017",
        now: "Investigatory Powers Commissioner's Office",
        since: Date::ymd(2017, 9, 1),
    },
    Defunct {
        name: "nhs digital",
        what: "merged into NHS England on 1 February 2023",
        now: "NHS England",
        since: Date::ymd(2023, 2, 1),
    },
    Defunct {
        name: "public health england",
        what: "was abolished on 1 October 2021; its health protection work passed to the UK Health Security Agency",
        now: "UK Health Security Agency",
        since: Date::ymd(2021, 10, 1),
    },
    Defunct {
        name: "law enforcement directive",
        what: "is an EU directive that has not applied in the UK since 1 January 2021; law enforcement processing is governed by Part 3 of the Data Protection Act 2018",
        now: "Part 3 of the Data Protection Act 2018",
        since: Date::ymd(2021, 1, 1),
    },
    Defunct {
        name: "data protection directive",
        what: "was repealed on 25 May 2018",
        now: "UK GDPR",
        since: Date::ymd(2018, 5, 25),
    },
    Defunct {
        name: "directive 95/46/ec",
        what: "was repealed on 25 May 2018",
        now: "UK GDPR",
        since: Date::ymd(2018, 5, 25),
    },
];

/// Misnamed laws and bodies, with the right name.
pub(super) const MISNAMES: &[(&str, &str)] = &[
    ("care act 2015", "Care Act 2014"),
    ("fire and rescue act", "Fire and Rescue Services Act 2004"),
    ("civil contingency act", "Civil Contingencies Act 2004"),
    ("human rights act 1988", "Human Rights Act 1998"),
    ("crime and disorder act 1988", "Crime and Disorder Act 1998"),
    (
        "freedom of information act 2002",
        "Freedom of Information Act 2000",
    ),
    (
        "environmental information regulations 2005",
        "Environmental Information Regulations 2004",
    ),
    ("data protection act 2017", "Data Protection Act 2018"),
    (
        "police reform and social responsibility act 2012",
        "Police Reform and Social Responsibility Act 2011",
    ),
    (
        "police and social responsibility act",
        "Police Reform and Social Responsibility Act 2011",
    ),
    (
        "independent office of police conduct",
        "Independent Office for Police Conduct",
    ),
    (
        "information commissioners office",
        "Information Commissioner's Office",
    ),
];
