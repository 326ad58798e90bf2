//! The app: settings (kept between runs), the open document with undo, the
//! computed results, the panels, and the commands (open, save, quit…)
//! applied after each frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use egui::util::undoer::Undoer;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use serde::{Deserialize, Serialize};

use super::data_panel::DataPanel;
use super::document::{DocState, Document, Results};
use super::files::{FileDialogs, NativeDialogs};
use super::params_panel::ParamsPanel;
use super::plot_panel::PlotPanel;
use super::table_panel::TablePanel;
use super::working_panel::WorkingPanel;
use crate::io::{load_scenario, save_scenario};
use crate::model::explain::{Fmt, Subject, explain};
use crate::model::{Lang, Rounding, Scenario, YearRow};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_SHIFT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// What is remembered between runs (not the document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub zoom: f32,
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Id,
            theme: Theme::Light,
            zoom: 1.0,
            recent: Vec::new(),
        }
    }
}

const MAX_RECENT: usize = 8;

impl Settings {
    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

/// The tabs of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Projection,
    Table,
    Working,
    Workload,
    Data,
}

/// Something the planner asked for, done after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
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
    /// Save empty data templates (CSV and .xlsx).
    SaveTemplate,
    /// Open the export window.
    Export,
    /// Export to a file chosen in a dialog.
    ExportTo(super::export_dialog::ExportRequest),
}

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

    /// Whether the command would lose unsaved changes.
    fn discards(&self) -> bool {
        matches!(
            self,
            Command::New | Command::Open | Command::OpenPath(_) | Command::Quit
        )
    }
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Takes a screenshot of the window after it has drawn, then closes it.
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    done: Arc<AtomicBool>,
}

/// The Proyeksi Bidan window.
pub struct ProyeksiApp {
    pub settings: Settings,
    pub doc: Document,
    undoer: Undoer<DocState>,
    pub results: Results,
    pub tab: Tab,
    pub status: Option<Status>,
    /// A command waiting for the answer to "save changes?".
    pub pending: Option<Command>,
    commands: Vec<Command>,
    pub dialogs: Box<dyn FileDialogs>,
    /// The region shown in the chart, table and working (`None`: total).
    pub region: Option<usize>,
    region_filter: String,
    params_panel: ParamsPanel,
    plot_panel: PlotPanel,
    pub table_panel: TablePanel,
    working_panel: WorkingPanel,
    workload_panel: super::workload_panel::WorkloadPanel,
    data_panel: DataPanel,
    show_help: bool,
    show_about: bool,
    allow_close: bool,
    title: String,
    screenshot: Option<ScreenshotJob>,
    started: Option<Instant>,
    first_frame_reported: bool,
    applied_theme: Option<Theme>,
    pub import: super::import_dialog::ImportDialog,
    pub export: super::export_dialog::ExportDialog,
}

impl ProyeksiApp {
    /// A window on `scenario`, with `settings` and file dialogs.
    pub fn new(
        scenario: Scenario,
        path: Option<PathBuf>,
        settings: Settings,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        let doc = Document::new(scenario, path);
        let mut results = Results::default();
        results.refresh(&doc.state);
        ProyeksiApp {
            settings,
            doc,
            undoer: Undoer::default(),
            results,
            tab: Tab::Projection,
            status: None,
            pending: None,
            commands: Vec::new(),
            dialogs,
            region: None,
            region_filter: String::new(),
            params_panel: ParamsPanel,
            plot_panel: PlotPanel,
            table_panel: TablePanel::default(),
            working_panel: WorkingPanel,
            workload_panel: Default::default(),
            data_panel: DataPanel,
            show_help: false,
            show_about: false,
            allow_close: false,
            title: String::new(),
            screenshot: None,
            started: None,
            first_frame_reported: false,
            applied_theme: None,
            import: Default::default(),
            export: Default::default(),
        }
    }

    /// The bundled example with default settings and native dialogs.
    pub fn example() -> Self {
        Self::new(
            Scenario::example(),
            None,
            Settings::default(),
            Box::new(NativeDialogs),
        )
    }

