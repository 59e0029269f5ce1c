//! The embedded fonts, font fallback and shaping.
//!
//! Four faces are compiled into the binary: Atkinson Hyperlegible Next (regular and bold),
//! designed for readers with low vision, and DejaVu Sans (regular and bold) as a fallback
//! for characters Atkinson does not have (for example `Ō`). They are parsed once, on first
//! use (each face separately), and shared by every render.
//!
//! Text is shaped with `rustybuzz` (the shaper krilla itself uses), so widths used for line
//! breaking are exactly the advances that are drawn, kerning included.

use std::sync::OnceLock;

use rustybuzz::ttf_parser::GlyphId;
use rustybuzz::{Direction, Face, ShapePlan, UnicodeBuffer, script};

static ATKINSON_REGULAR: &[u8] =
    include_bytes!("../../../assets/fonts/AtkinsonHyperlegibleNext-Regular.ttf");
static ATKINSON_BOLD: &[u8] =
    include_bytes!("../../../assets/fonts/AtkinsonHyperlegibleNext-Bold.ttf");
static DEJAVU_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static DEJAVU_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The character drawn in place of one that no embedded font has.
pub(super) const REPLACEMENT: char = '\u{FFFD}';

/// One of the four embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum FaceId {
    /// Atkinson Hyperlegible Next Regular.
    Regular = 0,
    /// Atkinson Hyperlegible Next Bold.
    Bold = 1,
    /// DejaVu Sans.
    FallbackRegular = 2,
    /// DejaVu Sans Bold.
    FallbackBold = 3,
}

impl FaceId {
    fn primary(bold: bool) -> Self {
        if bold { FaceId::Bold } else { FaceId::Regular }
    }

