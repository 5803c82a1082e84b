//! Loads a knowledge directory: reads every article, validates across files, builds the index.

use super::KnowledgeBase;
use super::article::{self, Article};
use super::diagnostic::Diagnostic;
use super::endpoints::{self, Target};
use std::path::{Path, PathBuf};

/// Reads and validates everything under `dir`. Either a complete knowledge base or every problem
/// found (each with file, line and hint), never a partial one.
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, Vec<Diagnostic>> {
    let articles_dir = dir.join("articles");
    let shown = |p: &Path| -> String {
        p.strip_prefix(dir)
            .map(|r| Path::new(&dir.file_name().unwrap_or_default()).join(r))
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    };
    if let Some(problem) = not_a_readable_dir(dir) {
        return Err(vec![problem]);
    }
    // A directory that cannot be entered hides its `articles` folder: said as what it is.
    let articles = std::fs::metadata(&articles_dir);
    if articles
        .as_ref()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    {
        return Err(vec![permission_denied(dir)]);
    }
    if !articles.is_ok_and(|m| m.is_dir()) {
        return Err(vec![
            Diagnostic::new(
                &shown(&articles_dir),
                0,
                "there is no `articles` folder in the knowledge directory",
            )
            .hint("put one Markdown file per article under `articles/`"),
        ]);
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut read = std::collections::HashSet::new();
    collect_markdown(&articles_dir, &mut files, &mut problems, &shown, &mut read);
    beside_articles(dir, &mut problems, &shown);
    files.sort();
    if files.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::new(&shown(&articles_dir), 0, "there are no articles (no `.md` files)")
                .hint("add one Markdown file per article under `articles/` (see the README for the format); a bot with no articles can only say it doesn't know"),
        );
    }
    let mut sources = Vec::with_capacity(files.len());
    let contents = par_map(&files, |path| read_capped(path));
    for (path, read) in files.iter().zip(contents) {
        let name = shown(path);
        match read {
            Ok(bytes) => sources.push((name, stem(path), bytes)),
            Err(e) => problems.push(
                Diagnostic::new(&name, 0, format!("cannot read the file: {e}"))
                    .hint("check the file's permissions"),
            ),
        }
    }
    // endpoints.toml is optional: absent means no live-check targets.
    let endpoints_path = dir.join(endpoints::FILE_NAME);
    let endpoints_name = shown(&endpoints_path);
    let endpoints_bytes = match read_capped(&endpoints_path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // "endpoint.toml", "Endpoints.toml", "endpoints.toml.txt": targets that would
            // silently be none (each article's `checks` then named an unknown target).
            if let Some(near) = near_endpoints_file(dir) {
                problems.push(
                    Diagnostic::new(
                        &shown(&dir.join(&near)),
                        1,
                        format!(
                            "this file is not read: the live-check targets file is named `{}`",
                            endpoints::FILE_NAME
                        ),
                    )
                    .hint(format!("rename `{near}` to `{}`", endpoints::FILE_NAME)),
                );
            }
            None
        }
        Err(e) => {
            problems.push(
                Diagnostic::new(&endpoints_name, 0, format!("cannot read the file: {e}")).hint(
                    "check the file's permissions, or delete it if there are no live-check targets",
                ),
            );
            None
        }
    };
    let kb = from_files(
        sources
            .iter()
            .map(|(n, s, b)| (n.as_str(), s.as_str(), b.as_slice())),
        endpoints_bytes
            .as_deref()
            .map(|b| (endpoints_name.as_str(), b)),
    );
    match kb {
        Ok(kb) if problems.is_empty() => Ok(kb),
        Ok(_) => Err(problems),
        Err(mut more) => {
            problems.append(&mut more);
            super::diagnostic::sort_by_place(&mut problems);
            Err(problems)
        }
    }
}

