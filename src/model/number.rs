//! Numbers as planners write them: `5.329.480` and `0,21%` in Indonesian,
//! `5,329,480` and `0.21%` in English. Rounding the way the paper and Excel
//! round (halves away from zero). Pure functions, no I/O.

use super::Lang;

/// Rounds `x` to `decimals` places, halves away from zero, as Excel and the
/// paper do (1.162,875 → 1.162,9). A relative nudge of a few ulps makes
/// values such as 1162.875 (stored as 1162.87499999…) round as printed.
pub fn round_half_up(x: f64, decimals: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let p = 10f64.powi(decimals);
    let s = x * p;
    let nudged = s + s.signum() * s.abs().max(1.0) * 4.0 * f64::EPSILON;
    nudged.round() / p
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Formats with exactly `decimals` places and grouped thousands.
pub fn fmt_fixed(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let (thousands, decimal) = separators(lang);
    let rounded = round_half_up(x, decimals as i32);
    let s = format!("{:.*}", decimals, rounded.abs());
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3 + 4);
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(*c);
    }
    let negative = rounded < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push(decimal);
        out.push_str(&f);
    }
    out
}

/// Formats with at most `max_decimals` places, trailing zeros dropped.
pub fn fmt_trim(x: f64, max_decimals: usize, lang: Lang) -> String {
    let s = fmt_fixed(x, max_decimals, lang);
    let (_, decimal) = separators(lang);
    if max_decimals == 0 || !s.contains(decimal) {
        return s;
    }
    let trimmed = s.trim_end_matches('0');
    trimmed.trim_end_matches(decimal).to_string()
}

/// A readable number for the working: whole numbers without decimals,
/// large numbers with up to 2 decimals, small ones with 4 significant digits.
pub fn fmt_auto(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let a = x.abs();
    if a >= 100.0 {
        fmt_trim(x, 2, lang)
    } else if a >= 1.0 {
        fmt_trim(x, 4, lang)
    } else if a == 0.0 {
        "0".to_string()
    } else {
        let lead = (-a.log10().floor()) as usize; // zeros after the point + 1
        fmt_trim(x, (lead + 3).min(12), lang)
    }
}

/// A share as a percentage: 0.0021 → "0,21%".
pub fn fmt_percent(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", fmt_trim(share * 100.0, decimals, lang))
}

/// Why a text could not be read as a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseNumberError {
    #[error("empty")]
    Empty,
    #[error("not a number: {0:?}")]
    Invalid(String),
}

fn is_thousands_grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut any = false;
    for p in parts {
        any = true;
        if p.len() != 3 || !p.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    any
}

