using System.Diagnostics;
using ClipHost.Engine.Evaluation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>One probe measurement: the median seconds of one fit at a fixed L2, and of the whole search plus refit.</summary>
public sealed record ProbeBenchResult(int Samples, int Dimension, int Classes, int Runs, double FitSecondsMedian, double SearchSecondsMedian, double L2, double Accuracy);

/// <summary>
/// Times the linear probe on seeded synthetic features (class means plus unit noise, so the fit has real structure to
/// find): one L-BFGS fit at L2 1e-4, and the full protocol (L2 search on a held-out fifth, refit on all), median of runs.
/// </summary>
public static class ProbeBenchmark
{
    public static ProbeBenchResult Run(int samples, int dimension, int classes, int runs, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(0);
        var labels = Enumerable.Range(0, samples).Select(i => (long)(i % classes)).ToArray();
        var means = randn([classes, dimension], generator: generator) * 0.05;
        var features = means.index_select(0, tensor(labels)) + randn([samples, dimension], generator: generator);
        var cut = samples * 4 / 5;
        var (train, val) = (features[..cut], features[cut..]);
        var fits = new List<double>();
        var searches = new List<double>();
        var (l2, accuracy) = (0.0, 0.0);
        for (var r = 0; r < runs; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            LinearProbe.Fit(features, labels, classes, 1e-4).Dispose();
            fits.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            (l2, _) = L2Search.Choose(train, labels[..cut], val, labels[cut..], classes, cancellationToken);
            using var probe = LinearProbe.Fit(features, labels, classes, l2);
            searches.Add(clock.Elapsed.TotalSeconds);
            using var logits = probe.Logits(val);
            accuracy = Metrics.TopK(logits, labels[cut..], 1);
        }
        return new(samples, dimension, classes, runs, Median(fits), Median(searches), l2, accuracy);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
