//! The headless command line: the same engine and exports as the window,
//! so that everything can be produced and tested without a display.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::T;
use crate::io::export::{Format, csv, json, text};
use crate::io::{ScenarioFileError, load_scenario, save_scenario};
use crate::model::explain::{Subject, explain, render_text};
use crate::model::overrides::{self, OverrideError};
use crate::model::{self, Lang, ModelError, Rounding, Scenario};
use crate::table::Precision;

#[derive(Debug, Parser)]
#[command(
    name = "proyeksi-bidan",
    version,
    about = "Proyeksi Bidan: berapa bidan yang dibutuhkan untuk pelayanan antenatal, sekarang dan tahun-tahun mendatang.\nHow many midwives antenatal care needs, now and in the years ahead."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario file to open in the window (.bidan or .ron), or a data file (.csv, .xlsx) to
    /// import into the bundled example; without one, the bundled example.
    pub file: Option<PathBuf>,
    /// Opens the window, saves a PNG screenshot of it once drawn, and exits.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The tab the window opens on: projection, table, working, workload or data.
    #[arg(long, value_enum, default_value = "projection")]
    pub tab: TabArg,
    /// The language the window opens in this time (otherwise the remembered one).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum TabArg {
    #[default]
    Projection,
    Table,
    Working,
    Workload,
    Data,
}

