//! Interns, partner clinics and the mentoring checklist from CSV or .xlsx,
//! checked whole: every problem is reported as file:row:column in the
//! planner's language, and nothing is taken from a file with problems.
//!
//! - interns: `nama; desa; tanggal_penempatan; izin; tanggal_izin; kelahiran_desa`
//!   (or `name; village; posted; permission; permission_date; village_births`);
//! - clinics: `klinik; persalinan_setahun; magang_per_hari; hari_buka_per_minggu; bagian_desa`
//!   (or `clinic; deliveries_per_year; interns_per_day; days_open_per_week; village_share`);
//! - indicators: `tahun; persalinan; ditolong_nakes; di_fasilitas`
//!   (or `year; deliveries; assisted; in_facility`);
//! - checklist: `kelompok; kode; butir; skala` (or `group; code; item; scale`),
//!   the scale `0-1-2` (the default) or `ya/tidak`.

use std::path::Path;

use super::table::{ColumnSpec, Table, read_table};
use crate::i18n::T;
use crate::io::import::cells::Cell;
use crate::io::import::problems::{Arg, ImportError, Msg, quote};
use crate::model::programs::internship::DEFAULT_VILLAGE_SHARE;
use crate::model::programs::{
    Checklist, ChecklistGroup, ChecklistItem, Clinic, IndicatorYear, Intern, Scale,
};

const fn col(names: &'static [&'static str], required: bool) -> ColumnSpec {
    ColumnSpec { names, required }
}

const INTERN_COLUMNS: [ColumnSpec; 6] = [
    col(&["nama", "name", "nama_bidan", "bidan", "intern"], true),
    col(
        &[
            "desa",
            "village",
            "desa_tugas",
            "kelurahan",
            "desa_kelurahan",
        ],
        true,
    ),
    col(
        &[
            "tanggal_penempatan",
            "posted",
            "date_posted",
            "tmt",
            "tmt_penempatan",
            "ditempatkan",
        ],
        false,
    ),
    col(
        &[
            "izin",
            "permission",
            "permitted",
            "izin_dinkes",
            "izin_dinas",
        ],
        false,
    ),
    col(
        &[
            "tanggal_izin",
            "permission_date",
            "permitted_on",
            "tgl_izin",
        ],
        false,
    ),
    col(
        &[
            "kelahiran_desa",
            "village_births",
            "kelahiran",
            "births",
            "persalinan_desa",
        ],
        false,
    ),
];

/// Reads the midwives to place. Without an `izin` column, a permission
/// date means permission.
pub fn import_interns(path: &Path, sheet: Option<&str>) -> Result<Vec<Intern>, ImportError> {
    let mut t = read_table(path, sheet, &INTERN_COLUMNS)?;
    let mut out = Vec::new();
    for (line, row) in t.take_rows() {
        let name = t.text(line, &row, 0, T::programs_what_name, true);
        let village = t.text(line, &row, 1, T::programs_what_village, true);
        let posted = t.date(line, &row, 2, T::programs_what_posted);
        let permitted = t.yes_no(line, &row, 3);
        let permitted_on = t.date(line, &row, 4, T::programs_what_permitted_on);
        let births = t.number(line, &row, 5, T::programs_what_births);
        if let (Ok(posted), Ok(permitted), Ok(permitted_on), Ok(births)) =
            (posted, permitted, permitted_on, births)
        {
            out.push(Intern {
                name,
                village,
                posted,
                permitted: permitted.unwrap_or(permitted_on.is_some()),
                permitted_on,
                village_births: births,
            });
        }
    }
    t.finish()?;
    Ok(out)
}