    fn fallback(bold: bool) -> Self {
        if bold {
            FaceId::FallbackBold
        } else {
            FaceId::FallbackRegular
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The parsed faces, for shaping and for krilla. Each face is parsed on first use, so a
/// notice that never needs the DejaVu fallback never pays for parsing it.
pub(super) struct FontSet {
    faces: [OnceLock<Loaded>; 4],
}

/// One parsed face.
struct Loaded {
    face: Face<'static>,
    /// A shaping plan for left-to-right Latin text, made once: building a plan costs more
    /// than shaping a paragraph.
    latin: ShapePlan,
}

/// The embedded faces' bytes, in `FaceId` order.
static FACE_DATA: [&[u8]; 4] = [ATKINSON_REGULAR, ATKINSON_BOLD, DEJAVU_REGULAR, DEJAVU_BOLD];

static FONTS: FontSet = FontSet {
    faces: [const { OnceLock::new() }; 4],
};

/// The shared, parsed fonts.
pub(super) fn fonts() -> &'static FontSet {
    &FONTS
}

impl FontSet {
    fn loaded(&self, face: FaceId) -> &Loaded {
        self.faces[face.index()].get_or_init(|| {
            let data = FACE_DATA[face.index()];
            let parsed = Face::from_slice(data, 0).expect("an embedded font failed to parse");
            let latin = ShapePlan::new(
                &parsed,
                Direction::LeftToRight,
                Some(script::LATIN),
                None,
                &[],
            );
            Loaded {
                face: parsed,
                latin,
            }
        })
    }

    /// The krilla font for a face, this thread's own. krilla clones and drops a font's
    /// reference count several times per glyph drawn; a font shared by the workers had its
    /// count bounce between their cores on every glyph (about 4% of a large build).
    pub(super) fn krilla(&self, face: FaceId) -> krilla::text::Font {
        thread_local! {
            static KRILLA: [std::cell::OnceCell<krilla::text::Font>; 4] =
                const { [const { std::cell::OnceCell::new() }; 4] };
        }
        KRILLA.with(|fonts| {
            fonts[face.index()]
                .get_or_init(|| {
                    krilla::text::Font::new(FACE_DATA[face.index()].into(), 0)
                        .expect("an embedded font failed to load")
                })
                .clone()
        })
    }

    /// The glyph id and advance (in em) of the space in a face.
    pub(super) fn space(&self, face: FaceId) -> (u16, f32) {
        let f = self.face(face);
        let gid = f.glyph_index(' ').unwrap_or(GlyphId(0));
        let advance = f.glyph_hor_advance(gid).unwrap_or(0);
        (gid.0, f32::from(advance) / f.units_per_em() as f32)
    }

    fn face(&self, face: FaceId) -> &Face<'static> {
        &self.loaded(face).face
    }

    fn has(&self, face: FaceId, c: char) -> bool {
        self.face(face)
            .glyph_index(c)
            .is_some_and(|g| g != GlyphId(0))
    }

    /// Which face draws `c` in the given weight, or `None` if no embedded face has it.
    pub(super) fn face_for(&self, c: char, bold: bool) -> Option<FaceId> {
        // Latin-1 is most of the text: whether Atkinson has it comes from a table made
        // once (a cmap lookup per character was 6% of rendering many notices).
        static ATKINSON_HAS: OnceLock<[[bool; 256]; 2]> = OnceLock::new();
        if let Ok(b) = u8::try_from(u32::from(c)) {
            let table = ATKINSON_HAS.get_or_init(|| {
                [false, true].map(|bold| {
                    std::array::from_fn(|i| self.has(FaceId::primary(bold), char::from(i as u8)))
                })
            });
            if table[usize::from(bold)][usize::from(b)] {
                return Some(FaceId::primary(bold));
            }
        }
        self.face_for_uncached(c, bold)
    }

    fn face_for_uncached(&self, c: char, bold: bool) -> Option<FaceId> {
        [FaceId::primary(bold), FaceId::fallback(bold)]
            .into_iter()
            .find(|&f| self.has(f, c))
    }
}

/// A shaped glyph. Advances and offsets are in em (multiply by the font size for points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ShapedGlyph {
    /// The face the glyph is from.
    pub face: FaceId,
    /// The glyph id in that face.
    pub gid: u16,
    /// Horizontal advance, in em.
    pub advance: f32,
    /// Horizontal offset, in em.
    pub x_offset: f32,
    /// Vertical offset, in em.
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the paragraph text.
    pub cluster: usize,
}

/// Characters that are never drawn and never warned about: soft hyphens, zero-width
/// spaces and joiners, directional marks, the byte order mark, variation selectors.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
        || c.is_control()
}

/// Whether `c` is a combining mark that belongs with the character before it.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Shapes `text` (which starts at byte `base` of its paragraph) in the given weight,
/// appending glyphs to `out`. Characters no face has are drawn as [`REPLACEMENT`] and
/// reported through `missing` with their byte offset in the paragraph.
pub(super) fn shape(
    text: &str,
    base: usize,
    bold: bool,
    out: &mut Vec<ShapedGlyph>,
    missing: &mut Vec<(usize, char)>,
) {
    let set = fonts();
    // Split the text into runs that one face draws.
    let mut run_start = 0;
    let mut run_face: Option<FaceId> = None;
    for (i, c) in text.char_indices() {
        let face = if is_invisible(c) {
            None
        } else if is_combining(c) && run_face.is_some_and(|f| set.has(f, c)) {
            run_face
        } else if let Some(f) = set.face_for(c, bold) {
            Some(f)
        } else {
            missing.push((base + i, c));
            let f = set
                .face_for(REPLACEMENT, bold)
                .unwrap_or(FaceId::fallback(bold));
            // Flush the current run, then draw the replacement on its own.
            if let Some(rf) = run_face {
                shape_run(set, rf, &text[run_start..i], base + run_start, out);
            }
            push_replacement(set, f, base + i, out);
            run_face = None;
            run_start = i + c.len_utf8();
            continue;
        };
        if face != run_face {
            if let Some(rf) = run_face {
                shape_run(set, rf, &text[run_start..i], base + run_start, out);
            }
            run_start = i;
            run_face = face;
        }
        if face.is_none() {
            // Invisible characters produce no glyph; the next run starts after them.
            run_start = i + c.len_utf8();
        }
    }
    if let Some(rf) = run_face {
        shape_run(set, rf, &text[run_start..], base + run_start, out);
    }
}

