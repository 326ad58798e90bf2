//! The uncertainty bands, drawn on a thread of their own so that the
//! window keeps answering: the draws done so far are counted for the
//! progress bar, a newer request cancels the older run, and the finished
//! bands are picked up at the next frame.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::uncertainty::{Bands, UncertaintyError, UncertaintySetup, bands_with_progress};
use crate::model::{DataRow, Parameters};

/// What the bands were asked for.
#[derive(Debug, Clone, PartialEq)]
struct Request {
    params: Parameters,
    data_rev: u64,
    region: Option<usize>,
    setup: UncertaintySetup,
}

/// A run in progress.
struct Running {
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    answer: Receiver<Result<Bands, UncertaintyError>>,
}

/// Where the bands stand.
#[derive(Debug, Clone, PartialEq)]
pub enum BandsStatus<'a> {
    /// The scenario asks for no bands.
    Off,
    /// Drawing: `done` of `total` draws.
    Running {
        done: usize,
        total: usize,
    },
    Ready(&'a Bands),
    Failed(&'a UncertaintyError),
}

/// The bands of what is shown and the run that draws them.
#[derive(Default)]
pub struct BandsJob {
    request: Option<Request>,
    running: Option<Running>,
    result: Option<Result<Bands, UncertaintyError>>,
}

impl BandsJob {
    /// Starts a run when the request differs from the last one (cancelling
    /// a run still going), and picks up a finished run. `ctx` is asked to
    /// draw again when the run ends. True if anything changed.
    pub fn refresh(
        &mut self,
        params: &Parameters,
        data: Arc<Vec<DataRow>>,
        data_rev: u64,
        region: Option<usize>,
        setup: Option<&UncertaintySetup>,
        ctx: Option<&egui::Context>,
    ) -> bool {
        let Some(setup) = setup else {
            let changed = self.request.is_some() || self.result.is_some();
            self.stop();
            self.request = None;
            self.result = None;
            return changed;
        };
        let request = Request {
            params: params.clone(),
            data_rev,
            region,
            setup: setup.clone(),
        };
        if self.request.as_ref() != Some(&request) {
            self.stop();
            self.result = None;
            self.start(&request, data, ctx.cloned());
            self.request = Some(request);
            return true;
        }
        self.poll()
    }

    /// Takes the answer of a finished run; true if there was one.
    fn poll(&mut self) -> bool {
        let Some(run) = &self.running else {
            return false;
        };
        match run.answer.try_recv() {
            Ok(answer) => {
                self.result = Some(answer);
                self.running = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                // The run ended without an answer: it was cancelled.
                self.result = Some(Err(UncertaintyError::Cancelled));
                self.running = None;
                true
            }
        }
    }

    fn stop(&mut self) {
        if let Some(run) = self.running.take() {
            run.cancel.store(true, Ordering::SeqCst);
        }
    }

    /// Cancels the run in progress; the bands stay off until the request
    /// changes.
    pub fn cancel(&mut self) {
        if self.running.is_some() {
            self.stop();
            self.result = Some(Err(UncertaintyError::Cancelled));
        }
    }

    /// Forgets the last request, so that the next refresh draws again.
    pub fn restart(&mut self) {
        self.stop();
        self.request = None;
        self.result = None;
    }

    fn start(&mut self, r: &Request, data: Arc<Vec<DataRow>>, ctx: Option<egui::Context>) {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, answer) = channel();
        let total = r.setup.draws as usize;
        let (params, region, setup) = (r.params.clone(), r.region, r.setup.clone());
        let (done2, cancel2) = (done.clone(), cancel.clone());
        let kept = data.clone();
        let spawned = std::thread::Builder::new()
            .name("bands".into())
            .spawn(move || {
                // Every few hundred draws: the count for the progress bar,
                // and a new frame to show it.
                let progress = |d: usize, _n: usize| {
                    done2.store(d, Ordering::Relaxed);
                    if let Some(c) = &ctx {
                        c.request_repaint();
                    }
                    !cancel2.load(Ordering::Relaxed)
                };
                let answer = bands_with_progress(&params, &data, region, &setup, &progress);
                let _ = send.send(answer);
                if let Some(c) = &ctx {
                    c.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.running = Some(Running {
                    done,
                    total,
                    cancel,
                    answer,
                })
            }
            // No thread could be had: the bands are drawn here and now.
            Err(_) => {
                self.result = Some(bands_with_progress(
                    &r.params,
                    &kept,
                    r.region,
                    &r.setup,
                    &|_, _| true,
                ))
            }
        }
    }

    /// Where the bands stand.
    pub fn status(&self) -> BandsStatus<'_> {
        if let Some(run) = &self.running {
            return BandsStatus::Running {
                done: run.done.load(Ordering::Relaxed),
                total: run.total,
            };
        }
        match &self.result {
            Some(Ok(b)) => BandsStatus::Ready(b),
            Some(Err(e)) => BandsStatus::Failed(e),
            None => BandsStatus::Off,
        }
    }

    /// The finished bands, if any.
    pub fn ready(&self) -> Option<&Bands> {
        match self.status() {
            BandsStatus::Ready(b) => Some(b),
            _ => None,
        }
    }

    /// Waits for the run in progress to end (for the command line and tests).
    pub fn wait(&mut self) {
        if let Some(run) = self.running.take() {
            self.result = Some(
                run.answer
                    .recv()
                    .unwrap_or(Err(UncertaintyError::Cancelled)),
            );
        }
    }
}