    /// Creates the app inside eframe: restores settings, opens the scenario
    /// or data file if given (or the bundled example).
    pub fn from_creation(cc: &eframe::CreationContext<'_>, start: super::WindowStart) -> Self {
        let super::WindowStart {
            file: path,
            screenshot,
            tab,
            lang,
            started,
        } = start;
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(lang) = lang {
            settings.lang = lang;
        }
        let mut app = Self::new(Scenario::example(), None, settings, Box::new(NativeDialogs));
        app.tab = tab;
        if let Some(p) = path {
            app.command(Command::open_file(p));
        }
        if let Some(shot) = screenshot {
            app.screenshot = Some(ScreenshotJob {
                path: shot,
                frames: 0,
                requested: false,
                done: Arc::new(AtomicBool::new(false)),
            });
            app.started = Some(started);
        }
        cc.egui_ctx
            .set_zoom_factor(app.settings.zoom.clamp(0.5, 3.0));
        app
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Queues a command, as the menu and the shortcuts do.
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    fn set_status(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    /// Opens a scenario file; on failure the current work stays untouched.
    pub fn open_path(&mut self, path: &Path) {
        let lang = self.lang();
        match load_scenario(path) {
            Ok(s) => {
                self.doc.replace(s, Some(path.to_path_buf()));
                self.undoer = Undoer::default();
                self.region = None;
                self.settings.remember(path);
                self.set_status(
                    format!("{} {}", lang.pick("Dibuka:", "Opened:"), path.display()),
                    false,
                );
            }
            Err(e) => self.set_status(
                format!("{} {e}", lang.pick("Gagal membuka.", "Could not open.")),
                true,
            ),
        }
    }

    /// Saves to `path` atomically; returns whether it worked.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let lang = self.lang();
        let path = if path.extension().is_none() {
            path.with_extension("bidan")
        } else {
            path.to_path_buf()
        };
        match save_scenario(&path, &self.doc.state.to_scenario()) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.settings.remember(&path);
                self.set_status(
                    format!("{} {}", lang.pick("Disimpan:", "Saved:"), path.display()),
                    false,
                );
                true
            }
            Err(e) => {
                self.set_status(
                    format!("{} {e}", lang.pick("Gagal menyimpan.", "Could not save.")),
                    true,
                );
                false
            }
        }
    }

    fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(p) => self.save_to(&p),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.bidan", sanitize(&self.doc.state.name));
        match self.dialogs.save_scenario(&suggested) {
            Some(p) => self.save_to(&p),
            None => false,
        }
    }

    /// Runs a command now, asking first if it would lose unsaved changes.
    fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        if c.discards() && self.doc.is_dirty() {
            self.pending = Some(c);
            return;
        }
        self.run_confirmed(ctx, c);
    }

    fn run_confirmed(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::New => {
                self.doc.replace(Scenario::example(), None);
                self.undoer = Undoer::default();
                self.region = None;
                let lang = self.lang();
                self.set_status(
                    lang.pick(
                        "Skenario baru dari contoh.",
                        "New scenario from the example.",
                    )
                    .to_string(),
                    false,
                );
            }
            Command::Open => {
                if let Some(p) = self.dialogs.open_scenario() {
                    self.open_path(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Undo => {
                if let Some(s) = self.undoer.undo(&self.doc.state) {
                    self.doc.state = s.clone();
                }
            }
            Command::Redo => {
                if let Some(s) = self.undoer.redo(&self.doc.state) {
                    self.doc.state = s.clone();
                }
            }
            Command::ImportData => {
                if let Some(p) = self.dialogs.open_data() {
                    self.start_import(p);
                }
            }
            Command::ImportPath(p) => self.start_import(p),
            Command::SaveTemplate => self.save_template(),
            Command::Export => self.export.open = true,
            Command::ExportTo(request) => {
                let (name, filter, exts) = request.file();
                if let Some(path) = self.dialogs.save_file(name, &[(filter, exts)]) {
                    self.export_to(request, &path);
                }
            }
        }
    }

    /// Starts reading a data file; the current data stays until accepted.
    pub fn start_import(&mut self, path: PathBuf) {
        let options = crate::io::import::ImportOptions {
            mapping: self.doc.state.import_mapping.clone(),
            ..Default::default()
        };
        self.import.start(path, options);
    }

    /// Replaces the data with an accepted import, as one undoable edit.
    pub fn accept_import(&mut self, imported: crate::io::import::Imported) {
        let lang = self.lang();
        let n = imported.rows.len();
        let rows = imported.rows;
        self.doc.edit_data(move |r| *r = rows);
        self.doc.state.import_mapping = Some(imported.info.mapping);
        let data = &self.doc.state.data;
        let pop = &mut self.doc.state.params.population;
        if !data.iter().any(|r| r.year == pop.base_year)
            && let Some(first) = data.iter().map(|r| r.year).min()
        {
            pop.base_year = first;
        }
        if pop.horizon_year < pop.base_year {
            pop.horizon_year = pop.base_year;
        }
        self.region = None;
        self.set_status(
            format!(
                "{} {} {} {}",
                lang.pick("Data diimpor:", "Data imported:"),
                n,
                lang.pick("baris dari", "rows from"),
                imported.info.path.display()
            ),
            false,
        );
    }

    /// Writes an export to `path`; the result goes to the status bar.
    pub fn export_to(&mut self, request: super::export_dialog::ExportRequest, path: &Path) {
        use super::export_dialog::ExportRequest;
        use crate::io::export::chart::save_chart;
        use crate::io::export::{csv::CsvStyle, save_table};
        let lang = self.lang();
        let result = match request {
            ExportRequest::ChartPng { width, height }
            | ExportRequest::ChartSvg { width, height } => {
                let ext = if matches!(request, ExportRequest::ChartPng { .. }) {
                    "png"
                } else {
                    "svg"
                };
                let path = path.with_extension(ext);
                save_chart(&path, &self.chart_spec(), width, height).map(|()| path)
            }
            ExportRequest::WorkloadPng { width, height }
            | ExportRequest::WorkloadSvg { width, height } => {
                let spec = match self.workload_chart_spec() {
                    Ok(spec) => spec,
                    Err(e) => {
                        let failed = lang.pick("Gagal mengekspor.", "Could not export.");
                        self.set_status(format!("{failed} {}", e.message(lang)), true);
                        return;
                    }
                };
                let (_, _, ext) = request.file();
                let path = path.with_extension(ext[0]);
                save_chart(&path, &spec, width, height).map(|()| path)
            }
            ExportRequest::TableCsv(style) => match self.results.ok() {
                Some((d, p)) => {
                    let path = path.with_extension("csv");
                    let scenario = self.doc.state.to_scenario();
                    save_table(&path, &scenario, d, p, lang, style).map(|()| path)
                }
                None => return,
            },
            ExportRequest::TableXlsx => match self.results.ok() {
                Some((d, p)) => {
                    let path = path.with_extension("xlsx");
                    let scenario = self.doc.state.to_scenario();
                    save_table(&path, &scenario, d, p, lang, CsvStyle::Indonesian).map(|()| path)
                }
                None => return,
            },
        };
        match result {
            Ok(p) => self.set_status(
                format!("{} {}", lang.pick("Diekspor:", "Exported:"), p.display()),
                false,
            ),
            Err(e) => self.set_status(
                format!(
                    "{} {e}",
                    lang.pick("Gagal mengekspor.", "Could not export.")
                ),
                true,
            ),
        }
    }

    /// Asks for an activity table (CSV/XLSX) and puts it in the workload
    /// tab; a bad file leaves the table as it was and says why.
    pub fn import_activities(&mut self) {
        let lang = self.lang();
        let Some(path) = self.dialogs.open_data() else {
            return;
        };
        match crate::io::activities::import_activities(&path, None) {
            Ok(imported) => {
                let n = imported.activities.len();
                self.workload_panel
                    .use_activities(imported.activities, &imported.file);
                self.set_status(
                    format!(
                        "{} {n} {} {}",
                        lang.pick("Diimpor", "Imported"),
                        lang.pick("kegiatan dari", "activities from"),
                        path.display()
                    ),
                    false,
                );
            }
            Err(e) => self.set_status(
                format!(
                    "{} {e}",
                    lang.pick("Tabel kegiatan tidak dipakai.", "Activity table not used.")
                ),
                true,
            ),
        }
    }

    fn save_template(&mut self) {
        let lang = self.lang();
        let Some(path) = self
            .dialogs
            .save_file("templat-data-bidan.csv", &[("CSV", &["csv"])])
        else {
            return;
        };
        let csv = path.with_extension("csv");
        let xlsx = path.with_extension("xlsx");
        let result = crate::io::import::template_xlsx(lang)
            .map_err(|e| e.to_string())
            .and_then(|x| {
                crate::io::scenario_file::write_atomic(&xlsx, &x).map_err(|e| e.to_string())
            })
            .and_then(|()| {
                crate::io::scenario_file::write_atomic(&csv, &crate::io::import::template_csv(lang))
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.set_status(
                format!(
                    "{} {} {} {}",
                    lang.pick("Templat disimpan:", "Templates saved:"),
                    csv.display(),
                    lang.pick("dan", "and"),
                    xlsx.display()
                ),
                false,
            ),
            Err(e) => self.set_status(
                format!(
                    "{} {e}",
                    lang.pick("Gagal menyimpan templat.", "Could not save the templates.")
                ),
                true,
            ),
        }
    }

    /// The rows of what is shown: the total, or the chosen region.
    pub fn shown_rows(&self) -> Vec<YearRow> {
        match (self.results.ok(), self.region) {
            (Some((d, p)), Some(r)) if r < d.regions() => p.region_rows(d, r),
            (Some((_, p)), _) => p.total.clone(),
            _ => Vec::new(),
        }
    }

    /// The name of what is shown: the only region, the chosen one, or "Total".
    pub fn subject_name(&self) -> String {
        match self.results.ok() {
            Some((d, _)) => match self.region {
                Some(r) if r < d.regions() => d.label(r).to_string(),
                _ if d.regions() == 1 => d.label(0).to_string(),
                _ => "Total".to_string(),
            },
            None => String::new(),
        }
    }

    /// The chart of what is shown, as the window draws it and exports it.
    pub fn chart_spec(&self) -> crate::chart::ChartSpec {
        crate::chart::projection_chart(
            &self.shown_rows(),
            &self.subject_name(),
            &self.doc.state.name,
            self.doc.state.params.rounding,
            &crate::chart::today(),
            self.lang(),
        )
    }

    /// The workload chart of what is shown (the Beban kerja tab's set-up
    /// over the shown years), as the tab draws it, for export.
    pub fn workload_chart_spec(
        &self,
    ) -> Result<crate::chart::ChartSpec, crate::model::staffing::StaffingError> {
        let state = &self.doc.state;
        let by_year =
            state
                .workload
                .staffing_by_year(&state.params, &self.shown_rows(), self.lang())?;
        Ok(crate::chart::workload_chart(
            &by_year,
            &self.subject_name(),
            &state.name,
            &crate::chart::today(),
            self.lang(),
        ))
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let pressed = |sc: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(sc));
        // Most specific first: Ctrl+Shift+S before Ctrl+S.
        if pressed(&SAVE_AS) {
            self.command(Command::SaveAs);
        }
        if pressed(&SAVE) {
            self.command(Command::Save);
        }
        if pressed(&OPEN) {
            self.command(Command::Open);
        }
        if pressed(&NEW) {
            self.command(Command::New);
        }
        if pressed(&REDO_SHIFT) || pressed(&REDO) {
            self.command(Command::Redo);
        }
        if pressed(&UNDO) {
            self.command(Command::Undo);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t("Berkas", "File"), |ui| {
                if ui
                    .add(
                        egui::Button::new(t("Baru", "New"))
                            .shortcut_text(ui.ctx().format_shortcut(&NEW)),
                    )
                    .clicked()
                {
                    self.command(Command::New);
                }
                if ui
                    .add(
                        egui::Button::new(t("Buka…", "Open…"))
                            .shortcut_text(ui.ctx().format_shortcut(&OPEN)),
                    )
                    .clicked()
                {
                    self.command(Command::Open);
                }
                ui.menu_button(t("Berkas terakhir", "Recent files"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(t("(belum ada)", "(none yet)"));
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.command(Command::OpenPath(p));
                        }
                    }
                });
                ui.separator();
                if ui
                    .button(t("Impor data (CSV/Excel)…", "Import data (CSV/Excel)…"))
                    .clicked()
                {
                    self.command(Command::ImportData);
                }
                if ui
                    .button(t("Simpan templat data…", "Save data template…"))
                    .clicked()
                {
                    self.command(Command::SaveTemplate);
                }
                if ui
                    .button(t("Ekspor grafik/tabel…", "Export chart/table…"))
                    .clicked()
                {
                    self.command(Command::Export);
                }
                ui.separator();
                if ui
                    .add(
                        egui::Button::new(t("Simpan", "Save"))
                            .shortcut_text(ui.ctx().format_shortcut(&SAVE)),
                    )
                    .clicked()
                {
                    self.command(Command::Save);
                }
                if ui
                    .add(
                        egui::Button::new(t("Simpan sebagai…", "Save as…"))
                            .shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)),
                    )
                    .clicked()
                {
                    self.command(Command::SaveAs);
                }
                ui.separator();
                if ui.button(t("Keluar", "Quit")).clicked() {
                    self.command(Command::Quit);
                }
            });
            ui.menu_button(t("Sunting", "Edit"), |ui| {
                let can_undo = self.undoer.has_undo(&self.doc.state);
                let can_redo = self.undoer.has_redo(&self.doc.state);
                if ui
                    .add_enabled(
                        can_undo,
                        egui::Button::new(t("Urungkan", "Undo"))
                            .shortcut_text(ui.ctx().format_shortcut(&UNDO)),
                    )
                    .clicked()
                {
                    self.command(Command::Undo);
                }
                if ui
                    .add_enabled(
                        can_redo,
                        egui::Button::new(t("Ulangi", "Redo"))
                            .shortcut_text(ui.ctx().format_shortcut(&REDO)),
                    )
                    .clicked()
                {
                    self.command(Command::Redo);
                }
            });
            ui.menu_button(t("Tampilan", "View"), |ui| {
                ui.label(t("Bahasa", "Language"));
                ui.radio_value(&mut self.settings.lang, Lang::Id, "Bahasa Indonesia");
                ui.radio_value(&mut self.settings.lang, Lang::En, "English");
                ui.separator();
                ui.label(t("Tema", "Theme"));
                ui.radio_value(&mut self.settings.theme, Theme::Light, t("Terang", "Light"));
                ui.radio_value(&mut self.settings.theme, Theme::Dark, t("Gelap", "Dark"));
                ui.separator();
                let zoom = ui.ctx().zoom_factor();
                ui.label(format!("{} {:.0}%", t("Perbesaran", "Zoom"), zoom * 100.0));
                ui.horizontal(|ui| {
                    if ui
                        .button(t("Perbesar (Ctrl +)", "Zoom in (Ctrl +)"))
                        .clicked()
                    {
                        ui.ctx().set_zoom_factor((zoom + 0.1).min(3.0));
                    }
                    if ui
                        .button(t("Perkecil (Ctrl −)", "Zoom out (Ctrl −)"))
                        .clicked()
                    {
                        ui.ctx().set_zoom_factor((zoom - 0.1).max(0.5));
                    }
                    if ui.button("100%").clicked() {
                        ui.ctx().set_zoom_factor(1.0);
                    }
                });
            });
            ui.menu_button(t("Bantuan", "Help"), |ui| {
                if ui
                    .button(t("Panduan metode", "Guide to the method"))
                    .clicked()
                {
                    self.show_help = true;
                }
                if ui.button(t("Tentang", "About")).clicked() {
                    self.show_about = true;
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            if let Some(s) = &self.status {
                if s.error {
                    ui.colored_label(ui.visuals().error_fg_color, &s.text);
                } else {
                    ui.label(&s.text);
                }
            } else if let Some(e) = self.results.error() {
                ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
            } else {
                ui.label(lang.pick("Siap.", "Ready."));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mode = match self.doc.state.params.rounding {
                    Rounding::Exact => lang.pick("Tepat", "Exact"),
                    Rounding::Published => lang.pick("Sesuai publikasi", "As published"),
                };
                ui.label(mode);
                ui.separator();
                if self.doc.is_dirty() {
                    ui.label(lang.pick("• Belum disimpan", "• Unsaved changes"));
                } else {
                    ui.label(lang.pick("Tersimpan", "Saved"));
                }
            });
        });
    }

    fn region_picker(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let Some((data, _)) = self.results.ok() else {
            return;
        };
        if data.regions() < 2 {
            return;
        }
        let shown = match self.region {
            Some(r) if r < data.regions() => format!("{} {}", data.codes[r], data.label(r)),
            _ => format!(
                "Total ({} {})",
                data.regions(),
                lang.pick("wilayah", "regions")
            ),
        };
        let mut choice = None;
        ui.horizontal(|ui| {
            let l = ui.label(lang.pick("Wilayah:", "Region:"));
            egui::ComboBox::from_id_salt("region")
                .selected_text(shown)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.region_filter)
                            .hint_text(lang.pick("cari kode/nama", "search code/name")),
                    );
                    if ui
                        .selectable_label(self.region.is_none(), "Total")
                        .clicked()
                    {
                        choice = Some(None);
                    }
                    let filter = self.region_filter.to_lowercase();
                    let mut shown = 0;
                    for r in 0..data.regions() {
                        if !filter.is_empty()
                            && !data.codes[r].to_lowercase().contains(&filter)
                            && !data.names[r].to_lowercase().contains(&filter)
                        {
                            continue;
                        }
                        shown += 1;
                        if shown > 200 {
                            ui.label(lang.pick("… persempit pencarian", "… narrow the search"));
                            break;
                        }
                        let label = format!("{} {}", data.codes[r], data.label(r));
                        if ui.selectable_label(self.region == Some(r), label).clicked() {
                            choice = Some(Some(r));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        if let Some(c) = choice {
            self.region = c;
        }
    }

    fn central(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Projection, t("Proyeksi", "Projection"));
            ui.selectable_value(&mut self.tab, Tab::Table, t("Tabel", "Table"));
            ui.selectable_value(&mut self.tab, Tab::Working, t("Perhitungan", "Working"));
            ui.selectable_value(&mut self.tab, Tab::Workload, t("Beban kerja", "Workload"));
            ui.selectable_value(&mut self.tab, Tab::Data, "Data");
        });
        ui.separator();
        if self.tab != Tab::Data {
            self.region_picker(ui);
            if let Some(e) = self.results.error() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {}", lang.pick("Galat:", "Error:"), e.message(lang)),
                );
                ui.label(t(
                    "Perbaiki nilai ini; hasil lain ditampilkan kembali setelahnya.",
                    "Fix this value; the results return as soon as it is valid.",
                ));
                return;
            }
            self.summary(ui);
        }
        match self.tab {
            Tab::Projection => {
                let spec = self.chart_spec();
                self.plot_panel.ui(ui, &spec);
            }
            Tab::Table => {
                let rows = self.shown_rows();
                let rounding = self.doc.state.params.rounding;
                let with_midwives = self
                    .results
                    .ok()
                    .map(|(d, _)| d.has_midwives)
                    .unwrap_or(false);
                self.table_panel
                    .ui(ui, &rows, Fmt::new(lang, rounding), with_midwives);
            }
            Tab::Working => {
                if let Some((d, p)) = self.results.ok() {
                    let subject = match self.region {
                        Some(r) => Subject::Region(r),
                        None => Subject::Total,
                    };
                    let steps = explain(&self.doc.state.params, d, p, subject, lang);
                    self.working_panel.ui(ui, &steps);
                }
            }
            Tab::Workload => {
                let rows = self.shown_rows();
                if let Some((_, p)) = self.results.ok() {
                    let base_year = p.base_year;
                    // The set-up is part of the document (saved, undoable).
                    self.workload_panel.setup = self.doc.state.workload.clone();
                    self.workload_panel
                        .ui(ui, &self.doc.state.params, &rows, base_year, lang);
                    if std::mem::take(&mut self.workload_panel.import_requested) {
                        self.import_activities();
                    }
                    let mut setup = self.workload_panel.setup.clone();
                    if !setup.edited {
                        // An unedited preset's table is made from the preset
                        // again; only the choice is kept.
                        setup.plan.clear();
                    }
                    if setup != self.doc.state.workload {
                        self.doc.state.workload = setup;
                    }
                }
            }
            Tab::Data => {
                let err = match &self.results.data {
                    Some(Err(e)) => Some(e.clone()),
                    _ => None,
                };
                let rows = self.doc.state.data.clone();
                if let Some(edit) = self.data_panel.ui(ui, &rows, err.as_ref(), lang) {
                    self.doc.edit_data(|rows| edit.apply(rows));
                }
            }
        }
    }

    fn summary(&self, ui: &mut Ui) {
        let lang = self.lang();
        let Some((_, p)) = self.results.ok() else {
            return;
        };
        let f = Fmt::new(lang, p.rounding);
        let wl = &p.capacity;
        let published = p.rounding == Rounding::Published;
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let horizon = self
            .shown_rows()
            .into_iter()
            .find(|r| r.year == p.horizon_year);
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}: {} {}",
                t("Paket", "Package"),
                f.num(wl.package.package_minutes),
                t("menit", "min")
            ));
            ui.separator();
            ui.label(format!(
                "WKE: {} {}",
                f.num(wl.working.effective_minutes),
                t("menit", "min")
            ));
            ui.separator();
            ui.label(format!(
                "%WKE: {} ({})",
                f.share(wl.share),
                crate::model::number::fmt_percent(wl.share, if published { 2 } else { 4 }, lang)
            ));
            ui.separator();
            ui.label(format!(
                "{}: {}",
                t("Ibu hamil per bidan", "Women per midwife"),
                if published {
                    crate::model::number::fmt_fixed(wl.women_per_midwife, 0, lang)
                } else {
                    f.num(wl.women_per_midwife)
                }
            ));
            if let Some(h) = horizon {
                ui.separator();
                ui.strong(format!(
                    "{} {}: {} {}",
                    t("Kebutuhan bidan", "Midwives needed"),
                    h.year,
                    crate::model::number::fmt_fixed(h.midwives_needed, 1, lang),
                    t("FTE", "FTE")
                ));
            }
        });
        ui.separator();
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        if let Some(c) = self.pending.clone() {
            let mut answer: Option<u8> = None;
            egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.heading(t("Simpan perubahan?", "Save changes?"));
                ui.label(format!(
                    "{} “{}” {}",
                    t("Skenario", "The scenario"),
                    self.doc.display_name(),
                    t(
                        "punya perubahan yang belum disimpan.",
                        "has unsaved changes."
                    )
                ));
                ui.horizontal(|ui| {
                    if ui.button(t("Simpan", "Save")).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(t("Buang perubahan", "Discard changes")).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(t("Batal", "Cancel")).clicked() {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.pending = None;
                    if self.save() {
                        self.run_confirmed(ctx, c);
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.run_confirmed(ctx, c);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if self.show_help {
            let mut open = true;
            egui::Window::new(t("Panduan metode", "Guide to the method"))
                .open(&mut open)
                .default_width(520.0)
                .show(ctx, |ui| {
                    ui.label(t(HELP_ID, HELP_EN));
                });
            self.show_help = open;
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new(t("Tentang", "About"))
                .open(&mut open)
                .show(ctx, |ui| {
                    ui.heading("Proyeksi Bidan");
                    ui.label(format!(
                        "{} {}",
                        t("Versi", "Version"),
                        env!("CARGO_PKG_VERSION")
                    ));
                    ui.label(t(
                        "Proyeksi kebutuhan bidan untuk pelayanan antenatal.",
                        "Projection of midwife needs for antenatal care.",
                    ));
                });
            self.show_about = open;
        }
    }

    fn handle_drops_and_close(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for p in dropped {
            let scenario = matches!(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_lowercase)
                    .as_deref(),
                Some("bidan") | Some("ron")
            );
            if scenario || crate::io::import::is_data_file(&p) {
                self.command(Command::open_file(p));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.pending = Some(Command::Quit);
            } else {
                self.allow_close = true;
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — Proyeksi Bidan",
            if self.doc.is_dirty() { "● " } else { "" },
            self.doc.display_name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window's title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            if let Some(t0) = self.started {
                eprintln!(
                    "proyeksi-bidan: first frame after {} ms",
                    t0.elapsed().as_millis()
                );
            }
        }
        let Some(job) = self.screenshot.as_mut() else {
            return;
        };
        job.frames += 1;
        ctx.request_repaint();
        if job.done.load(Ordering::SeqCst) {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if job.frames >= 3 && !job.requested {
            job.requested = true;
            let path = job.path.clone();
            let done = job.done.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |img: Arc<egui::ColorImage>| {
                let [w, h] = img.size;
                let bytes: Vec<u8> = img.pixels.iter().flat_map(|c| c.to_array()).collect();
                match image::RgbaImage::from_raw(w as u32, h as u32, bytes) {
                    Some(buf) => {
                        if let Err(e) = buf.save(&path) {
                            eprintln!("proyeksi-bidan: {}: {e}", path.display());
                        }
                    }
                    None => eprintln!("proyeksi-bidan: the screenshot had no pixels"),
                }
                done.store(true, Ordering::SeqCst);
                ctx2.request_repaint();
            });
        }
    }
}

fn sanitize(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "skenario".into() } else { s }
}

impl eframe::App for ProyeksiApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.shortcuts(&ctx);
        self.handle_drops_and_close(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let lang = self.lang();
        egui::Panel::left("params")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                let proj = match &self.results.projection {
                    Some(Ok(p)) => Some(p),
                    _ => None,
                };
                let mut params = self.doc.state.params.clone();
                self.params_panel.ui(ui, &mut params, proj, lang);
                if params != self.doc.state.params {
                    self.doc.state.params = params;
                }
            });
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        self.dialogs_ui(&ctx);
        if let Some(imported) = self.import.ui(&ctx, lang) {
            self.accept_import(imported);
        }
        if let Some(request) = self.export.ui(&ctx, lang) {
            self.run_command(&ctx, Command::ExportTo(request));
        }

        for c in std::mem::take(&mut self.commands) {
            self.run_command(&ctx, c);
        }
        if self.results.refresh(&self.doc.state) {
            ctx.request_repaint();
        }
        let now = ctx.input(|i| i.time);
        self.undoer.feed_state(now, &self.doc.state);
        if self.undoer.is_in_flux() {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
        self.settings.zoom = ctx.zoom_factor();
        self.update_title(&ctx);
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

const HELP_ID: &str = "Proyeksi Bidan menghitung kebutuhan bidan untuk pelayanan antenatal dengan model Dewi & Umniyatun (UHAMKA), \"Model Proyeksi Kebutuhan Bidan untuk Pelayanan Antenatal di Indonesia\".

1. Kelahiran hidup = CBR × penduduk / 1.000.
2. Ibu hamil = 1,10 × kelahiran (koefisien WHO yang dipakai Kemenkes).
3. Paket antenatal = jumlah menit kunjungan K1..Kk + persiapan 20% + pencatatan 20% (makalah: 147 menit).
4. Hari kerja efektif HKE = A − (B + C + D + E) (WHO WISN): 312 − 46 = 266 hari.
5. Waktu kerja efektif WKE = (HKE / hari per minggu) × JKF × (1 − allowance) (Permenkes 43/2017).
6. %WKE = paket / WKE (makalah: 0,0021 = 0,21%); satu bidan melayani WKE / paket ibu hamil setahun (474).
7. Pertumbuhan g = (P_n − P_n−1) / P_n−1; rata-rata g selama tahun data (makalah: −0,007).
8. Proyeksi P_n = P_0 × (1 + g)^n.
9. Kebutuhan bidan (FTE) = %WKE × ibu hamil.

Mode \"Tepat\" tidak membulatkan angka antara. Mode \"Sesuai publikasi\" membulatkan seperti makalah, sehingga semua angka makalah keluar persis. Tab Perhitungan menunjukkan setiap langkah dengan angka Anda.";

const HELP_EN: &str = "Proyeksi Bidan computes the midwives antenatal care needs with the model of Dewi & Umniyatun (UHAMKA), \"Model Proyeksi Kebutuhan Bidan untuk Pelayanan Antenatal di Indonesia\".

1. Live births = CBR × population / 1,000.
2. Pregnant women = 1.10 × births (WHO coefficient used by Kemenkes).
3. ANC package = minutes of visits K1..Kk + preparation 20% + recording 20% (paper: 147 min).
4. Effective working days HKE = A − (B + C + D + E) (WHO WISN): 312 − 46 = 266 days.
5. Effective working time WKE = (HKE / days per week) × JKF × (1 − allowance) (Permenkes 43/2017).
6. Share = package / WKE (paper: 0.0021 = 0.21%); one midwife serves WKE / package pregnant women a year (474).
7. Growth g = (P_n − P_n−1) / P_n−1; mean g over the data years (paper: −0.007).
8. Projection P_n = P_0 × (1 + g)^n.
9. Midwives needed (FTE) = share × pregnant women.

\"Exact\" mode rounds nothing in between. \"As published\" rounds like the paper, so every figure of the paper comes out exactly. The Working tab shows every step with your numbers.";
