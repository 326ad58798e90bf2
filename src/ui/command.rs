//! What the planner can ask for: every menu item, shortcut and panel request
//! is a [`Command`], with its keyboard shortcut beside it. Commands are
//! queued while the frame is drawn and executed in one place after it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::data_edit::DataEdit;
use super::export_request::ExportRequest;
use super::help::Topic;
use super::settings::Theme;
use crate::io::import::Imported;
use crate::model::staffing::WorkloadSetup;
use crate::model::{Lang, Parameters};

/// Something the planner asked for, done after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    /// Open a bundled example as a new, unsaved scenario.
    OpenExample(crate::io::examples::Example),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    /// Import a data file (CSV or .xlsx) chosen in a dialog.
    ImportData,
    /// Import this data file.
    ImportPath(PathBuf),
    /// Replace the data with what the import preview read.
    AcceptImport(Box<Imported>),
    /// Read an activity table (CSV or .xlsx) chosen in a dialog into the
    /// workload tab.
    ImportActivities,
    /// Save empty data templates (CSV and .xlsx).
    SaveTemplate,
    /// Open the export window.
    Export,
    /// Open the scenario's name and notes for editing.
    Properties,
    /// The scenario's name and notes as edited.
    SetProperties {
        name: String,
        notes: String,
    },
    /// Export to a file chosen in a dialog.
    ExportTo(ExportRequest),
    /// Finish what `FilePurpose` started with the file chosen in the
    /// window's own file dialog.
    UseFile(FilePurpose, PathBuf),
    /// The window's own file dialog was cancelled.
    NoFile(FilePurpose),
    /// The parameters as edited in the parameter panel.
    SetParams(Box<Parameters>),
    /// An edit of the data table.
    EditData(DataEdit),
    /// The workload tab's set-up as edited.
    SetWorkload(Box<WorkloadSetup>),
    /// The supply assumptions as edited in the supply tab (`None`: supply
    /// not planned).
    SetSupply(Option<Box<crate::model::supply::SupplyParams>>),
    /// The internship and mentoring programmes as edited in the Program tab
    /// (`None`: no programme).
    SetPrograms(Option<Box<crate::model::programs::Programs>>),
    /// Import interns, partner clinics or a checklist from a file.
    ImportProgramFile(ProgramFile),
    /// The year and order of the Peringkat tab's ranking.
    SetRanking {
        year: i32,
        by: crate::model::ranking::RankBy,
    },
    /// The part of the Analisis tab shown.
    SetAnalysisView(super::analysis::state::AnalysisView),
    /// Pin a copy of the current scenario for comparison.
    PinCurrent,
    /// Pin a scenario file chosen in a dialog.
    PinFile,
    /// Pin the variants of the current scenario that `NAME=V1/V2/…`
    /// describes (a variant equal to the current scenario is left out).
    PinVariants(String),
    /// Unpin the `i`-th pinned scenario.
    Unpin(usize),
    /// The year and step of the tornado.
    SetTornado {
        year: i32,
        step: crate::model::sensitivity::Step,
    },
    /// The uncertainty set-up as edited (`None`: no bands).
    SetUncertainty(Option<Box<crate::model::uncertainty::UncertaintySetup>>),
    /// Give this parameter a range of its own (its plausible range to start).
    AddRange(crate::model::numeric_params::NumericParam),
    /// Stop drawing the bands.
    CancelBands,
    /// Draw the bands again (after a cancel or an error).
    RestartBands,
    /// Show this region (`None`: the total), chosen in the region tree or
    /// by a click on the map.
    SelectRegion(Option<usize>),
    SetLang(Lang),
    SetTheme(Theme),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Open the guide where it was left (Bantuan → Panduan, F1).
    ShowHelp,
    /// Open the guide at this entry (a parameter's "?").
    ShowGuideAt(Topic),
    ShowAbout,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Redo has a second shortcut, Ctrl+Shift+Z, besides the one shown.
const REDO_SHIFT: KeyboardShortcut = command_shift(Key::Z);

/// The commands that have keyboard shortcuts, most specific first (so that
/// Ctrl+Shift+S is taken before Ctrl+S).
const WITH_SHORTCUTS: [Command; 7] = [
    Command::SaveAs,
    Command::Save,
    Command::Open,
    Command::New,
    Command::Redo,
    Command::Undo,
    Command::ShowHelp,
];

impl Command {
    /// What opening `path` means: a data file (by its extension: CSV, text,
    /// a workbook) is imported through the preview; anything else is opened
    /// as a scenario file.
    pub fn open_file(path: PathBuf) -> Command {
        if crate::io::import::is_data_file(&path) {
            Command::ImportPath(path)
        } else {
            Command::OpenPath(path)
        }
    }

    /// The keyboard shortcut shown beside the command in the menu.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::New => Some(command(Key::N)),
            Command::Open => Some(command(Key::O)),
            Command::Save => Some(command(Key::S)),
            Command::SaveAs => Some(command_shift(Key::S)),
            Command::Undo => Some(command(Key::Z)),
            Command::Redo => Some(command(Key::Y)),
            Command::ShowHelp => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            _ => None,
        }
    }

    /// Whether the command would lose unsaved changes.
    pub fn discards(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::OpenExample(_)
                | Command::Open
                | Command::OpenPath(_)
                | Command::Quit
        )
    }

    /// The commands whose shortcuts were pressed this frame (each shortcut
    /// is consumed, so no text field also receives it).
    pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
        let mut pressed = Vec::new();
        for c in WITH_SHORTCUTS {
            let Some(sc) = c.shortcut() else { continue };
            let consume = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
            if (c == Command::Redo && consume(&REDO_SHIFT)) || consume(&sc) {
                pressed.push(c);
            }
        }
        pressed
    }
}

/// What a chosen file is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FilePurpose {
    OpenScenario,
    /// Save the scenario, then run `then` (the command that asked to save
    /// the changes first).
    SaveScenario {
        then: Option<Box<Command>>,
    },
    ImportData,
    ImportActivities,
    ImportProgramFile(ProgramFile),
    SaveTemplate,
    Export(ExportRequest),
    /// Pin the chosen scenario file for comparison.
    PinScenario,
}

/// A programme's table in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramFile {
    Interns,
    Clinics,
    Checklist,
    Indicators,
}

impl FilePurpose {
    /// Whether the file is written (rather than read).
    pub fn saves(&self) -> bool {
        matches!(
            self,
            FilePurpose::SaveScenario { .. } | FilePurpose::SaveTemplate | FilePurpose::Export(_)
        )
    }

    /// The file extensions offered, the first one added to a name without.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            FilePurpose::OpenScenario | FilePurpose::PinScenario => &["bidan", "ron"],
            FilePurpose::SaveScenario { .. } => &["bidan"],
            FilePurpose::ImportData
            | FilePurpose::ImportActivities
            | FilePurpose::ImportProgramFile(_) => &["csv", "txt", "xlsx"],
            FilePurpose::SaveTemplate => &["csv"],
            FilePurpose::Export(r) => r.file().2,
        }
    }
}
