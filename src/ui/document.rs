//! The open scenario as the window edits it: its state (what undo restores),
//! where it lives on disk, what was last saved, and the computed results.

use std::path::PathBuf;
use std::sync::Arc;

use crate::i18n::T;
use crate::model::capacity::{Capacity, WorkingTimeResult};
use crate::model::data::ColumnMapping;
use crate::model::explain::{Step, Subject, explain};
use crate::model::flags::{Flags, flags};
use crate::model::ranking::{RankBy, Ranking, rank_by, rank_nodes};
use crate::model::scenario::FORMAT_VERSION;
use crate::model::shortfall::{Shortfalls, shortfalls};
use crate::model::staffing::WorkloadSetup;
use crate::model::staffing::{
    AvailableTime, StaffingError, StaffingOptions, StaffingResult, TargetPopulation, derived_units,
    explain_staffing, staffing, volumes_for_year,
};
use crate::model::supply::SupplyParams;
use crate::model::supply_outlook::{SupplyOutlook, outlook};
use crate::model::{
    self, DataRow, Lang, ModelError, NeedSum, Parameters, PreparedData, Projection, Scenario,
    YearRow,
};

/// The editable content of a scenario. The data table is shared, so undo
/// points are cheap; `data_rev` identifies each version of the table.
#[derive(Debug, Clone)]
pub struct DocState {
    pub name: String,
    pub notes: String,
    pub params: Parameters,
    pub data: Arc<Vec<DataRow>>,
    /// Unique for every version of the data table (never reused).
    pub data_rev: u64,
    pub import_mapping: Option<ColumnMapping>,
    pub workload: WorkloadSetup,
    /// Supply assumptions, kept whole from file to file.
    pub supply: Option<SupplyParams>,
    /// Ranges, draws and seed of the uncertainty bands, kept whole.
    pub uncertainty: Option<crate::model::uncertainty::UncertaintySetup>,
    /// The internship and mentoring programmes, kept whole.
    pub programs: Option<crate::model::programs::Programs>,
}

impl PartialEq for DocState {
    fn eq(&self, other: &Self) -> bool {
        self.data_rev == other.data_rev
            && self.params == other.params
            && self.name == other.name
            && self.notes == other.notes
            && self.import_mapping == other.import_mapping
            && self.workload == other.workload
            && self.supply == other.supply
            && self.uncertainty == other.uncertainty
            && self.programs == other.programs
    }
}

impl DocState {
    pub fn from_scenario(s: Scenario, data_rev: u64) -> Self {
        DocState {
            name: s.name,
            notes: s.notes,
            params: s.params,
            data: Arc::new(s.data),
            data_rev,
            import_mapping: s.import_mapping,
            workload: s.workload,
            supply: s.supply,
            uncertainty: s.uncertainty,
            programs: s.programs,
        }
    }

    pub fn to_scenario(&self) -> Scenario {
        Scenario {
            format_version: FORMAT_VERSION,
            name: self.name.clone(),
            notes: self.notes.clone(),
            params: self.params.clone(),
            data: (*self.data).clone(),
            import_mapping: self.import_mapping.clone(),
            workload: self.workload.clone(),
            supply: self.supply.clone(),
            uncertainty: self.uncertainty.clone(),
            programs: self.programs.clone(),
        }
    }
}

/// The document: its state, file and last saved state.
pub struct Document {
    pub state: DocState,
    pub path: Option<PathBuf>,
    pub saved: DocState,
    next_rev: u64,
}