fn push_replacement(set: &FontSet, face: FaceId, cluster: usize, out: &mut Vec<ShapedGlyph>) {
    let f = set.face(face);
    let gid = f.glyph_index(REPLACEMENT).unwrap_or(GlyphId(0));
    let upem = f64::from(f.units_per_em());
    let advance = f
        .glyph_hor_advance(gid)
        .map_or(0.5, |a| f64::from(a) / upem) as f32;
    out.push(ShapedGlyph {
        face,
        gid: gid.0,
        advance,
        x_offset: 0.0,
        y_offset: 0.0,
        cluster,
    });
}

/// Shapes a run that one face draws, a word at a time through the word cache.
///
/// Shaping dominated the time to make a PDF, and the same words recur constantly, within a
/// notice and across notices. So a run is cut into words and spaces, and each is shaped
/// once per thread and remembered. Atkinson kerns a space against the letters on either
/// side of it (`y` then space, space then `A`), so each piece is shaped in the context that
/// can change it: a word with the spaces around it (if any), a space with the characters
/// either side; only the piece's own glyphs are kept. The result is the same, glyph for
/// glyph, as shaping the whole run (see the test below).
fn shape_run(set: &FontSet, face: FaceId, text: &str, base: usize, out: &mut Vec<ShapedGlyph>) {
    WORDS.with_borrow_mut(|faces| {
        let cache = &mut faces[face.index()];
        if cache.words.len() + cache.spaces.len() > MAX_CACHED_WORDS {
            cache.words.clear();
            cache.spaces.clear();
        }
        let mut key = String::new();
        let mut start = 0;
        while start < text.len() {
            let rest = &text[start..];
            let (piece, lead, map) = if let Some(after) = rest.strip_prefix(' ') {
                // A space, between the characters either side of it.
                key.clear();
                let before = text[..start].chars().next_back();
                key.extend(before);
                key.push(' ');
                key.extend(after.chars().next());
                (" ", before.map_or(0, char::len_utf8), &mut cache.spaces)
            } else {
                // A word, with a space before and after it where there is one.
                let word = &rest[..rest.find(' ').unwrap_or(rest.len())];
                key.clear();
                if start > 0 {
                    key.push(' ');
                }
                key.push_str(word);
                if start + word.len() < text.len() {
                    key.push(' ');
                }
                (word, usize::from(start > 0), &mut cache.words)
            };
            let at = base + start;
            let placed = |g: &ShapedGlyph| ShapedGlyph {
                cluster: g.cluster + at,
                ..*g
            };
            if let Some(glyphs) = map.get(key.as_str()) {
                out.extend(glyphs.iter().map(placed));
            } else {
                let mut glyphs = Vec::new();
                shape_uncached(set, face, &key, 0, &mut glyphs);
                glyphs.retain(|g| (lead..lead + piece.len()).contains(&g.cluster));
                for g in &mut glyphs {
                    g.cluster -= lead;
                }
                out.extend(glyphs.iter().map(placed));
                map.insert(key.as_str().into(), glyphs);
            }
            start += piece.len();
        }
    });
}

/// Words remembered per face and thread before the cache starts again (a word and its
/// glyphs take about 150 bytes).
const MAX_CACHED_WORDS: usize = 20_000;

/// Shaped words and spaces of one face, by their text in context; clusters are relative
/// to the piece. Keyed with rustc-hash's Fx hash rather than the standard SipHash: the keys
/// are our own text, not an attacker's, and hashing every word of every line was a visible
/// part of laying out a page.
#[derive(Default)]
struct WordCache {
    words: rustc_hash::FxHashMap<Box<str>, Vec<ShapedGlyph>>,
    spaces: rustc_hash::FxHashMap<Box<str>, Vec<ShapedGlyph>>,
}

