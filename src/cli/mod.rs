//! The headless command line: the same engine and exports as the window,
//! so that everything can be produced and tested without a display.
//!
//! - `mod`: running a command line, loading the scenario, errors worded once.
//! - `args`: the subcommands and their options, as clap reads them.
//! - `projection`: `compute`, `explain`, `export` and `template`.
//! - `report`: `report`, the PDF report.
//! - `programs`: `internship` and `mentoring`, the programmes' plans.
//! - `rank`: `rank`, the regions ranked by gap for a year.
//! - `compare`: `compare`, scenarios side by side with their differences.
//! - `sensitivity`: `sensitivity`, the tornado of every parameter's swing.
//! - `bands`: `bands`, the uncertainty bands from the parameters' ranges.
//! - `supply`: `supply`, midwives available beside the need, and goal seek.
//! - `workload`: `workload`, the staffing of every activity of a table.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

use crate::i18n::T;
use crate::io::{ScenarioFileError, load_scenario, save_scenario};
use crate::model::overrides::{self, OverrideError};
use crate::model::{Lang, ModelError, Rounding, Scenario};

mod args;
mod bands;
mod compare;
mod map;
mod programs;
mod projection;
mod rank;
mod report;
mod sensitivity;
mod supply;
mod tree;
mod workload;

pub use args::*;
use projection::{compute, explain_cmd, export, write_template};
use workload::workload_cmd;

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
        /// The renderer forced with `--renderer`.
        renderer: Option<RendererArg>,
        /// A help window to open at start (`--show`).
        show: Option<ShowArg>,
    },
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
    /// A file that could not be read, worded in the planner's language.
    #[error("{0}")]
    Read(String),
    #[error("{0}")]
    Export(#[from] crate::io::export::ExportError),
}

pub(super) fn model_error(e: ModelError, lang: Lang) -> CliError {
    CliError::Model(e.message(lang))
}

/// Loads the scenario and applies `--rounding` and `--set`.
pub fn prepare_scenario(args: &ScenarioArgs) -> Result<Scenario, CliError> {
    let lang: Lang = args.lang.into();
    let mut scenario = match &args.scenario {
        Some(path) => load_scenario(path).map_err(|e| CliError::Read(e.message(lang)))?,
        None => crate::io::examples::Example::from(args.example.unwrap_or_default())
            .scenario()
            .map_err(|e| CliError::Read(e.to_string()))?,
    };
    if let Some(path) = &args.data {
        let options = crate::io::import::ImportOptions {
            sheet: args.sheet.clone(),
            ..Default::default()
        };
        let imported = crate::io::import::import_file(path, &options, &mut |_| true)
            .map_err(|e| CliError::Read(e.message(lang)))?;
        scenario.data = imported.rows;
        // The example's name and notes do not describe another file's data.
        if args.scenario.is_none() {
            let file = path
                .file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy();
            scenario.name = path
                .file_stem()
                .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
            scenario.notes = format!("Data: {file}");
        }
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
        overrides::apply(&mut scenario.params, s, lang)
            .map_err(|e| CliError::Model(e.message(lang)))?;
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
                renderer: cli.renderer,
                show: cli.show,
            });
        }
        Some(Command::Compute(a)) => compute(&a, out)?,
        Some(Command::Explain(a)) => explain_cmd(&a, out)?,
        Some(Command::Example { which, out: path }) => {
            let scenario = crate::io::examples::Example::from(which)
                .scenario()
                .map_err(|e| CliError::Read(e.to_string()))?;
            save_scenario(&path, &scenario).map_err(|e| CliError::Read(e.message(Lang::Id)))?
        }
        Some(Command::Template { out: path, lang }) => write_template(&path, lang.into())?,
        Some(Command::Export(a)) => export(&a)?,
        Some(Command::Workload(a)) => workload_cmd(&a, out)?,
        Some(Command::Supply(a)) => supply::supply_cmd(&a, out)?,
        Some(Command::Rank(a)) => rank::rank_cmd(&a, out)?,
        Some(Command::Map(a)) => map::map_cmd(&a)?,
        Some(Command::Compare(a)) => compare::compare_cmd(&a, out)?,
        Some(Command::Sensitivity(a)) => sensitivity::sensitivity_cmd(&a, out)?,
        Some(Command::Bands(a)) => bands::bands_cmd(&a, out)?,
        Some(Command::Report(a)) => report::report_cmd(&a)?,
        Some(Command::Internship(a)) => programs::internship_cmd(&a, out)?,
        Some(Command::Mentoring(a)) => programs::mentoring_cmd(&a, out)?,
    }
    Ok(Outcome::Done)
}

/// Finds a region by code or name.
pub(super) fn find_region(
    data: &crate::model::PreparedData,
    key: &str,
    lang: Lang,
) -> Result<usize, CliError> {
    (0..data.regions())
        .find(|&r| data.codes[r] == key || data.names[r] == key)
        .ok_or_else(|| CliError::Usage(format!("{} `{key}`", lang.t(T::cli_region_not_found))))
}