impl Document {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let state = DocState::from_scenario(scenario, 1);
        Document {
            saved: state.clone(),
            state,
            path,
            next_rev: 2,
        }
    }

    /// Replaces the document (after New or Open), keeping revisions unique.
    pub fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        let rev = self.take_rev();
        self.state = DocState::from_scenario(scenario, rev);
        self.saved = self.state.clone();
        self.path = path;
    }

    /// Opens a copy restored after a crash: its own file is `path`, and it
    /// counts as unsaved until saved there.
    pub fn restore(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        self.replace(scenario, path);
        self.saved.data_rev = self.take_rev();
    }

    /// A fresh revision number for an edited data table.
    pub fn take_rev(&mut self) -> u64 {
        let r = self.next_rev;
        self.next_rev += 1;
        r
    }

    /// Edits the data table: `f` gets a private copy, then a new revision.
    pub fn edit_data(&mut self, f: impl FnOnce(&mut Vec<DataRow>)) {
        let mut rows = (*self.state.data).clone();
        f(&mut rows);
        if rows != *self.state.data {
            self.state.data = Arc::new(rows);
            self.state.data_rev = self.take_rev();
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.state != self.saved
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.state.clone();
        self.path = Some(path);
    }

    /// The file name shown in the title, or the scenario's name.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.state.name.clone())
    }
}

/// The engine's results for the current state, recomputed only when what
/// they depend on changes: the projection when the parameters or the data
/// change, the workload tab's figures when also its set-up, the region shown
/// or the language change.
#[derive(Default)]
pub struct Results {
    /// The programmes' tables (Program tab).
    pub programs: super::program_results::ProgramResults,
    data_rev: Option<u64>,
    params: Option<Parameters>,
    pub data: Option<Result<Arc<PreparedData>, ModelError>>,
    pub projection: Option<Result<Projection, ModelError>>,
    /// The ANC package, the effective working time and the share.
    pub capacity: Option<Result<Capacity, ModelError>>,
    /// The effective working time alone (shown even when the package is wrong).
    pub working_time: Option<Result<WorkingTimeResult, ModelError>>,
    /// What the rest depends on besides the parameters and the data.
    view_key: Option<(WorkloadSetup, Option<usize>, Lang)>,
    /// The working, step by step, of what is shown.
    pub steps: Vec<Step>,
    /// The workload tab's figures for what is shown.
    pub staffing: Option<StaffingView>,
    /// The staffing of every shown year with the workload set-up: the
    /// workload chart's figures, as the tab draws it and the export writes it.
    pub staffing_by_year: Option<Result<Vec<(i32, StaffingResult)>, StaffingError>>,
    /// Suspect data years, runaway projections and small-numbers notes of
    /// what is shown, one line each, in the window's language.
    pub warnings: Vec<String>,
    /// Per region: whether it has a suspect data year or runs away.
    pub flagged: Vec<bool>,
    /// How many regions are flagged.
    pub flagged_count: usize,
    /// How many regions are short of midwives, and by how much in all.
    pub shortfalls: Option<Shortfalls>,
    /// Supply beside need for what is shown, with the goal seek for the
    /// planner's target year; `None` when supply is not planned.
    pub supply: Option<Result<SupplyOutlook, ModelError>>,
    /// What the supply was computed for: its assumptions and the region.
    supply_key: Option<(Option<SupplyParams>, Option<usize>, crate::model::NeedSum)>,
    /// The regions ranked for the Peringkat tab (computed while it is shown).
    pub ranking: Option<Ranking>,
    /// What the ranking was computed for (year, order, region whose
    /// children are ranked); `None` after the scenario changed.
    ranking_key: Option<(Option<i32>, RankBy, Option<usize>)>,
    /// The rows of the region shown (as of `view_key`): a region of a tree
    /// is summed over the regions under it once, not every frame.
    shown: Vec<YearRow>,
    /// The flags of every region, checked once per change of the scenario.
    flags: Flags,
    /// The suspect data years by region (its code, else its name) and year,
    /// as indices into the flags, for the Data tab's rows.
    suspect_by_key: std::collections::HashMap<(String, i32), usize>,
}

/// Warning lines listed at most in the window.
const MAX_WARNINGS: usize = 40;

