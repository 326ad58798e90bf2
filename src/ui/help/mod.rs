//! Help inside the window, all of it offline.
//!
//! - `topic`: the guide's entries the window links to (each parameter).
//! - `guide_text`: the guide's text per language, read into numbered sections.
//! - `search`: which sections match a search, and where.
//! - `markup`: draws a section (headings, paragraphs, lists, tables).
//! - `guide`: the guide window with its search and contents.
//! - `welcome`: the welcome on the first start.
//! - `about`: version, licence, credits and where files are kept.

pub mod about;
pub mod guide;
pub mod guide_text;
pub mod markup;
pub mod search;
pub mod topic;
pub mod welcome;

pub use guide::GuideWindow;
pub use topic::Topic;

/// A help window the program can be asked to open at start (for pictures
/// of it: `--show guide`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpWindow {
    Guide,
    Welcome,
    About,
}
