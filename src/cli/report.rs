//! `report`: the PDF report of a scenario, written atomically.

use super::args::ReportArgs;
use super::{CliError, find_region, model_error, prepare_scenario};
use crate::i18n::T;
use crate::io::report::{ReportInput, save_report};
use crate::model::{self, Lang};

/// The name of the file the data came from: the data file, else the
/// scenario file, else the bundled example.
fn data_file(a: &ReportArgs, lang: Lang) -> String {
    let name = |p: &std::path::Path| {
        p.file_name()
            .unwrap_or(p.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    match (&a.common.data, &a.common.scenario) {
        (Some(d), _) => name(d),
        (None, Some(s)) => name(s),
        (None, None) => lang.t(T::report_example_data).to_string(),
    }
}

pub(super) fn report_cmd(a: &ReportArgs) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let region = match &a.region {
        Some(key) => Some(find_region(&data, key, lang)?),
        None => None,
    };
    let input = ReportInput {
        scenario: &scenario,
        data: &data,
        proj: &proj,
        region,
        data_file: data_file(a, lang),
        date: crate::chart::today(),
    };
    save_report(&a.out, &input, lang).map_err(|e| CliError::Read(e.message(lang)))
}
