//! Arbitrary bytes through the whole pipeline: read as UTF-8, parse, lower, check, print
//! the findings, build the document, render HTML, large-print PDF and plain text.
//! See fuzz/README.md.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = notice::synth::pipeline(data);
});
