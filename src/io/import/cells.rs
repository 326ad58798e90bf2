//! Reading cells: plain numbers without allocating, spreadsheet column
//! letters, the CSV delimiter, and the progress callback the readers share.

/// Reports progress (0 to 1); returns false to cancel.
pub type Progress<'a> = &'a mut dyn FnMut(f32) -> bool;

/// A workbook cell as read: empty, text or a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

/// The delimiter of the header line: `;`, tab or `,`.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| {
        let mut n = 0;
        let mut quoted = false;
        for ch in first.chars() {
            if ch == '"' {
                quoted = !quoted;
            } else if ch == c && !quoted {
                n += 1;
            }
        }
        n
    };
    let (semi, tab, comma) = (count(';'), count('\t'), count(','));
    if semi >= comma && semi >= tab && semi > 0 {
        b';'
    } else if tab > comma {
        b'\t'
    } else {
        b','
    }
}

/// Powers of ten up to 10^15, exact, as powi gives them.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Reads the common plain forms of numbers without allocating: `2017`,
/// `261.890.900`, `18,5`, `18.5`, `1.163,75`, with the same result as
/// [`parse_number`](crate::model::number::parse_number) in Indonesian; `None` sends anything else to it.
pub fn fast_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    // The commonest forms first: `2017`, `261.890.900`, `18,50`, `1.163,75`.
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 15 && b.len() <= 18 {
        let add = |m: u64, d: &[u8]| d.iter().fold(m, |m, &c| m * 10 + (c - b'0') as u64);
        let mut mantissa = add(0, &b[..digits]);
        let mut rest = &b[digits..];
        if digits <= 3 {
            // Thousands: groups of exactly three digits after a dot.
            while let [b'.', d1, d2, d3, tail @ ..] = rest
                && d1.is_ascii_digit()
                && d2.is_ascii_digit()
                && d3.is_ascii_digit()
                && !tail.first().is_some_and(u8::is_ascii_digit)
            {
                mantissa = add(mantissa, &[*d1, *d2, *d3]);
                rest = tail;
            }
        }
        // As below: at most 2^53 (exact in an f64) and 15 decimals.
        match rest {
            [] if mantissa < 1 << 53 => return Some(mantissa as f64),
            [b',', fraction @ ..]
                if (1..=15).contains(&fraction.len())
                    && fraction.iter().all(u8::is_ascii_digit)
                    && add(mantissa, fraction) < 1 << 53 =>
            {
                return Some(add(mantissa, fraction) as f64 / POW10[fraction.len()]);
            }
            _ => {}
        }
    }
    let (neg, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut decimals: i32 = 0;
    let mut in_fraction = false;
    let mut group_len: i32 = -1; // digits since the last dot; -1 before any dot
    let mut first_group = 0;
    let mut dots = 0;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + (c - b'0') as u64;
                if in_fraction {
                    decimals += 1;
                } else if group_len >= 0 {
                    group_len += 1;
                } else {
                    first_group += 1;
                }
            }
            b'.' if !in_fraction => {
                if group_len >= 0 && group_len != 3 {
                    return None;
                }
                dots += 1;
                group_len = 0;
            }
            b',' if !in_fraction => {
                if group_len >= 0 && group_len != 3 {
                    return None;
                }
                in_fraction = true;
            }
            _ => return None,
        }
    }
    if first_group == 0 || (in_fraction && decimals == 0) || group_len == 0 {
        return None;
    }
    if dots > 0 && !in_fraction {
        // Dots only: thousands when every group has three digits and the
        // first one to three (Indonesian), else one decimal point.
        let thousands = group_len == 3 && first_group <= 3;
        if !thousands {
            if dots == 1 {
                decimals = group_len;
            } else {
                return None;
            }
        }
    }
    if dots > 0 && in_fraction && first_group > 3 {
        return None;
    }
    if decimals > 15 {
        return None;
    }
    let v = if decimals == 0 {
        mantissa as f64
    } else {
        mantissa as f64 / POW10[decimals as usize]
    };
    if mantissa >= (1u64 << 53) {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// The spreadsheet letter of a 0-based column: 0 → A, 27 → AB.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'A' + (c % 26) as u8) as char);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.iter().rev().collect()
}
