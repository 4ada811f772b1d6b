namespace ClipHost.Engine.Experiments;

/// <summary>
/// The accuracy a model of the usual kind reaches on a shifted set given its in-distribution accuracy: a line in logit
/// space, logit(shifted) = Slope * logit(inDistribution) + Intercept (Taori et al. 2020, "Measuring robustness to
/// natural distribution shifts"; CLIP Sec. 3.3). A model's effective robustness is how far above the line it lies.
/// </summary>
/// <param name="Slope">The line's slope in logit space.</param>
/// <param name="Intercept">The line's intercept in logit space.</param>
public sealed record RobustnessBaseline(double Slope, double Intercept)
{
    /// <summary>Accuracies of 0 and 1 have no logit; they are held this far inside (0, 1).</summary>
    public const double Epsilon = 1e-6;

    /// <summary>The shifted accuracy the line expects at this in-distribution accuracy.</summary>
    public double Expected(double inDistribution) => Sigmoid((Slope * Logit(inDistribution)) + Intercept);

    /// <summary>Effective robustness: the shifted accuracy minus what the line expects.</summary>
    public double Of(double inDistribution, double shifted) => shifted - Expected(inDistribution);

    public static double Logit(double p)
    {
        var q = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return Math.Log(q / (1 - q));
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