/// Reads a number typed or stored the way planners write it.
///
/// Accepts `1.602` (Indonesian thousands: one thousand six hundred and two),
/// `0,3`, `1.163,75`, `1,163.75`, `30%` (gives 30), spaces and non-breaking
/// spaces as group separators, and a leading `+`/`-`/`−`.
/// With `lang = Id` a lone dot followed by groups of three digits is a
/// thousands separator; otherwise a lone separator is the decimal mark.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, ParseNumberError> {
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if s.ends_with('%') {
        s.pop();
    }
    if s.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    let invalid = || ParseNumberError::Invalid(text.trim().to_string());
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(invalid());
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let normalized = if dots > 0 && commas > 0 {
        // Both present: the last one is the decimal mark.
        let last_dot = s.rfind('.').unwrap_or(0);
        let last_comma = s.rfind(',').unwrap_or(0);
        let (group, dec) = if last_comma > last_dot {
            ('.', ',')
        } else {
            (',', '.')
        };
        if s.matches(dec).count() != 1 {
            return Err(invalid());
        }
        let (int_part, frac) = s.split_once(dec).ok_or_else(invalid)?;
        if !is_thousands_grouped(int_part, group) && int_part.contains(group) {
            return Err(invalid());
        }
        format!("{}.{}", int_part.replace(group, ""), frac)
    } else if dots > 0 {
        let thousands = match lang {
            Lang::Id => is_thousands_grouped(&s, '.'),
            Lang::En => dots > 1 && is_thousands_grouped(&s, '.'),
        };
        if thousands {
            s.replace('.', "")
        } else if dots == 1 {
            s.clone()
        } else {
            return Err(invalid());
        }
    } else if commas > 0 {
        let thousands = match lang {
            Lang::En => is_thousands_grouped(&s, ','),
            Lang::Id => commas > 1 && is_thousands_grouped(&s, ','),
        };
        if thousands {
            s.replace(',', "")
        } else if commas == 1 {
            s.replace(',', ".")
        } else {
            return Err(invalid());
        }
    } else {
        s.clone()
    };
    if normalized.starts_with('.') || normalized.ends_with('.') {
        return Err(invalid());
    }
    let v: f64 = normalized.parse().map_err(|_| invalid())?;
    if !v.is_finite() {
        return Err(invalid());
    }
    Ok(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_indonesian_and_english() {
        assert_eq!(fmt_fixed(5_329_480.0, 0, Lang::Id), "5.329.480");
        assert_eq!(fmt_fixed(5_329_480.0, 0, Lang::En), "5,329,480");
        assert_eq!(fmt_fixed(1163.75, 2, Lang::Id), "1.163,75");
        assert_eq!(fmt_fixed(-0.007, 3, Lang::Id), "-0,007");
        assert_eq!(fmt_fixed(-0.0001, 2, Lang::Id), "0,00");
        assert_eq!(fmt_percent(0.0021, 2, Lang::Id), "0,21%");
        assert_eq!(fmt_trim(26.25, 4, Lang::Id), "26,25");
        assert_eq!(fmt_trim(312.0, 2, Lang::Id), "312");
        assert_eq!(fmt_auto(-0.0070164, Lang::Id), "-0,007016");
        assert_eq!(fmt_fixed(999.5, 0, Lang::Id), "1.000");
    }

    #[test]
    fn rounds_halves_up_as_published() {
        assert_eq!(round_half_up(1162.875, 1), 1162.9);
        assert_eq!(round_half_up(44.3 * 26.25, 1), 1162.9);
        assert_eq!(round_half_up(104.7, 0), 105.0);
        assert_eq!(round_half_up(-0.0045, 3), -0.005);
        assert_eq!(round_half_up(4_844_981.65, 0), 4_844_982.0);
        assert_eq!(round_half_up(0.002106801, 4), 0.0021);
    }

    #[test]
    fn parses_planner_numbers() {
        assert_eq!(parse_number("1.602", Lang::Id), Ok(1602.0));
        assert_eq!(parse_number("1.602", Lang::En), Ok(1.602));
        assert_eq!(parse_number("0,3", Lang::Id), Ok(0.3));
        assert_eq!(parse_number("0,3", Lang::En), Ok(0.3));
        assert_eq!(parse_number("30%", Lang::Id), Ok(30.0));
        assert_eq!(parse_number("1.163,75", Lang::Id), Ok(1163.75));
        assert_eq!(parse_number("1,163.75", Lang::Id), Ok(1163.75));
        assert_eq!(parse_number("5.329.480", Lang::Id), Ok(5_329_480.0));
        assert_eq!(parse_number("30.6", Lang::Id), Ok(30.6));
        assert_eq!(parse_number(" -0,007 ", Lang::Id), Ok(-0.007));
        assert_eq!(parse_number("5 329 480", Lang::Id), Ok(5_329_480.0));
        assert!(parse_number("", Lang::Id).is_err());
        assert!(parse_number("abc", Lang::Id).is_err());
        assert!(parse_number("1.2.3", Lang::Id).is_err());
        assert!(parse_number("1e400", Lang::Id).is_err());
        assert!(parse_number("NaN", Lang::Id).is_err());
        assert!(parse_number(",", Lang::Id).is_err());
    }
}
