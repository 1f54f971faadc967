// How far V8 lets the heap grow past what was live at the last full collection. Under load (50
// testers watching flows, another team's CI on the emulator) objects that outlive a scavenge or
// two are promoted at several MB a second, and with this machine's memory V8 let the heap reach
// up to four times the live set before collecting, then shrank it over minutes: RSS stayed
// 110-270 MB above idle after the load. 25% keeps the heap near the live set: more frequent full
// collections, which V8 marks concurrently, for a heap that stays about 175 MB under that load.
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 25;

/** For the server's process, before it takes load. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT) {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
