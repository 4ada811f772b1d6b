using System.Globalization;
using System.Text;
using ClipHost.Engine.Search;

namespace ClipHost.Reports;

/// <summary>
/// The search's answer as Markdown: the recommended recipe, every trial by rung with its budget, spend and validation
/// objective (promoted ones marked), the search's total compute against the final budget, and the winner's test metrics.
/// </summary>
public static class RecipeSearchReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Markdown(string name, RecipeSearchCompute compute, IReadOnlyList<string> objective, IReadOnlyList<RecipeTrialRow> trials, string winner, IReadOnlyDictionary<string, double> test)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(test);
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"# Recipe search {name}");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Recommended: **{winner}**, trained at the full budget of {compute.BudgetGflops:N0} GFLOPs (`recommended.json`).");
        sb.AppendLine();
        Incumbent(sb, trials, winner);
        sb.AppendLine(Inv, $"Search compute: {compute.Describe()}.");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Trials are ranked by the mean of {string.Join(", ", objective.Select(o => $"`{o}`"))} on validation splits; the test split is used once, on the winner.");
        sb.AppendLine();
        var last = trials.Count > 0 ? trials.Max(t => t.Rung) : 0;
        sb.AppendLine("| rung | point | budget GFLOPs | spent GFLOPs | objective (%) | role |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var t in trials.OrderBy(t => t.Rung).ThenByDescending(t => t.Objective ?? double.MinValue))
        {
            sb.AppendLine(Inv, $"| {t.Rung} | {t.Label} | {t.BudgetGflops:N0} | {(t.TrainingGflops is { } g ? g.ToString("N0", Inv) : "-")} | {(t.Objective is { } o ? (100 * o).ToString("F2", Inv) : "failed")} | {t.Mark(winner, last)} |");
        }
        Evidence(sb, trials);
        sb.AppendLine();
        sb.AppendLine("## The winner on the test splits");
        sb.AppendLine();
        sb.AppendLine("| metric | value (%) |");
        sb.AppendLine("|---|---|");
        foreach (var (metric, value) in test.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(Inv, $"| {metric} | {100 * value:F2} |");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The recommendation against the base recipe at the full budget, when the search trained the base beside the
    /// trials: each point's mean over its final seeds, with their spread when there are several.
    /// </summary>
    private static void Incumbent(StringBuilder sb, IReadOnlyList<RecipeTrialRow> trials, string winner)
    {
        var last = trials.Count > 0 ? trials.Max(t => t.Rung) : 0;
        var final = trials.Where(t => t.Rung == last && t.Objective is not null).GroupBy(t => t.Cell, StringComparer.Ordinal)
            .Select(g => new FinalPoint(g.Key, g.First().Incumbent, SeedStatistic.Of(g.Select(t => 100 * t.Objective!.Value))!)).ToList();
        if (final.FirstOrDefault(t => t.Incumbent) is not { } baseline || final.FirstOrDefault(t => t.Cell == winner) is not { } chosen)
        {
            return;
        }
        if (chosen.Incumbent)
        {
            var best = final.Where(t => !t.Incumbent).MaxBy(t => t.Mean);
            sb.AppendLine(Inv, $"No trial beat the base recipe on validation at the full budget, so the base is recommended: {baseline.Describe()}{(best is null ? string.Empty : $" against {best.Describe()} for the best trial, {best.Cell}")}.");
        }
        else
        {
            sb.AppendLine(Inv, $"Against the base recipe ({baseline.Cell}) at the full budget: {chosen.Describe()} against {baseline.Describe()}, {chosen.Mean - baseline.Mean:+0.00;-0.00} points on validation. {Noise(chosen, baseline)}");
        }
        sb.AppendLine();
    }

    private static string Noise(FinalPoint chosen, FinalPoint baseline)
    {
        if (chosen.Seeds.N < 2 || baseline.Seeds.N < 2)
        {
            return "One seed each: a gap of a point or two is within the seed-to-seed noise, so train both with a few seeds before switching.";
        }
        var spread = Math.Max(chosen.Seeds.Std, baseline.Seeds.Std);
        return chosen.Mean - baseline.Mean > spread
            ? string.Create(Inv, $"The gap is larger than either recipe's seed spread (at most {spread:F2}).")
            : string.Create(Inv, $"The gap is inside the seed spread ({spread:F2}): the lead may be the seeds'; train more seeds of both before switching.");
    }

    /// <summary>A final point's objective over its seeds, in percent.</summary>
    private sealed record FinalPoint(string Cell, bool Incumbent, SeedStatistic Seeds)
    {
        public double Mean => Seeds.Mean;

        public string Describe() => Seeds.N < 2
            ? string.Create(Inv, $"{Mean:F2}%")
            : string.Create(Inv, $"{Mean:F2}% +- {Seeds.Std:F2} (n={Seeds.N})");
    }

    /// <summary>
    /// What each choice gained: per axis and value, the first rung's trials with that value (all at one budget, so they
    /// compare), their mean and best objective and how many there were; one seed per trial, so a gap of a point or
    /// two between values is within the seed-to-seed noise.
    /// </summary>
    private static void Evidence(StringBuilder sb, IReadOnlyList<RecipeTrialRow> trials)
    {
        var first = trials.Where(t => t.Rung == 0 && t.Objective is not null).ToList();
        if (first.Count == 0)
        {
            return;
        }
        sb.AppendLine();
        sb.AppendLine("## Evidence per axis (first rung, one seed per trial)");
        sb.AppendLine();
        sb.AppendLine("| axis | value | trials | mean objective (%) | best (%) |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var axis in first.SelectMany(t => t.Values.Keys).Distinct(StringComparer.Ordinal))
        {
            foreach (var value in first.Where(t => t.Values.ContainsKey(axis)).GroupBy(t => t.Values[axis], StringComparer.Ordinal).OrderByDescending(g => g.Average(t => t.Objective!.Value)))
            {
                sb.AppendLine(Inv, $"| {axis} | {value.Key} | {value.Count()} | {100 * value.Average(t => t.Objective!.Value):F2} | {100 * value.Max(t => t.Objective!.Value):F2} |");
            }
        }
    }
}
