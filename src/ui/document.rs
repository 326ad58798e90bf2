//! The open scenario as the window edits it: its state (what undo restores),
//! where it lives on disk, what was last saved, and the computed results.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::data::ColumnMapping;
use crate::model::scenario::FORMAT_VERSION;
use crate::model::staffing::WorkloadSetup;
use crate::model::{self, DataRow, ModelError, Parameters, PreparedData, Projection, Scenario};

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
}

impl PartialEq for DocState {
    fn eq(&self, other: &Self) -> bool {
        self.data_rev == other.data_rev
            && self.params == other.params
            && self.name == other.name
            && self.notes == other.notes
            && self.import_mapping == other.import_mapping
            && self.workload == other.workload
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

/// The engine's results for the current state, recomputed only when the
/// parameters or the data change.
#[derive(Default)]
pub struct Results {
    data_rev: Option<u64>,
    params: Option<Parameters>,
    pub data: Option<Result<Arc<PreparedData>, ModelError>>,
    pub projection: Option<Result<Projection, ModelError>>,
}

impl Results {
    /// Brings the results up to date with `state`; true if anything changed.
    pub fn refresh(&mut self, state: &DocState) -> bool {
        let mut changed = false;
        if self.data_rev != Some(state.data_rev) {
            self.data = Some(PreparedData::new(&state.data).map(Arc::new));
            self.data_rev = Some(state.data_rev);
            self.params = None;
            changed = true;
        }
        if self.params.as_ref() != Some(&state.params) {
            self.projection = Some(match self.data.as_ref() {
                Some(Ok(d)) => model::project(&state.params, d),
                Some(Err(e)) => Err(e.clone()),
                None => Err(ModelError::EmptyData),
            });
            self.params = Some(state.params.clone());
            changed = true;
        }
        changed
    }

    /// The prepared data and projection, when both succeeded.
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
