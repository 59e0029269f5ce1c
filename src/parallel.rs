//! Work spread over every core: one worker thread per core takes items from a queue (the
//! largest first, when sizes are given), and the results come back in the order of the
//! items, so that what a command prints and writes never depends on which worker finished
//! first.

use std::sync::Mutex;

/// Map `f` over `items` on one thread per core, keeping the order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let refs: Vec<&T> = items.iter().collect();
    map_owned(refs, f)
}

/// The stack of each worker: as large as the main thread's, so that a notice renders the
/// same on a worker as on its own (the default for spawned threads is 2 MiB). Only what
/// is used is ever touched.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// Map `f` over owned `items` on one thread per core, keeping the order.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    map_sized(items, |_| 0, f)
}

/// Map `f` over owned `items` on one thread per core, the largest items (by `size`) first,
/// and return the results in the order of `items`.
///
/// Taking the largest first keeps the cores busy to the end: in input order, the largest
/// example notice (Leicestershire, last by name) was started last and rendered alone
/// while the other core sat idle. Only the order of the work changes, never the results.
pub fn map_sized<T: Send, R: Send>(
    items: Vec<T>,
    size: impl Fn(&T) -> usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len().max(1));
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let len = items.len();
    let mut order: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    // Stable: items of the same size keep their order.
    order.sort_by_key(|(_, item)| std::cmp::Reverse(size(item)));
    let queue = Mutex::new(order.into_iter());
    let mut slots: Vec<Option<R>> = (0..len).map(|_| None).collect();
    let results = Mutex::new(&mut slots);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            std::thread::Builder::new()
                .stack_size(WORKER_STACK_BYTES)
                .spawn_scoped(scope, || {
                    loop {
                        let next = queue
                            .lock()
                            .expect("no worker panics holding the queue")
                            .next();
                        let Some((i, item)) = next else { break };
                        let r = f(item);
                        results
                            .lock()
                            .expect("no worker panics holding the results")[i] = Some(r);
                    }
                })
                .expect("a worker thread starts");
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}