/// The workload tab's figures: the method for the year computed.
#[derive(Debug, Clone)]
pub struct StaffingView {
    /// The set-up as shown: an unedited preset's activity table filled in.
    pub setup: WorkloadSetup,
    /// The year computed and its target population.
    pub year: Option<(YearRow, TargetPopulation)>,
    /// Midwives in post carried forward to a projected year: the number and
    /// the last data year that gives it (when neither the set-up nor the
    /// year's data give them).
    pub carried: Option<(f64, i32)>,
    /// The units a year of each activity derived from the population
    /// (`None` for recorded ones or when there is no year).
    pub derived_units: Vec<Option<f64>>,
    /// The available time, the result and its working; or what stopped it.
    pub outcome: Result<(AvailableTime, StaffingResult, Vec<Step>), String>,
}

/// The options of the method for `setup`; staff in post from `row` when the
/// set-up gives none, else `carried` forward from an earlier year.
fn staffing_options(
    setup: &WorkloadSetup,
    row: Option<&YearRow>,
    carried: Option<(f64, i32)>,
) -> StaffingOptions {
    StaffingOptions {
        method: setup.method,
        rounding: setup.rounding,
        final_rounding: setup.final_rounding,
        existing: setup
            .existing
            .or(row.and_then(|r| r.midwives_available))
            .or(carried.map(|(m, _)| m)),
    }
}

/// The midwives in post of the latest year before `row` that gives them,
/// for a year that gives none (a projected year).
fn carried_forward(rows: &[YearRow], row: &YearRow) -> Option<(f64, i32)> {
    if row.midwives_available.is_some() {
        return None;
    }
    rows.iter()
        .filter(|r| r.year < row.year)
        .filter_map(|r| r.midwives_available.map(|m| (m, r.year)))
        .next_back()
}

impl StaffingView {
    fn new(
        setup: &WorkloadSetup,
        params: &Parameters,
        rows: &[YearRow],
        base_year: i32,
        lang: Lang,
    ) -> Self {
        let setup = WorkloadSetup {
            plan: setup.activity_plan(params, lang),
            ..setup.clone()
        };
        let row = rows
            .iter()
            .find(|r| r.year == setup.year.unwrap_or(base_year))
            .or_else(|| rows.iter().find(|r| r.year == base_year))
            .or(rows.first());
        let year = row.map(|r| {
            (
                r.clone(),
                TargetPopulation::from_year_row(r, params.population.coefficient),
            )
        });
        let carried = match (&year, setup.existing) {
            (Some((row, _)), None) => carried_forward(rows, row),
            _ => None,
        };
        let derived_units = setup
            .plan
            .iter()
            .map(|p| {
                year.as_ref()
                    .and_then(|(_, pop)| derived_units(&p.rule, pop, &setup.assumptions))
            })
            .collect();
        let outcome = (|| {
            let available = setup
                .available
                .available(params)
                .map_err(|e| e.message(lang))?;
            let Some((row, pop)) = &year else {
                return Err(lang.t(T::document_no_year_to_compute).to_string());
            };
            let options = staffing_options(&setup, Some(row), carried);
            let result = volumes_for_year(&setup.plan, pop, &setup.assumptions)
                .and_then(|acts| staffing(&acts, &available, &options))
                .map_err(|e| e.message(lang))?;
            let steps = explain_staffing(&result, &available, lang);
            Ok((available, result, steps))
        })();
        StaffingView {
            setup,
            year,
            carried,
            derived_units,
            outcome,
        }
    }
}

impl Results {
    /// The suspect data years of region `r`.
    pub fn suspect_years(&self, r: usize) -> Vec<i32> {
        self.flags
            .suspect_years
            .iter()
            .filter(|s| s.region == r)
            .map(|s| s.year)
            .collect()
    }

    /// Why the data year `year` of region `r` is suspect, in words; `None`
    /// when it is not.
    pub fn suspect_reason(&self, r: usize, year: i32, lang: Lang) -> Option<String> {
        let (d, _) = self.ok()?;
        let s = self.flags.suspect(r, year)?;
        Some(s.reasons_text(d, lang).join("\n"))
    }

    /// As [`Results::suspect_reason`], for a data row of the region whose
    /// code (else name) is `key`.
    pub fn suspect_row_reason(&self, key: &str, year: i32, lang: Lang) -> Option<String> {
        let (d, _) = self.ok()?;
        let i = *self.suspect_by_key.get(&(key.to_string(), year))?;
        Some(self.flags.suspect_years[i].reasons_text(d, lang).join("\n"))
    }

