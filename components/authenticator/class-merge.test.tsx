import { readdirSync, readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { mergeClasses } from "./class-merge";
import { Button, Card, Spinner } from "./ui";

const classSet = (classes: string) => [...new Set(classes.split(/\s+/).filter(Boolean))].sort();
const firstClassAttribute = (html: string) => /class="([^"]*)"/.exec(html)?.[1] ?? "";

/** Every class string the virtual app's screens pass to a primitive, each quoted literal of its className. */
function callerClasses(component: string): string[] {
  const found = new Set<string>();
  const directory = new URL(".", import.meta.url);
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".tsx") && !name.endsWith(".test.tsx"))) {
    const source = readFileSync(new URL(file, directory), "utf8");
    for (const tag of source.matchAll(new RegExp(`<${component}\\b[^>]*?className=(\\{[^}]*\\}\\}?|"[^"]*")`, "g"))) {
      for (const literal of tag[1].matchAll(/"([^"]*)"|`([^`$]*)/g)) if ((literal[1] ?? literal[2])?.trim()) found.add((literal[1] ?? literal[2]).trim());
    }
  }
  return [...found];
}

describe("mergeClasses", () => {
  it("lets the caller's class win where both set the same thing", () => {
    expect(mergeClasses("inline-flex min-h-12 px-4 text-base text-white", "min-h-10 px-3 text-sm")).toBe("inline-flex text-white min-h-10 px-3 text-sm");
    expect(mergeClasses("border border-slate-200 bg-white", "border-indigo-200 bg-indigo-50/50")).toBe("border border-indigo-200 bg-indigo-50/50");
    expect(mergeClasses("size-5 animate-spin", undefined, "size-4")).toBe("animate-spin size-4");
  });

  // The screens pass what they need to the primitives; each must come out as tailwind-merge would merge it.
  for (const [name, render] of [
    ["Button", (className?: string) => renderToStaticMarkup(<Button className={className}>Go</Button>)],
    ["Card", (className?: string) => renderToStaticMarkup(<Card className={className}>Body</Card>)],
    ["Spinner", (className?: string) => renderToStaticMarkup(<Spinner className={className} />)],
  ] as const) {
    it(`merges every className the screens give a ${name} as tailwind-merge would`, () => {
      const callers = callerClasses(name);
      expect(callers.length).toBeGreaterThan(0);
      const own = firstClassAttribute(render());
      for (const caller of callers) expect(classSet(firstClassAttribute(render(caller))), caller).toEqual(classSet(twMerge(own, caller)));
    });
  }
});
