//! What is wrong with a data file: each problem located by row and column,
//! and the error that lists them.

/// One problem of an imported file, located as precisely as possible.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based row of the file (the header is row 1), if it concerns a row.
    pub row: Option<usize>,
    /// Column header (and letter for spreadsheets), if it concerns a column.
    pub column: Option<String>,
    pub message: String,
}

/// Why a data file was not taken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{}", render_problems(file, problems, *total))]
    Invalid {
        file: String,
        /// The first problems (at most [`MAX_PROBLEMS`]).
        problems: Vec<Problem>,
        /// How many problems there were in all.
        total: usize,
    },
    #[error("{file}: import cancelled")]
    Cancelled { file: String },
}

/// At most this many characters of a cell are quoted in a message.
pub const QUOTE_CHARS: usize = 40;

/// A cell as quoted in a message: as written, cut after [`QUOTE_CHARS`]
/// characters with “…”.
pub fn quote(cell: &str) -> String {
    match cell.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_string(),
    }
}

/// The headers found, as a message lists them: the first few that are not
/// empty, each quoted.
pub fn found(headers: &[String]) -> String {
    const SHOWN: usize = 20;
    let named: Vec<String> = headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| quote(h))
        .collect();
    let mut out = named
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if named.len() > SHOWN {
        out.push_str(", …");
    }
    out
}

/// At most this many problems are listed.
pub const MAX_PROBLEMS: usize = 200;

fn render_problems(file: &str, problems: &[Problem], total: usize) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str(file);
        if let Some(r) = p.row {
            s.push_str(&format!(":{r}"));
        }
        if let Some(c) = &p.column {
            s.push_str(&format!(":{c}"));
        }
        s.push_str(&format!(": {}\n", p.message));
    }
    if total > problems.len() {
        s.push_str(&format!(
            "{file}: … and {} more problems\n",
            total - problems.len()
        ));
    }
    s.trim_end().to_string()
}
