//! The headless command line: the same engine and exports as the window,
//! so that everything can be produced and tested without a display.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::io::report::{self, Format};
use crate::io::{ScenarioFileError, load_scenario, save_scenario};
use crate::model::explain::{Subject, explain, render_text};
use crate::model::overrides::{self, OverrideError};
use crate::model::{self, Lang, ModelError, Rounding, Scenario};

#[derive(Debug, Parser)]
#[command(
    name = "proyeksi-bidan",
    version,
    about = "Proyeksi Bidan: berapa bidan yang dibutuhkan untuk pelayanan antenatal, sekarang dan tahun-tahun mendatang.\nHow many midwives antenatal care needs, now and in the years ahead."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario file to open in the window (.bidan or .ron); without one, the bundled example.
    pub scenario: Option<PathBuf>,
    /// Opens the window, saves a PNG screenshot of it once drawn, and exits.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The tab the window opens on: projection, table, working or data.
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
    Data,
}

/// What the command line asks for beyond what it printed.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Everything was done on the command line.
    Done,
    /// Open the window on this scenario (or the bundled example).
    Window {
        scenario: Option<PathBuf>,
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
    Export(#[from] crate::io::chart_export::ExportError),
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
            mapping: None,
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
                scenario: cli.scenario,
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
    }
    Ok(Outcome::Done)
}

fn compute(a: &ComputeArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let format = match a.format {
        FormatArg::Table => Format::Table,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    };
    match format {
        Format::Table => {
            out.write_all(report::render_table(&scenario.name, &data, &proj, lang).as_bytes())?
        }
        Format::Csv => report::write_csv(&mut *out, &data, &proj)?,
        Format::Json => report::write_json(&mut *out, &scenario.name, &data, &proj)?,
    }
    Ok(())
}

/// Finds a region by code or name.
fn find_region(
    data: &crate::model::PreparedData,
    key: &str,
    lang: Lang,
) -> Result<usize, CliError> {
    (0..data.regions())
        .find(|&r| data.codes[r] == key || data.names[r] == key)
        .ok_or_else(|| {
            CliError::Usage(format!(
                "{} `{key}`",
                lang.pick("Wilayah tidak ditemukan:", "Region not found:")
            ))
        })
}

fn export(a: &ExportArgs) -> Result<(), CliError> {
    use crate::io::{chart_export, table_export};
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
        let spec = crate::chart::projection_chart(
            &rows,
            &subject,
            &scenario.name,
            scenario.params.rounding,
            &crate::chart::today(),
            lang,
        );
        chart_export::save_chart(path, &spec, a.width, a.height)?;
    }
    if let Some(path) = &a.table {
        let style = match a.csv_style {
            CsvStyleArg::Id => table_export::CsvStyle::Indonesian,
            CsvStyleArg::Intl => table_export::CsvStyle::International,
        };
        table_export::save_table(path, &scenario, &data, &proj, lang, style)?;
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