const CLINIC_COLUMNS: [ColumnSpec; 5] = [
    col(
        &[
            "klinik",
            "clinic",
            "nama_klinik",
            "nama",
            "name",
            "rumah_bersalin",
        ],
        true,
    ),
    col(
        &[
            "persalinan_setahun",
            "deliveries_per_year",
            "persalinan",
            "deliveries",
            "jumlah_persalinan",
        ],
        true,
    ),
    col(
        &[
            "magang_per_hari",
            "interns_per_day",
            "kapasitas",
            "capacity",
            "kuota",
        ],
        false,
    ),
    col(
        &[
            "hari_buka_per_minggu",
            "days_open_per_week",
            "hari_buka",
            "days_open",
        ],
        false,
    ),
    col(
        &["bagian_desa", "village_share", "porsi_desa", "share"],
        false,
    ),
];

/// Reads the partner clinics; missing values take the defaults (1 intern
/// a day, open 7 days a week, a quarter of a village's births). The share
/// is written 0 to 1, or as a percentage (`25%`, or a number above 1).
pub fn import_clinics(path: &Path, sheet: Option<&str>) -> Result<Vec<Clinic>, ImportError> {
    let mut t = read_table(path, sheet, &CLINIC_COLUMNS)?;
    let mut out = Vec::new();
    for (line, row) in t.take_rows() {
        let name = t.text(line, &row, 0, T::programs_what_clinic, true);
        let deliveries = t.number(line, &row, 1, T::programs_what_deliveries);
        if deliveries == Ok(None) {
            let m = Msg::new(T::programs_io_value_empty)
                .arg("what", Arg::Key(T::programs_what_deliveries));
            t.report(line, Some(1), m);
        }
        let capacity = t.whole(line, &row, 2, T::programs_what_capacity, (1, 1000));
        let open = t.whole(line, &row, 3, T::programs_what_days_open, (1, 7));
        let percent = matches!(row_cell_text(&t, &row), Some(s) if s.trim_end().ends_with('%'));
        let share = match t.number(line, &row, 4, T::programs_what_share) {
            Ok(Some(v)) if percent || v > 1.0 => {
                if v <= 100.0 {
                    Ok(Some(v / 100.0))
                } else {
                    let m = Msg::new(T::programs_io_share).arg("value", Arg::Number(v));
                    t.report(line, Some(4), m);
                    Err(())
                }
            }
            other => other,
        };
        if let (Ok(Some(deliveries)), Ok(capacity), Ok(open), Ok(share)) =
            (deliveries, capacity, open, share)
        {
            out.push(Clinic {
                name,
                deliveries_per_year: deliveries,
                interns_per_day: capacity.unwrap_or(1),
                days_open_per_week: open.unwrap_or(7),
                village_share: share.unwrap_or(DEFAULT_VILLAGE_SHARE),
            });
        }
    }
    t.finish()?;
    Ok(out)
}

fn row_cell_text(t: &Table, row: &crate::io::import::sheet_read::SheetRow) -> Option<String> {
    match t.cell_of(row, 4) {
        Cell::Text(s) => Some(s.clone()),
        _ => None,
    }
}

const INDICATOR_COLUMNS: [ColumnSpec; 4] = [
    col(&["tahun", "year"], true),
    col(
        &[
            "persalinan",
            "deliveries",
            "jumlah_persalinan",
            "persalinan_setahun",
        ],
        true,
    ),
    col(
        &[
            "ditolong_nakes",
            "assisted",
            "persalinan_nakes",
            "pn",
            "linakes",
        ],
        true,
    ),
    col(
        &[
            "di_fasilitas",
            "in_facility",
            "persalinan_faskes",
            "pf",
            "faskes",
        ],
        false,
    ),
];

