namespace ClipHost.Reports;

/// <summary>
/// The paper's plots over a study's finished cells, each only when its x varies: a metric against samples seen, total
/// training GFLOPs (log x), quality cut (kept fraction) and dataset size (training pairs), one series per value of the
/// axes that do not drive x (seed aside), seed groups as points with ± std error bars; and the robustness scatter.
/// </summary>
public static class StudyFigures
{
    public const string SeedAxis = "training.seed";

    private sealed record XMeasure(string Name, string Label, Func<RunSummary, double?> Of, Func<string, bool> Drives, bool Log = false);

    private static readonly XMeasure[] Measures =
    [
        new("samples", "samples seen", r => r.Compute?.SamplesSeen ?? (r.Loss.Count > 0 ? r.Loss[^1].Samples : null), a => a.StartsWith("training.budget", StringComparison.Ordinal)),
        new("gflops", "total training GFLOPs", r => r.Compute?.TrainingGflops, a => a.StartsWith("training.budget", StringComparison.Ordinal), Log: true),
        new("quality-cut", "kept fraction (quality cut, %)", r => r.Subset is { } s ? KeptPercent(s) : 100, a => a.StartsWith("data.filters", StringComparison.Ordinal)),
        new("dataset-size", "training pairs", r => r.Subset?.Ids.Count, a => a.StartsWith("data.subset", StringComparison.Ordinal) || a.StartsWith("data.filters", StringComparison.Ordinal)),
    ];

    /// <summary>
    /// The share of the filters' candidates the subset keeps: of the pairs entering the first filter (the training
    /// selection), not of the whole store, whose val and test splits and held-out styles no cut ever sees.
    /// </summary>
    private static double KeptPercent(Engine.Filtering.SubsetRecord subset) =>
        subset.Lineage is [{ In: > 0 } first, ..] ? 100.0 * subset.Ids.Count / first.In
        : subset.SourceCount > 0 ? 100.0 * subset.Ids.Count / subset.SourceCount : 100;

    public static IReadOnlyList<ResultsFigure> Of(StudyView study, IReadOnlyList<(StudyCellView Cell, RunSummary Run)> done, string metric)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(done);
        var figures = new List<ResultsFigure>();
        foreach (var x in Measures)
        {
            var xs = done.Select(d => x.Of(d.Run)).OfType<double>().Select(v => Math.Round(v, 6)).Distinct().Count();
            if (xs < 2)
            {
                continue;
            }
            var seriesAxes = study.Axes.Where(a => a != SeedAxis && !x.Drives(a)).ToList();
            var series = done.Where(d => x.Of(d.Run) is not null)
                .GroupBy(d => Label(d.Cell, seriesAxes), StringComparer.Ordinal)
                .Select(s => Series(s.Key, [.. s], study.Axes, x, metric)).Where(s => s.X.Count > 0).ToList();
            figures.Add(new ResultsFigure($"{x.Name}-{ResultsHtml.Slug(metric)}", $"{metric} vs {x.Label}", x.Label, $"{metric} (%)", series, x.Log));
        }
        return figures;
    }

    /// <summary>A scatter per shift: the shifted average against in-distribution accuracy, a series per seed group.</summary>
    public static IReadOnlyList<ResultsFigure> Robustness(StudyView study, IReadOnlyList<(StudyCellView Cell, RunSummary Run)> done)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(done);
        var groupAxes = study.Axes.Where(a => a != SeedAxis).ToList();
        return [.. done.SelectMany(d => d.Run.Shifts.Select(s => (d.Cell, Shift: s))).GroupBy(p => p.Shift.Name, StringComparer.Ordinal).Select(shift =>
            new ResultsFigure($"robustness-{ResultsHtml.Slug(shift.Key)}", $"Robustness ({shift.Key}): shifted vs in-distribution {shift.First().Shift.Metric}",
                "in-distribution (%)", "shifted, average of variants (%)",
                [.. shift.GroupBy(p => Label(p.Cell, groupAxes), StringComparer.Ordinal).Select(g => new FigureSeries(g.Key,
                    [.. g.Select(p => p.Shift.InDistributionValue * 100)], [.. g.Select(p => p.Shift.Average.Value * 100)]))],
                Markers: true))];
    }

    /// <summary>"model.vision.architecture=vit, training.budget.gflops=2" (or "all" with no such axis).</summary>
    public static string Label(StudyCellView cell, IReadOnlyList<string> axes)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var parts = axes.Select(a => $"{a}={cell.Values.GetValueOrDefault(a, "-")}").ToList();
        return parts.Count == 0 ? "all" : string.Join(", ", parts);
    }

    private static FigureSeries Series(string label, IReadOnlyList<(StudyCellView Cell, RunSummary Run)> cells, IReadOnlyList<string> axes, XMeasure x, string metric)
    {
        // A point per seed group: the cells that agree on every axis but the seed.
        var groupAxes = axes.Where(a => a != SeedAxis).ToList();
        var points = cells.GroupBy(c => Label(c.Cell, groupAxes), StringComparer.Ordinal)
            .Select(g => (X: g.Select(c => x.Of(c.Run)!.Value).Average(),
                Y: SeedStatistic.Of(g.SelectMany(c => c.Run.Headline().Where(h => h.Column == metric).Select(h => h.Value)))))
            .Where(p => p.Y is not null).OrderBy(p => p.X).ToList();
        return new FigureSeries(label, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y!.Mean * 100)], [.. points.Select(p => p.Y!.Std * 100)]);
    }
}
