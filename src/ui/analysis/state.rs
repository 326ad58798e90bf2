//! What the Analisis tab shows, kept up to date with the document: the
//! pinned scenarios and their comparison with the current one, the tornado
//! of the chosen year and step, and the uncertainty bands (drawn in the
//! background, see [`super::bands_job`]). Each result is computed again
//! only when what it depends on changed.

use std::sync::Arc;

use super::bands_job::BandsJob;
use crate::model::compare::{
    CompareError, Comparison, MAX_SCENARIOS, NeedFrom, Variant, compare_variants_on,
};
use crate::model::sensitivity::{Sensitivity, SensitivityError, Step, sensitivity};
use crate::model::uncertainty::UncertaintySetup;
use crate::model::{DataRow, Parameters, PreparedData, Scenario};
use crate::ui::document::DocState;

/// The part of the Analisis tab shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisView {
    /// Scenarios side by side.
    #[default]
    Compare,
    /// Which assumption matters (the tornado).
    Sensitivity,
    /// How sure: the uncertainty bands.
    Bands,
}

/// What a result was computed from: the parameters, the data table's
/// version, the region and a count of the other changes.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    params: Parameters,
    data_rev: u64,
    region: Option<usize>,
    other: u64,
}

impl Key {
    fn of(state: &DocState, region: Option<usize>, other: u64) -> Self {
        Key {
            params: state.params.clone(),
            data_rev: state.data_rev,
            region,
            other,
        }
    }
}

/// A scenario pinned for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    pub scenario: Scenario,
    /// Where its midwives needed come from.
    pub need: NeedFrom,
    /// Where it came from: a file name, or empty for a copy or variant.
    pub source: String,
}

/// The state of the Analisis tab.
#[derive(Default)]
pub struct AnalysisState {
    pub view: AnalysisView,
    /// Scenarios pinned beside the current one (at most three, so that with
    /// the current one at most [`MAX_SCENARIOS`] are compared).
    pins: Vec<Pinned>,
    /// Each pin's data table, checked when it was pinned (`None` if its
    /// rows do not check; the comparison then names the problem).
    pin_tables: Vec<Option<PreparedData>>,
    pins_rev: u64,
    compare_key: Option<Key>,
    /// The current scenario (A) and the pinned ones, year by year.
    pub comparison: Option<Result<Comparison, CompareError>>,
    /// The tornado's year (`None`: the last year shown) and step.
    pub tornado_choice: (Option<i32>, Step),
    tornado_key: Option<(Key, Option<i32>, Step)>,
    pub tornado: Option<Result<Sensitivity, SensitivityError>>,
    /// The bands of what is shown, when the scenario asks for them.
    pub bands: BandsJob,
}

/// The most scenarios that can be pinned beside the current one.
pub const MAX_PINS: usize = MAX_SCENARIOS - 1;

impl AnalysisState {
    /// The scenarios pinned beside the current one, in order.
    pub fn pins(&self) -> &[Pinned] {
        &self.pins
    }

    /// Pins `scenario`; false (and nothing pinned) when the pins are full.
    pub fn pin(&mut self, v: Variant, source: String) -> bool {
        if self.pins.len() >= MAX_PINS {
            return false;
        }
        // Its rows are checked once, here, not again after every edit.
        self.pin_tables
            .push(PreparedData::new(&v.scenario.data).ok());
        self.pins.push(Pinned {
            scenario: v.scenario,
            need: v.need,
            source,
        });
        self.pins_rev += 1;
        true
    }

    /// Removes the `i`-th pin (nothing when there is none).
    pub fn unpin(&mut self, i: usize) {
        if i < self.pins.len() {
            self.pins.remove(i);
            self.pin_tables.remove(i);
            self.pins_rev += 1;
        }
    }

