//! The file actions (open, save, import of data and activities, templates,
//! export) and the one place where every [`Command`] is executed, after the
//! frame; a command that would lose unsaved changes waits for an answer.

use std::path::{Path, PathBuf};

use egui::util::undoer::Undoer;

use super::app::ProyeksiApp;
use super::command::Command;
use crate::i18n::T;
use crate::io::{load_scenario, save_scenario};
use crate::model::Scenario;
use crate::model::staffing::{Activity, PlannedActivity, VolumeRule, WorkloadSetup};

impl ProyeksiApp {
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
                    format!("{} {}", lang.t(T::file_actions_opened), path.display()),
                    false,
                );
            }
            Err(e) => self.set_status(
                format!(
                    "{} {}",
                    lang.t(T::file_actions_could_not_open),
                    e.message(lang)
                ),
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
                    format!("{} {}", lang.t(T::file_actions_saved), path.display()),
                    false,
                );
                true
            }
            Err(e) => {
                self.set_status(
                    format!("{} {e}", lang.t(T::file_actions_could_not_save)),
                    true,
                );
                false
            }
        }
    }

    pub(super) fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(p) => self.save_to(&p),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!(
            "{}.bidan",
            sanitize(
                &self.doc.state.name,
                self.lang().t(T::file_actions_default_name),
            )
        );
        match self.dialogs.save_scenario(&suggested) {
            Some(p) => self.save_to(&p),
            None => false,
        }
    }

    /// Runs a command now, asking first if it would lose unsaved changes.
    pub(super) fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        if c.discards() && self.doc.is_dirty() {
            self.pending = Some(c);
            return;
        }
        self.run_confirmed(ctx, c);
    }

    pub(super) fn run_confirmed(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::New => {
                self.doc.replace(Scenario::example(), None);
                self.undoer = Undoer::default();
                self.region = None;
                let lang = self.lang();
                self.set_status(
                    lang.t(T::file_actions_new_scenario_from_the_example)
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
            Command::AcceptImport(imported) => self.accept_import(*imported),
            Command::ImportActivities => self.import_activities(),
            Command::SaveTemplate => self.save_template(),
            Command::Export => self.export.open = true,
            Command::ExportTo(request) => {
                let (name, filter, exts) = request.file();
                if let Some(path) = self.dialogs.save_file(name, &[(filter, exts)]) {
                    self.export_to(request, &path);
                }
            }
            Command::SetParams(params) => {
                if *params != self.doc.state.params {
                    self.doc.state.params = *params;
                }
            }
            Command::EditData(edit) => self.doc.edit_data(|rows| edit.apply(rows)),
            Command::SetWorkload(setup) => {
                let mut setup = *setup;
                if !setup.edited {
                    // An unedited preset's table is made from the preset
                    // again; only the choice is kept.
                    setup.plan.clear();
                }
                if setup != self.doc.state.workload {
                    self.doc.state.workload = setup;
                }
            }
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ShowHelp => self.show_help = true,
            Command::ShowAbout => self.show_about = true,
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
    fn accept_import(&mut self, imported: crate::io::import::Imported) {
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
                lang.t(T::file_actions_data_imported),
                n,
                lang.t(T::file_actions_rows_from),
                imported.info.path.display()
            ),
            false,
        );
    }

    /// Writes an export to `path`; the result goes to the status bar.
    pub fn export_to(&mut self, request: super::export_request::ExportRequest, path: &Path) {
        use super::export_request::ExportRequest;
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
                // The set-up may have changed earlier in this frame.
                self.results
                    .refresh(&self.doc.state, self.region, self.lang());
                let spec = match self.workload_chart_spec() {
                    Ok(spec) => spec,
                    Err(e) => {
                        let failed = lang.t(T::file_actions_could_not_export);
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
                format!("{} {}", lang.t(T::file_actions_exported), p.display()),
                false,
            ),
            Err(e) => self.set_status(
                format!("{} {e}", lang.t(T::file_actions_could_not_export)),
                true,
            ),
        }
    }

    /// Asks for an activity table (CSV/XLSX) and puts it in the workload
    /// tab; a bad file leaves the table as it was and says why.
    fn import_activities(&mut self) {
        let lang = self.lang();
        let Some(path) = self.dialogs.open_data() else {
            return;
        };
        match crate::io::activities::import_activities(&path, None) {
            Ok(imported) => {
                let n = imported.activities.len();
                use_activities(
                    &mut self.doc.state.workload,
                    imported.activities,
                    &imported.file,
                );
                self.set_status(
                    format!(
                        "{} {n} {} {}",
                        lang.t(T::file_actions_imported),
                        lang.t(T::file_actions_activities_from),
                        path.display()
                    ),
                    false,
                );
            }
            Err(e) => self.set_status(
                format!(
                    "{} {}",
                    lang.t(T::file_actions_activity_table_not_used),
                    e.message(lang)
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
                    lang.t(T::file_actions_templates_saved),
                    csv.display(),
                    lang.t(T::file_actions_and),
                    xlsx.display()
                ),
                false,
            ),
            Err(e) => self.set_status(
                format!(
                    "{} {e}",
                    lang.t(T::file_actions_could_not_save_the_templates)
                ),
                true,
            ),
        }
    }
}

/// Replaces the activity table of `setup` with imported activities
/// (recorded volumes).
fn use_activities(setup: &mut WorkloadSetup, activities: Vec<Activity>, source: &str) {
    setup.plan = activities
        .into_iter()
        .map(|activity| PlannedActivity {
            activity,
            rule: VolumeRule::Recorded,
            source: source.to_string(),
        })
        .collect();
    setup.preset = None;
    setup.edited = true;
}

fn sanitize(name: &str, fallback: &str) -> String {
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
    if s.is_empty() { fallback.into() } else { s }
}
