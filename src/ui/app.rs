//! The app: settings (kept between runs), the open document with undo, the
//! computed results, the panels, and the frame loop: draw, then execute the
//! commands the planner gave (see `command` and `file_actions`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use egui::Ui;
use egui::util::undoer::Undoer;

use super::command::Command;
use super::data_panel::DataPanel;
use super::dialogs::{self, UnsavedAnswer};
use super::document::{DocState, Document, Results};
use super::files::{FileDialogs, NativeDialogs};
use super::help::welcome::{WelcomeChoice, welcome};
use super::help::{HelpWindow, Topic};
use super::menu_bar::{MenuState, menu_bar};
use super::params_panel::ParamsPanel;
use super::plot_panel::PlotPanel;
use super::region_picker::{RegionList, RegionPicker};
use super::region_tree::RegionTreePanel;
use super::settings::{Settings, Theme};
use super::status_bar::{Status, status_bar};
use super::summary::summary;
use super::table_panel::TablePanel;
use super::view::View;
use super::working_panel::WorkingPanel;
use crate::i18n::T;
use crate::model::{Lang, Scenario, YearRow};

/// The tabs of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Projection,
    Table,
    Working,
    Workload,
    Supply,
    Ranking,
    Analysis,
    Map,
    Data,
    /// The internship and mentoring programmes.
    Programs,
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
    pub(super) undoer: Undoer<DocState>,
    pub results: Results,
    pub tab: Tab,
    pub status: Option<Status>,
    /// A command waiting for the answer to "save changes?".
    pub pending: Option<Command>,
    pub(super) commands: Vec<Command>,
    pub dialogs: Box<dyn FileDialogs>,
    /// The region shown in the chart, table and working (`None`: total).
    pub region: Option<usize>,
    region_picker: RegionPicker,
    region_tree: RegionTreePanel,
    pub(super) params_panel: ParamsPanel,
    pub(super) plot_panel: PlotPanel,
    pub table_panel: TablePanel,
    pub(super) working_panel: WorkingPanel,
    pub(super) workload_panel: super::workload_panel::WorkloadPanel,
    pub(super) supply_panel: super::supply_panel::SupplyPanel,
    pub(super) programs_panel: super::programs_panel::ProgramsPanel,
    pub ranking_panel: super::ranking_panel::RankingPanel,
    pub(super) analysis_panel: super::analysis::AnalysisPanel,
    /// The Analisis tab's pinned scenarios and results, and the bands.
    pub analysis: super::analysis::state::AnalysisState,
    pub map_panel: super::map_panel::MapPanel,
    /// The Peringkat tab's year (`None`: the last data year) and order.
    pub ranking_choice: (Option<i32>, crate::model::ranking::RankBy),
    pub(super) data_panel: DataPanel,
    /// The guide (Bantuan → Panduan, F1, a parameter's "?").
    pub guide: super::help::GuideWindow,
    pub show_about: bool,
    /// The welcome of a first start is shown.
    pub show_welcome: bool,
    /// The folder autosaves go to, when autosave is on.
    autosave_dir: Option<PathBuf>,
    pub(super) allow_close: bool,
    title: String,
    screenshot: Option<ScreenshotJob>,
    started: Option<Instant>,
    first_frame_reported: bool,
    applied_theme: Option<Theme>,
    pub import: super::import_dialog::ImportDialog,
    pub export: super::export_dialog::ExportDialog,
    /// Copies of unsaved work, and the offer of one left by a crash.
    pub autosave: super::autosave::AutosaveState,
    /// The file dialog drawn in the window, when the system's cannot open.
    pub file_dialog: super::file_dialog::FileDialog,
    pub properties: super::properties_dialog::PropertiesDialog,
    /// The window's area below the menu bar, where floating windows stay.
    below_menu: egui::Rect,
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
        results.refresh(&doc.state, None, settings.lang);
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
            region_picker: RegionPicker::default(),
            region_tree: RegionTreePanel::default(),
            params_panel: ParamsPanel,
            plot_panel: PlotPanel::default(),
            table_panel: TablePanel::default(),
            working_panel: WorkingPanel,
            workload_panel: Default::default(),
            supply_panel: Default::default(),
            programs_panel: Default::default(),
            ranking_panel: Default::default(),
            analysis_panel: Default::default(),
            analysis: Default::default(),
            map_panel: Default::default(),
            ranking_choice: Default::default(),
            data_panel: DataPanel::default(),
            guide: Default::default(),
            show_about: false,
            show_welcome: false,
            autosave_dir: None,
            allow_close: false,
            title: String::new(),
            screenshot: None,
            started: None,
            first_frame_reported: false,
            applied_theme: None,
            import: Default::default(),
            export: Default::default(),
            autosave: Default::default(),
            file_dialog: Default::default(),
            properties: Default::default(),
            below_menu: egui::Rect::EVERYTHING,
        }
    }

    /// Autosaves into `dir` (the program's data folder; a test's folder in
    /// tests), offering the copies that earlier runs left there.
    pub fn with_autosave(mut self, dir: &std::path::Path) -> Self {
        self.autosave = super::autosave::AutosaveState::start(Some(dir));
        self.autosave_dir = Some(dir.to_path_buf());
        self
    }

    /// Greets a first start with the welcome, unless the planner has
    /// dismissed it before (as the settings remember).
    pub fn with_welcome(mut self) -> Self {
        self.show_welcome = !self.settings.welcome_dismissed;
        self
    }

    /// The bundled example with default settings and native dialogs.
    pub fn example() -> Self {
        Self::new(
            Scenario::example(),
            None,
            Settings::default(),
            Box::new(NativeDialogs::default()),
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
            show,
        } = start;
        let start = super::help::welcome::Start {
            can_remember: cc.storage.is_some(),
            file_given: path.is_some(),
            screenshot: screenshot.is_some(),
        };
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(lang) = lang {
            settings.lang = lang;
        }
        let mut app = Self::new(
            Scenario::example(),
            None,
            settings,
            Box::new(NativeDialogs::default()),
        );
        app.tab = tab;
        if let Some(p) = path {
            app.command(Command::open_file(p));
        }
        // A screenshot run neither writes nor offers copies.
        if screenshot.is_none()
            && let Some(dir) = super::settings::autosave_dir()
        {
            app = app.with_autosave(&dir);
        }
        if super::help::welcome::may_greet(start) {
            app = app.with_welcome();
        }
        match show {
            Some(HelpWindow::Guide) => app.guide.open_at(Some(Topic::Wke)),
            Some(HelpWindow::Welcome) => app.show_welcome = true,
            Some(HelpWindow::About) => app.show_about = true,
            None => {}
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

    /// Puts a message in the status bar, written in every language so that
    /// it follows a change of language.
    pub(super) fn say(&mut self, error: bool, text: impl Fn(Lang) -> String) {
        self.status = Some(Status::new(self.lang(), error, text));
    }

    /// Brings the Analisis tab's results up to date: the bands whenever the
    /// scenario asks for them (the Proyeksi chart shows them too), the
    /// comparison and the tornado only while they are shown.
    fn refresh_analysis(&mut self, ctx: &egui::Context) {
        use super::analysis::state::AnalysisView;
        let mut changed = self
            .analysis
            .refresh_bands(&self.doc.state, self.region, Some(ctx));
        if self.tab == Tab::Analysis {
            changed |= match self.analysis.view {
                AnalysisView::Compare => {
                    let data = self.results.data_of(&self.doc.state);
                    self.analysis
                        .refresh_comparison(&self.doc.state, self.region, data)
                }
                AnalysisView::Sensitivity => {
                    let years: Vec<i32> = self.shown_rows().iter().map(|r| r.year).collect();
                    self.analysis
                        .refresh_tornado(&self.doc.state, self.region, &years)
                }
                AnalysisView::Bands => false,
            };
        }
        if changed {
            ctx.request_repaint();
        }
    }

    /// The rows of what is shown: the total, or the chosen region.
    pub fn shown_rows(&self) -> Vec<YearRow> {
        self.results.shown_rows(self.region)
    }

    /// The name of what is shown: the only region, the chosen one, or "Total".
    pub fn subject_name(&self) -> String {
        match self.results.ok() {
            Some((d, _)) => match self.region {
                Some(r) if r < d.regions() => d.label(r).to_string(),
                _ if d.regions() == 1 => d.label(0).to_string(),
                _ => self.lang().t(T::app_total).to_string(),
            },
            None => String::new(),
        }
    }

    /// The chart of what is shown, as the window draws it and exports it.
    pub fn chart_spec(&self) -> crate::chart::ChartSpec {
        let rows = self.shown_rows();
        let subject = self.subject_name();
        self.view(&rows, &subject).chart_spec()
    }

    /// The workload chart of what is shown (the Beban kerja tab's set-up
    /// over the shown years), as the tab draws it, for export.
    pub fn workload_chart_spec(
        &self,
    ) -> Result<crate::chart::ChartSpec, crate::model::staffing::StaffingError> {
        let rows = self.shown_rows();
        let subject = self.subject_name();
        self.view(&rows, &subject).workload_chart_spec()
    }

    /// What the panels read this frame.
    fn view<'a>(&'a self, rows: &'a [YearRow], subject: &'a str) -> View<'a> {
        View::new(self.lang(), &self.doc.state, &self.results, rows, subject)
            .for_region(self.region)
            .with_bands(self.analysis.bands.ready())
    }

    fn region_picker(&mut self, ui: &mut Ui) {
        let Some((data, _)) = self.results.ok() else {
            return;
        };
        if data.tree.nested {
            // The region tree beside the parameters chooses.
            return;
        }
        let list = RegionList {
            lang: self.lang(),
            data,
            flagged: &self.results.flagged,
            flagged_count: self.results.flagged_count,
            current: self.region,
        };
        if let Some(c) = self.region_picker.ui(ui, &list) {
            self.region = c;
        }
    }

    fn central(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let t = |k: T| lang.t(k);
        // Ten tabs: on a narrow window they wrap to a second line.
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Projection, t(T::app_projection));
            ui.selectable_value(&mut self.tab, Tab::Table, t(T::app_table));
            ui.selectable_value(&mut self.tab, Tab::Working, t(T::app_working));
            ui.selectable_value(&mut self.tab, Tab::Workload, t(T::app_workload));
            ui.selectable_value(&mut self.tab, Tab::Supply, t(T::app_supply));
            ui.selectable_value(&mut self.tab, Tab::Ranking, t(T::app_ranking));
            ui.selectable_value(&mut self.tab, Tab::Map, t(T::map_panel_tab));
            ui.selectable_value(&mut self.tab, Tab::Analysis, t(T::app_analysis));
            ui.selectable_value(&mut self.tab, Tab::Programs, t(T::programs_ui_tab));
            ui.selectable_value(&mut self.tab, Tab::Data, t(T::app_data));
        });
        ui.separator();
        if self.tab == Tab::Programs {
            let view = View::new(lang, &self.doc.state, &self.results, &[], "");
            let commands = self.programs_panel.ui(ui, &view);
            self.commands.extend(commands);
            return;
        }
        if self.tab != Tab::Data {
            self.region_picker(ui);
            if let Some(e) = self.results.error() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {}", lang.t(T::app_error), e.message(lang)),
                );
                ui.label(t(T::app_fix_this_value_the_results));
                return;
            }
        }
        let rows = self.shown_rows();
        let subject = self.subject_name();
        let view = View::new(lang, &self.doc.state, &self.results, &rows, &subject)
            .for_region(self.region)
            .with_bands(self.analysis.bands.ready());
        if self.tab != Tab::Data {
            summary(ui, &view);
        }
        let commands = match self.tab {
            Tab::Projection => self.plot_panel.ui(ui, &view),
            Tab::Table => self.table_panel.ui(ui, &view),
            Tab::Working => self.working_panel.ui(ui, &view),
            Tab::Workload => self.workload_panel.ui(ui, &view),
            Tab::Supply => self.supply_panel.ui(ui, &view),
            Tab::Ranking => self.ranking_panel.ui(ui, &view),
            Tab::Analysis => self.analysis_panel.ui(ui, &view, &self.analysis),
            Tab::Map => self.map_panel.ui(ui, &view),
            Tab::Data => self.data_panel.ui(ui, &view),
            Tab::Programs => Vec::new(),
        };
        self.commands.extend(commands);
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(c) = self.pending.clone() {
            match dialogs::unsaved_changes(ctx, lang, &self.doc.display_name()) {
                Some(UnsavedAnswer::Save) => {
                    self.pending = None;
                    self.save(Some(c));
                }
                Some(UnsavedAnswer::Discard) => {
                    self.pending = None;
                    self.run_confirmed(ctx, c);
                }
                Some(UnsavedAnswer::Cancel) => self.pending = None,
                None => {}
            }
        }
        self.guide.show(ctx, lang, self.below_menu);
        if self.show_about {
            let places = super::help::about::Places {
                settings: super::settings::settings_file(),
                autosaves: self
                    .autosave_dir
                    .clone()
                    .or_else(super::settings::autosave_dir),
            };
            super::help::about::about(ctx, lang, &mut self.show_about, self.below_menu, &places);
        }
        if self.show_welcome
            && let Some(choice) = welcome(ctx, lang)
        {
            self.show_welcome = false;
            self.settings.welcome_dismissed = true;
            match choice {
                WelcomeChoice::Example => self.command(Command::New),
                WelcomeChoice::Import => self.command(Command::ImportData),
                WelcomeChoice::Guide => self.command(Command::ShowGuideAt(Topic::Walkthrough)),
                WelcomeChoice::Close => {}
            }
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

    /// Offers a copy left by a crash, and writes a copy of unsaved work when
    /// one is due (a minute after changes began, or when focus is lost).
    fn autosave_step(&mut self, ctx: &egui::Context) {
        use super::autosave::RestoreChoice;
        let lang = self.lang();
        match self.autosave.offer_ui(ctx, lang) {
            Some(RestoreChoice::Restore(o)) => match o.load() {
                Ok(scenario) => {
                    self.doc.restore(scenario, o.original.clone());
                    self.region = None;
                    o.discard();
                    self.say(false, |lang| lang.t(T::autosave_restored).to_string());
                }
                Err(e) => self.say(true, |lang| e.message(lang)),
            },
            Some(RestoreChoice::Discard(o)) => o.discard(),
            None => {}
        }
        let now = ctx.input(|i| i.time);
        let focus_lost = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)))
        });
        if let Some(error) = self.autosave.step(&self.doc, now, focus_lost) {
            self.say(true, |lang| {
                lang.tf(T::autosave_failed, &[("error", &error.message(lang))])
            });
        }
        if self.doc.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                super::autosave::INTERVAL_SECS,
            ));
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