    /// Brings the comparison up to date: the current scenario is A, the
    /// pins follow; the region shown is compared by its code (the total
    /// when none is chosen). `data` is the open scenario's checked table,
    /// made from its rows as they are; pins with the same rows use it. True
    /// if it was computed again.
    pub fn refresh_comparison(
        &mut self,
        state: &DocState,
        region: Option<usize>,
        data: Option<&PreparedData>,
    ) -> bool {
        let key = Key::of(state, region, self.pins_rev);
        if self.compare_key.as_ref() == Some(&key) {
            return false;
        }
        let mut list = Vec::with_capacity(self.pins.len() + 1);
        list.push(Variant::antenatal(state.to_scenario()));
        list.extend(self.pins.iter().map(|p| Variant {
            scenario: p.scenario.clone(),
            need: p.need,
        }));
        let code = region
            .zip(data)
            .filter(|(r, d)| *r < d.regions())
            .map(|(r, d)| region_key(d, r).to_string());
        // The open scenario's table is checked already, and each pin's was
        // checked when it was pinned: an edit only projects again.
        let mut tables: Vec<Option<&PreparedData>> = vec![data];
        tables.extend(self.pin_tables.iter().map(Option::as_ref));
        self.comparison = Some(compare_variants_on(&list, code.as_deref(), &tables));
        self.compare_key = Some(key);
        true
    }

    /// Brings the tornado up to date for the region shown; the year is the
    /// chosen one, or the last of `years`. True if it was computed again.
    pub fn refresh_tornado(
        &mut self,
        state: &DocState,
        region: Option<usize>,
        years: &[i32],
    ) -> bool {
        let (year, step) = self.tornado_choice;
        let key = (Key::of(state, region, 0), year, step);
        if self.tornado_key.as_ref() == Some(&key) {
            return false;
        }
        let year = year
            .filter(|y| years.contains(y))
            .or_else(|| years.last().copied());
        self.tornado = year.map(|y| sensitivity(&state.params, &state.data, region, y, step));
        self.tornado_key = Some(key);
        true
    }

    /// Starts the bands again when the scenario's set-up, the parameters,
    /// the data or the region changed; drops them when the scenario has no
    /// set-up. True if a run started or ended.
    pub fn refresh_bands(
        &mut self,
        state: &DocState,
        region: Option<usize>,
        ctx: Option<&egui::Context>,
    ) -> bool {
        let setup: Option<&UncertaintySetup> = state.uncertainty.as_ref();
        let data: Arc<Vec<DataRow>> = state.data.clone();
        self.bands
            .refresh(&state.params, data, state.data_rev, region, setup, ctx)
    }
}

/// The key a region is found by: its code, or its name when it has none.
fn region_key(d: &PreparedData, r: usize) -> &str {
    if d.codes[r].trim().is_empty() {
        &d.names[r]
    } else {
        &d.codes[r]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::compare_variants;

    /// The tables checked when pinning stay with their pins through an
    /// unpin: the comparison equals one computed afresh.
    #[test]
    fn pinned_tables_follow_their_pins() {
        let base = Scenario::example();
        let state = DocState::from_scenario(base.clone(), 1);
        let doc_table = PreparedData::new(&state.data).unwrap();
        let mut a = AnalysisState::default();
        // Three pins: 10%, 20% and 30% more people.
        for k in 1..=3 {
            let mut s = base.clone();
            s.name = format!("+{k}0%");
            for row in &mut s.data {
                row.population = row.population.map(|p| p * (1.0 + k as f64 / 10.0)).into();
            }
            assert!(a.pin(Variant::antenatal(s), String::new()));
        }
        a.unpin(1);
        assert!(a.refresh_comparison(&state, None, Some(&doc_table)));
        let mut list = vec![Variant::antenatal(state.to_scenario())];
        list.extend(a.pins().iter().map(|p| Variant {
            scenario: p.scenario.clone(),
            need: p.need,
        }));
        let fresh = compare_variants(&list, None).unwrap();
        let got = a.comparison.clone().unwrap().unwrap();
        assert_eq!(got, fresh);
        let names: Vec<&str> = got.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[1..], ["+10%", "+30%"]);
    }
}
