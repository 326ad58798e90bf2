//! Column names of data files: headers normalised, recognised in Indonesian
//! or English, and mapped to the fields of a data row.

use crate::model::data::{ColumnMapping, Field};

/// Header names recognised for each field, compared after [`normalize`].
const ALIASES: [(Field, &[&str]); 9] = [
    (
        Field::RegionCode,
        &[
            "regioncode",
            "kodewilayah",
            "kode",
            "code",
            "kodebps",
            "kodedesa",
            "kodepuskesmas",
            "kodekabupaten",
            "kodeprovinsi",
            "idwilayah",
        ],
    ),
    (
        Field::RegionName,
        &[
            "regionname",
            "namawilayah",
            "wilayah",
            "nama",
            "region",
            "name",
            "provinsi",
            "kabupaten",
            "kabupatenkota",
            "kota",
            "puskesmas",
            "desa",
            "kelurahan",
            "desakelurahan",
            "kecamatan",
        ],
    ),
    (Field::Year, &["year", "tahun", "thn"]),
    (
        Field::Population,
        &[
            "population",
            "jumlahpenduduk",
            "penduduk",
            "pop",
            "jumlahproyeksipenduduk",
            "proyeksipenduduk",
            "jiwa",
            "populasi",
        ],
    ),
    (
        Field::Cbr,
        &[
            "cbr",
            "angkakelahirankasar",
            "crudebirthrate",
            "akk",
            "cbrper1000",
            "cbrper1000penduduk",
        ],
    ),
    (
        Field::Births,
        &[
            "births",
            "kelahiran",
            "jumlahkelahiran",
            "livebirths",
            "kelahiranhidup",
            "jumlahkelahiranhidup",
            "lahirhidup",
            "jumlahlahirhidup",
            "jumlahproyeksikelahiran",
        ],
    ),
    (
        Field::PregnantWomen,
        &[
            "pregnantwomen",
            "ibuhamil",
            "jumlahibuhamil",
            "bumil",
            "jumlahbumil",
            "jumlahproyeksiibuhamil",
            "sasaranibuhamil",
        ],
    ),
    (
        Field::MidwivesAvailable,
        &[
            "midwivesavailable",
            "midwives",
            "jumlahbidan",
            "bidan",
            "bidantersedia",
            "existingmidwives",
            "bidanyangada",
            "bidanpuskesmas",
            "jumlahbidanpuskesmas",
        ],
    ),
    (
        Field::ParentCode,
        &[
            "parentcode",
            "kodeinduk",
            "induk",
            "kodewilayahinduk",
            "parent",
            "parentregion",
            "parentregioncode",
        ],
    ),
];

/// Lower case, letters and digits only: "Jumlah Penduduk (jiwa)" → "jumlahpendudukjiwa".
pub fn normalize(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if recognised.
pub fn recognize(header: &str) -> Option<Field> {
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    for (field, names) in ALIASES {
        if names.contains(&n.as_str()) {
            return Some(field);
        }
    }
    // "jumlah penduduk (jiwa)", "CBR (per 1000)": a known name plus a unit.
    let strip = ["jiwa", "orang", "per1000", "per1000penduduk", "fte", "org"];
    for s in strip {
        if let Some(base) = n.strip_suffix(s) {
            for (field, names) in ALIASES {
                if names.contains(&base) {
                    return Some(field);
                }
            }
        }
    }
    None
}

/// Recognises every header (unknown ones are ignored); a remembered
/// mapping decides for the headers it knows.
pub fn detect_mapping(headers: &[String], remembered: Option<&ColumnMapping>) -> ColumnMapping {
    let mut used = Vec::new();
    let mut columns: Vec<(String, Option<Field>)> = headers
        .iter()
        .map(|h| {
            let f = recognize(h).filter(|f| !used.contains(f));
            if let Some(f) = f {
                used.push(f);
            }
            (h.clone(), f)
        })
        .collect();
    if let Some(r) = remembered {
        for (h, f) in columns.iter_mut() {
            if let Some((_, rf)) = r
                .columns
                .iter()
                .find(|(rh, _)| normalize(rh) == normalize(h))
            {
                *f = *rf;
            }
        }
    }
    ColumnMapping { columns }
}