/// What the command line asks for beyond what it printed.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Everything was done on the command line.
    Done,
    /// Open the window on this scenario or data file (or the bundled example).
    Window {
        file: Option<PathBuf>,
        screenshot: Option<PathBuf>,
        tab: TabArg,
        lang: Option<Lang>,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prints the projection year by year.
    Compute(ComputeArgs),
    /// Prints the working, step by step, like the paper.
    Explain(ExplainArgs),
    /// Writes the bundled example scenario file.
    Example {
        /// Where to write it, e.g. contoh.bidan.
        #[arg(long)]
        out: PathBuf,
    },
    /// Exports the chart (PNG/SVG) and/or the table (CSV/XLSX).
    Export(ExportArgs),
    /// Staff needed for every activity (WHO WISN or Kemenkes ABK-Kes) from an activity table.
    Workload(WorkloadArgs),
    /// Writes an empty data template (.csv or .xlsx) with one example row.
    Template {
        /// Where to write it: templat.csv or templat.xlsx.
        #[arg(long)]
        out: PathBuf,
        /// Header language: id (kode_wilayah, tahun…) or en (region_code, year…).
        #[arg(long, value_enum, default_value = "id")]
        lang: LangArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoundingArg {
    Exact,
    Published,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum LangArg {
    #[default]
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct ScenarioArgs {
    /// Scenario file (.bidan or .ron); without it, the bundled example.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// exact (default: no intermediate rounding) or published (as the paper prints).
    #[arg(long, value_enum)]
    pub rounding: Option<RoundingArg>,
    /// Language of labels, messages and numbers: id (5.329.480) or en (5,329,480).
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,
    /// Overrides a parameter for this run, e.g. --set allowance_percent=25 (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Replaces the scenario's data with a CSV or .xlsx data file.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The worksheet of an .xlsx data file (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct ComputeArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum CsvStyleArg {
    /// `;` and decimal comma, for Excel set to Indonesian (UTF-8 with BOM).
    #[default]
    Id,
    /// `,` and decimal point, for other programs.
    Intl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// Writes the projection chart: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
    /// Writes the table: OUT.csv or OUT.xlsx.
    #[arg(long, value_name = "OUT.csv|OUT.xlsx")]
    pub table: Option<PathBuf>,
    /// CSV style of --table OUT.csv.
    #[arg(long, value_enum, default_value = "id")]
    pub csv_style: CsvStyleArg,
    /// Chart one region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// With --chart: the workload chart (midwives needed per year by activity, stacked bars)
    /// instead of the projection chart, from the scenario's workload set-up (Beban kerja tab).
    #[arg(long, requires = "chart")]
    pub workload: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// Explain one region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
}

/// An error of the command line, already worded for the planner.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    File(#[from] ScenarioFileError),
    #[error("{0}")]
    Override(#[from] OverrideError),
    #[error("{0}")]
    Model(String),
    #[error("{0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Import(#[from] crate::io::import::ImportError),
    #[error("{0}")]
    Export(#[from] crate::io::export::ExportError),
}

fn model_error(e: ModelError, lang: Lang) -> CliError {
    CliError::Model(e.message(lang))
}

/// Loads the scenario and applies `--rounding` and `--set`.
pub fn prepare_scenario(args: &ScenarioArgs) -> Result<Scenario, CliError> {
    let mut scenario = match &args.scenario {
        Some(path) => load_scenario(path)?,
        None => Scenario::example(),
    };
    let lang: Lang = args.lang.into();
    if let Some(path) = &args.data {
        let options = crate::io::import::ImportOptions {
            sheet: args.sheet.clone(),
            ..Default::default()
        };
        let imported = crate::io::import::import_file(path, &options, &mut |_| true)?;
        scenario.data = imported.rows;
        if !scenario
            .data
            .iter()
            .any(|r| r.year == scenario.params.population.base_year)
            && let Some(first) = scenario.data.iter().map(|r| r.year).min()
        {
            scenario.params.population.base_year = first;
        }
    }
    for s in &args.set {
        if let Some(name) = s.strip_prefix("name=") {
            scenario.name = name.to_string();
            continue;
        }
        overrides::apply(&mut scenario.params, s, lang)?;
    }
    if let Some(r) = args.rounding {
        scenario.params.rounding = match r {
            RoundingArg::Exact => Rounding::Exact,
            RoundingArg::Published => Rounding::Published,
        };
    }
    Ok(scenario)
}

/// Runs the command line with `args` (the first is the program name),
/// writing results to `out`.
pub fn run<I, T>(args: I, out: &mut dyn Write) -> Result<Outcome, CliError>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                write!(out, "{e}")?;
                return Ok(Outcome::Done);
            }
            return Err(CliError::Usage(e.to_string()));
        }
    };
    run_cli(cli, out)
}

/// Runs a parsed command line.
pub fn run_cli(cli: Cli, out: &mut dyn Write) -> Result<Outcome, CliError> {
    match cli.command {
        None => {
            return Ok(Outcome::Window {
                file: cli.file,
                screenshot: cli.screenshot,
                tab: cli.tab,
                lang: cli.lang.map(Lang::from),
            });
        }
        Some(Command::Compute(a)) => compute(&a, out)?,
        Some(Command::Explain(a)) => explain_cmd(&a, out)?,
        Some(Command::Example { out: path }) => save_scenario(&path, &Scenario::example())?,
        Some(Command::Template { out: path, lang }) => write_template(&path, lang.into())?,
        Some(Command::Export(a)) => export(&a)?,
        Some(Command::Workload(a)) => workload_cmd(&a, out)?,
    }
    Ok(Outcome::Done)
}

fn compute(a: &ComputeArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    print_flags(&scenario, &data, &proj, None, lang);
    let format = match a.format {
        FormatArg::Table => Format::Table,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    };
    match format {
        Format::Table => {
            out.write_all(text::render_table(&scenario.name, &data, &proj, lang).as_bytes())?
        }
        Format::Csv => csv::write_csv(
            &mut *out,
            &data,
            &proj,
            csv::CsvStyle::International,
            Precision::AsShown(proj.rounding),
        )?,
        Format::Json => json::write_json(&mut *out, &scenario.name, &data, &proj)?,
    }
    Ok(())
}

/// Lines of warnings printed at most, so that a national table stays readable.
const MAX_WARNINGS: usize = 40;

/// Prints on standard error the warnings about the projection's base, of
/// every region or of `region` only, so that standard output keeps only the
/// results.
fn print_flags(
    scenario: &Scenario,
    data: &crate::model::PreparedData,
    proj: &crate::model::Projection,
    region: Option<usize>,
    lang: Lang,
) {
    let mut flags = crate::model::flags::flags(&scenario.params, data, proj);
    if let Some(r) = region {
        flags.retain_region(r);
    }
    let mut err = std::io::stderr().lock();
    for line in flags.lines(data, proj, lang, MAX_WARNINGS) {
        let _ = writeln!(err, "{line}");
    }
}

/// Finds a region by code or name.
fn find_region(
    data: &crate::model::PreparedData,
    key: &str,
    lang: Lang,
) -> Result<usize, CliError> {
    (0..data.regions())
        .find(|&r| data.codes[r] == key || data.names[r] == key)
        .ok_or_else(|| CliError::Usage(format!("{} `{key}`", lang.t(T::cli_region_not_found))))
}

fn export(a: &ExportArgs) -> Result<(), CliError> {
    use crate::io::export::chart::save_chart;
    use crate::io::export::{csv::CsvStyle, save_table};
    let lang: Lang = a.common.lang.into();
    if a.chart.is_none() && a.table.is_none() {
        return Err(CliError::Usage(
            "export: give --chart OUT.png|OUT.svg and/or --table OUT.csv|OUT.xlsx".into(),
        ));
    }
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    if let Some(path) = &a.chart {
        let (rows, subject) = match &a.region {
            Some(key) => {
                let r = find_region(&data, key, lang)?;
                (proj.region_rows(&data, r), data.label(r).to_string())
            }
            None if data.regions() == 1 => (proj.total.clone(), data.label(0).to_string()),
            None => (proj.total.clone(), "Total".to_string()),
        };
        let spec = if a.workload {
            let by_year = scenario
                .workload
                .staffing_by_year(&scenario.params, &rows, lang)
                .map_err(|e| CliError::Model(e.message(lang)))?;
            crate::chart::workload_chart(
                &by_year,
                &subject,
                &scenario.name,
                &crate::chart::today(),
                lang,
            )
        } else {
            crate::chart::projection_chart(
                &rows,
                &subject,
                &scenario.name,
                scenario.params.rounding,
                &crate::chart::today(),
                lang,
            )
        };
        save_chart(path, &spec, a.width, a.height)?;
    }
    if let Some(path) = &a.table {
        let style = match a.csv_style {
            CsvStyleArg::Id => CsvStyle::Indonesian,
            CsvStyleArg::Intl => CsvStyle::International,
        };
        save_table(path, &scenario, &data, &proj, lang, style)?;
    }
    Ok(())
}

fn explain_cmd(a: &ExplainArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let subject = match &a.region {
        None => Subject::Total,
        Some(key) => Subject::Region(find_region(&data, key, lang)?),
    };
    let region = match subject {
        Subject::Region(r) => Some(r),
        Subject::Total => None,
    };
    print_flags(&scenario, &data, &proj, region, lang);
    let steps = explain(&scenario.params, &data, &proj, subject, lang);
    writeln!(out, "{}\n", scenario.name)?;
    out.write_all(render_text(&steps).as_bytes())?;
    Ok(())
}

fn write_template(path: &std::path::Path, lang: Lang) -> Result<(), CliError> {
    use crate::io::import::{template_csv, template_xlsx};
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "csv" => template_csv(lang),
        "xlsx" => template_xlsx(lang).map_err(|e| CliError::Model(e.to_string()))?,
        _ => {
            return Err(CliError::Usage(format!(
                "{}: the template must end in .csv or .xlsx",
                path.display()
            )));
        }
    };
    crate::io::scenario_file::write_atomic(path, &bytes)?;
    Ok(())
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum MethodArg {
    /// WHO WISN (AWT, SW, CAF, IAF).
    #[default]
    Wisn,
    /// Kemenkes ABK-Kes, Permenkes 33/2015 (WKT, SBK, JKT, STP).
    Abk,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum StaffRoundingArg {
    /// No intermediate rounding.
    #[default]
    Exact,
    /// As the worksheets: SW/SBK whole, staff, JKT, CAF/STP, IAF and required to 2 decimals.
    Worksheet,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum FinalRoundingArg {
    /// Nearest whole person, halves up.
    #[default]
    Nearest,
    /// Up to the next whole person.
    Up,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum WorkloadFormatArg {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum WorkingDaysPresetArg {
    /// Kemenkes ABK-Kes, 6-day week: 312 − 48 days × 4,375 h = 69.300 min.
    #[default]
    Kemenkes6,
    /// Kemenkes ABK-Kes, 5-day week: 260 − 48 days × 5,25 h = 66.780 min.
    Kemenkes5,
}

#[derive(Debug, Args)]
pub struct WorkloadArgs {
    /// The activity table: CSV or .xlsx with columns kegiatan; jenis; norma_waktu; capaian; jumlah_tenaga
    /// (or activity, kind, minutes_per_unit, units_per_year, staff).
    #[arg(long, value_name = "FILE")]
    pub activities: PathBuf,
    /// The worksheet of an .xlsx activity table (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// wisn (WHO) or abk (Kemenkes ABK-Kes).
    #[arg(long, value_enum, default_value = "wisn")]
    pub method: MethodArg,
    /// Available working time of one staff member a year, in minutes (AWT / WKT).
    #[arg(long, value_name = "N", conflicts_with_all = ["scenario", "days_per_week", "weeks_per_year", "public_holidays", "annual_leave", "sick_leave", "training_days", "other_leave", "hours_per_day", "working_days"])]
    pub available_minutes: Option<f64>,
    /// Use the working time (WKE) of this scenario file, in its rounding.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["days_per_week", "weeks_per_year", "public_holidays", "annual_leave", "sick_leave", "training_days", "other_leave", "hours_per_day", "working_days"])]
    pub scenario: Option<PathBuf>,
    /// Working-time preset for [A − (B + C + D + E)] × hours per day; the options below change it.
    #[arg(long, value_enum, default_value = "kemenkes6")]
    pub working_days: WorkingDaysPresetArg,
    /// Working days per week.
    #[arg(long)]
    pub days_per_week: Option<f64>,
    /// Weeks per year.
    #[arg(long)]
    pub weeks_per_year: Option<f64>,
    /// Public holidays (libur nasional) a year.
    #[arg(long)]
    pub public_holidays: Option<f64>,
    /// Annual leave (cuti) days.
    #[arg(long)]
    pub annual_leave: Option<f64>,
    /// Sick leave and other absence (absen) days.
    #[arg(long)]
    pub sick_leave: Option<f64>,
    /// Training (pelatihan) days.
    #[arg(long)]
    pub training_days: Option<f64>,
    /// Other leave days.
    #[arg(long)]
    pub other_leave: Option<f64>,
    /// Working (effective) hours per day.
    #[arg(long)]
    pub hours_per_day: Option<f64>,
    /// exact or worksheet (intermediate rounding as the published worksheets).
    #[arg(long, value_enum, default_value = "exact")]
    pub rounding: StaffRoundingArg,
    /// Rounding of the required staff to whole people: nearest or up.
    #[arg(long, value_enum, default_value = "nearest")]
    pub final_rounding: FinalRoundingArg,
    /// Staff in post now, for the WISN difference and ratio.
    #[arg(long, value_name = "N")]
    pub existing: Option<f64>,
    /// table (for people, with the working) or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: WorkloadFormatArg,
    /// Language of labels and numbers: id (1.234,5) or en (1,234.5).
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,
}

fn workload_available(
    a: &WorkloadArgs,
) -> Result<crate::model::staffing::AvailableTime, crate::model::staffing::StaffingError> {
    use crate::model::staffing::{AvailableTime, WorkingDays};
    if let Some(m) = a.available_minutes {
        return AvailableTime::from_minutes(m);
    }
    let mut d = match a.working_days {
        WorkingDaysPresetArg::Kemenkes6 => WorkingDays::kemenkes_6_day(),
        WorkingDaysPresetArg::Kemenkes5 => WorkingDays::kemenkes_5_day(),
    };
    let set = |field: &mut f64, v: Option<f64>| {
        if let Some(v) = v {
            *field = v;
        }
    };
    set(&mut d.days_per_week, a.days_per_week);
    set(&mut d.weeks_per_year, a.weeks_per_year);
    set(&mut d.public_holidays, a.public_holidays);
    set(&mut d.annual_leave, a.annual_leave);
    set(&mut d.sick_leave, a.sick_leave);
    set(&mut d.training_days, a.training_days);
    set(&mut d.other_leave, a.other_leave);
    if let Some(h) = a.hours_per_day {
        d.hours_per_day = h;
    } else if let Some(days) = a.days_per_week {
        // Keep the preset's 26,25 effective hours a week.
        d.hours_per_day = 37.5 * 0.7 / days;
    }
    d.available()
}

fn workload_cmd(a: &WorkloadArgs, out: &mut dyn Write) -> Result<(), CliError> {
    use crate::model::number::{fmt_fixed, fmt_trim};
    use crate::model::staffing::{
        ActivityKind, AvailableTime, FinalRounding, IntermediateRounding, Method, StaffingOptions,
        explain_staffing, staffing,
    };
    let lang: Lang = a.lang.into();
    let table = crate::io::activities::import_activities(&a.activities, a.sheet.as_deref())?;
    let available = match &a.scenario {
        Some(path) => {
            let s = load_scenario(path)?;
            AvailableTime::from_working_time(&s.params.working_time, s.params.rounding)
        }
        None => workload_available(a),
    }
    .map_err(|e| CliError::Model(e.message(lang)))?;
    let options = StaffingOptions {
        method: match a.method {
            MethodArg::Wisn => Method::Wisn,
            MethodArg::Abk => Method::Abk,
        },
        rounding: match a.rounding {
            StaffRoundingArg::Exact => IntermediateRounding::Exact,
            StaffRoundingArg::Worksheet => IntermediateRounding::Worksheet,
        },
        final_rounding: match a.final_rounding {
            FinalRoundingArg::Nearest => FinalRounding::Nearest,
            FinalRoundingArg::Up => FinalRounding::Up,
        },
        existing: a.existing,
    };
    if let Some(e) = a.existing
        && (!e.is_finite() || e < 0.0)
    {
        return Err(CliError::Usage(format!(
            "--existing {e}: {}",
            lang.t(T::cli_must_be_0_or_more)
        )));
    }
    let result = staffing(&table.activities, &available, &options)
        .map_err(|e| CliError::Model(table.locate(&e, lang)))?;
    match a.format {
        WorkloadFormatArg::Json => {
            let mut v =
                serde_json::to_value(&result).map_err(|e| CliError::Model(e.to_string()))?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("file".into(), serde_json::Value::String(table.file.clone()));
                if result.existing.is_none() {
                    for k in ["existing", "difference", "difference_rounded", "ratio"] {
                        obj.remove(k);
                    }
                }
            }
            serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        WorkloadFormatArg::Table => {
            let abk = options.method == Method::Abk;
            let (sw, factor) = if abk { ("SBK", "STP") } else { ("SW", "CAF") };
            writeln!(
                out,
                "{} — {}\n",
                table.file,
                if abk {
                    "Kemenkes ABK-Kes (Permenkes 33/2015)"
                } else {
                    "WHO WISN"
                }
            )?;
            let num = |x: f64, d: usize| fmt_trim(x, d, lang);
            let rows: Vec<[String; 6]> = result
                .activities
                .iter()
                .map(|r| {
                    [
                        r.name.clone(),
                        r.kind.label(lang).to_string(),
                        num(r.minutes_per_unit, 2),
                        num(r.units_per_year, 2),
                        r.standard_workload.map(|s| num(s, 2)).unwrap_or_default(),
                        match r.kind {
                            ActivityKind::Support => {
                                format!("{}%", num(r.allowance_percent.unwrap_or(0.0), 2))
                            }
                            _ => num(r.staff.unwrap_or(0.0), 2),
                        },
                    ]
                })
                .collect();
            let head = [
                lang.t(T::cli_activity).to_string(),
                lang.t(T::cli_kind).to_string(),
                lang.t(T::cli_min_unit).to_string(),
                lang.t(T::cli_units_year).to_string(),
                sw.to_string(),
                lang.t(T::cli_staff).to_string(),
            ];
            let mut width = head.clone().map(|h| h.chars().count());
            for r in &rows {
                for (w, c) in width.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |cells: &[String; 6]| {
                let mut s = String::new();
                for (i, (c, w)) in cells.iter().zip(width).enumerate() {
                    let pad = w - c.chars().count();
                    if i < 2 {
                        s.push_str(c);
                        s.push_str(&" ".repeat(pad));
                    } else {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(c);
                    }
                    s.push_str("  ");
                }
                s.trim_end().to_string()
            };
            writeln!(out, "{}", line(&head))?;
            for r in &rows {
                writeln!(out, "{}", line(r))?;
            }
            writeln!(out)?;
            let d = |x: f64| fmt_fixed(x, 2, lang);
            writeln!(
                out,
                "{}: {} {}",
                if abk { "WKT" } else { "AWT" },
                num(result.available_minutes, 2),
                lang.t(T::cli_min)
            )?;
            writeln!(
                out,
                "{}: {}",
                if abk { "JKT" } else { "Σ" },
                d(result.service_staff)
            )?;
            writeln!(out, "{factor}: {}", d(result.allowance_factor))?;
            writeln!(out, "IAF: {}", d(result.individual_allowance))?;
            writeln!(
                out,
                "{}: {} → {}",
                lang.t(T::cli_required),
                d(result.required),
                fmt_fixed(result.required_rounded, 0, lang)
            )?;
            if let (Some(diff), Some(e)) = (result.difference, result.existing) {
                writeln!(
                    out,
                    "{}: {} − {} = {}",
                    lang.t(T::cli_difference),
                    num(e, 2),
                    d(result.required),
                    d(diff)
                )?;
                if let Some(r) = result.ratio {
                    writeln!(
                        out,
                        "{}: {} ({})",
                        lang.t(T::cli_ratio),
                        d(r),
                        result.ratio_reading(lang).unwrap_or("")
                    )?;
                }
            }
            writeln!(out, "\n{}\n", lang.t(T::cli_the_working))?;
            out.write_all(render_text(&explain_staffing(&result, &available, lang)).as_bytes())?;
        }
    }
    Ok(())
}
