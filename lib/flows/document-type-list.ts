// How the onboarding and step-up forms list document types: by country, then by name, with
// a filter. The API answers them in its own order (by id), which no person searches by.

type Listed = { id: number; country: string; countryName: string; name: string };

const collator = new Intl.Collator("en", { sensitivity: "base" });

export function sortDocumentTypes<T extends Listed>(types: T[]): T[] {
  return [...types].sort((a, b) => collator.compare(a.countryName, b.countryName) || collator.compare(a.name, b.name) || a.id - b.id);
}

/** Every word must appear in the country (name or code), the document's name or its id; case and accents aside. */
export function filterDocumentTypes<T extends Listed>(types: T[], query: string): T[] {
  const fold = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return types;
  return types.filter((t) => {
    const haystack = fold(`${t.countryName} ${t.country} ${t.name} ${t.id}`);
    return words.every((w) => haystack.includes(w));
  });
}
