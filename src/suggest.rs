//! "Did you mean": the closest allowed name to a misspelt one.
//!
//! Used wherever a name is looked up in a closed set: keys of the format (parse), declared
//! ids (model), template names (templates) and rule ids (`notice explain`). It sits at the
//! bottom of the dependency graph, beside the source and the registry, so every stage can
//! use it without reaching into another stage.

/// The closest allowed name to a misspelt one, if any is close enough to be a likely typo.
pub fn suggest<'a>(wrong: &str, allowed: &[&'a str]) -> Option<&'a str> {
    // Compare case- and separator-blind on both sides: `pn2020` against `PN202`,
    // `lawful-basis` against `lawful_basis`.
    let norm = |s: &str| s.to_lowercase().replace('-', "_");
    let wrong_l = norm(wrong);
    let wrong_len = wrong_l.chars().count();
    allowed
        .iter()
        .filter_map(|a| {
            let a_l = norm(a);
            let a_len = a_l.chars().count();
            let max = (a_len.max(3) / 3).max(1);
            if a_l.contains(&wrong_l) && wrong_l.len() >= 4 {
                return Some((a_len - wrong_len, *a));
            }
            // The distance is at least the difference in length: skip the work when that
            // alone is too far.
            if a_len.abs_diff(wrong_len) > max {
                return None;
            }
            let d = edit_distance(&wrong_l, &a_l);
            (d <= max).then_some((d, *a))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let allowed = ["lawful_basis", "legislation", "name"];
        assert_eq!(suggest("lawfull_basis", &allowed), Some("lawful_basis"));
        assert_eq!(suggest("lawful-basis", &allowed), Some("lawful_basis"));
        assert_eq!(suggest("colour", &allowed), None);
        assert_eq!(
            suggest("PN2020", &["PN201", "PN202", "PN301"]),
            Some("PN202")
        );
        assert_eq!(
            suggest(
                "purpose-without-lawful-bases",
                &["purpose-without-lawful-basis"]
            ),
            Some("purpose-without-lawful-basis")
        );
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
