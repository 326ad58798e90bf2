//! What is wrong with a data file: each problem located by row and column,
//! and the error that lists them. Messages are kept as catalogue keys with
//! their values, and worded in the planner's language when shown.

use std::fmt;

use crate::i18n::T;
use crate::model::Lang;
use crate::model::data::Field;
use crate::model::number::fmt_auto;

/// A value put into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as it is (a cell as written, a name, a row number).
    Text(String),
    /// A number, written in the language's format.
    Number(f64),
    /// Another text of the catalogue.
    Key(T),
    /// A field's name, in lower case.
    Field(Field),
    /// A whole message.
    Msg(Box<Msg>),
}

/// A message of the catalogue with its values, worded when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    key: T,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(key: T) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Puts `value` in the place `{name}`, as it is.
    pub fn text(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Puts the number `value` in the place `{name}`, in the language's format.
    pub fn number(mut self, name: &'static str, value: f64) -> Msg {
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// Puts another value in the place `{name}`.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    /// The catalogue key of the message.
    pub fn key(&self) -> T {
        self.key
    }

    /// The message in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let v = match arg {
                    Arg::Text(s) => s.clone(),
                    Arg::Number(n) => fmt_auto(*n, lang),
                    Arg::Key(k) => lang.t(*k).to_string(),
                    Arg::Field(f) => f.label(lang).to_lowercase(),
                    Arg::Msg(m) => m.text_in(lang),
                };
                (*name, v)
            })
            .collect();
        let refs: Vec<(&str, &dyn fmt::Display)> = values
            .iter()
            .map(|(n, v)| (*n, v as &dyn fmt::Display))
            .collect();
        lang.tf(self.key, &refs)
    }
}

/// In English, as logs and tests read it; the planner sees [`Msg::text_in`].
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl From<T> for Msg {
    fn from(key: T) -> Msg {
        Msg::new(key)
    }
}

/// One problem of an imported file, located as precisely as possible.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based row of the file (the header is row 1), if it concerns a row.
    pub row: Option<usize>,
    /// Column header (and letter for spreadsheets), if it concerns a column.
    pub column: Option<String>,
    pub message: Msg,
}

/// Why a data file was not taken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: Msg },
    #[error("{}", render_problems(file, problems, *total, *stopped, Lang::En))]
    Invalid {
        file: String,
        /// The first problems (at most [`MAX_PROBLEMS`]).
        problems: Vec<Problem>,
        /// How many problems there were in all (as far as the file was read).
        total: usize,
        /// The row where reading stopped, when the problems passed
        /// [`MAX_PROBLEMS`] before the end of the file.
        stopped: Option<usize>,
    },
    #[error("{file}: import cancelled")]
    Cancelled { file: String },
}

impl ImportError {
    /// A problem of the whole file.
    pub fn file(file: &str, message: impl Into<Msg>) -> ImportError {
        ImportError::File {
            file: file.to_string(),
            message: message.into(),
        }
    }

    /// One problem at a row of the file.
    pub fn at_row(file: &str, row: Option<usize>, message: impl Into<Msg>) -> ImportError {
        ImportError::Invalid {
            file: file.to_string(),
            problems: vec![Problem {
                row,
                column: None,
                message: message.into(),
            }],
            total: 1,
            stopped: None,
        }
    }

    /// The error in the planner's language, one problem a line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::File { file, message } => format!("{file}: {}", message.text_in(lang)),
            ImportError::Invalid {
                file,
                problems,
                total,
                stopped,
            } => render_problems(file, problems, *total, *stopped, lang),
            ImportError::Cancelled { file } => {
                format!("{file}: {}", lang.t(T::import_cancelled))
            }
        }
    }
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

/// At most this many problems are listed; past it, reading stops.
pub const MAX_PROBLEMS: usize = 200;

/// Collects the problems of a file: the first [`MAX_PROBLEMS`] kept, the
/// rest counted.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub list: Vec<Problem>,
    pub total: usize,
}

impl Problems {
    pub fn report(&mut self, p: Problem) {
        self.total += 1;
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        }
    }

    /// Whether so many problems were found that reading goes no further.
    pub fn full(&self) -> bool {
        self.total >= MAX_PROBLEMS
    }

    /// The error listing them, if there are any.
    pub fn into_error(self, file: &str, stopped: Option<usize>) -> Option<ImportError> {
        (self.total > 0).then(|| ImportError::Invalid {
            file: file.to_string(),
            problems: self.list,
            total: self.total,
            stopped,
        })
    }
}

fn render_problems(
    file: &str,
    problems: &[Problem],
    total: usize,
    stopped: Option<usize>,
    lang: Lang,
) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str(file);
        if let Some(r) = p.row {
            s.push_str(&format!(":{r}"));
        }
        if let Some(c) = &p.column {
            s.push_str(&format!(":{c}"));
        }
        s.push_str(&format!(": {}\n", p.message.text_in(lang)));
    }
    if total > problems.len() {
        let more = lang.tf(
            T::import_more_problems,
            &[("count", &(total - problems.len()))],
        );
        s.push_str(&format!("{file}: {more}\n"));
    }
    if let Some(row) = stopped {
        let stop = lang.tf(T::import_stopped, &[("count", &MAX_PROBLEMS)]);
        s.push_str(&format!("{file}:{row}: {stop}\n"));
    }
    s.trim_end().to_string()
}