    /// Brings the results up to date with `state`, the `region` shown and
    /// the language; true if anything changed.
    pub fn refresh(&mut self, state: &DocState, region: Option<usize>, lang: Lang) -> bool {
        let mut changed = false;
        if self.data_rev != Some(state.data_rev) {
            self.data = Some(PreparedData::new(&state.data).map(Arc::new));
            self.data_rev = Some(state.data_rev);
            self.params = None;
            changed = true;
        }
        if self.params.as_ref() != Some(&state.params) {
            // An edit of the antenatal standard or the working time leaves
            // the pregnant women as they were: only the need is worked out
            // again (the same figures as a whole projection).
            let need_only = self.params.as_ref().is_some_and(|old| {
                old.population == state.params.population && old.rounding == state.params.rounding
            });
            let flags_before = matches!(&self.projection, Some(Ok(_))) && need_only;
            self.projection = Some(match (self.data.as_ref(), self.projection.take()) {
                (Some(Ok(_)), Some(Ok(prev))) if need_only => {
                    model::with_new_need(prev, &state.params)
                }
                (Some(Ok(d)), _) => model::project(&state.params, d),
                (Some(Err(e)), _) => Err(e.clone()),
                (None, _) => Err(ModelError::EmptyData),
            });
            self.capacity = Some(model::capacity(&state.params));
            self.working_time = Some(model::capacity::working_time(
                &state.params.working_time,
                state.params.rounding,
            ));
            self.params = Some(state.params.clone());
            // After such an edit the same regions are flagged: only their
            // needs are worked out again.
            let quick = match self.ok() {
                Some((d, p)) if flags_before => Some(self.flags.for_new_need(&state.params, d, p)),
                _ => None,
            };
            if let Some(quick) = quick {
                self.flags = quick;
            } else {
                self.flags = match self.ok() {
                    Some((d, p)) => flags(&state.params, d, p),
                    None => Flags::default(),
                };
                let regions = self.ok().map_or(0, |(d, _)| d.regions());
                self.flagged = self.flags.flagged(regions);
                self.flagged_count = self.flags.flagged_regions();
                self.suspect_by_key = match self.ok() {
                    Some((d, _)) => self
                        .flags
                        .suspect_years
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let key = if d.codes[s.region].trim().is_empty() {
                                d.names[s.region].trim()
                            } else {
                                d.codes[s.region].trim()
                            };
                            ((key.to_string(), s.year), i)
                        })
                        .collect(),
                    None => Default::default(),
                };
            }
            self.shortfalls = self.ok().and_then(|(d, p)| shortfalls(d, p));
            changed = true;
        }
        let same_view = self
            .view_key
            .as_ref()
            .is_some_and(|(w, r, l)| *w == state.workload && *r == region && *l == lang);
        if changed || !same_view {
            self.steps = Vec::new();
            self.staffing = None;
            self.warnings = Vec::new();
            self.view_key = None;
            let rows = self.shown_rows(region);
            self.shown = rows.clone();
            if let Some((d, p)) = self.ok() {
                let mut flags = self.flags.clone();
                if let Some(r) = region {
                    flags.retain_region(r);
                }
                let warnings = flags.lines(d, p, lang, MAX_WARNINGS);
                let subject = match region {
                    Some(r) => Subject::Region(r),
                    None => Subject::Total,
                };
                let steps = explain(&state.params, d, p, subject, lang);
                let staffing =
                    StaffingView::new(&state.workload, &state.params, &rows, p.base_year, lang);
                self.steps = steps;
                self.staffing = Some(staffing);
                self.warnings = warnings;
            }
            self.staffing_by_year =
                Some(state.workload.staffing_by_year(&state.params, &rows, lang));
            self.view_key = Some((state.workload.clone(), region, lang));
            changed = true;
        }
        if changed {
            self.ranking_key = None;
        }
        let key = (state.supply.clone(), region, state.params.need_sum);
        if changed || self.supply_key.as_ref() != Some(&key) {
            self.supply = match (&state.supply, self.ok()) {
                (None, _) => None,
                (Some(p), Some((d, proj))) => {
                    Some(outlook(p, d, proj, region, state.params.need_sum, None))
                }
                (Some(_), None) => None,
            };
            self.supply_key = Some(key);
            changed = true;
        }
        let computed = match (self.data.as_ref(), self.projection.as_ref()) {
            (Some(Ok(d)), Some(Ok(p))) => Some((&**d, p)),
            _ => None,
        };
        changed |= self.programs.refresh(
            (&state.programs, &state.data, state.data_rev),
            computed,
            lang,
        );
        changed
    }

    /// Brings the ranking up to date for `year` (default: the last data
    /// year; a year outside the projection is taken as the default) and
    /// `by`; true if it changed.
    /// In a region tree, the regions directly under `region` (the total's
    /// for `None`) are ranked; a region with none under it is ranked among
    /// its siblings. Flat data rank every region, whichever is shown.
    pub fn refresh_ranking(
        &mut self,
        year: Option<i32>,
        by: RankBy,
        region: Option<usize>,
    ) -> bool {
        let nested = self.ok().is_some_and(|(d, _)| d.tree.nested);
        let region = region.filter(|_| nested);
        if self.ranking_key == Some((year, by, region)) {
            return false;
        }
        let rule = self.params.as_ref().map_or(NeedSum::Fte, |p| p.need_sum);
        self.ranking = self.ok().map(|(d, p)| {
            let year = year
                .filter(|y| p.years().contains(y))
                .unwrap_or(p.last_data_year);
            if !nested {
                return rank_by(d, p, year, by);
            }
            let node = region.filter(|&r| r < d.regions());
            let node = match node {
                Some(r) if d.tree.is_leaf(r) => d.tree.parent[r].map(|x| x as usize),
                other => other,
            };
            let children: Vec<usize> = d
                .tree
                .children_of(node)
                .iter()
                .map(|&c| c as usize)
                .collect();
            rank_nodes(d, p, year, by, &children, rule)
        });
        self.ranking_key = Some((year, by, region));
        true
    }

    /// The rows of what is shown: the total, or the chosen region (summed
    /// over the regions under it in a tree, as the parameters' `need_sum`
    /// says).
    pub fn shown_rows(&self, region: Option<usize>) -> Vec<YearRow> {
        if self.view_key.as_ref().is_some_and(|(_, r, _)| *r == region) {
            return self.shown.clone();
        }
        let rule = self.params.as_ref().map_or(NeedSum::Fte, |p| p.need_sum);
        match self.ok() {
            Some((d, p)) => shown_rows(d, p, region, rule),
            None => Vec::new(),
        }
    }
    /// The prepared data and projection, when both succeeded.
    /// The checked data table, if it was made from `state`'s rows as they
    /// are now.
    pub fn data_of(&self, state: &DocState) -> Option<&PreparedData> {
        match &self.data {
            Some(Ok(d)) if self.data_rev == Some(state.data_rev) => Some(d),
            _ => None,
        }
    }

    pub fn ok(&self) -> Option<(&PreparedData, &Projection)> {
        match (self.data.as_ref(), self.projection.as_ref()) {
            (Some(Ok(d)), Some(Ok(p))) => Some((d, p)),
            _ => None,
        }
    }

    /// The error that stops the computation, if any.
    pub fn error(&self) -> Option<&ModelError> {
        match (self.data.as_ref(), self.projection.as_ref()) {
            (Some(Err(e)), _) => Some(e),
            (_, Some(Err(e))) => Some(e),
            _ => None,
        }
    }
}

/// The rows of `region` (the total when `None` or out of range).
fn shown_rows(
    d: &PreparedData,
    p: &Projection,
    region: Option<usize>,
    rule: NeedSum,
) -> Vec<YearRow> {
    let region = region.filter(|&r| r < d.regions());
    crate::model::tree_sum::node_rows(d, p, region, rule)
}
