//! The file actions (open, save, import of data and activities, templates,
//! export) and the one place where every [`Command`] is executed, after the
//! frame; a command that would lose unsaved changes waits for an answer.

use std::path::{Path, PathBuf};

use egui::util::undoer::Undoer;

use super::app::ProyeksiApp;
use super::command::Command;
use super::command::FilePurpose;
use super::command::ProgramFile;
use super::files::Unavailable;
use crate::i18n::T;
use crate::io::{load_scenario, save_scenario};
use crate::model::Scenario;
use crate::model::number::fmt_fixed;
use crate::model::staffing::{Activity, PlannedActivity, VolumeRule, WorkloadSetup};

impl ProyeksiApp {
    /// Opens a scenario file; on failure the current work stays untouched.
    pub fn open_path(&mut self, path: &Path) {
        match load_scenario(path) {
            Ok(s) => {
                self.doc.replace(s, Some(path.to_path_buf()));
                self.undoer = Undoer::default();
                self.region = None;
                self.settings.remember(path);
                self.say(false, |lang| {
                    format!("{} {}", lang.t(T::file_actions_opened), path.display())
                });
            }
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::file_actions_could_not_open),
                    e.message(lang)
                )
            }),
        }
    }

    /// Saves to `path` atomically; returns whether it worked.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("bidan")
        } else {
            path.to_path_buf()
        };
        match save_scenario(&path, &self.doc.state.to_scenario()) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.settings.remember(&path);
                self.say(false, |lang| {
                    format!("{} {}", lang.t(T::file_actions_saved), path.display())
                });
                true
            }
            Err(e) => {
                self.say(true, |lang| {
                    format!("{} {e}", lang.t(T::file_actions_could_not_save))
                });
                false
            }
        }
    }

    /// Saves the scenario (asking where if it has no file yet), then runs
    /// `then` once it is saved.
    pub(super) fn save(&mut self, then: Option<Command>) {
        match self.doc.path.clone() {
            Some(p) => self.save_then(&p, then),
            None => self.save_as(then),
        }
    }

    fn save_then(&mut self, path: &Path, then: Option<Command>) {
        if self.save_to(path)
            && let Some(c) = then
        {
            self.command(c);
        }
    }

    fn save_as(&mut self, then: Option<Command>) {
        let suggested = format!(
            "{}.bidan",
            sanitize(
                &self.doc.state.name,
                self.lang().t(T::file_actions_default_name),
            )
        );
        let purpose = FilePurpose::SaveScenario {
            then: then.map(Box::new),
        };
        if let Some(p) = self.choose(purpose.clone(), &suggested) {
            self.use_file(purpose, p);
        }
    }

    /// Asks the system's dialog for a file for `purpose`; when it cannot
    /// open, asks with the dialog in the window, and the action finishes
    /// when the planner chooses there ([`Command::UseFile`]).
    pub(super) fn choose(&mut self, purpose: FilePurpose, file_name: &str) -> Option<PathBuf> {
        let answer = match &purpose {
            FilePurpose::OpenScenario | FilePurpose::PinScenario => self.dialogs.open_scenario(),
            FilePurpose::SaveScenario { .. } => self.dialogs.save_scenario(file_name),
            FilePurpose::ImportData
            | FilePurpose::ImportActivities
            | FilePurpose::ImportProgramFile(_) => self.dialogs.open_data(),
            FilePurpose::SaveTemplate => self.dialogs.save_file(file_name, &[("CSV", &["csv"])]),
            FilePurpose::Export(r) => {
                let (_, filter, exts) = r.file();
                self.dialogs.save_file(file_name, &[(filter, exts)])
            }
        };
        match answer {
            Ok(Some(p)) => Some(p),
            Ok(None) => {
                self.no_file(&purpose);
                None
            }
            Err(Unavailable) => {
                let folder = self.start_folder();
                self.file_dialog.ask(purpose, folder, file_name);
                None
            }
        }
    }

    /// Where the dialog in the window starts: the scenario's folder, else
    /// the last file's, else the current folder.
    fn start_folder(&self) -> PathBuf {
        self.doc
            .path
            .iter()
            .chain(self.settings.recent.iter())
            .filter_map(|p| p.parent())
            .find(|d| d.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// Finishes the action started for `purpose` with the chosen `path`.
    fn use_file(&mut self, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::OpenScenario => self.open_path(&path),
            FilePurpose::SaveScenario { then } => self.save_then(&path, then.map(|c| *c)),
            FilePurpose::ImportData => self.start_import(path),
            FilePurpose::ImportActivities => self.import_activities_from(&path),
            FilePurpose::ImportProgramFile(kind) => self.import_program_file(kind, &path),
            FilePurpose::SaveTemplate => self.save_template_to(&path),
            FilePurpose::Export(request) => self.export_to(request, &path),
            FilePurpose::PinScenario => self.pin_file(&path),
        }
    }

    /// No file was chosen: a save says that nothing was written.
    fn no_file(&mut self, purpose: &FilePurpose) {
        if purpose.saves() {
            self.say(false, |lang| {
                lang.t(T::file_actions_not_saved_cancelled).to_string()
            });
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
                self.say(false, |lang| {
                    lang.t(T::file_actions_new_scenario_from_the_example)
                        .to_string()
                });
            }
            Command::OpenExample(example) => match example.scenario() {
                Ok(s) => {
                    self.doc.replace(s, None);
                    self.undoer = Undoer::default();
                    self.region = None;
                    self.say(false, |lang| lang.t(T::example_opened).to_string());
                }
                Err(e) => {
                    let e = e.to_string();
                    self.say(true, move |_| e.clone());
                }
            },
            Command::SelectRegion(region) => self.region = region,
            Command::Open => {
                if let Some(p) = self.choose(FilePurpose::OpenScenario, "") {
                    self.open_path(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
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
                if let Some(p) = self.choose(FilePurpose::ImportData, "") {
                    self.start_import(p);
                }
            }
            Command::ImportPath(p) => self.start_import(p),
            Command::AcceptImport(imported) => self.accept_import(*imported),
            Command::ImportActivities => {
                if let Some(p) = self.choose(FilePurpose::ImportActivities, "") {
                    self.import_activities_from(&p);
                }
            }
            Command::SaveTemplate => {
                let name = "templat-data-bidan.csv";
                if let Some(p) = self.choose(FilePurpose::SaveTemplate, name) {
                    self.save_template_to(&p);
                }
            }
            Command::Export => self.export.open = true,
            Command::Properties => {
                let (name, notes) = (&self.doc.state.name, &self.doc.state.notes);
                self.properties.open(name, notes);
            }
            Command::SetProperties { name, notes } => {
                if name != self.doc.state.name || notes != self.doc.state.notes {
                    self.doc.state.name = name;
                    self.doc.state.notes = notes;
                }
            }
            Command::ExportTo(request) => {
                let (name, _, _) = request.file();
                if let Some(path) = self.choose(FilePurpose::Export(request), name) {
                    self.export_to(request, &path);
                }
            }
            Command::UseFile(purpose, path) => self.use_file(purpose, path),
            Command::NoFile(purpose) => self.no_file(&purpose),
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
            Command::SetRanking { year, by } => self.ranking_choice = (Some(year), by),
            c @ (Command::SetAnalysisView(_)
            | Command::PinCurrent
            | Command::PinFile
            | Command::PinVariants(_)
            | Command::Unpin(_)
            | Command::SetTornado { .. }
            | Command::SetUncertainty(_)
            | Command::AddRange(_)
            | Command::CancelBands
            | Command::RestartBands) => self.run_analysis(c),
            Command::ImportProgramFile(kind) => {
                if let Some(p) = self.choose(FilePurpose::ImportProgramFile(kind), "") {
                    self.import_program_file(kind, &p);
                }
            }
            Command::SetPrograms(programs) => {
                let programs = programs.map(|p| *p).filter(|p| !p.is_empty());
                if programs != self.doc.state.programs {
                    self.doc.state.programs = programs;
                }
            }
            Command::SetSupply(supply) => {
                let supply = supply.map(|s| *s);
                if supply != self.doc.state.supply {
                    self.doc.state.supply = supply;
                }
            }
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                if let Some(s) = &mut self.status {
                    s.follow(lang);
                }
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ShowHelp => self.guide.open_at(None),
            Command::ShowGuideAt(topic) => self.guide.open_at(Some(topic)),
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
        // The scenario is named after the file, its notes say where the
        // data came from (both editable under File → Scenario properties).
        let path = &imported.info.path;
        if let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) {
            self.doc.state.name = stem;
        }
        let file = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.doc.state.notes = lang.tf(T::file_actions_imported_notes, &[("file", &file)]);
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
        self.say(false, |lang| {
            format!(
                "{} {} {} {}",
                lang.t(T::file_actions_data_imported),
                fmt_fixed(n as f64, 0, lang),
                lang.t(T::file_actions_rows_from),
                imported.info.path.display()
            )
        });
    }

    /// Writes an export to `path`; the result goes to the status bar.
    pub fn export_to(&mut self, request: super::export_request::ExportRequest, path: &Path) {
        use super::export_request::ExportRequest;
        use crate::io::export::chart::save_chart;
        use crate::io::export::{csv::CsvStyle, save_table_as};
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
                        self.say(true, |lang| {
                            let failed = lang.t(T::file_actions_could_not_export);
                            format!("{failed} {}", e.message(lang))
                        });
                        return;
                    }
                };
                let (_, _, ext) = request.file();
                let path = path.with_extension(ext[0]);
                save_chart(&path, &spec, width, height).map(|()| path)
            }
            ExportRequest::MapPng { width, height } | ExportRequest::MapSvg { width, height } => {
                let (year, by) = self.ranking_choice;
                self.results.refresh_ranking(year, by, self.region);
                let name = self.doc.state.name.clone();
                let (_, _, ext) = request.file();
                let path = path.with_extension(ext[0]);
                match super::map_panel::export_spec(&self.results, &name, lang) {
                    Ok((map, spec)) => {
                        crate::io::export::map::save_map(&path, map, &spec, width, height)
                            .map(|()| path)
                    }
                    Err(e) => Err(e),
                }
            }
            ExportRequest::TableCsv(style, layout) => match self.results.ok() {
                Some((d, p)) => {
                    let path = path.with_extension("csv");
                    let scenario = self.doc.state.to_scenario();
                    save_table_as(&path, &scenario, d, p, lang, style, layout).map(|()| path)
                }
                None => return,
            },
            ExportRequest::TableXlsx(layout) => match self.results.ok() {
                Some((d, p)) => {
                    let path = path.with_extension("xlsx");
                    let scenario = self.doc.state.to_scenario();
                    let style = CsvStyle::Indonesian;
                    save_table_as(&path, &scenario, d, p, lang, style, layout).map(|()| path)
                }
                None => return,
            },
            ExportRequest::ReportPdf => return self.report_to(path),
            ExportRequest::Ranking(format) => match self.export_ranking(format, path) {
                Some(r) => r,
                None => return,
            },
            ExportRequest::Analysis(what, format) => {
                match self.export_analysis(what, format, path) {
                    Some(r) => r,
                    None => return,
                }
            }
        };
        match result {
            Ok(p) => self.say(false, |lang| {
                format!("{} {}", lang.t(T::file_actions_exported), p.display())
            }),
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::file_actions_could_not_export),
                    e.message(lang)
                )
            }),
        }
    }

    /// Writes the PDF report of what is shown, in the window's language;
    /// the result goes to the status bar.
    fn report_to(&mut self, path: &Path) {
        use crate::io::report::{ReportInput, save_report};
        let lang = self.lang();
        // The scenario may have changed earlier in this frame.
        self.results
            .refresh(&self.doc.state, self.region, self.lang());
        let Some((data, proj)) = self.results.ok() else {
            return;
        };
        let path = path.with_extension("pdf");
        let scenario = self.doc.state.to_scenario();
        let data_file = match &self.doc.path {
            Some(p) => p
                .file_name()
                .unwrap_or(p.as_os_str())
                .to_string_lossy()
                .into_owned(),
            None => scenario.name.clone(),
        };
        let input = ReportInput {
            scenario: &scenario,
            data,
            proj,
            region: self.region,
            data_file,
            date: crate::chart::today(),
        };
        match save_report(&path, &input, lang) {
            Ok(()) => self.say(false, |lang| {
                format!("{} {}", lang.t(T::file_actions_exported), path.display())
            }),
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::file_actions_could_not_export),
                    e.message(lang)
                )
            }),
        }
    }

    /// Reads an activity table (CSV/XLSX) into the workload tab; a bad
    /// file leaves the table as it was and says why.
    fn import_activities_from(&mut self, path: &Path) {
        match crate::io::activities::import_activities(path, None) {
            Ok(imported) => {
                let n = imported.activities.len();
                use_activities(
                    &mut self.doc.state.workload,
                    imported.activities,
                    &imported.file,
                );
                self.say(false, |lang| {
                    format!(
                        "{} {n} {} {}",
                        lang.t(T::file_actions_imported),
                        lang.t(T::file_actions_activities_from),
                        path.display()
                    )
                });
            }
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::file_actions_activity_table_not_used),
                    e.message(lang)
                )
            }),
        }
    }

    /// Puts the interns, clinics or checklist of the file at `path` into the
    /// programmes (replacing those of the same kind), or says why not.
    fn import_program_file(&mut self, kind: ProgramFile, path: &Path) {
        use crate::io::programs::{
            import_checklist, import_clinics, import_indicators, import_interns,
        };
        let mut programs = self.doc.state.programs.clone().unwrap_or_default();
        let count = match kind {
            ProgramFile::Interns => import_interns(path, None).map(|v| {
                let n = v.len();
                programs.internship.interns = v;
                n
            }),
            ProgramFile::Clinics => import_clinics(path, None).map(|v| {
                let n = v.len();
                programs.internship.clinics = v;
                n
            }),
            ProgramFile::Indicators => import_indicators(path, None).map(|v| {
                let n = v.len();
                programs.indicators.years = v;
                n
            }),
            ProgramFile::Checklist => import_checklist(path, None).map(|c| {
                let n = c.groups.iter().map(|g| g.items.len()).sum();
                programs.mentoring.checklist = c;
                n
            }),
        };
        match count {
            Ok(n) => {
                self.doc.state.programs = Some(programs);
                self.say(false, |lang| {
                    lang.tf(
                        T::programs_ui_imported,
                        &[("count", &n), ("file", &path.display())],
                    )
                });
            }
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::programs_ui_not_imported),
                    e.message(lang)
                )
            }),
        }
    }

    /// Writes the empty data templates beside `path` (CSV and .xlsx).
    fn save_template_to(&mut self, path: &Path) {
        let lang = self.lang();
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
            Ok(()) => self.say(false, |lang| {
                format!(
                    "{} {} {} {}",
                    lang.t(T::file_actions_templates_saved),
                    csv.display(),
                    lang.t(T::file_actions_and),
                    xlsx.display()
                )
            }),
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {e}",
                    lang.t(T::file_actions_could_not_save_the_templates)
                )
            }),
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