/// The file's bytes, at most one more than an article may have (enough for `parse_one` to say
/// it is too big without reading a huge file whole).
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(article::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Builds a knowledge base from (file name, stem, bytes) triples: pure, used by `load_dir` and tests.
/// There is no `endpoints.toml`, so articles may not list `checks`.
pub fn from_sources<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str, &'a [u8])>,
) -> Result<KnowledgeBase, Vec<Diagnostic>> {
    from_files(sources, None)
}

/// Like [`from_sources`], with the `endpoints.toml` file as (file name, bytes) when there is one.
/// Pure; checks that every article's `checks` names a target.
pub fn from_files<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str, &'a [u8])>,
    endpoints_file: Option<(&'a str, &'a [u8])>,
) -> Result<KnowledgeBase, Vec<Diagnostic>> {
    let sources: Vec<(&str, &str, &[u8])> = sources.into_iter().collect();
    let hash_sources = || {
        // By the file's stem, not its path: the same files give the same revision wherever the
        // knowledge directory is (the last good copy under DATA_DIR, a clone elsewhere).
        let mut hasher = Fnv::default();
        for (_, stem, bytes) in &sources {
            hasher.write(stem.as_bytes());
            hasher.write(bytes);
        }
        hasher
    };
    let (mut hasher, parsed) = if sources.len() < 2 * MIN_PER_THREAD {
        (hash_sources(), parse_all(&sources))
    } else {
        // On a large base the revision hash runs beside the parsing.
        std::thread::scope(|scope| {
            let hasher = scope.spawn(hash_sources);
            let parsed = parse_all(&sources);
            let hasher = hasher
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (hasher, parsed)
        })
    };
    let mut problems = Vec::new();
    let mut articles: Vec<Article> = Vec::with_capacity(parsed.len());
    // Articles with problems of their own, as far as they were read: their `checks`, id and
    // title are still checked against the other files, so one pass reports everything.
    let mut broken: Vec<Article> = Vec::new();
    for mut result in parsed {
        if result.problems.is_empty() {
            articles.push(result.article);
        } else {
            problems.append(&mut result.problems);
            if result.front_matter_read {
                broken.push(result.article);
            }
        }
    }
    let mut targets: Vec<Target> = Vec::new();
    let mut endpoints_ok = true;
    if let Some((name, bytes)) = endpoints_file {
        hasher.write(endpoints::FILE_NAME.as_bytes());
        hasher.write(bytes);
        if bytes.len() > article::MAX_FILE_BYTES {
            endpoints_ok = false;
            problems.push(
                Diagnostic::new(
                    name,
                    0,
                    format!(
                        "the file is over {} KB, too big to be a list of targets: it is not read",
                        article::MAX_FILE_BYTES / 1024
                    ),
                )
                .hint("keep one `[[target]]` per service the bot checks: a few hundred fit in a few KB"),
            );
        } else {
            match std::str::from_utf8(bytes) {
                Ok(text) => match endpoints::parse(name, text) {
                    Ok(t) => targets = t,
                    Err(mut errs) => {
                        endpoints_ok = false;
                        problems.append(&mut errs);
                    }
                },
                Err(e) => {
                    endpoints_ok = false;
                    let line = bytes[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                        + 1;
                    problems.push(
                        Diagnostic::new(name, line, "the file is not valid UTF-8")
                            .hint("save the file as UTF-8 in your editor"),
                    );
                }
            }
        }
    }
    // Every `checks` entry names a target (skipped when endpoints.toml itself is broken, to
    // avoid one mistake there being reported again for every article).
    if endpoints_ok {
        let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
        for a in articles.iter().chain(&broken) {
            for check in &a.checks {
                if names.contains(&check.as_str()) {
                    continue;
                }
                let hint = if targets.is_empty() {
                    format!(
                        "there is no target yet: add a `[[target]]` named `{check}` to {} in the knowledge directory, or remove it from `checks`",
                        endpoints::FILE_NAME
                    )
                } else {
                    let close: Vec<&str> = names
                        .iter()
                        .copied()
                        .filter(|n| strsim::damerau_levenshtein(n, check) <= 3)
                        .collect();
                    let quoted = |list: &[&str]| {
                        list.iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let add = format!(
                        "add a `[[target]]` named `{check}` to {}",
                        endpoints::FILE_NAME
                    );
                    if close.is_empty() {
                        format!(
                            "the targets are {}: name one of them, or {add}",
                            quoted(&names)
                        )
                    } else {
                        format!("did you mean {}? If not, {add}", quoted(&close))
                    }
                };
                problems.push(
                    Diagnostic::new(
                        &a.file,
                        a.checks_line,
                        format!(
                            "`checks` names `{check}`, which is not a target in {}",
                            endpoints::FILE_NAME
                        ),
                    )
                    .hint(hint),
                );
            }
        }
    }
    let all: Vec<&Article> = articles.iter().chain(&broken).collect();
    duplicate_ids(&all, &mut problems);
    duplicate_titles(&all, &mut problems);
    unknown_leads(&all, &mut problems);
    fill_lead_titles(&mut articles);
    if !problems.is_empty() {
        super::diagnostic::sort_by_place(&mut problems);
        return Err(problems);
    }
    Ok(
        KnowledgeBase::new(articles, format!("{:08x}", hasher.finish() as u32))
            .with_targets(targets),
    )
}

/// A test's `go to: another article: <ids>` naming an id no article has.
fn unknown_leads(articles: &[&Article], problems: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    for a in articles {
        for s in &a.solutions {
            for lead in s.leads_on_works.iter().chain(&s.leads_on_fails) {
                if lead.id == a.id {
                    problems.push(
                        Diagnostic::new(
                            &a.file,
                            lead.line,
                            format!(
                                "test `{}`: `go to: another article` names this article itself, `{}`",
                                s.title, lead.id
                            ),
                        )
                        .hint("name the other articles to offer; this one is left when the test says so"),
                    );
                    continue;
                }
                if ids.contains(&lead.id.as_str()) {
                    continue;
                }
                let close: Vec<String> = ids
                    .iter()
                    .filter(|id| strsim::damerau_levenshtein(id, &lead.id) <= 3)
                    .map(|id| format!("`{id}`"))
                    .collect();
                let hint = if close.is_empty() {
                    "name articles by their `id` (the file name without `.md` unless the front matter sets `id`), comma-separated".to_string()
                } else {
                    format!("did you mean {}?", close.join(", "))
                };
                problems.push(
                    Diagnostic::new(
                        &a.file,
                        lead.line,
                        format!(
                            "test `{}`: `go to: another article` names `{}`, which is no article's id",
                            s.title, lead.id
                        ),
                    )
                    .hint(hint),
                );
            }
        }
    }
}

/// The titles of the articles tests name to go to (their ids checked by [`unknown_leads`]).
fn fill_lead_titles(articles: &mut [Article]) {
    let titles: std::collections::HashMap<String, String> = articles
        .iter()
        .map(|a| (a.id.clone(), a.title.clone()))
        .collect();
    for a in articles.iter_mut() {
        for s in &mut a.solutions {
            for lead in s.leads_on_works.iter_mut().chain(&mut s.leads_on_fails) {
                if let Some(title) = titles.get(&lead.id) {
                    lead.title.clone_from(title);
                }
            }
        }
    }
}

/// The file name an article's id defaults to.
fn stem_of(file: &str) -> &str {
    Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
}

/// Groups of articles sharing a key (in file order), each group in file order.
fn groups<'a>(articles: &[&'a Article], key: impl Fn(&Article) -> String) -> Vec<Vec<&'a Article>> {
    let mut groups: Vec<(String, Vec<&Article>)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for &a in articles {
        let k = key(a);
        match at.get(&k) {
            Some(&i) => groups[i].1.push(a),
            None => {
                at.insert(k.clone(), groups.len());
                groups.push((k, vec![a]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| g.len() > 1)
        .collect()
}

/// The files of `group` other than `a`, for messages.
fn others(group: &[&Article], a: &Article) -> String {
    group
        .iter()
        .filter(|o| o.file != a.file)
        .map(|o| o.file.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Two files with one id. The one whose `id` differs from its file name is the edit (a copy,
/// or an id typed over another's) and is the one reported; when every file of the group (or
/// none) has its own name as id, each is reported, naming the others.
fn duplicate_ids(articles: &[&Article], problems: &mut Vec<Diagnostic>) {
    for group in groups(articles, |a| a.id.clone()) {
        for a in blamed(&group) {
            let stem = stem_of(&a.file);
            let hint = if stem != a.id
                && valid_stem_id(stem)
                && !articles.iter().any(|o| o.id == stem)
            {
                format!(
                    "ids must be unique: set `id = \"{stem}\"` (this file's name) or another id no other file has; if this file is a copy, delete it"
                )
            } else {
                "ids must be unique: give one of the files another `id` in its front matter, or delete the one that is a copy".to_string()
            };
            problems.push(
                Diagnostic::new(
                    &a.file,
                    a.id_line,
                    format!(
                        "article id `{}` is also the id of {}",
                        a.id,
                        others(&group, a)
                    ),
                )
                .hint(hint),
            );
        }
    }
}

/// The articles of a group sharing an id or a title to report: those whose id is not their
/// file name (a copy, or an id typed over another's: the edit), or every one when that does
/// not tell them apart.
fn blamed<'a>(group: &[&'a Article]) -> Vec<&'a Article> {
    let renamed: Vec<&Article> = group
        .iter()
        .copied()
        .filter(|a| stem_of(&a.file) != a.id)
        .collect();
    if renamed.is_empty() || renamed.len() == group.len() {
        group.to_vec()
    } else {
        renamed
    }
}

fn valid_stem_id(stem: &str) -> bool {
    !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Two articles with one title (a copied template): users would be offered two choices that
/// read the same. Reported on the copy when [`blamed`] can tell, else on each, naming the others.
fn duplicate_titles(articles: &[&Article], problems: &mut Vec<Diagnostic>) {
    let titled: Vec<&Article> = articles
        .iter()
        .copied()
        .filter(|a| !a.title.is_empty())
        .collect();
    for group in groups(&titled, |a| a.title.to_lowercase()) {
        for a in blamed(&group) {
            problems.push(
                Diagnostic::new(&a.file, a.title_line, format!("title `{}` is also the title of {}", a.title, others(&group, a)))
                    .hint("users choosing between articles would see the same title twice: give each article its own title, or delete the one that is a copy"),
            );
        }
    }
}

/// Below this many files per thread, starting threads costs more than it saves.
const MIN_PER_THREAD: usize = 200;

/// Parses every source, in order; a large base is split across the cores (a 10,000-file base
/// takes about half a second to parse on one).
fn parse_all(sources: &[(&str, &str, &[u8])]) -> Vec<article::Parsed> {
    par_map(sources, parse_one)
}

/// `items.iter().map(f).collect()`, split across the cores when there are enough items to be
/// worth it. Order is kept; a panic in `f` is passed on as is.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len() / MIN_PER_THREAD)
        .clamp(1, 8);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn parse_one(&(name, stem, bytes): &(&str, &str, &[u8])) -> article::Parsed {
    let unread = |problem: Diagnostic| article::Parsed {
        article: Article::default(),
        problems: vec![problem],
        front_matter_read: false,
    };
    if bytes.len() > article::MAX_FILE_BYTES {
        return unread(
            Diagnostic::new(name, 0, format!("the file is over {} KB, too big to be an article: it is not loaded", article::MAX_FILE_BYTES / 1024))
                .hint(format!("an article is read in chat, one reply of at most {} characters at a time: split it into several articles, or move long material to a web page and link to it", article::MAX_REPLY_CHARS)),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return unread(
                Diagnostic::new(name, line, "the file is not valid UTF-8")
                    .hint("save the file as UTF-8 in your editor (check for pasted “smart” characters in a legacy encoding)"),
            );
        }
    };
    article::parse_in_full(name, stem, text)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Why the knowledge directory `dir` cannot be read, if it cannot: missing, a file, or not
/// readable by this user (each said as what it is, not as "does not exist").
fn not_a_readable_dir(dir: &Path) -> Option<Diagnostic> {
    let shown = dir.display().to_string();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => match std::fs::read_dir(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                Some(permission_denied(dir))
            }
            _ => None,
        },
        Ok(_) => Some(
            Diagnostic::new(&shown, 0, "this is a file, not a directory").hint(
                "point `--knowledge DIR` (env KNOWLEDGE_DIR) at the directory that holds \
                 `articles/` (and `endpoints.toml`)",
            ),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Some(permission_denied(dir)),
        Err(_) => Some(Diagnostic::new(&shown, 0, "the knowledge directory does not exist")
            .hint("create it with an `articles/` folder, or point `--knowledge DIR` (env KNOWLEDGE_DIR) at the right place")),
    }
}

/// `dir` exists but this user may not read it.
fn permission_denied(dir: &Path) -> Diagnostic {
    Diagnostic::new(
        &dir.display().to_string(),
        0,
        "permission denied (make it readable by the user running supportbot)",
    )
    .hint("the directory and every folder above it need read and execute (`chmod u+rx`, `g+rx` or `o+rx`) for that user")
}

/// The `.md` files under `dir`, folders and linked folders included. `read` holds the folders
/// read so far (as the system resolves them): a link back to a folder being read, or to one
/// read already, is said once and not followed (one link to `..` loaded every article forty
/// times, two made loading never end).
fn collect_markdown(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
    shown: &dyn Fn(&Path) -> String,
    read: &mut std::collections::HashSet<PathBuf>,
) {
    let here = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    read.insert(here.clone());
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(
                Diagnostic::new(&shown(dir), 0, format!("cannot list the folder: {e}")).hint(
                    "check that the folder exists and that the user running supportbot may read it (`chmod u+rx`)",
                ),
            );
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') {
            continue; // editor swap and backup files
        }
        // The entry's type comes with the listing; only a symlink needs a stat to follow it.
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if is_link && !path.exists() {
            let to =
                std::fs::read_link(&path).map_or_else(|_| "?".into(), |t| t.display().to_string());
            problems.push(
                Diagnostic::new(
                    &shown(&path),
                    0,
                    format!("this is a link to `{to}`, which does not exist"),
                )
                .hint("remove the link, or restore what it points to"),
            );
            continue;
        }
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => path.is_dir(),
        };
        if is_dir {
            if is_link
                && let Ok(target) = std::fs::canonicalize(&path)
                && (here.starts_with(&target) || read.contains(&target))
            {
                problems.push(
                    Diagnostic::new(
                        &shown(&path),
                        0,
                        format!(
                            "this link leads to a folder already read (`{}`), so it is not followed",
                            target.display()
                        ),
                    )
                    .hint("remove the link: every article under it is loaded already"),
                );
                continue;
            }
            collect_markdown(&path, out, problems, shown, read);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        } else if starts_like_an_article(&path) {
            // "New-Article.MD", "x.markdown" or Notepad's "x.md.txt" with front matter is an
            // article that would not be loaded: said rather than silently left out (a
            // README.markdown, with no front matter, stays ignored).
            problems.push(
                Diagnostic::new(
                    &shown(&path),
                    1,
                    "this file is not loaded: article files end in `.md`",
                )
                .hint(format!("rename it to `{}`", as_md(&name))),
            );
        }
    }
}

/// A file in `dir` named almost like the endpoints file (`endpoint.toml`, `Endpoints.toml`,
/// `endpoints.toml.txt`, `endpoints.tml`), when the real one is absent.
fn near_endpoints_file(dir: &Path) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries.flatten().find_map(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        let lower = name.to_lowercase();
        let near = lower.starts_with("endpoint")
            && (lower.contains(".tml") || lower.contains(".toml"))
            && lower != endpoints::FILE_NAME;
        (near && entry.path().is_file()).then_some(name)
    })
}

