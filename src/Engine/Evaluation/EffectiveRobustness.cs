using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Fits the baseline of effective robustness over many models (Taori et al. 2020): ordinary least squares of
/// logit(shifted) on logit(in-distribution). Call <see cref="RobustnessBaseline.Of"/> on the fit for one model's residual.
/// </summary>
public static class EffectiveRobustness
{
    public static RobustnessBaseline Fit(IReadOnlyList<(double InDistribution, double Shifted)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var x = points.Select(p => RobustnessBaseline.Logit(p.InDistribution)).ToArray();
        var y = points.Select(p => RobustnessBaseline.Logit(p.Shifted)).ToArray();
        var (meanX, meanY) = (x.DefaultIfEmpty().Average(), y.DefaultIfEmpty().Average());
        var variance = x.Sum(v => (v - meanX) * (v - meanX));
        if (points.Count < 2 || variance <= 0)
        {
            throw new ArgumentException($"a baseline needs at least two models of different in-distribution accuracy; got {points.Count}", nameof(points));
        }
        var slope = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum() / variance;
        return new RobustnessBaseline(slope, meanY - (slope * meanX));
    }
}
