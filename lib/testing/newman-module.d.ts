// The part of newman's programmatic API the tests use (newman ships no types).
declare module "newman" {
  type Execution = {
    item: { name: string };
    request: { method: string; url: { toString(): string } };
    response?: { code: number; stream?: Buffer };
    assertions?: { assertion: string; error?: { message: string } }[];
  };
  type Summary = { run: { executions: Execution[]; failures: { source?: { name?: string }; error: { message: string } }[] } };
  type Options = { collection: object; reporters?: string[]; folder?: string; envVar?: { key: string; value: string }[]; timeoutRequest?: number };
  const newman: { run(options: Options, callback: (error: Error | null, summary: Summary) => void): void };
  export default newman;
}