impl eframe::App for ProyeksiApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.commands.extend(Command::pressed(&ctx));
        self.handle_drops_and_close(&ctx);

        let lang = self.lang();
        let menu = MenuState {
            lang,
            theme: self.settings.theme,
            recent: &self.settings.recent,
            can_undo: self.undoer.has_undo(&self.doc.state),
            can_redo: self.undoer.has_redo(&self.doc.state),
        };
        let menu_panel = egui::Panel::top("menu").show(ui, |ui| menu_bar(ui, &menu));
        self.commands.extend(menu_panel.inner);
        // Floating windows stay below the menu bar.
        self.below_menu = ctx
            .content_rect()
            .with_min_y(menu_panel.response.rect.bottom());
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar(
                ui,
                lang,
                self.status.as_ref(),
                self.results.error(),
                self.doc.state.params.rounding,
                self.doc.is_dirty(),
            )
        });
        egui::Panel::left("params")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                let rows = self.shown_rows();
                let subject = self.subject_name();
                let view = View::new(lang, &self.doc.state, &self.results, &rows, &subject)
                    .for_region(self.region);
                let commands = self.params_panel.ui(ui, &view);
                self.commands.extend(commands);
            });
        if self.results.ok().is_some_and(|(d, _)| d.tree.nested) {
            egui::Panel::left("region_tree")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| {
                    let rows = self.shown_rows();
                    let subject = self.subject_name();
                    let view = View::new(lang, &self.doc.state, &self.results, &rows, &subject)
                        .for_region(self.region);
                    let commands = self.region_tree.ui(ui, &view);
                    self.commands.extend(commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        self.dialogs_ui(&ctx);
        let rows = self.shown_rows();
        let subject = self.subject_name();
        let view = View::new(lang, &self.doc.state, &self.results, &rows, &subject)
            .for_region(self.region);
        let mut commands = self.import.ui(&ctx, &view);
        commands.extend(self.export.ui(&ctx, &view, self.below_menu));
        commands.extend(self.file_dialog.ui(&ctx, lang));
        commands.extend(self.properties.ui(&ctx, lang));
        self.commands.extend(commands);

        for c in std::mem::take(&mut self.commands) {
            self.run_command(&ctx, c);
        }
        if self
            .results
            .refresh(&self.doc.state, self.region, self.lang())
        {
            ctx.request_repaint();
        }
        // Ranking every region costs a sort: only while the tab is shown.
        if matches!(self.tab, Tab::Ranking | Tab::Map) {
            let (year, by) = self.ranking_choice;
            if self.results.refresh_ranking(year, by, self.region) {
                ctx.request_repaint();
            }
        }
        self.refresh_analysis(&ctx);
        let now = ctx.input(|i| i.time);
        self.undoer.feed_state(now, &self.doc.state);
        if self.undoer.is_in_flux() {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
        self.autosave_step(&ctx);
        self.settings.zoom = ctx.zoom_factor();
        self.update_title(&ctx);
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean quit: the unsaved changes were saved or let go.
        self.autosave.finish();
    }
}
