//! Empty data templates (CSV and .xlsx) with the headers and one example row.

use crate::i18n::T;
use crate::model::Lang;
use crate::model::data::Field;

/// The columns of the templates: every field but the parent's code, which
/// only a file of several levels needs.
const TEMPLATE_FIELDS: [Field; 8] = [
    Field::RegionCode,
    Field::RegionName,
    Field::Year,
    Field::Population,
    Field::Cbr,
    Field::Births,
    Field::PregnantWomen,
    Field::MidwivesAvailable,
];

/// The example row of the data templates (Indonesia 2017 from the paper).
fn template_row() -> [(&'static str, f64); 3] {
    [
        ("2017", 2017.0),
        ("261890900", 261_890_900.0),
        ("18,5", 18.5),
    ]
}

/// An empty CSV template (Indonesian Excel style: `;` and decimal comma,
/// UTF-8 with BOM) with the headers and one example row.
pub fn template_csv(lang: Lang) -> Vec<u8> {
    let key = |f: Field| match lang {
        Lang::Id => f.key_id(),
        Lang::En => f.key(),
    };
    let headers: Vec<&str> = TEMPLATE_FIELDS.iter().map(|&f| key(f)).collect();
    let [year, pop, cbr] = template_row();
    let cbr_text = match lang {
        Lang::Id => cbr.0.to_string(),
        Lang::En => "18.5".to_string(),
    };
    let sep = match lang {
        Lang::Id => ";",
        Lang::En => ",",
    };
    let mut out = Vec::new();
    if lang == Lang::Id {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(headers.join(sep).as_bytes());
    out.extend_from_slice(b"\r\n");
    let row = ["ID", "Indonesia", year.0, pop.0, &cbr_text, "", "", ""];
    out.extend_from_slice(row.join(sep).as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

/// An empty .xlsx template with the headers and one example row.
pub fn template_xlsx(lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(T::templates_data))?;
    let bold = Format::new().set_bold();
    for (c, f) in TEMPLATE_FIELDS.iter().enumerate() {
        let name = match lang {
            Lang::Id => f.key_id(),
            Lang::En => f.key(),
        };
        ws.write_string_with_format(0, c as u16, name, &bold)?;
        ws.set_column_width(c as u16, 18)?;
    }
    let [year, pop, cbr] = template_row();
    ws.write_string(1, 0, "ID")?;
    ws.write_string(1, 1, "Indonesia")?;
    ws.write_number(1, 2, year.1)?;
    ws.write_number_with_format(1, 3, pop.1, &Format::new().set_num_format("#,##0"))?;
    ws.write_number_with_format(1, 4, cbr.1, &Format::new().set_num_format("0.00"))?;
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}
