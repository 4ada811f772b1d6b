namespace ClipHost.Reports;

/// <summary>The training figures of one run or several overlaid: loss, learning rate, logit scale and validation, against samples seen.</summary>
public static class CurveFigures
{
    private const string Samples = "samples seen";

    public static IReadOnlyList<ResultsFigure> Of(IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var figures = new List<ResultsFigure>
        {
            Figure("loss", "Training loss", "loss", runs, r => r.Curves.Loss),
            Figure("learning-rate", "Learning rate", "learning rate", runs, r => r.Curves.LearningRate),
            Figure("logit-scale", "Logit scale", "exp(logit scale)", runs, r => r.Curves.LogitScale),
        };
        var validation = runs.SelectMany(r => r.Curves.Validation.Keys).Distinct().ToList();
        if (validation.Contains("loss"))
        {
            figures.Add(Figure("validation-loss", "Validation loss", "contrastive loss", runs, r => r.Curves.Validation.GetValueOrDefault("loss") ?? []));
        }
        var recalls = validation.Where(k => k.Contains("recall", StringComparison.Ordinal)).ToList();
        if (recalls.Count > 0)
        {
            // Several recalls of several runs: one series per run and metric.
            var series = runs.SelectMany(r => recalls.Select(k => Series(runs.Count > 1 ? $"{r.Name} {k}" : k, r.Curves.Validation.GetValueOrDefault(k) ?? [])))
                .Where(s => s.X.Count > 0).ToList();
            figures.Add(new ResultsFigure("validation-recall", "Validation recall", Samples, "recall", series));
        }
        return [.. figures.Where(f => f.Series.Count > 0)];
    }

    private static ResultsFigure Figure(string name, string title, string y, IReadOnlyList<RunSummary> runs, Func<RunSummary, IReadOnlyList<(long Samples, double Value)>> curve) =>
        new(name, title, Samples, y, [.. runs.Select(r => Series(r.Name, curve(r))).Where(s => s.X.Count > 0)]);

    private static FigureSeries Series(string label, IReadOnlyList<(long Samples, double Value)> points) =>
        new(label, [.. points.Select(p => (double)p.Samples)], [.. points.Select(p => p.Value)]);
}
