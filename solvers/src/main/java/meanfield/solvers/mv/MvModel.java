package meanfield.solvers.mv;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;

/**
 * The McKean–Vlasov limit of MODEL.md 3 as data, on the torus T^d:
 * d_t f + div(f (Kf * f)) = sigma Laplace f,  (Kf * f)(x) = int Kf(x - y) f(y) dy,
 * the limit of dX_i = (1/N) sum_j Kf(X_i - X_j) dt + sqrt(2 sigma) dB_i.
 *
 * @param dimension   d = 1, 2 or 3
 * @param sigma       diffusion coefficient, >= 0
 * @param interaction Kf, a vector field: its d components in order (x, y, z)
 * @param initial     f0 >= 0, normalized to mass 1 by the solver
 */
public record MvModel(int dimension, double sigma, List<TorusFunction> interaction, TorusFunction initial) {
    public MvModel {
        if (dimension < 1 || dimension > 3) {
            throw new InvalidModelException(Part.GRID, "the dimension must be 1, 2 or 3, got " + dimension);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new InvalidModelException(Part.SIGMA, "sigma must be finite and >= 0, got " + sigma);
        }
        if (interaction.size() != dimension) {
            throw new InvalidModelException(Part.KERNEL, "the interaction Kf needs " + dimension
                    + " components in dimension " + dimension + ", got " + interaction.size());
        }
        interaction = List.copyOf(interaction);
    }

    /** d = 1: Kf(x) and f0(x) as functions of x in [0, 1). */
    public static MvModel oneDimensional(double sigma, DoubleUnaryOperator interaction, DoubleUnaryOperator initial) {
        return new MvModel(1, sigma, List.of(x -> interaction.applyAsDouble(x[0])), x -> initial.applyAsDouble(x[0]));
    }
}
