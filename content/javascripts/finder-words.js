// Dutch words for the finder (see generator/rendering/search_words.py, whose rules these are):
// a query's synonyms become their group's word, hyphens count as spaces, and the words the
// index added after the story's own (`^woning`) are left out of an excerpt.
// `normalForm` must give what Python's `normal_form` gives; tests/test_search.py runs both.

export const ADDED = "^";

const KEPT = { ouder: "ouders", ouders: "ouders" };

function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

// One form for the inflections of a Dutch word: `daklozen`, `dakloze`, `dakloos` -> `daklos`.
export function normalForm(word) {
  let w = (fold(word).match(/\p{L}+/gu) || []).join("");
  if (w in KEPT) return KEPT[w];
  if (w.length > 4 && w.endsWith("en")) {
    w = w.slice(0, -2);
  } else if (w.length > 3 && w.endsWith("e")) {
    w = w.slice(0, -1);
  } else if (w.length > 3 && w.endsWith("s") && "rlne".includes(w.at(-2))) {
    w = w.slice(0, -1);
    if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  }
  if (w.endsWith("z")) w = w.slice(0, -1) + "s";
  else if (w.endsWith("v")) w = w.slice(0, -1) + "f";
  const vowel = (c) => "aeiou".includes(c);
  if (w.length > 3 && !vowel(w.at(-1)) && w.at(-2) === w.at(-3) && "aeou".includes(w.at(-2))) {
    w = w.slice(0, -3) + w.at(-2) + w.at(-1);
  }
  if (w.length > 3 && w.at(-1) === w.at(-2) && !vowel(w.at(-1))) w = w.slice(0, -1);
  return w;
}

// The query Pagefind gets: hyphens and dashes as spaces ("Nieuw-Vennep" finds what "Nieuw
// Vennep" finds), and each phrase of a synonym group as the group's word (`groups`: the
// phrases' normal forms joined by spaces -> the group word; the longest phrase first).
export function searchQuery(query, groups) {
  const words = query.split(/[\s\p{Pd}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const forms = words.map(normalForm);
  let longest = 1;
  for (const phrase of Object.keys(groups)) longest = Math.max(longest, phrase.split(" ").length);
  const out = [];
  for (let i = 0; i < words.length; ) {
    let found = 0;
    for (let n = Math.min(longest, words.length - i); n > 0 && !found; n--) {
      const group = forms[i + n - 1] && groups[forms.slice(i, i + n).join(" ")];
      if (group) {
        out.push(group);
        found = n;
      }
    }
    if (!found) out.push(words[i]);
    i += found || 1;
  }
  return [...new Set(out)].join(" ");
}

// Pagefind's excerpt without the added words; a highlighted added word highlights the
// story's word it follows.
export function storyExcerpt(excerpt) {
  const out = [];
  for (const word of (excerpt || "").split(" ")) {
    const marked = word.startsWith("<mark>") && word.endsWith("</mark>");
    const bare = marked ? word.slice(6, -7) : word;
    if (bare.startsWith(ADDED)) {
      const last = out.length - 1;
      if (marked && last >= 0 && !out[last].startsWith("<mark>")) out[last] = `<mark>${out[last]}</mark>`;
      continue;
    }
    out.push(word);
  }
  return out.join(" ");
}