thread_local! {
    static WORDS: std::cell::RefCell<[WordCache; 4]> = std::cell::RefCell::default();
}

fn shape_uncached(
    set: &FontSet,
    face: FaceId,
    text: &str,
    base: usize,
    out: &mut Vec<ShapedGlyph>,
) {
    if text.is_empty() {
        return;
    }
    let f = set.face(face);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    buffer.guess_segment_properties();
    let script = buffer.script();
    let shaped = if script == script::LATIN || script == script::UNKNOWN {
        // Latin, or only digits, spaces and punctuation: the cached plan fits.
        buffer.set_script(script::LATIN);
        rustybuzz::shape_with_plan(f, &set.loaded(face).latin, buffer)
    } else {
        rustybuzz::shape(f, &[], buffer)
    };
    let upem = f.units_per_em() as f32;
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        out.push(ShapedGlyph {
            face,
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 / upem,
            x_offset: pos.x_offset as f32 / upem,
            y_offset: pos.y_offset as f32 / upem,
            cluster: base + info.cluster as usize,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atkinson_draws_welsh_and_dejavu_draws_macron_o() {
        let set = fonts();
        for c in "ŵŷŴŶẃẁẅỳ•".chars() {
            assert_eq!(set.face_for(c, false), Some(FaceId::Regular), "{c}");
            assert_eq!(set.face_for(c, true), Some(FaceId::Bold), "{c}");
        }
        assert_eq!(set.face_for('Ō', false), Some(FaceId::FallbackRegular));
        assert_eq!(set.face_for('Ō', true), Some(FaceId::FallbackBold));
        assert_eq!(set.face_for('\u{1F9E0}', false), None);
        assert!(set.face_for(REPLACEMENT, false).is_some());
    }

    #[test]
    fn shaping_reports_missing_characters() {
        let mut out = Vec::new();
        let mut missing = Vec::new();
        shape("a\u{1F9E0}Ō b", 10, false, &mut out, &mut missing);
        assert_eq!(missing, vec![(11, '\u{1F9E0}')]);
        assert_eq!(out.len(), 5);
        assert!(out.iter().all(|g| g.gid != 0));
        let clusters: Vec<usize> = out.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, vec![10, 11, 15, 17, 18]);
        assert_eq!(out[2].face, FaceId::FallbackRegular);
    }

    #[test]
    fn shaping_word_by_word_matches_shaping_whole_runs() {
        // The word cache relies on no face acting across a space. Check it on every
        // paragraph-sized run of the seed notices and on awkward text, in both weights.
        let set = fonts();
        let mut texts: Vec<String> = crate::synth::SEEDS
            .iter()
            .flat_map(|(_, yaml)| yaml.lines().map(|l| l.trim().to_owned()))
            .collect();
        texts.push("AV AT Ty 'quoted' \"double\" fi fl ffi -- — Wy. T, 1/2".to_owned());
        texts.push("  leading and  double  spaces ".to_owned());
        for text in &texts {
            for face in [FaceId::Regular, FaceId::Bold] {
                if !text.chars().all(|c| set.has(face, c)) {
                    continue;
                }
                let mut whole = Vec::new();
                shape_uncached(set, face, text, 7, &mut whole);
                let mut words = Vec::new();
                shape_run(set, face, text, 7, &mut words);
                assert_eq!(whole, words, "{face:?}: {text:?}");
            }
        }
    }

    #[test]
    fn invisible_characters_have_no_glyph() {
        let mut out = Vec::new();
        let mut missing = Vec::new();
        shape("a\u{00AD}b\u{200B}c", 0, false, &mut out, &mut missing);
        assert!(missing.is_empty());
        assert_eq!(out.len(), 3);
    }
}
