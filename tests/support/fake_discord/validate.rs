//! Discord's payload limits, checked the way Discord reports them: 400, code 50035, and an `errors`
//! tree of `{ "<key>": { "_errors": [{ code, message }] } }` (serenity flattens it to dotted paths).

use serde_json::{Map, Value, json};

/// Errors found in one payload, as Discord's nested `errors` object.
#[derive(Default)]
pub(crate) struct Errors(Map<String, Value>);

impl Errors {
    /// Record an error at a dotted path such as `embeds.0.title`.
    fn push(&mut self, path: &str, code: &str, message: String) {
        let mut node = &mut self.0;
        for key in path.split('.') {
            let child = node.entry(key).or_insert_with(|| json!({}));
            node = child.as_object_mut().expect("error tree nodes are objects");
        }
        if let Some(list) = node
            .entry("_errors")
            .or_insert_with(|| json!([]))
            .as_array_mut()
        {
            list.push(json!({ "code": code, "message": message }));
        }
    }
    /// Check a string's length in characters; returns the length.
    fn max_len(&mut self, path: &str, value: &Value, max: usize) -> usize {
        let len = value.as_str().map_or(0, |s| s.chars().count());
        if len > max {
            let message = format!("Must be {max} or fewer in length.");
            self.push(path, "BASE_TYPE_MAX_LENGTH", message);
        }
        len
    }
    /// Check an array's length; returns its items (none if it is not an array).
    fn max_items<'a>(&mut self, path: &str, value: &'a Value, max: usize) -> &'a [Value] {
        let items = value.as_array().map_or(&[][..], Vec::as_slice);
        if items.len() > max {
            let message = format!("Must be {max} or fewer in length.");
            self.push(path, "BASE_TYPE_MAX_LENGTH", message);
        }
        items
    }
    /// `None` when the payload is fine, else the `errors` object of the 400 body.
    pub(crate) fn into_result(self) -> Option<Value> {
        (!self.0.is_empty()).then_some(Value::Object(self.0))
    }
}

/// Check a message payload (create or edit): content, embeds and components.
pub(crate) fn message(body: &Value) -> Errors {
    let mut errors = Errors::default();
    message_into(&mut errors, "", body);
    errors
}

/// Message checks with every path under `at` (e.g. `data.` for interaction callbacks).
fn message_into(errors: &mut Errors, at: &str, body: &Value) {
    errors.max_len(&format!("{at}content"), &body["content"], 2000);
    let embeds = errors.max_items(&format!("{at}embeds"), &body["embeds"], 10);
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        let e = format!("{at}embeds.{i}");
        total += errors.max_len(&format!("{e}.title"), &embed["title"], 256);
        total += errors.max_len(&format!("{e}.description"), &embed["description"], 4096);
        total += errors.max_len(&format!("{e}.footer.text"), &embed["footer"]["text"], 2048);
        total += errors.max_len(&format!("{e}.author.name"), &embed["author"]["name"], 256);
        let fields = errors.max_items(&format!("{e}.fields"), &embed["fields"], 25);
        for (j, field) in fields.iter().enumerate() {
            total += errors.max_len(&format!("{e}.fields.{j}.name"), &field["name"], 256);
            total += errors.max_len(&format!("{e}.fields.{j}.value"), &field["value"], 1024);
        }
    }
    if total > 6000 {
        let message = "Embed size exceeds maximum size of 6000".to_owned();
        errors.push(&format!("{at}embeds"), "MAX_EMBED_SIZE_EXCEEDED", message);
    }
    components(errors, at, &body["components"]);
}

/// Action rows: at most 5, each with at most 5 components; custom_id up to 100, labels up to 80,
/// select options up to 25. Modals use the same rows for their text inputs.
fn components(errors: &mut Errors, at: &str, rows: &Value) {
    for (i, row) in errors
        .max_items(&format!("{at}components"), rows, 5)
        .iter()
        .enumerate()
    {
        let row_at = format!("{at}components.{i}.components");
        for (j, item) in errors
            .max_items(&row_at, &row["components"], 5)
            .iter()
            .enumerate()
        {
            errors.max_len(&format!("{row_at}.{j}.custom_id"), &item["custom_id"], 100);
            errors.max_len(&format!("{row_at}.{j}.label"), &item["label"], 80);
            errors.max_items(&format!("{row_at}.{j}.options"), &item["options"], 25);
        }
    }
}

/// The `errors` object for a single error at `path`.
pub(crate) fn one(path: &str, code: &str, message: &str) -> Value {
    let mut errors = Errors::default();
    errors.push(path, code, message.to_owned());
    Value::Object(errors.0)
}

/// Check an interaction callback by type: messages (4, 7), autocomplete choices (8), modals (9).
pub(crate) fn callback(kind: u64, data: &Value) -> Errors {
    let mut errors = Errors::default();
    match kind {
        4 | 7 => message_into(&mut errors, "data.", data),
        8 => {
            errors.max_items("data.choices", &data["choices"], 25);
        }
        9 => {
            errors.max_len("data.title", &data["title"], 45);
            errors.max_len("data.custom_id", &data["custom_id"], 100);
            components(&mut errors, "data.", &data["components"]);
        }
        _ => {}
    }
    errors
}

/// Application commands (bulk overwrite): names up to 32, descriptions up to 100, at most 25
/// options and 25 choices an option.
pub(crate) fn commands(body: &Value) -> Errors {
    let mut errors = Errors::default();
    for (i, command) in body
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .enumerate()
    {
        errors.max_len(&format!("{i}.name"), &command["name"], 32);
        errors.max_len(&format!("{i}.description"), &command["description"], 100);
        let options = errors.max_items(&format!("{i}.options"), &command["options"], 25);
        for (j, option) in options.iter().enumerate() {
            errors.max_len(&format!("{i}.options.{j}.name"), &option["name"], 32);
            errors.max_len(
                &format!("{i}.options.{j}.description"),
                &option["description"],
                100,
            );
            errors.max_items(&format!("{i}.options.{j}.choices"), &option["choices"], 25);
        }
    }
    errors
}

/// A message with nothing in it: Discord answers 400 / 50006.
pub(crate) fn is_empty_message(body: &Value, files: usize) -> bool {
    let empty = |k: &&str| match &body[*k] {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    files == 0
        && ["content", "embeds", "components", "sticker_ids", "poll"]
            .iter()
            .all(empty)
}