/// Reports an article saved in the knowledge directory itself, beside `articles/` (where it
/// is not loaded).
fn beside_articles(dir: &Path, problems: &mut Vec<Diagnostic>, shown: &dyn Fn(&Path) -> String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return; // the directory was listed a moment ago; a failure here hides nothing loaded
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() && starts_like_an_article(&path) {
            problems.push(
                Diagnostic::new(
                    &shown(&path),
                    1,
                    "this article is not loaded: it is outside the `articles/` folder",
                )
                .hint("move it into `articles/`"),
            );
        }
    }
}

/// The article file name `name` was meant to be: `x.md.txt` -> `x.md`, `x.MD` -> `x.md`,
/// `x.markdown` -> `x.md`, `x` -> `x.md`.
fn as_md(name: &str) -> String {
    // ASCII lowercase keeps every byte where it was: the offsets found index `name`.
    let lower = name.to_ascii_lowercase();
    let stem = match lower.find(".md.").or_else(|| lower.rfind('.')) {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    format!("{stem}.md")
}

/// Whether the file opens with article front matter (`+++`).
fn starts_like_an_article(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"+++")
}

/// FNV-1a: a stable content hash for the knowledge-base revision (not for security). Written
/// out, not taken from a crate: revisions are recorded in ticket summaries and compared across
/// restarts, so the hash must never change with a dependency update.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_not_loaded_is_named_as_it_was_meant() {
        assert_eq!(as_md("invoice-pdf.md.txt"), "invoice-pdf.md");
        assert_eq!(as_md("New-Article.MD"), "New-Article.md");
        assert_eq!(as_md("b.markdown"), "b.md");
        assert_eq!(as_md("notes"), "notes.md");
        assert_eq!(as_md("Édition.MD.txt"), "Édition.md");
    }

    #[test]
    fn a_knowledge_path_that_is_a_file_or_missing_is_said_as_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("knowledge");
        std::fs::write(&file, "not a directory").expect("write");
        let problems = load_dir(&file).expect_err("a file");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, file.display().to_string());
        assert_eq!(problems[0].message, "this is a file, not a directory");
        let problems = load_dir(&dir.path().join("nope")).expect_err("missing");
        assert_eq!(
            problems[0].message,
            "the knowledge directory does not exist"
        );
    }

    /// A review and an admin explorer found one link back up (`articles/loop -> ..`) loaded
    /// every article forty times (1,189 problems, 15 MB of output) and two made loading never
    /// end; a broken link was told as a permission problem. Each link is said once, as it is;
    /// a link to a folder of its own is still followed; the last good copy skips loops too.
    #[cfg(unix)]
    #[test]
    fn links_back_to_a_folder_read_and_broken_links_are_said_once() {
        let root = tempfile::tempdir().expect("temp dir");
        let kb = root.path().join("knowledge");
        let articles = kb.join("articles");
        std::fs::create_dir_all(&articles).expect("mkdir");
        let text = |title: &str| {
            format!(
                "+++\ntitle = \"{title}\"\nsymptoms = [\"{title} fails\"]\n+++\nSummary.\n\n## Solution: Reload\n1. Press F5.\n"
            )
        };
        std::fs::write(articles.join("a.md"), text("Alpha")).expect("write");
        let elsewhere = root.path().join("shared");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        std::fs::write(elsewhere.join("b.md"), text("Beta")).expect("write");
        let link = |to: &Path, at: &str| {
            std::os::unix::fs::symlink(to, articles.join(at)).expect("symlink");
        };
        link(Path::new(".."), "loop");
        link(Path::new("."), "self");
        link(&elsewhere, "shared");
        link(Path::new("/nonexistent-supportbot.md"), "gone.md");
        let problems = load_dir(&kb).expect_err("three problems");
        let mut said: Vec<(String, &str)> = problems
            .iter()
            .map(|p| {
                let name = Path::new(&p.file)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned());
                (name.unwrap_or_default(), p.message.as_str())
            })
            .collect();
        said.sort();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(
            said[0].0 == "gone.md" && said[0].1.contains("which does not exist"),
            "{said:?}"
        );
        assert!(
            said[1].0 == "loop" && said[1].1.contains("not followed"),
            "{said:?}"
        );
        assert!(
            said[2].0 == "self" && said[2].1.contains("not followed"),
            "{said:?}"
        );

        // Without the broken link and the loops: both articles load, the linked folder's too,
        // and the last good copy is made without following a loop.
        for at in ["loop", "self", "gone.md"] {
            std::fs::remove_file(articles.join(at)).expect("unlink");
        }
        let loaded = load_dir(&kb).expect("loads");
        assert_eq!(loaded.articles().len(), 2);
        link(Path::new(".."), "loop");
        let snapshot = root.path().join("last-good");
        super::super::last_good::save(&kb, &snapshot).expect("a copy");
        assert!(snapshot.join("articles/shared/b.md").exists());
        assert!(!snapshot.join("articles/loop").exists());
    }

    /// endpoints.toml was read whole, whatever its size (articles stop at the cap): one over
    /// the cap is said, not read.
    #[test]
    fn an_endpoints_file_over_the_cap_is_said_and_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
        let table = "[[target]]\nname = \"qbo\"\nurl = \"https://qbo.intuit.com/\"\n\n";
        let big = table.repeat(article::MAX_FILE_BYTES / table.len() + 1);
        std::fs::write(dir.path().join(endpoints::FILE_NAME), big).expect("write");
        let problems = load_dir(dir.path()).expect_err("too big");
        let said: Vec<&Diagnostic> = (problems.iter())
            .filter(|p| p.file.ends_with(endpoints::FILE_NAME))
            .collect();
        assert_eq!(said.len(), 1, "{problems:?}");
        assert!(said[0].message.contains("too big to be a list of targets"));
        assert!(
            said[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("[[target]]"))
        );
    }

    fn article(i: usize) -> String {
        if i % 7 == 3 {
            // Broken: no title.
            format!("+++\nsymptoms = [\"s{i}\"]\n+++\nS\n## Solution: A\n1. x\n")
        } else {
            format!("+++\ntitle = \"T{i}\"\nsymptoms = [\"s{i}\"]\n+++\nS\n## Solution: A\n1. x\n")
        }
    }

    #[test]
    fn a_large_base_parsed_in_parallel_keeps_file_order() {
        let n = 5 * MIN_PER_THREAD + 17;
        let names: Vec<String> = (0..n).map(|i| format!("articles/a{i:05}.md")).collect();
        let stems: Vec<String> = (0..n).map(|i| format!("a{i:05}")).collect();
        let texts: Vec<String> = (0..n).map(article).collect();
        let sources =
            || (0..n).map(|i| (names[i].as_str(), stems[i].as_str(), texts[i].as_bytes()));
        let problems = from_sources(sources()).unwrap_err();
        let expected: Vec<String> = (0..n)
            .filter(|i| i % 7 == 3)
            .map(|i| names[i].clone())
            .collect();
        let got: Vec<String> = problems.iter().map(|p| p.file.clone()).collect();
        assert_eq!(got, expected);

        let good = (0..n)
            .filter(|i| i % 7 != 3)
            .map(|i| (names[i].as_str(), stems[i].as_str(), texts[i].as_bytes()));
        let kb = from_sources(good).unwrap();
        let ids: Vec<&str> = kb.articles().iter().map(|a| a.id.as_str()).collect();
        let want: Vec<&str> = (0..n)
            .filter(|i| i % 7 != 3)
            .map(|i| stems[i].as_str())
            .collect();
        assert_eq!(ids, want);
        // The revision is the hash of every file in order, however the work was split.
        let mut hasher = Fnv::default();
        for i in (0..n).filter(|i| i % 7 != 3) {
            hasher.write(stems[i].as_bytes());
            hasher.write(texts[i].as_bytes());
        }
        assert_eq!(kb.revision(), format!("{:08x}", hasher.finish() as u32));
    }
}
