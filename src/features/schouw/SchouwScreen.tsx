// Placeholder: the schouw walk (plan an inspection, capture findings) is built here.
export default function SchouwScreen() {
  return <section className="screen"><h2>Schouw</h2></section>;
}