/// Reads the delivery indicators by year: deliveries, those assisted by
/// health workers and (if given) those in health facilities, as counts.
pub fn import_indicators(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Vec<IndicatorYear>, ImportError> {
    let mut t = read_table(path, sheet, &INDICATOR_COLUMNS)?;
    let mut out = Vec::new();
    for (line, row) in t.take_rows() {
        let year = t.whole(line, &row, 0, T::programs_col_year, (1900, 2200));
        let mut count = |spec: usize, what: T, needed: bool| {
            let v = t.number(line, &row, spec, what);
            if needed && v == Ok(None) {
                let m = Msg::new(T::programs_io_value_empty).arg("what", Arg::Key(what));
                t.report(line, Some(spec), m);
                return Err(());
            }
            v
        };
        let deliveries = count(1, T::programs_col_deliveries, true);
        let assisted = count(2, T::programs_col_assisted, true);
        let in_facility = count(3, T::programs_col_in_facility, false);
        if year == Ok(None) {
            let m =
                Msg::new(T::programs_io_value_empty).arg("what", Arg::Key(T::programs_col_year));
            t.report(line, Some(0), m);
            continue;
        }
        if let (Ok(Some(year)), Ok(Some(deliveries)), Ok(Some(assisted)), Ok(in_facility)) =
            (year, deliveries, assisted, in_facility)
        {
            if assisted > deliveries {
                let m = Msg::new(T::programs_io_more_than_deliveries)
                    .arg("value", Arg::Number(assisted))
                    .arg("deliveries", Arg::Number(deliveries));
                t.report(line, Some(2), m);
                continue;
            }
            out.push(IndicatorYear {
                year: year as i32,
                deliveries,
                assisted,
                in_facility: in_facility.unwrap_or(0.0),
            });
        }
    }
    t.finish()?;
    Ok(out)
}

const CHECKLIST_COLUMNS: [ColumnSpec; 4] = [
    col(&["kelompok", "group", "bagian", "aspek", "section"], true),
    col(&["kode", "code", "no", "nomor"], true),
    col(
        &["butir", "item", "standar", "uraian", "text", "indikator"],
        true,
    ),
    col(&["skala", "scale", "penilaian", "skor"], false),
];

/// Reads a checklist: groups in the order they first appear, each item's
/// code unique; the checklist is named after the file.
pub fn import_checklist(path: &Path, sheet: Option<&str>) -> Result<Checklist, ImportError> {
    let mut t = read_table(path, sheet, &CHECKLIST_COLUMNS)?;
    let mut groups: Vec<ChecklistGroup> = Vec::new();
    let mut codes: Vec<(String, usize)> = Vec::new();
    for (line, row) in t.take_rows() {
        let group = t.text(line, &row, 0, T::programs_what_group, true);
        let code = t.text(line, &row, 1, T::programs_what_code, true);
        let text = t.text(line, &row, 2, T::programs_what_item, true);
        let scale_text = t.text(line, &row, 3, T::programs_what_item, false);
        let scale = match scale_from_text(&scale_text) {
            Some(s) => s,
            None => {
                let m = Msg::new(T::programs_io_not_a_scale).text("cell", quote(&scale_text));
                t.report(line, Some(3), m);
                continue;
            }
        };
        if code.is_empty() || group.is_empty() || text.is_empty() {
            continue;
        }
        let key = code.to_lowercase();
        if let Some((_, first)) = codes.iter().find(|(c, _)| *c == key) {
            let m = Msg::new(T::programs_io_duplicate_code)
                .text("cell", quote(&code))
                .text("row", first);
            t.report(line, Some(1), m);
            continue;
        }
        codes.push((key, line));
        let item = ChecklistItem { code, text, scale };
        match groups.iter_mut().find(|g| g.name == group) {
            Some(g) => g.items.push(item),
            None => groups.push(ChecklistGroup {
                name: group,
                items: vec![item],
            }),
        }
    }
    t.finish()?;
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Ok(Checklist {
        name,
        is_example: false,
        groups,
    })
}

/// A scale as written: empty or `0-1-2` (also `0/1/2`, `012`, `0–2`), or
/// `ya/tidak` (also `yes/no`, `ya-tidak`).
pub fn scale_from_text(text: &str) -> Option<Scale> {
    let n: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match n.as_str() {
        "" | "012" | "02" | "skor" | "score" => Some(Scale::ZeroToTwo),
        "yatidak" | "yesno" | "ya" | "yn" | "01" => Some(Scale::YesNo),
        _ => None,
    }
}
