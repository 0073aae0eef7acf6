/** "About the theory": the paper cited by title and arXiv number, and what is this playground's own. */
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
    </section>
  );
}
