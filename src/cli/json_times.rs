//! Times in `--json` output: every `at`, `since` and `*_at` field as an RFC 3339 UTC string
//! ("2026-12-02T01:17:29Z"), the same in every command, whatever the stored form.

use crate::escalation::summary::rfc3339;
use serde_json::Value;

/// `value` with each time field (`at`, `created_at`, ...) holding seconds since the epoch
/// turned into RFC 3339; other fields, and times already written out, are left as they are.
pub fn with_rfc3339_times(mut value: Value) -> Value {
    rewrite(&mut value);
    value
}

fn rewrite(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let is_time = key == "at" || key == "since" || key.ends_with("_at");
                match v.as_u64() {
                    Some(secs) if is_time => *v = Value::String(rfc3339(secs)),
                    _ => rewrite(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn time_fields_at_any_depth_become_rfc3339_and_nothing_else_changes() {
        let v = with_rfc3339_times(json!({
            "created_at": 1_796_174_249u64,
            "resolved_at": null,
            "history": [{"at": 0, "by": "Sam"}],
            "summaries": [{"attempts": [{"at": 1_796_174_249u64, "solution": 0}]}],
            "updated_at": "2026-12-02T01:17:29Z",
            "count": 3,
            "chat": "at",
        }));
        assert_eq!(
            v,
            json!({
                "created_at": "2026-12-02T01:17:29Z",
                "resolved_at": null,
                "history": [{"at": "1970-01-01T00:00:00Z", "by": "Sam"}],
                "summaries": [{"attempts": [{"at": "2026-12-02T01:17:29Z", "solution": 0}]}],
                "updated_at": "2026-12-02T01:17:29Z",
                "count": 3,
                "chat": "at",
            })
        );
    }
}
