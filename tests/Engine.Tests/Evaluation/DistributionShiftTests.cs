using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Shift summaries and effective robustness from hand-computed numbers.</summary>
public sealed class DistributionShiftTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Summarize_KnownAccuracies_GivesAverageRelativeAndEffectiveRobustness()
    {
        var shift = new ShiftConfig
        {
            Name = "styles",
            InDistribution = "held-in",
            Variants = ["google", "clipart"],
            Baselines = new Dictionary<string, RobustnessBaseline> { ["average"] = new(1, -1), ["google"] = new(0.5, 0) },
        };
        var accuracy = new Dictionary<string, double> { ["held-in"] = 0.5, ["google"] = 0.3, ["clipart"] = 0.2 };

        var result = DistributionShift.Summarize(shift, "m", n => accuracy[n]);

        Assert.Equal(0.5, result.InDistributionValue);
        Assert.Equal(["google", "clipart"], result.Variants.Select(v => v.Dataset));
        Assert.Equal(-0.2, result.Variants[0].RelativeRobustness, 12);
        Assert.Equal(-0.3, result.Variants[1].RelativeRobustness, 12);
        // google: logit(0.5) = 0, so the line expects sigmoid(0.5 * 0 + 0) = 0.5 and the model sits 0.2 below it.
        Assert.Equal(0.5, result.Variants[0].Expected!.Value, 12);
        Assert.Equal(-0.2, result.Variants[0].EffectiveRobustness!.Value, 12);
        Assert.Null(result.Variants[1].EffectiveRobustness);
        // average: (0.3 + 0.2) / 2 = 0.25 against sigmoid(1 * 0 - 1) = 0.268941...
        Assert.Equal(0.25, result.Average.Value, 12);
        Assert.Equal(-0.25, result.Average.RelativeRobustness, 12);
        Assert.Equal(0.25 - 0.2689414213699951, result.Average.EffectiveRobustness!.Value, 12);
    }

    [Fact]
    public void Fit_PointsOnALineInLogitSpace_RecoversItAndTheResidual()
    {
        // logit(shifted) = 2 logit(id) - 1, at logit(id) = -1, 0 and 1.
        var points = new[] { -1.0, 0, 1 }.Select(x => (Sigmoid(x), Sigmoid((2 * x) - 1))).ToList();

        var baseline = EffectiveRobustness.Fit(points);

        Assert.Equal(2, baseline.Slope, 9);
        Assert.Equal(-1, baseline.Intercept, 9);
        Assert.Equal(0.3 - Sigmoid(-1), baseline.Of(0.5, 0.3), 9);
        Assert.Throws<ArgumentException>(() => EffectiveRobustness.Fit([(0.5, 0.4)]));
    }

    [Fact]
    public void Validate_ShiftNamingAMissingEvaluation_IsRefusedNamingTheField()
    {
        EvaluationConfig[] evaluations = [new() { Name = "held-in", Labels = "x" }, new() { Name = "google", Labels = "x" }, new() { Name = "pairs", Task = "zeroshot_retrieval" }];
        ShiftConfig[] shifts =
        [
            new() { Name = "ok", InDistribution = "held-in", Variants = ["google"] },
            new() { Name = "bad", InDistribution = "held-in", Variants = ["google", "goggle", "pairs"], Metric = "acc2", Baselines = new Dictionary<string, RobustnessBaseline> { ["clipart"] = new(1, 0) } },
        ];

        var errors = ShiftChecks.Validate(shifts, evaluations);

        Assert.Equal(["shifts[1].variants[1]", "shifts[1].variants[2]", "shifts[1].metric", "shifts[1].baselines"], errors.Select(e => e.Field));
        Assert.Contains("no zeroshot_classification evaluation named 'goggle'; zeroshot_classification evaluations: held-in, google", errors[0].Message, StringComparison.Ordinal);
    }
}
