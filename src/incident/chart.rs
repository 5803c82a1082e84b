//! The uptime chart for `/status`: one strip per target over the last 24 hours, an hour per
//! cell (green all good, amber some bad checks, red mostly bad, grey not checked), and under it
//! each target's mean latency per hour as a line. A PNG, drawn with plotters into a buffer (no
//! fonts: the numbers are in the message beside it).

use super::history::CheckRecord;
use plotters::prelude::*;
use std::io::Cursor;

/// Hours shown.
pub const HOURS: usize = 24;
const WIDTH: u32 = 480;
const STRIP: u32 = 14;
const GAP: u32 = 6;
const LATENCY_HEIGHT: u32 = 80;

/// One target's hours, oldest first: uptime percent and mean latency of the good checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    pub uptime: Vec<Option<f64>>,
    pub latency_ms: Vec<Option<u64>>,
}

/// Buckets `records` (one target's) into the [`HOURS`] hours before `now` (the last hour
/// includes `now` itself), each summed up as a history [`window_in`](super::history::window_in).
pub fn hours(records: &[CheckRecord], now: u64) -> Hours {
    let start = now.saturating_sub(HOURS as u64 * 3600);
    let windows: Vec<_> = (0..HOURS as u64)
        .map(|i| {
            let from = start + i * 3600;
            let to = if i + 1 == HOURS as u64 {
                now + 1
            } else {
                from + 3600
            };
            super::history::window_in(records, from..to)
        })
        .collect();
    Hours {
        uptime: windows.iter().map(|w| w.uptime_percent).collect(),
        latency_ms: windows.iter().map(|w| w.mean_latency_ms).collect(),
    }
}

fn cell_colour(uptime: Option<f64>) -> RGBColor {
    match uptime {
        None => RGBColor(200, 200, 200),
        Some(u) if u >= 99.99 => RGBColor(87, 242, 135),
        Some(u) if u >= 50.0 => RGBColor(254, 231, 92),
        Some(_) => RGBColor(237, 66, 69),
    }
}

/// Line colours for the latency of each target, in turn.
const LINES: [RGBColor; 4] = [
    RGBColor(88, 101, 242),
    RGBColor(235, 69, 158),
    RGBColor(87, 242, 135),
    RGBColor(254, 231, 92),
];

/// The chart as PNG bytes; `None` without targets or when drawing fails (logged).
pub fn png(targets: &[Hours]) -> Option<Vec<u8>> {
    if targets.is_empty() {
        return None;
    }
    let rows = u32::try_from(targets.len()).ok()?;
    let height = GAP + rows * (STRIP + GAP) + LATENCY_HEIGHT + GAP;
    let mut buf = vec![255u8; (WIDTH * height * 3) as usize];
    if let Err(e) = draw(targets, &mut buf, height) {
        tracing::warn!(error = %e, "status chart not drawn");
        return None;
    }
    let image = image::RgbImage::from_raw(WIDTH, height, buf)?;
    let mut out = Cursor::new(Vec::new());
    match image.write_to(&mut out, image::ImageOutputFormat::Png) {
        Ok(()) => Some(out.into_inner()),
        Err(e) => {
            tracing::warn!(error = %e, "status chart not encoded");
            None
        }
    }
}

fn draw(targets: &[Hours], buf: &mut [u8], height: u32) -> Result<(), String> {
    let root = BitMapBackend::with_buffer(buf, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let cell = (WIDTH - 2 * GAP) / HOURS as u32;
    for (row, t) in targets.iter().enumerate() {
        let y = (GAP + row as u32 * (STRIP + GAP)) as i32;
        for (i, u) in t.uptime.iter().enumerate() {
            let x = (GAP + i as u32 * cell) as i32;
            root.draw(&Rectangle::new(
                [(x, y), (x + cell as i32 - 1, y + STRIP as i32)],
                cell_colour(*u).filled(),
            ))
            .map_err(|e| e.to_string())?;
        }
    }
    let top = (GAP + targets.len() as u32 * (STRIP + GAP)) as i32;
    let max = targets
        .iter()
        .flat_map(|t| t.latency_ms.iter().flatten())
        .max()
        .copied()
        .unwrap_or(1)
        .max(1) as f64;
    let bottom = top + LATENCY_HEIGHT as i32;
    root.draw(&PathElement::new(
        vec![(GAP as i32, bottom), ((WIDTH - GAP) as i32, bottom)],
        RGBColor(180, 180, 180),
    ))
    .map_err(|e| e.to_string())?;
    for (n, t) in targets.iter().enumerate() {
        let points: Vec<(i32, i32)> = t
            .latency_ms
            .iter()
            .enumerate()
            .filter_map(|(i, ms)| {
                let ms = (*ms)? as f64;
                let x = (GAP + i as u32 * cell + cell / 2) as i32;
                let y = bottom - ((ms / max) * (LATENCY_HEIGHT as f64 - 4.0)) as i32;
                Some((x, y))
            })
            .collect();
        if points.len() > 1 {
            root.draw(&PathElement::new(
                points,
                LINES[n % LINES.len()].stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        }
    }
    root.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::Verdict;

    fn rec(at: u64, verdict: Verdict, ms: u64) -> CheckRecord {
        CheckRecord {
            at,
            target: "t".into(),
            verdict,
            status: None,
            latency_ms: ms,
            detail: String::new(),
            held: false,
        }
    }

    #[test]
    fn checks_fall_into_their_hour_and_the_chart_is_a_png() {
        let now = 100 * 3600;
        let records = [
            rec(now - 3600 * 30, Verdict::Up, 1),
            rec(now - 10, Verdict::Up, 100),
            rec(now - 20, Verdict::BadGateway, 5),
            rec(now - 3600 * 2 - 5, Verdict::Up, 300),
        ];
        let h = hours(&records, now);
        assert_eq!(h.uptime.len(), HOURS);
        assert_eq!(h.uptime[HOURS - 1], Some(50.0));
        assert_eq!(h.latency_ms[HOURS - 1], Some(100));
        assert_eq!(h.uptime[HOURS - 3], Some(100.0));
        assert_eq!(h.uptime[0], None, "older than a day is left out");
        let drawn = png(&[h.clone(), h]).expect("drawn");
        assert_eq!(&drawn[..8], b"\x89PNG\r\n\x1a\n");
        assert!(png(&[]).is_none());
    }
}
