//! What every panel reads and none changes: the language, the document's
//! state, the computed results and the rows shown (the total or the chosen
//! region). A panel draws from a [`View`] and returns the [`Command`]s the
//! planner gave, edits of the document included.
//!
//! [`Command`]: super::command::Command

use super::document::{DocState, Results};
use crate::chart::ChartSpec;
use crate::model::staffing::StaffingError;
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
    /// The region shown (`None`: the total).
    pub region: Option<usize>,
    /// The uncertainty bands of what is shown, when drawn.
    pub bands: Option<&'a crate::model::uncertainty::Bands>,
}

impl<'a> View<'a> {
    pub fn new(
        lang: Lang,
        doc: &'a DocState,
        results: &'a Results,
        rows: &'a [YearRow],
        subject: &'a str,
    ) -> Self {
        View {
            lang,
            doc,
            results,
            rows,
            subject,
            region: None,
            bands: None,
        }
    }

    /// The view of `region` (`None`: the total).
    pub fn for_region(mut self, region: Option<usize>) -> Self {
        self.region = region;
        self
    }

    /// The view with the uncertainty bands of what is shown.
    pub fn with_bands(mut self, bands: Option<&'a crate::model::uncertainty::Bands>) -> Self {
        self.bands = bands;
        self
    }

    /// The region whose suspect data years the shown rows carry: the one
    /// shown, or the only one (a total of several has none of its own).
    pub fn flagged_region(&self) -> Option<usize> {
        self.region.or_else(|| {
            self.results
                .ok()
                .filter(|(d, _)| d.regions() == 1)
                .map(|_| 0)
        })
    }

    /// The scenario's rounding mode.
    pub fn rounding(&self) -> Rounding {
        self.doc.params.rounding
    }

    /// The projection chart of what is shown, as the window draws it and
    /// the exports write it.
    pub fn chart_spec(&self) -> ChartSpec {
        let mut spec = crate::chart::projection_chart(
            self.rows,
            self.subject,
            &self.doc.name,
            self.doc.params.rounding,
            &crate::chart::today(),
            self.lang,
        );
        if let Some(r) = self.flagged_region() {
            let years = self.results.suspect_years(r);
            crate::chart::mark_suspect_years(&mut spec, self.rows, &years, self.lang);
        }
        if let Some(b) = self.bands {
            crate::chart::bands::add_bands(&mut spec, b, self.lang);
        }
        spec
    }

    /// The supply chart of what is shown, when supply is planned and
    /// computes.
    pub fn supply_chart_spec(&self) -> Option<ChartSpec> {
        match &self.results.supply {
            Some(Ok(o)) => Some(crate::chart::supply::supply_chart(
                &o.supply,
                self.subject,
                &self.doc.name,
                self.doc.params.rounding,
                &crate::chart::today(),
                self.lang,
            )),
            _ => None,
        }
    }

    /// The workload chart of what is shown (the Beban kerja tab's set-up
    /// over the shown years), from the staffing computed with the results,
    /// as the tab draws it and the exports write it.
    pub fn workload_chart_spec(&self) -> Result<ChartSpec, StaffingError> {
        let by_year = match &self.results.staffing_by_year {
            Some(Ok(by_year)) => by_year.as_slice(),
            Some(Err(e)) => return Err(e.clone()),
            None => &[],
        };
        Ok(crate::chart::workload_chart(
            by_year,
            self.subject,
            &self.doc.name,
            &crate::chart::today(),
            self.lang,
        ))
    }
}
