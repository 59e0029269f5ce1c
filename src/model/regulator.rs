//! The UK regulator for data protection, as every notice names it: one place for the
//! details the notice prints and `notice check` compares an office's own copy against.
//!
//! The legal name stays the Information Commissioner until DUAA 2025 s119 is in force
//! (see `docs/law.md`); change it here when it is.

/// The regulator's name as the notice prints it.
pub const NAME: &str = "Information Commissioner's Office";
/// The postal address, one line per item.
pub const ADDRESS: [&str; 5] = [
    "Wycliffe House",
    "Water Lane",
    "Wilmslow",
    "Cheshire",
    "SK9 5AF",
];
/// The helpline.
pub const PHONE: &str = "0303 123 1113";
/// The page for making a complaint.
pub const COMPLAINT_PAGE: &str = "https://ico.org.uk/make-a-complaint/";
/// The regulator's web domain: any page of it is the regulator's own.
pub const DOMAIN: &str = "ico.org.uk";
