export function RaidsPage() {
  return <h1>Raids</h1>;
}
