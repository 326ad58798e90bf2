//! What every panel reads and none changes: the language, the document's
//! state, the computed results and the rows shown (the total or the chosen
//! region). A panel draws from a [`View`] and returns the [`Command`]s the
//! planner gave, edits of the document included.
//!
//! [`Command`]: super::command::Command

use super::document::{DocState, Results};
use crate::chart::ChartSpec;
use crate::model::{Lang, Rounding, YearRow};

/// The read-only things a panel needs, for one frame.
pub struct View<'a> {
    pub lang: Lang,
    pub doc: &'a DocState,
    pub results: &'a Results,
    /// The rows shown: the total, or the chosen region.
    pub rows: &'a [YearRow],
    /// The name of what is shown: the only region, the chosen one, or "Total".
    pub subject: &'a str,
}

impl View<'_> {
    /// The scenario's rounding mode.
    pub fn rounding(&self) -> Rounding {
        self.doc.params.rounding
    }

    /// The projection chart of what is shown, as the window draws it and
    /// the exports write it.
    pub fn chart_spec(&self) -> ChartSpec {
        crate::chart::projection_chart(
            self.rows,
            self.subject,
            &self.doc.name,
            self.doc.params.rounding,
            &crate::chart::today(),
            self.lang,
        )
    }
}
