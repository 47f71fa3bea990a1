package meanfield.solvers.model;

/** f0(v, xi) up to a factor per label: solvers normalize each label to mass 1. */
@FunctionalInterface
public interface InitialDensity {
    double value(double v, double xi);
}
