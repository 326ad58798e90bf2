//! The growth-rate estimators: the mean of the year-on-year rates (the
//! paper), their median, the compound rate between the first and the last
//! year, and the log-linear least-squares trend. Each works on the values of
//! the growth years only, so that a known bad year can be left out of the
//! estimate without being deleted from the data.

/// Growth rate from one year to the next; zero to zero is no growth, and
/// growth from zero to more is `None`.
pub fn annual_rate(prev: f64, next: f64) -> Option<f64> {
    if prev > 0.0 {
        Some((next - prev) / prev)
    } else if next == 0.0 {
        Some(0.0)
    } else {
        None
    }
}

/// The year-on-year rates of consecutive values. `Err(i)` names the index
/// of the first value that cannot be reached from the one before (growth
/// from zero).
pub fn annual_rates(values: &[f64]) -> Result<Vec<f64>, usize> {
    values
        .windows(2)
        .enumerate()
        .map(|(i, w)| annual_rate(w[0], w[1]).ok_or(i + 1))
        .collect()
}

/// Arithmetic mean; 0 for no rates.
pub fn mean(rates: &[f64]) -> f64 {
    if rates.is_empty() {
        0.0
    } else {
        rates.iter().sum::<f64>() / rates.len() as f64
    }
}

/// Median: the middle rate, or the mean of the two middle rates; 0 for no rates.
pub fn median(rates: &[f64]) -> f64 {
    median_in_place(&mut rates.to_vec())
}

/// [`median`] of `rates`, sorting them where they are (no copy).
pub fn median_in_place(rates: &mut [f64]) -> f64 {
    rates.sort_by(f64::total_cmp);
    let sorted = rates;
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Compound rate from the first value to the last: (last / first)^(1/(n−1)) − 1.
/// `Err(1)` when growth starts from zero.
pub fn compound(values: &[f64]) -> Result<f64, usize> {
    let n = values.len();
    if n < 2 {
        return Ok(0.0);
    }
    let (a, b) = (values[0], values[n - 1]);
    if a == 0.0 && b == 0.0 {
        Ok(0.0)
    } else if a == 0.0 {
        Err(1)
    } else {
        Ok((b / a).powf(1.0 / (n - 1) as f64) - 1.0)
    }
}

/// Least-squares line through (t, ln value), t = 0, 1, …: the slope `b`
/// and the fitted ln value at t = 0. `Err(i)` names a value that is not
/// positive (it has no logarithm).
pub fn log_line(values: &[f64]) -> Result<(f64, f64), usize> {
    if let Some(i) = values.iter().position(|&v| v.is_nan() || v <= 0.0) {
        return Err(i);
    }
    let n = values.len() as f64;
    if values.len() < 2 {
        return Ok((0.0, values.first().map_or(0.0, |v| v.ln())));
    }
    let t_mean = (n - 1.0) / 2.0;
    let y_mean = values.iter().map(|v| v.ln()).sum::<f64>() / n;
    let (mut sty, mut stt) = (0.0, 0.0);
    for (i, v) in values.iter().enumerate() {
        let dt = i as f64 - t_mean;
        sty += dt * (v.ln() - y_mean);
        stt += dt * dt;
    }
    let slope = sty / stt;
    Ok((slope, y_mean - slope * t_mean))
}

/// Log-linear trend rate: e^b − 1, b the least-squares slope of ln value on the year.
pub fn trend(values: &[f64]) -> Result<f64, usize> {
    log_line(values).map(|(b, _)| b.exp() - 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn median_of_a_short_series_by_hand() {
        // 100 → 110 → 99 → 104,94 → 110,187: rates +10%, −10%, +6%, +5%.
        let values = [100.0, 110.0, 99.0, 104.94, 110.187];
        let rates = annual_rates(&values).unwrap();
        assert!(close(rates[0], 0.10) && close(rates[1], -0.10));
        assert!(close(rates[2], 0.06) && close(rates[3], 0.05));
        // Sorted −0,10; 0,05; 0,06; 0,10: the median is (0,05 + 0,06) / 2.
        assert!(close(median(&rates), 0.055));
        // The mean is pulled by the odd years: (0,10 − 0,10 + 0,06 + 0,05) / 4.
        assert!(close(mean(&rates), 0.0275));
        assert!(close(median(&rates[..3]), 0.06));
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn trend_of_a_short_series_by_hand() {
        // 100, 110, 121: exactly +10% a year, so the trend is 10%.
        assert!(close(trend(&[100.0, 110.0, 121.0]).unwrap(), 0.10));
        // 100, 100, 121: ln values 4,60517; 4,60517; 4,79579. t̄ = 1,
        // slope b = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)² = (ln 121 − ln 100) / 2
        // = ln 1,1 = 0,0953102, so g = e^b − 1 = 0,10 again: the middle
        // year has no weight in a three-year slope.
        assert!(close(trend(&[100.0, 100.0, 121.0]).unwrap(), 0.10));
        // 100, 120, 121: slope (ln 121 − ln 100) / 2 as well: 10%, while
        // the mean of the annual rates is (0,20 + 0,0083333) / 2 = 0,1041667.
        assert!(close(trend(&[100.0, 120.0, 121.0]).unwrap(), 0.10));
        // Four years 100, 100, 100, 133,1: t̄ = 1,5, Σ(t − t̄)² = 5,
        // b = 1,5 × ln 1,331 / 5 = 0,3 × 3 ln 1,1 = 0,9 ln 1,1,
        // g = 1,1^0,9 − 1 = 0,0895657.
        let g = trend(&[100.0, 100.0, 100.0, 133.1]).unwrap();
        assert!(close(g, 1.1f64.powf(0.9) - 1.0), "{g}");
        assert!((g - 0.0895657).abs() < 1e-7);
        assert_eq!(trend(&[50.0]).unwrap(), 0.0);
        assert_eq!(trend(&[50.0, 0.0, 3.0]), Err(1));
    }

    #[test]
    fn compound_and_growth_from_zero() {
        assert!(close(compound(&[100.0, 50.0, 121.0]).unwrap(), 0.10));
        assert_eq!(compound(&[0.0, 5.0]), Err(1));
        assert_eq!(compound(&[0.0, 0.0]), Ok(0.0));
        assert_eq!(annual_rates(&[3.0, 0.0, 2.0]), Err(2));
    }
}
