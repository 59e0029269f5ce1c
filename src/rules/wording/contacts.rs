//! Contact routes written in the text and the contact blocks: e-mail domains, postcodes and
//! telephone numbers.

#[allow(unused_imports)]
use super::*;

/// E-mail domains one edit apart in the same notice ("kent-pcc.gov.uk" and
/// "kentpcc.gov.uk"): one of them is very likely a typing error, and mail to it is lost.
/// Reported once, at the less used domain.
pub(super) fn email_domains(n: &Notice, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, String, &Sp<String>)> = Vec::new();
    for (path, c) in contacts(n) {
        if let Some(e) = &c.email
            && let Some((_, domain)) = e.value.trim().rsplit_once('@')
        {
            seen.push((domain.to_ascii_lowercase(), format!("{path}.email"), e));
        }
    }
    let count = |d: &str| seen.iter().filter(|(x, _, _)| x == d).count();
    for (i, (a, path, e)) in seen.iter().enumerate() {
        if let Some((b, _, _)) = seen[..i]
            .iter()
            .chain(&seen[i + 1..])
            .find(|(b, _, _)| b != a && crate::suggest::edit_distance(a, b) == 1)
            && (count(a) < count(b) || (count(a) == count(b) && a > b))
        {
            out.push(CONTACT_ROUTE.diag(
                e.span,
                path,
                format!("the e-mail domain \"{a}\" is one letter away from \"{b}\", used elsewhere in the notice"),
                Some(format!("check the address; if it should be \"{b}\", correct it")),
            ));
            return;
        }
    }
}

/// A UK postcode written without the space before its inward code ("EX30NW"), with the
/// space put back ("EX3 0NW"). The inward code is a digit and two letters; the outward
/// code one or two letters, a digit, and an optional letter or digit.
pub(super) fn postcode_without_space(t: &str) -> Option<String> {
    let b = t.as_bytes();
    if !(5..=7).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let (out, inw) = t.split_at(t.len() - 3);
    let i = inw.as_bytes();
    let inward = i[0].is_ascii_digit() && i[1].is_ascii_uppercase() && i[2].is_ascii_uppercase();
    let o = out.as_bytes();
    let letters = o.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &o[letters..];
    let outward = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (inward && outward).then(|| format!("{out} {inw}"))
}

/// Runs of digits (separated by single spaces) that start with 0 at a word boundary: the
/// shape of a UK telephone number.
pub(super) fn phone_like(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'0'
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'/' | b'.' | b'-' | b'+')));
        if !starts {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        let mut end = i;
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                j += 1;
                end = j;
            } else if bytes[j] == b' ' && j + 1 < bytes.len() && bytes[j + 1].is_ascii_digit() {
                j += 1;
            } else {
                break;
            }
        }
        // A full stop ends a sentence unless a digit or letter follows it (a decimal or a
        // version number such as 0123456789.5).
        let next = bytes.get(end + 1).copied();
        let followed_ok = end >= bytes.len()
            || !(bytes[end].is_ascii_alphanumeric()
                || matches!(bytes[end], b'/' | b'-')
                || (bytes[end] == b'.' && next.is_some_and(|b| b.is_ascii_alphanumeric())));
        if digits.len() >= 9 && followed_ok {
            out.push((i..end, digits));
        }
        i = end.max(i + 1);
    }
    out
}

/// What is wrong with a UK number's length, if anything.
pub(super) fn uk_number_problem(digits: &str) -> Option<String> {
    if digits.starts_with("00") {
        // An international number (00 then a country code): not a UK number.
        return None;
    }
    let n = digits.len();
    let ten_ok =
        digits.starts_with("0800") || digits.starts_with("016977") || digits.starts_with("0500");
    if n == 11 || (n == 10 && ten_ok) {
        None
    } else if n < 11 {
        Some(format!("has only {n} digits; UK numbers have 11"))
    } else {
        Some(format!("has {n} digits, more than the 11 of a UK number"))
    }
}

/// Every contact block, with its path.
pub(super) fn contacts(n: &Notice) -> Vec<(String, &Sp<Contact>)> {
    let f = &n.file;
    let contacts = [
        (
            "controller.contact",
            f.controller.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "dpo.contact",
            f.dpo.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "rights.contact",
            f.rights.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "complaints.controller",
            f.complaints.as_ref().and_then(|c| c.controller.as_ref()),
        ),
        (
            "complaints.regulator",
            f.complaints.as_ref().and_then(|c| c.regulator.as_ref()),
        ),
        (
            "notice.alternative_formats.contact",
            f.notice
                .as_ref()
                .and_then(|m| m.alternative_formats.as_ref())
                .and_then(|a| a.contact.as_ref()),
        ),
    ];
    let mut contacts: Vec<(String, Option<&Sp<Contact>>)> = contacts
        .into_iter()
        .map(|(p, c)| (p.to_owned(), c))
        .collect();
    contacts.push((
        "representative.contact".to_owned(),
        f.representative.as_ref().and_then(|r| r.contact.as_ref()),
    ));
    for (i, j) in f.joint_controllers.iter().enumerate() {
        contacts.push((
            format!("joint_controllers[{i}].contact"),
            j.contact.as_ref(),
        ));
    }
    contacts
        .into_iter()
        .filter_map(|(p, c)| Some((p, c?)))
        .collect()
}

/// Every telephone number in contact details, with its path.
pub(super) fn contact_phones(n: &Notice) -> Vec<(String, &Sp<String>)> {
    let mut out = Vec::new();
    for (path, c) in contacts(n) {
        if let Some(p) = &c.phone {
            out.push((format!("{path}.phone"), p));
        }
        for (i, o) in c.other_phones.iter().enumerate() {
            out.push((format!("{path}.other_phones[{i}].value"), &o.value.value));
        }
    }
    out
}
