//! Checks a screenshot for CI: `check_png FILE WIDTH HEIGHT` exits 0 when the
//! PNG has that size and is not blank (it shows many distinct colours).

use std::collections::HashSet;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: check_png FILE WIDTH HEIGHT");
        return ExitCode::from(2);
    }
    let (w, h): (u32, u32) = match (args[2].parse(), args[3].parse()) {
        (Ok(w), Ok(h)) => (w, h),
        _ => {
            eprintln!("WIDTH and HEIGHT must be whole numbers");
            return ExitCode::from(2);
        }
    };
    let img = match image::open(&args[1]) {
        Ok(i) => i.to_rgba8(),
        Err(e) => {
            eprintln!("{}: {e}", args[1]);
            return ExitCode::FAILURE;
        }
    };
    if img.width() != w || img.height() != h {
        eprintln!(
            "{}: {}×{} pixels, expected {w}×{h}",
            args[1],
            img.width(),
            img.height()
        );
        return ExitCode::FAILURE;
    }
    let colours: HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
    let dark = img
        .pixels()
        .filter(|p| p.0[0] < 100 && p.0[1] < 100 && p.0[2] < 100)
        .count();
    println!(
        "{}: {}×{} pixels, {} distinct colours, {} dark (text) pixels",
        args[1],
        w,
        h,
        colours.len(),
        dark
    );
    if colours.len() < 50 || dark < 2000 {
        eprintln!("{}: the image looks blank", args[1]);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
