//! `notice rules`, `notice explain` and `notice schema`: the registry and the format, printed.

use anyhow::{Result, bail};

use notice::registry;

/// `notice rules`: one line per rule.
pub(crate) fn rules() -> String {
    let mut out = String::new();
    for r in registry::ALL {
        out.push_str(&format!(
            "{}  {:<7} {:<40} {}\n",
            r.id,
            r.severity.as_str(),
            r.name,
            r.citation
        ));
    }
    out
}

/// `notice explain RULE`.
pub(crate) fn explain(key: &str) -> Result<String> {
    match registry::find(key) {
        Some(r) => Ok(r.docs()),
        None => {
            let ids: Vec<&str> = registry::ALL.iter().map(|r| r.id).collect();
            let names: Vec<&str> = registry::ALL.iter().map(|r| r.name).collect();
            let hint = notice::suggest::suggest(key, &names)
                .or_else(|| notice::suggest::suggest(&key.to_uppercase(), &ids))
                .map_or_else(
                    || "; `notice rules` lists them all".to_owned(),
                    |s| format!("; did you mean `{s}`?"),
                );
            bail!("there is no rule `{key}`{hint}")
        }
    }
}

/// `notice schema`: the JSON Schema of the input format (`--office`: of a shared office
/// file).
pub(crate) fn schema(office: bool) -> String {
    if office {
        notice::model::schema_doc::office_json_schema()
    } else {
        notice::model::schema_doc::json_schema()
    }
}
