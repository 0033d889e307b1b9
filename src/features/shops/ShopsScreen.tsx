// Placeholder: the shop register, participation and certification screens are built here.
export default function ShopsScreen() {
  return <section className="screen"><h2>Winkels</h2></section>;
}
